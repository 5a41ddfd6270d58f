"""Reads for events: who may see and manage what, lists with a constant number of queries."""

from datetime import datetime

from django.db.models import BooleanField, Case, DateTimeField, F, Prefetch, Q, QuerySet, Value, When

from accounts.models import Membership, MembershipStatus, Organization, OrganizationStatus, User
from accounts.selectors import contact_visible_org_ids, managed_cluster_ids
from clusters.models import Cluster
from core.versions import COUNT, DIGEST, version
from matching.models import Match, MatchStatus
from taxonomy.models import Facet

from .dates import EVENT_DATE_FIELDS, event_in_range_q, event_out_of_range_q, in_range_q, out_of_range_q
from .models import (
    Event,
    EventStatus,
    Meeting,
    MeetingRequest,
    PartneringSession,
    Registration,
    RegistrationStatus,
)

ACTIVE = (RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED, RegistrationStatus.WAITLISTED)


def can_manage_cluster(user: User, cluster_id: int) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or cluster_id in managed_cluster_ids(user)


def can_manage_event(user: User, event: Event) -> bool:
    return can_manage_cluster(user, event.cluster_id)


def verified_organizations(user: User) -> QuerySet[Organization]:
    """The verified organisations the user actively belongs to: who may register for events."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        status=OrganizationStatus.VERIFIED,
        memberships__user=user,
        memberships__status=MembershipStatus.ACTIVE,
    ).order_by("id")


def visible_events(user: User) -> QuerySet[Event]:
    """Published and cancelled events for everyone; drafts only for the cluster's managers.

    Events whose dates lie outside the sane range (stored before the forms checked it) are left
    out: they cannot be shown, and some cannot even be read. Managers repair them on the edit page.
    """
    qs = Event.objects.filter(event_in_range_q())
    if user.is_authenticated and user.is_superuser:
        return qs
    condition = ~Q(status=EventStatus.DRAFT)
    managed = managed_cluster_ids(user)
    if managed:
        condition |= Q(cluster_id__in=managed)
    return qs.filter(condition)


def event_search(
    *,
    user: User,
    cluster: str = "",
    kind: str = "",
    topic: str = "",
    start: datetime | None = None,
    end: datetime | None = None,
    include_past: bool = False,
    now: datetime | None = None,
) -> QuerySet[Event]:
    qs = visible_events(user).select_related("cluster").prefetch_related("topics")
    if cluster:
        qs = qs.filter(cluster__slug=cluster)
    if kind:
        qs = qs.filter(kind=kind)
    if topic:
        qs = qs.filter(topics__slug=topic)
    if start is not None:
        qs = qs.filter(ends_at__gte=start)
    if end is not None:
        qs = qs.filter(starts_at__lt=end)
    if not include_past and start is None and now is not None:
        qs = qs.filter(ends_at__gte=now)
    return qs.order_by("starts_at", "id").distinct()


def events_to_repair(user: User) -> QuerySet[Event]:
    """The managed events whose dates are out of range; only what a link to the edit page needs is read."""
    qs = Event.objects.filter(event_out_of_range_q()).only("id", "cluster_id", "title_ko", "title_en")
    if user.is_authenticated and user.is_superuser:
        return qs.order_by("id")
    return qs.filter(cluster_id__in=managed_cluster_ids(user)).order_by("id")


def event_with_safe_dates(queryset: QuerySet[Event], pk: int) -> Event | None:
    """One event, with each date outside the sane range read as None and named in ``dates_out_of_range``.

    The comparison happens in SQL: a BC timestamp would fail while Python reads the row.
    """
    annotations = {}
    for name in EVENT_DATE_FIELDS:
        annotations[f"safe_{name}"] = Case(When(in_range_q(name), then=F(name)), default=None,
                                           output_field=DateTimeField())
        annotations[f"bad_{name}"] = Case(When(out_of_range_q(name), then=Value(True)), default=Value(False),
                                          output_field=BooleanField())
    event = queryset.defer(*EVENT_DATE_FIELDS).annotate(**annotations).filter(pk=pk).first()
    if event is not None:
        for name in EVENT_DATE_FIELDS:
            setattr(event, name, getattr(event, f"safe_{name}"))
        event.dates_out_of_range = [name for name in EVENT_DATE_FIELDS if getattr(event, f"bad_{name}")]
    return event


def active_registration(user: User, event: Event) -> Registration | None:
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(event=event, user=user, status__in=ACTIVE)
        .select_related("organization")
        .first()
    )


def my_registrations(*, user: User) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(event_in_range_q("event__"), user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("event", "event__cluster", "organization")
        .order_by("event__starts_at", "id")
    )


def participants(*, event: Event, viewer: User) -> list[Registration]:
    """Who is coming: organisers see everyone; registrants see those who opted in.

    Anyone else sees nobody (a list of names is for the people in the room).
    """
    qs = (
        Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)
        .select_related("user", "organization")
        .order_by("organization__name_en", "user__full_name", "name", "id")
    )
    if can_manage_event(viewer, event):
        return list(qs)
    if active_registration(viewer, event) is None:
        return []
    return list(qs.filter(Q(show_in_participant_list=True) | Q(user=viewer)))


def checkin_list(*, event: Event, q: str = "") -> QuerySet[Registration]:
    """Registrations the door staff deal with, searchable by person or organisation name."""
    qs = Registration.objects.filter(
        event=event, status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED)
    ).select_related("user", "organization", "checked_in_by")
    for word in q.split():
        qs = qs.filter(
            Q(user__full_name__icontains=word)
            | Q(name__icontains=word)
            | Q(organization__name_en__icontains=word)
            | Q(organization__name_ko__icontains=word)
            | Q(nonce__iexact=word)
        )
    return qs.order_by("user__full_name", "name", "id")


def attendance_rows(*, event: Event, viewer: User) -> list[Registration]:
    """Everyone on the event's books; ``contact_email`` is set only where the organisation pages
    would show the viewer that person's contacts (through any organisation they belong to)."""
    rows = list(
        Registration.objects.filter(event=event)
        .select_related("user", "organization", "checked_in_by")
        .order_by("created_at", "id")
    )
    visible = contact_visible_org_ids(viewer)
    orgs_of: dict[int, set[int]] = {}
    for user_id, org_id in Membership.objects.filter(
        user_id__in={r.user_id for r in rows if r.user_id}, status=MembershipStatus.ACTIVE
    ).values_list("user_id", "organization_id"):
        orgs_of.setdefault(user_id, set()).add(org_id)
    for r in rows:
        may_see = r.user_id is not None and (
            viewer.is_superuser or r.user_id == viewer.pk or bool(orgs_of.get(r.user_id, set()) & visible)
        )
        r.contact_email = r.user.email if may_see else ""
    return rows


def feed_events(*, user: User) -> QuerySet[Event]:
    """Events in a person's calendar feed: every live registration, and cancelled events they had."""
    return (
        Event.objects.filter(event_in_range_q(), registrations__user=user, registrations__status__in=ACTIVE)
        .exclude(status=EventStatus.DRAFT)
        .select_related("cluster")
        .prefetch_related(
            Prefetch("registrations", queryset=Registration.objects.filter(user=user), to_attr="mine")
        )
        .distinct()
        .order_by("starts_at", "id")
    )


# --- Partnering ------------------------------------------------------------------------------


def partnering_session(*, event: Event) -> PartneringSession | None:
    """The event's meeting grid, unless its first slot lies outside the sane range (then: set it again)."""
    return PartneringSession.objects.filter(in_range_q("first_slot_at"), event=event).first()


def has_unusable_grid(*, event: Event) -> bool:
    return PartneringSession.objects.filter(out_of_range_q("first_slot_at"), event=event).exists()


def match_scores(org_id: int | None, other_org_ids: list[int | None]) -> dict[int, float]:
    """Best open match score between one organisation and each of the others, either direction."""
    others = [o for o in other_org_ids if o and o != org_id]
    if not org_id or not others:
        return {}
    rows = Match.objects.filter(
        Q(need__organization_id=org_id, counterpart_id__in=others)
        | Q(need__organization_id__in=others, counterpart_id=org_id)
    ).exclude(status__in=(MatchStatus.DISMISSED, MatchStatus.DECLINED)).values_list(
        "need__organization_id", "counterpart_id", "score"
    )
    scores: dict[int, float] = {}
    for need_org, counterpart, score in rows:
        other = counterpart if need_org == org_id else need_org
        scores[other] = max(scores.get(other, 0.0), score)
    return scores


def partnering_attendees(*, event: Event, mine: Registration) -> list[Registration]:
    """People one may ask for a meeting: proposed matches first (best score), then by name."""
    people = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED, user__isnull=False)
        .filter(Q(show_in_participant_list=True))
        .exclude(pk=mine.pk)
        .select_related("user", "organization")
    )
    scores = match_scores(mine.organization_id, [p.organization_id for p in people])
    for p in people:
        p.match_score = scores.get(p.organization_id)
    return sorted(people, key=lambda p: (p.match_score is None, -(p.match_score or 0), p.user.full_name, p.pk))


def meeting_requests_of(*, mine: Registration) -> QuerySet[MeetingRequest]:
    return MeetingRequest.objects.filter(Q(requester=mine) | Q(recipient=mine)).select_related(
        "requester__user", "requester__organization", "recipient__user", "recipient__organization"
    )


def agenda(*, event: Event, mine: Registration | None = None) -> QuerySet[Meeting]:
    """Scheduled meetings of the event (one person's when ``mine`` is given), by slot and table."""
    qs = Meeting.objects.filter(event=event).select_related(
        "a__user", "a__organization", "b__user", "b__organization"
    )
    if mine is not None:
        qs = qs.filter(Q(a=mine) | Q(b=mine))
    return qs.order_by("slot", "table", "id")


def event_list_version(*, user: User, now: datetime) -> tuple:
    """What the kept events list (and month view) shows, read in one query: it changes whenever a row could.

    Events: latest ``updated_at`` (every write sets it, the seat counter's UPDATEs included), how many there
    are (deletions) and how many have not ended yet (an event that ends leaves the list). Topics: the link
    table's size and highest id (any link added or removed). Cluster names and taxonomy labels (no
    ``updated_at``; a few dozen rows): a digest of the columns shown. The viewer: superuser and the clusters
    they manage (drafts and the repair notice).
    """
    topics = Event.topics.through
    row = version(
        (Event, "updated_at"), (Event, COUNT), (Event.objects.filter(ends_at__gte=now), COUNT),
        (topics, COUNT), (topics, "id"),
        (Cluster, ("id", "slug", "name_ko", "name_en"), DIGEST),
        (Facet, ("id", "kind", "slug", "label_ko", "label_en", "order", "is_active"), DIGEST),
    )
    managed = tuple(sorted(managed_cluster_ids(user)))
    return (*row, bool(user.is_authenticated and user.is_superuser), managed)
