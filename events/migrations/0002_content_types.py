"""Content types of the moved models follow them from app label "clusters" to "events".

Renamed in place (ids kept) by ``core.content_types.relabel_content_types``, so ``Linkage.source``
(a generic key), admin log entries and permissions keep working; a duplicate row is merged, and a
linkage logged under both rows is kept once.
"""

from django.db import migrations

from core.content_types import relabel_content_types

MOVED = ("event", "registration", "calendarfeed", "partneringsession", "meetingrequest", "meeting")


def _merge_linkages(apps, db, duplicate, kept):
    """An edge logged under both rows is one edge (the unique constraint would refuse the second)."""
    Linkage = apps.get_model("clusters", "Linkage")
    for edge in Linkage.objects.using(db).filter(source_type=duplicate):
        if Linkage.objects.using(db).filter(
            source_type=kept, source_id=edge.source_id, kind=edge.kind, org_a_id=edge.org_a_id, org_b_id=edge.org_b_id
        ).exists():
            edge.delete()


def forwards(apps, schema_editor):
    relabel_content_types(apps, schema_editor, old="clusters", new="events", models=MOVED, extra_merge=_merge_linkages)


def backwards(apps, schema_editor):
    relabel_content_types(apps, schema_editor, old="events", new="clusters", models=MOVED, extra_merge=_merge_linkages)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0001_initial'),
        ('clusters', '0004_events_moved_out'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        # Admin log entries point at content types too; their table must be in the state to be repointed.
        ('admin', '0003_logentry_add_action_flag_choices'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
