"""Reads the dashboard needs beyond the indicators themselves: organisation names, the linkage funnel, the
event scorecard's rows, and which ties are confidential. Each a constant number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from accounts.models import Organization
from accounts.selectors import managed_cluster_ids, member_org_ids
from clusters.models import Alliance, Cluster, ClusterMembership, Linkage, LinkageKind
from core.i18n import localized
from core.versions import COUNT, SUM, version
from events.models import Event, EventStatus, Meeting, Registration, RegistrationStatus
from matching.models import Listing, ListingVisibility, Match, MatchEvent, MatchStatus, PartnershipStatus
from portal.indicators.periods import Period, _zone
from portal.indicators.selectors import Scope, member_memberships

NOT_ACCEPTED = (MatchStatus.DECLINED, MatchStatus.DISMISSED)


def subject_cluster_ids(subject: Cluster | Alliance) -> set[int]:
    if isinstance(subject, Alliance):
        return set(subject.clusters.values_list("pk", flat=True))
    return {subject.pk}


def is_manager_of(user, subject: Cluster | Alliance) -> bool:
    """Platform admins, and managers of the cluster (of any of the alliance's clusters)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or bool(managed_cluster_ids(user) & subject_cluster_ids(subject))


def is_member_of(user, subject: Cluster | Alliance, scope: Scope) -> bool:
    """The user belongs to a verified organisation whose membership of the cluster is approved."""
    orgs = member_org_ids(user)
    return bool(orgs) and member_memberships(scope).filter(organization_id__in=orgs).exists()


@dataclass(frozen=True)
class OrgInfo:
    id: int
    name: str
    kind: str
    region: str
    country: str


def org_info(ids: set[int]) -> dict[int, OrgInfo]:
    rows = Organization.objects.filter(pk__in=ids).values_list("pk", "name_ko", "name_en", "kind", "region", "country")
    return {pk: OrgInfo(pk, localized(ko, en), kind, region, country or "KR") for pk, ko, en, kind, region, country in rows}


def _scope_matches(scope: Scope) -> QuerySet[Match]:
    members = member_memberships(scope).values("organization_id")
    return Match.objects.filter(Q(need__organization_id__in=members) | Q(counterpart_id__in=members))


def _funnel_counts() -> dict:
    return {
        "proposed": Count("id"),
        "accepted": Count("id", filter=Q(decided_at__isnull=False) & ~Q(status__in=NOT_ACCEPTED)),
        "connected": Count("id", filter=Q(connected_at__isnull=False)),
        "partnership": Count("id", filter=Q(partnership__status=PartnershipStatus.CONFIRMED)),
    }


def funnel_by_source(scope: Scope, period: Period) -> dict[str, dict[str, int]]:
    """Matches proposed in the period (a cohort), by source: how many were accepted, connected and became a
    confirmed partnership by now."""
    rows = (_scope_matches(scope).filter(created_at__gte=period.start, created_at__lt=period.end)
            .order_by().values("source").annotate(**_funnel_counts()))
    return {r.pop("source"): r for r in rows}


def funnel_by_month(scope: Scope, period: Period) -> list[dict]:
    """The same cohort counts per month of proposal (Seoul months), oldest first."""
    rows = (_scope_matches(scope).filter(created_at__gte=period.start, created_at__lt=period.end)
            .annotate(month=TruncMonth("created_at", tzinfo=_zone())).order_by("month")
            .values("month").annotate(**_funnel_counts()))
    return [{**r, "month": r["month"].strftime("%Y-%m")} for r in rows]


@dataclass(frozen=True)
class EventRow:
    id: int
    title: str
    kind: str
    starts_at: datetime
    registered: int
    checked_in: int


def past_events(scope: Scope, period: Period) -> list[EventRow]:
    seated = Q(registrations__status=RegistrationStatus.REGISTERED, registrations__walk_in=False)
    rows = (
        Event.objects.filter(cluster_id__in=scope.cluster_ids, status=EventStatus.PUBLISHED,
                             starts_at__gte=period.start, starts_at__lt=min(period.end, timezone.now()))
        .annotate(registered=Count("registrations", filter=seated),
                  checked_in=Count("registrations", filter=seated & Q(registrations__checked_in_at__isnull=False)))
        .order_by("starts_at", "id")
        .values_list("pk", "title_ko", "title_en", "kind", "starts_at", "registered", "checked_in")
    )
    return [EventRow(pk, localized(ko, en), kind, at, reg, came) for pk, ko, en, kind, at, reg, came in rows]


def event_attendance(event_ids: list[int]) -> dict[int, set[int]]:
    """Organisations checked in, per event."""
    out: dict[int, set[int]] = {}
    for event_id, org_id in Registration.objects.filter(
        event_id__in=event_ids, checked_in_at__isnull=False, organization_id__isnull=False,
    ).values_list("event_id", "organization_id").distinct():
        out.setdefault(event_id, set()).add(org_id)
    return out


def meeting_events(period: Period) -> dict[tuple[int, int, datetime], int]:
    """Meeting linkages written by a partnering 1:1 in the period: (org_a, org_b, time) → event id."""
    meeting_type = ContentType.objects.get_for_model(Meeting)
    rows = list(Linkage.objects.filter(kind=LinkageKind.MEETING, source_type=meeting_type,
                                       occurred_at__gte=period.start, occurred_at__lt=period.end)
                .values_list("org_a_id", "org_b_id", "occurred_at", "source_id"))
    event_of = dict(Meeting.objects.filter(pk__in={r[3] for r in rows}).values_list("pk", "event_id"))
    return {(a, b, at): event_of[src] for a, b, at, src in rows if src in event_of}


def confidential_ties(period: Period) -> set[tuple[int, int, str]]:
    """(org_a, org_b, kind) of the period's linkages written by a match whose need is confidential.

    Neither Linkage nor Partnership carries a confidentiality flag; a confidential need is the one record a
    member marks as confidential, so its match's introduction, meeting and partnership are counted but never
    drawn or listed as a named tie.
    """
    match_type = ContentType.objects.get_for_model(Match)
    secret = Match.objects.filter(need__visibility=ListingVisibility.CONFIDENTIAL).values("pk")
    return set(Linkage.objects.filter(source_type=match_type, source_id__in=secret, occurred_at__gte=period.start,
                                      occurred_at__lt=period.end).values_list("org_a_id", "org_b_id", "kind"))


def data_version() -> tuple:
    """What the boards are computed from, as a few cheap maxima and counts read in one round trip: a new or
    deleted linkage, a changed listing, match, registration, event, organisation or cluster membership changes
    the tuple, so a kept board is never older than the data (portal.dashboard.build.cached_dashboard)."""
    return version(
        (Linkage, "id"), (Linkage, COUNT), (Linkage, "weight", SUM),  # the count: a deletion; the sum: a reweighting
        (Listing, "updated_at"),  # a need made confidential hides its ties
        (Match, "updated_at"),
        (MatchEvent, "id"),  # every lifecycle step, partnerships recorded included
        (Registration, "updated_at"), (Registration, "checked_in_at"),
        (Event, "updated_at"),
        (Organization, "updated_at"), (Organization, COUNT),
        (ClusterMembership, "requested_at"), (ClusterMembership, "decided_at"), (ClusterMembership, COUNT),
    )
