"""Facet moves here from the matching app: state only, its table (``matching_facet``, created by
matching.0001 and filled from the fixture by matching.0002) and its rows stay where they are."""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('matching', '0002_load_taxonomy'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Facet',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('partnership_type', 'Partnership type'), ('therapeutic_area', 'Therapeutic area'), ('technology', 'Technology'), ('stage', 'Development stage')], max_length=20, verbose_name='kind')),
                        ('slug', models.SlugField(max_length=60, verbose_name='slug')),
                        ('label_en', models.CharField(max_length=120, verbose_name='label (English)')),
                        ('label_ko', models.CharField(max_length=120, verbose_name='label (Korean)')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('is_active', models.BooleanField(default=True, verbose_name='active')),
                    ],
                    options={
                        'verbose_name': 'taxonomy term',
                        'verbose_name_plural': 'taxonomy terms',
                        'db_table': 'matching_facet',
                        'ordering': ['kind', 'order', 'slug'],
                        'constraints': [models.UniqueConstraint(fields=('kind', 'slug'), name='facet_kind_slug_unique')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
