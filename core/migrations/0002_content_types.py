"""The content type of QueuedTaskFailure follows the model from app label "accounts" to "core".

Renamed in place (id kept) by ``core.content_types.relabel_content_types``, so permissions (and
those holding them) and admin log entries keep working; a duplicate row under the new label is merged.
"""

from django.db import migrations

from core.content_types import relabel_content_types

MOVED = ("queuedtaskfailure",)


def forwards(apps, schema_editor):
    relabel_content_types(apps, schema_editor, old="accounts", new="core", models=MOVED)


def backwards(apps, schema_editor):
    relabel_content_types(apps, schema_editor, old="core", new="accounts", models=MOVED)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('accounts', '0003_queuedtaskfailure_moved_to_core'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        # Admin log entries point at content types too; their table must be in the state to be repointed.
        ('admin', '0003_logentry_add_action_flag_choices'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
