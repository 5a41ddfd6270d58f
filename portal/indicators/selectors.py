"""Reads for the linkage indicators: one cluster's (or alliance's) records for a period as the plain data of
``clusters.indicators``, in a constant number of queries whatever the cluster's size.

Which linkages belong to a cluster: every linkage in the period with at least one end a **member** — an
organisation that is verified and whose membership of the cluster (for an alliance: of any of its clusters)
is approved. Edges between two members are the cluster's inside ties (the nodes and edges of G and Gc);
an edge from a member to anyone else is a boundary tie, kept for mixing, gatekeepers and global reach.
``Linkage.cluster`` (set by the writer from one shared cluster) is not used: membership decides.
``export_linkages`` reads exactly ``cluster_edges`` below, so the CSV and the indicators cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import OrganizationStatus
from clusters.indicators import Attendance, ClusterData, Edge, EventStat, MatchRecord, Org
from clusters.models import Alliance, Cluster, ClusterMembership, ClusterMembershipStatus, Linkage
from events.models import Event, EventStatus, Registration, RegistrationStatus
from matching.models import Match, MatchStatus, PartnershipStatus

from .periods import Period


@dataclass(frozen=True)
class Scope:
    """The clusters whose members count: one cluster, or every cluster of an alliance."""

    slug: str
    cluster_ids: tuple[int, ...]
    regions: frozenset[str]


@dataclass(frozen=True)
class EdgeRow:
    """One linkage with both ends' kind, region and country (the export row, and an indicator edge)."""

    org_a: int
    org_b: int
    kind: str
    weight: float
    occurred_at: datetime
    source: str
    a_kind: str
    b_kind: str
    a_region: str
    b_region: str
    a_country: str
    b_country: str


def cluster_scope(slug: str) -> Scope | None:
    cluster = Cluster.objects.filter(slug=slug).values_list("pk", "regions").first()
    if cluster is None:
        return None
    return Scope(slug=slug, cluster_ids=(cluster[0],), regions=frozenset(cluster[1] or ()))


def alliance_scope(slug: str) -> Scope | None:
    rows = list(Alliance.objects.filter(slug=slug).values_list("pk", "clusters__pk", "clusters__regions"))
    if not rows:
        return None
    ids = tuple(sorted({cid for _a, cid, _r in rows if cid is not None}))
    return Scope(slug=slug, cluster_ids=ids, regions=frozenset(r for _a, _c, regions in rows for r in regions or ()))


def all_cluster_scopes() -> list[Scope]:
    return [Scope(slug=slug, cluster_ids=(pk,), regions=frozenset(regions or ()))
            for pk, slug, regions in Cluster.objects.order_by("slug").values_list("pk", "slug", "regions")]


def member_memberships(scope: Scope) -> QuerySet[ClusterMembership]:
    return ClusterMembership.objects.filter(
        cluster_id__in=scope.cluster_ids, status=ClusterMembershipStatus.APPROVED,
        organization__status=OrganizationStatus.VERIFIED,
    )


def _member_ids(scope: Scope) -> QuerySet:
    return member_memberships(scope).values("organization_id")


def cluster_edges(scope: Scope, period: Period) -> list[EdgeRow]:
    """The cluster's linkages in the period (see the module docstring), oldest first; one query."""
    members = _member_ids(scope)
    rows = (
        Linkage.objects.filter(occurred_at__gte=period.start, occurred_at__lt=period.end)
        .filter(Q(org_a_id__in=members) | Q(org_b_id__in=members))
        .order_by("occurred_at", "id")
        .values_list("org_a_id", "org_b_id", "kind", "weight", "occurred_at", "source_type__model",
                     "org_a__kind", "org_b__kind", "org_a__region", "org_b__region", "org_a__country", "org_b__country")
    )
    return [EdgeRow(*row) for row in rows]


def _members(scope: Scope, period: Period) -> tuple[dict[int, Org], int, int]:
    """Members as Org; newcomers (first approved in the period) and those among them from outside its regions."""
    orgs: dict[int, Org] = {}
    joined: dict[int, datetime | None] = {}
    rows = member_memberships(scope).values_list(
        "organization_id", "organization__kind", "organization__region", "organization__country", "decided_at")
    for org_id, kind, region, country, decided_at in rows:
        orgs[org_id] = Org(id=org_id, kind=kind, region=region, country=country or "KR", member=True)
        earlier = joined.get(org_id, decided_at)
        joined[org_id] = None if earlier is None or decided_at is None else min(earlier, decided_at)
    new = [o for o, at in joined.items() if at is not None and period.start <= at < period.end]
    return orgs, len(new), sum(1 for o in new if orgs[o].region not in scope.regions)


def _past_events(scope: Scope, period: Period) -> QuerySet[Event]:
    return Event.objects.filter(cluster_id__in=scope.cluster_ids, status=EventStatus.PUBLISHED,
                                starts_at__gte=period.start, starts_at__lt=min(period.end, timezone.now()))


def _events(scope: Scope, period: Period) -> tuple[list[EventStat], list[Attendance]]:
    seated = Q(registrations__status=RegistrationStatus.REGISTERED, registrations__walk_in=False)
    stats = [
        EventStat(id=pk, starts_at=starts_at, registered=registered, checked_in=checked_in)
        for pk, starts_at, registered, checked_in in _past_events(scope, period)
        .annotate(registered=Count("registrations", filter=seated),
                  checked_in=Count("registrations", filter=seated & Q(registrations__checked_in_at__isnull=False)))
        .order_by("starts_at", "id").values_list("pk", "starts_at", "registered", "checked_in")
    ]
    attendance = [
        Attendance(event_id=event_id, org_id=org_id)
        for event_id, org_id in Registration.objects.filter(
            event__in=_past_events(scope, period), checked_in_at__isnull=False, organization_id__isnull=False,
        ).values_list("event_id", "organization_id").distinct()
    ]
    return stats, attendance


def _matches(scope: Scope, period: Period) -> list[MatchRecord]:
    """Matches reviewed in the period with a member on either side; accepted unless declined."""
    members = _member_ids(scope)
    rows = (
        Match.objects.filter(decided_at__gte=period.start, decided_at__lt=period.end)
        .filter(Q(need__organization_id__in=members) | Q(counterpart_id__in=members))
        .order_by("decided_at", "id")
        .values_list("source", "status", "decided_at", "partnership__status", "partnership__confirmed_at")
    )
    return [
        MatchRecord(kind=source, decided_at=decided_at, accepted=status != MatchStatus.DECLINED,
                    partnership_at=confirmed_at if p_status == PartnershipStatus.CONFIRMED else None)
        for source, status, decided_at, p_status, confirmed_at in rows
    ]


def edges_as_data(rows: list[EdgeRow], members: dict[int, Org]) -> tuple[tuple[Edge, ...], dict[int, Org]]:
    """Indicator edges, and every organisation they touch (outside ones as non-members)."""
    orgs = dict(members)
    for r in rows:
        for org_id, kind, region, country in ((r.org_a, r.a_kind, r.a_region, r.a_country),
                                              (r.org_b, r.b_kind, r.b_region, r.b_country)):
            if org_id not in orgs:
                orgs[org_id] = Org(id=org_id, kind=kind, region=region, country=country or "KR", member=False)
    edges = tuple(Edge(a=r.org_a, b=r.org_b, kind=r.kind, weight=r.weight, occurred_at=r.occurred_at, source=r.source)
                  for r in rows)
    return edges, orgs


def cluster_data(scope: Scope, period: Period) -> tuple[ClusterData, list[EdgeRow]]:
    """Everything the indicators read for the scope and period (six queries), and the edge rows used."""
    members, newcomers, newcomers_outside = _members(scope, period)
    rows = cluster_edges(scope, period)
    edges, orgs = edges_as_data(rows, members)
    events, attendance = _events(scope, period)
    data = ClusterData(
        start=period.start, end=period.end, orgs=tuple(orgs.values()), edges=edges, events=tuple(events),
        attendance=tuple(attendance), matches=tuple(_matches(scope, period)), newcomers=newcomers,
        newcomers_outside=newcomers_outside,
    )
    return data, rows


def resolve_scopes(*, cluster: str | None = None, alliance: str | None = None) -> list[Scope] | None:
    """The scopes a command names: one cluster, one alliance, or every cluster (by slug); None if unknown."""
    if cluster:
        scope = cluster_scope(cluster)
        return None if scope is None else [scope]
    if alliance:
        scope = alliance_scope(alliance)
        return None if scope is None else [scope]
    return all_cluster_scopes()
