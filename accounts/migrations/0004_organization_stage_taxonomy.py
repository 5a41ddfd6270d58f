"""Organization.stage points at taxonomy.Facet (moved from matching): state only, the column and its
constraint already point at the same table."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_queuedtaskfailure_moved_to_core'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='organization',
                    name='stage',
                    field=models.ForeignKey(blank=True, limit_choices_to={'kind': 'stage'}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.facet', verbose_name='development stage'),
                ),
            ],
            database_operations=[],
        ),
    ]
