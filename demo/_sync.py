"""Idempotent bulk upsert keyed on natural keys: what lets `load_demo` run twice and change nothing."""

from collections.abc import Iterable, Sequence
from typing import TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def upsert(
    model: type[M],
    rows: Sequence[dict],
    *,
    key: Sequence[str],
    sync: Iterable[str],
    queryset: models.QuerySet[M] | None = None,
) -> dict[tuple, M]:
    """Create missing rows and update changed ``sync`` fields of existing ones, in bulk.

    Fields in a row but not in ``sync`` are set only on creation (timestamps, first verifier):
    re-running must not rewrite history. Returns ``{key tuple: instance}`` for every row.
    """
    sync = list(sync)
    qs = queryset if queryset is not None else model._default_manager.all()
    # Narrow by the first key field, match the rest in Python (works for composite keys too).
    first = key[0]
    wanted = {row[first] for row in rows}
    existing = {tuple(getattr(o, f) for f in key): o for o in qs.filter(**{f"{first}__in": wanted})}
    result: dict[tuple, M] = {}
    to_create: list[M] = []
    to_update: list[M] = []
    for row in rows:
        k = tuple(row[f] for f in key)
        obj = existing.get(k)
        if obj is None:
            obj = model(**row)
            to_create.append(obj)
        else:
            changed = False
            for field in sync:
                if getattr(obj, field) != row[field]:
                    setattr(obj, field, row[field])
                    changed = True
            if changed:
                to_update.append(obj)
        result[k] = obj
    if to_create:
        model._default_manager.bulk_create(to_create, batch_size=500)
    if to_update and sync:
        model._default_manager.bulk_update(to_update, sync, batch_size=500)
    return result
