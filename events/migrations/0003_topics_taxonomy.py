"""Event.topics points at taxonomy.Facet (moved from matching): state only, the link table is unchanged."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_content_types'),
        ('taxonomy', '0001_initial'),
    ]

    # matching drops Facet from its state there; nothing may point at matching.Facet by then.
    run_before = [
        ('matching', '0008_facet_moved_to_taxonomy'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='event',
                    name='topics',
                    field=models.ManyToManyField(blank=True, related_name='events', to='taxonomy.facet', verbose_name='topics'),
                ),
            ],
            database_operations=[],
        ),
    ]
