"""QueuedTaskFailure moves here from accounts: state only, its table (``accounts_queuedtaskfailure``,
created by accounts.0002) and its rows stay where they are."""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0002_queuedtaskfailure'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='QueuedTaskFailure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('task', models.CharField(max_length=200, verbose_name='task')),
                        ('kwargs', models.JSONField(default=dict, verbose_name='arguments')),
                        ('error', models.TextField(blank=True, verbose_name='last error')),
                        ('attempts', models.PositiveIntegerField(default=1, verbose_name='attempts')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('last_attempt_at', models.DateTimeField(auto_now=True, verbose_name='last attempt')),
                    ],
                    options={
                        'verbose_name': 'task waiting to be queued',
                        'verbose_name_plural': 'tasks waiting to be queued',
                        'db_table': 'accounts_queuedtaskfailure',
                        'ordering': ['pk'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
