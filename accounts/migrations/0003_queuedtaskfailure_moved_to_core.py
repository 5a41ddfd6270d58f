"""QueuedTaskFailure now belongs to core (core.0001 took it over): drop it from accounts' state only,
the table and its rows stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_queuedtaskfailure'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='QueuedTaskFailure')],
            database_operations=[],
        ),
    ]
