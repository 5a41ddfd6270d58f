"""The content type of Facet follows the model from app label "matching" to "taxonomy".

As in events.0002 and core.0002: the row is renamed in place, keeping its id, so its permissions
(and the groups and users holding them) and admin log entries keep working. If a row under the new
label exists already (``migrate`` creates content types for installed models), what points at that
duplicate is moved to the renamed row and the duplicate is deleted. A fresh database has no rows yet; they are created under
"taxonomy" after the migration.
"""

from django.contrib.contenttypes.models import ContentType as LiveContentType
from django.db import migrations

MOVED = ("facet",)


def _repoint(apps, db, target, old_pk, new_pk):
    """Point every foreign key to ``target`` row ``old_pk`` at ``new_pk``."""
    label = target._meta.label_lower
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if not (field.many_to_one or field.one_to_one) or field.related_model._meta.label_lower != label:
                continue
            rows = model._base_manager.using(db).filter(**{field.attname: old_pk})
            if model._meta.auto_created:
                # A many-to-many link table (group or user permissions): a holder linked to both keeps one link.
                other = next(f for f in model._meta.concrete_fields if f.many_to_one and f is not field)
                held = model._base_manager.using(db).filter(**{field.attname: new_pk}).values(other.attname)
                rows.filter(**{f"{other.attname}__in": held}).delete()
            rows.update(**{field.attname: new_pk})


def _merge(apps, db, duplicate, kept):
    """Move what points at the ``duplicate`` content type to ``kept``."""
    Permission = apps.get_model("auth", "Permission")
    kept_perms = dict(Permission.objects.using(db).filter(content_type=kept).values_list("codename", "pk"))
    for pk, codename in Permission.objects.using(db).filter(content_type=duplicate).values_list("pk", "codename"):
        if codename in kept_perms:
            _repoint(apps, db, Permission, pk, kept_perms[codename])
            Permission.objects.using(db).filter(pk=pk).delete()
        else:
            Permission.objects.using(db).filter(pk=pk).update(content_type=kept)
    _repoint(apps, db, duplicate.__class__, duplicate.pk, kept.pk)


def _relabel(apps, schema_editor, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        moving = ContentType.objects.using(db).filter(app_label=old, model=model).first()
        if moving is None:
            continue
        duplicate = ContentType.objects.using(db).filter(app_label=new, model=model).first()
        if duplicate is not None:
            _merge(apps, db, duplicate, moving)
            ContentType.objects.using(db).filter(pk=duplicate.pk).delete()
        moving.app_label = new
        moving.save(update_fields=["app_label"])
    # This process may hold the old labels in its cache by id.
    LiveContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    _relabel(apps, schema_editor, "matching", "taxonomy")


def backwards(apps, schema_editor):
    _relabel(apps, schema_editor, "taxonomy", "matching")


class Migration(migrations.Migration):

    dependencies = [
        ('taxonomy', '0001_initial'),
        ('matching', '0008_facet_moved_to_taxonomy'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        # Admin log entries point at content types too; their table must be in the state to be repointed.
        ('admin', '0003_logentry_add_action_flag_choices'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
