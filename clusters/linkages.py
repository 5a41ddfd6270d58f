"""The one writer of ``Linkage``, the edge log the cluster indicators read.

Every edge is undirected and stored as an ordered pair (``org_a_id < org_b_id``); an edge is
written once per (kind, source record, pair), however often the thing that caused it is repeated
or however many processes record it at once (the unique constraint keeps one). Callers pass the
source record itself (a Match, a Meeting, an Event, ...); its content type is looked up here.
"""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from accounts.models import Organization

from .models import Cluster, Linkage

OrgRef = Organization | int | None


def _pk(value: models.Model | int | None) -> int | None:
    return value.pk if isinstance(value, models.Model) else value


def ordered_pair(org_a: OrgRef, org_b: OrgRef) -> tuple[int, int] | None:
    """The pair as stored (smaller id first), or None when it is no edge: a side missing, or one
    organisation with itself."""
    a, b = _pk(org_a), _pk(org_b)
    if a is None or b is None or a == b:
        return None
    return (a, b) if a < b else (b, a)


def _of_source(kind: str, source: models.Model) -> models.QuerySet[Linkage]:
    return Linkage.objects.filter(kind=kind, source_type=ContentType.objects.get_for_model(source), source_id=source.pk)


def linkage_record(
    *, kind: str, org_a: OrgRef, org_b: OrgRef, source: models.Model, weight: float = 1.0,
    at: datetime | None = None, cluster: Cluster | int | None = None,
) -> Linkage | None:
    """Write the edge between two organisations once; a repeat returns the stored edge unchanged.

    ``at`` is when it happened (default now). Returns None, writing nothing, when the pair is no edge.
    """
    pair = ordered_pair(org_a, org_b)
    if pair is None:
        return None
    # get_or_create retries the read when a concurrent writer won the unique constraint.
    linkage, _created = Linkage.objects.get_or_create(
        kind=kind, source_type=ContentType.objects.get_for_model(source), source_id=source.pk,
        org_a_id=pair[0], org_b_id=pair[1],
        defaults={"weight": weight, "occurred_at": at or timezone.now(), "cluster_id": _pk(cluster)},
    )
    return linkage


def linkages_remove(*, kind: str, source: models.Model) -> int:
    """Take back the edges of this kind a source wrote (a meeting recorded as not held after all)."""
    deleted, _by_model = _of_source(kind, source).delete()
    return deleted


def linkages_replace(
    *, kind: str, source: models.Model, pairs: Iterable[tuple[OrgRef, OrgRef]], weight: float,
    at: datetime, cluster: Cluster | int | None = None,
) -> int:
    """Make the source's edges of this kind exactly ``pairs``, all at ``weight``; returns the edge count.

    For edges recomputed as a whole (who co-attended an event). Only real changes are written, so
    replacing with the same pairs and weight issues no write at all.
    """
    wanted = {p for p in (ordered_pair(a, b) for a, b in pairs) if p is not None}
    source_type = ContentType.objects.get_for_model(source)
    edges = Linkage.objects.filter(kind=kind, source_type=source_type, source_id=source.pk)
    existing = {(a, b): (pk, w) for pk, a, b, w in edges.values_list("pk", "org_a_id", "org_b_id", "weight")}
    stale = [pk for pair, (pk, _w) in existing.items() if pair not in wanted]
    if stale:
        Linkage.objects.filter(pk__in=stale).delete()
    if any(w != weight for pair, (_pk, w) in existing.items() if pair in wanted):
        edges.exclude(weight=weight).update(weight=weight)
    missing = sorted(wanted - existing.keys())
    if missing:
        Linkage.objects.bulk_create(
            [
                Linkage(org_a_id=a, org_b_id=b, kind=kind, weight=weight, occurred_at=at, cluster_id=_pk(cluster),
                        source_type=source_type, source_id=source.pk)
                for a, b in missing
            ],
            ignore_conflicts=True,  # a pair written meanwhile is the same edge: the unique constraint keeps one
        )
    return len(wanted)
