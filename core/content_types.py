"""Content types follow a model moved between apps (a state-only move keeping its table).

``relabel_content_types`` renames the model's content type row in place, keeping its id, so everything
pointing at it keeps working: generic keys (``Linkage.source``), admin log entries and permissions (and
the groups and users holding them). If a row under the new label exists already (``migrate`` creates
content types for installed models), the two are merged: what points at the duplicate is moved to the
renamed row, then the duplicate is deleted. A fresh database has no rows yet, so nothing happens there.
Used from migrations (with their historical ``apps``), so it reads models only through ``apps``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType as LiveContentType

# Extra merge step for rows the generic repointing cannot merge (e.g. a unique constraint): (apps, db, duplicate, kept).
MergeStep = Callable[[object, str, object, object], None]


def _repoint(apps, db: str, target, old_pk: int, new_pk: int) -> None:
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


def _merge(apps, db: str, duplicate, kept, extra: MergeStep | None) -> None:
    """Move what points at the ``duplicate`` content type to ``kept``."""
    Permission = apps.get_model("auth", "Permission")
    kept_perms = dict(Permission.objects.using(db).filter(content_type=kept).values_list("codename", "pk"))
    for pk, codename in Permission.objects.using(db).filter(content_type=duplicate).values_list("pk", "codename"):
        if codename in kept_perms:
            _repoint(apps, db, Permission, pk, kept_perms[codename])
            Permission.objects.using(db).filter(pk=pk).delete()
        else:
            Permission.objects.using(db).filter(pk=pk).update(content_type=kept)
    if extra is not None:
        extra(apps, db, duplicate, kept)
    _repoint(apps, db, duplicate.__class__, duplicate.pk, kept.pk)


def relabel_content_types(apps, schema_editor, *, old: str, new: str, models: Iterable[str],
                          extra_merge: MergeStep | None = None) -> None:
    """Move the content type rows of ``models`` (lower-case model names) from app ``old`` to ``new``."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in models:
        moving = ContentType.objects.using(db).filter(app_label=old, model=model).first()
        if moving is None:
            continue
        duplicate = ContentType.objects.using(db).filter(app_label=new, model=model).first()
        if duplicate is not None:
            _merge(apps, db, duplicate, moving, extra_merge)
            ContentType.objects.using(db).filter(pk=duplicate.pk).delete()
        moving.app_label = new
        moving.save(update_fields=["app_label"])
    # This process may hold the old labels in its cache by id, the lookup a generic key uses.
    LiveContentType.objects.clear_cache()
