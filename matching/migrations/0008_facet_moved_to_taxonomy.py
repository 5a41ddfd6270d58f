"""Facet now belongs to the taxonomy app (taxonomy 0001): repoint the listing fields, then drop Facet
from this app's state.

State only: the table ``matching_facet`` and the link tables stay, owned by taxonomy.Facet.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('matching', '0007_learnedweights'),
        ('taxonomy', '0001_initial'),
        # Every other reference to matching.Facet is repointed before the model leaves the state
        # (events 0003 declares itself to run before this one).
        ('accounts', '0004_organization_stage_taxonomy'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='listing',
                    name='partnership_types',
                    field=models.ManyToManyField(blank=True, limit_choices_to={'kind': 'partnership_type'}, related_name='+', to='taxonomy.facet', verbose_name='partnership types'),
                ),
                migrations.AlterField(
                    model_name='listing',
                    name='therapeutic_areas',
                    field=models.ManyToManyField(blank=True, limit_choices_to={'kind': 'therapeutic_area'}, related_name='+', to='taxonomy.facet', verbose_name='therapeutic areas'),
                ),
                migrations.AlterField(
                    model_name='listing',
                    name='technologies',
                    field=models.ManyToManyField(blank=True, limit_choices_to={'kind': 'technology'}, related_name='+', to='taxonomy.facet', verbose_name='technologies'),
                ),
                migrations.AlterField(
                    model_name='listing',
                    name='stage',
                    field=models.ForeignKey(blank=True, limit_choices_to={'kind': 'stage'}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.facet', verbose_name='development stage'),
                ),
                migrations.DeleteModel(name='Facet'),
            ],
            database_operations=[],
        ),
    ]
