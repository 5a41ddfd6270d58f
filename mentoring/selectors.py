"""Reads for mentoring: who may see and manage what, lists with a constant number of queries."""

from dataclasses import dataclass
from datetime import datetime
from statistics import median

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet

from accounts.models import MembershipStatus, Organization, OrganizationKind, OrganizationStatus, User
from accounts.selectors import managed_cluster_ids, member_org_ids
from clusters.models import ClusterMembershipStatus

from .models import (
    ApplicationStatus,
    Availability,
    MentoringRequest,
    MentoringSession,
    MentorProfile,
    MentorStatus,
    PanelSeat,
    Programme,
    ProgrammeApplication,
    ProgrammeStatus,
    Publication,
    RequestStatus,
    SeatStatus,
)

# What each side sees of a panel: a startup never sees the manager's drafts (proposed seats).
STARTUP_VISIBLE_SEATS = (SeatStatus.PUBLISHED, SeatStatus.ACCEPTED)
MENTOR_VISIBLE_SEATS = (SeatStatus.PUBLISHED, SeatStatus.ACCEPTED, SeatStatus.DECLINED, SeatStatus.EXPIRED)


def can_manage_cluster(user: User, cluster_id: int) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or cluster_id in managed_cluster_ids(user)


def can_manage_programme(user: User, programme: Programme) -> bool:
    return can_manage_cluster(user, programme.cluster_id)


def verified_organizations(user: User) -> QuerySet[Organization]:
    """The verified organisations the user actively belongs to."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        status=OrganizationStatus.VERIFIED, memberships__user=user, memberships__status=MembershipStatus.ACTIVE,
    ).order_by("id")


def asking_organizations(user: User) -> QuerySet[Organization]:
    """The verified firms the user actively belongs to: those they may ask a mentor for."""
    return verified_organizations(user).filter(kind=OrganizationKind.FIRM)


def _requests(qs: QuerySet[MentoringRequest]) -> QuerySet[MentoringRequest]:
    return qs.select_related("startup", "mentor__user", "requested_by", "need")


def mentor_requests(*, user: User) -> QuerySet[MentoringRequest]:
    """Requests addressed to the user as a mentor, newest first."""
    if not user.is_authenticated:
        return MentoringRequest.objects.none()
    return _requests(MentoringRequest.objects.filter(mentor__user=user)).order_by("-created_at", "-id")


def startup_requests(*, user: User) -> QuerySet[MentoringRequest]:
    """Requests of the user's organisations (never another startup's), newest first."""
    if not user.is_authenticated:
        return MentoringRequest.objects.none()
    return _requests(MentoringRequest.objects.filter(startup_id__in=member_org_ids(user))).order_by(
        "-created_at", "-id")


def visible_requests(user: User) -> QuerySet[MentoringRequest]:
    """Requests the user is a side of: addressed to them as mentor, or of their organisations."""
    if not user.is_authenticated:
        return MentoringRequest.objects.none()
    return _requests(MentoringRequest.objects.filter(Q(mentor__user=user) | Q(startup_id__in=member_org_ids(user))))


def open_request_mentor_ids(*, user: User) -> set[int]:
    """Mentors the user's organisations have a waiting or accepted request with (for the ask buttons)."""
    if not user.is_authenticated:
        return set()
    return set(MentoringRequest.objects.filter(
        startup_id__in=member_org_ids(user), status__in=[RequestStatus.REQUESTED, RequestStatus.ACCEPTED],
    ).values_list("mentor_id", flat=True))


def mentor_profile_of(user: User) -> MentorProfile | None:
    if not user.is_authenticated:
        return None
    return MentorProfile.objects.filter(user=user).first()


def may_browse_mentors(user: User) -> bool:
    """Members of verified organisations, cluster managers and verified mentors see the directory."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or managed_cluster_ids(user) or verified_organizations(user).exists():
        return True
    return MentorProfile.objects.filter(user=user, status=MentorStatus.VERIFIED).exists()


def _with_cards(qs: QuerySet[MentorProfile]) -> QuerySet[MentorProfile]:
    return qs.select_related("user", "organization").prefetch_related(
        "therapeutic_areas", "technologies", "partnership_types", "clusters",
    )


def mentor_directory(
    *, user: User, q: str = "", area: str = "", language: str = "", availability: str = "", cluster: str = "",
) -> QuerySet[MentorProfile]:
    """Verified mentors, searched word by word (Korean or English) in name, headline, expertise,
    career and publication titles; filtered by therapeutic area or technology (slug), language,
    availability and cluster (slug)."""
    if not may_browse_mentors(user):
        return MentorProfile.objects.none()
    qs = MentorProfile.objects.filter(status=MentorStatus.VERIFIED, user__is_active=True)
    for word in q.split()[:10]:
        titles = Publication.objects.filter(mentor=OuterRef("pk"), title__icontains=word)
        qs = qs.filter(
            Q(user__full_name__icontains=word) | Q(headline__icontains=word) | Q(expertise__icontains=word)
            | Q(career__icontains=word) | Exists(titles)
        )
    if area:
        qs = qs.filter(Q(therapeutic_areas__slug=area) | Q(technologies__slug=area))
    if language:
        # Codes are two letters from a fixed list joined by commas: a code never straddles a comma.
        qs = qs.filter(languages__contains=language)
    if availability in Availability.values:
        qs = qs.filter(availability=availability)
    if cluster:
        qs = qs.filter(clusters__slug=cluster)
    return _with_cards(qs.distinct()).order_by("user__full_name", "id")


def mentor_for_viewer(*, user: User, pk: int) -> MentorProfile | None:
    """A mentor's page: verified mentors for directory readers; any mentor for themselves and for the
    managers of a cluster they serve (who verify them)."""
    profile = _with_cards(MentorProfile.objects.filter(pk=pk)).prefetch_related("publications").first()
    if profile is None or not user.is_authenticated:
        return None
    if profile.user_id == user.pk or user.is_superuser:
        return profile
    if any(c.pk in managed_cluster_ids(user) for c in profile.clusters.all()):
        return profile
    return profile if profile.is_verified and may_browse_mentors(user) else None


def mentors_to_verify(*, user: User) -> QuerySet[MentorProfile]:
    """Pending mentors who serve a cluster the user manages, oldest first."""
    qs = MentorProfile.objects.filter(status=MentorStatus.PENDING)
    if not user.is_superuser:
        qs = qs.filter(clusters__in=managed_cluster_ids(user))
    return _with_cards(qs.distinct()).order_by("created_at", "id")


def visible_programmes(user: User) -> QuerySet[Programme]:
    """Programmes past their draft for everyone; drafts for their cluster's managers."""
    qs = Programme.objects.select_related("cluster")
    if user.is_authenticated and user.is_superuser:
        return qs
    condition = ~Q(status=ProgrammeStatus.DRAFT)
    if user.is_authenticated and managed_cluster_ids(user):
        condition |= Q(cluster_id__in=managed_cluster_ids(user))
    return qs.filter(condition)


def managed_programmes(*, user: User) -> QuerySet[Programme]:
    """A manager's programmes with their counts (one query whatever the page size)."""
    qs = Programme.objects.select_related("cluster")
    if not user.is_superuser:
        qs = qs.filter(cluster_id__in=managed_cluster_ids(user))
    return qs.annotate(
        n_startups=Count("cohort_startups", distinct=True),
        n_applications=Count("applications", filter=Q(applications__status=ApplicationStatus.SUBMITTED),
                             distinct=True),
        n_accepted=Count("seats", filter=Q(seats__status=SeatStatus.ACCEPTED), distinct=True),
        n_waiting=Count("seats", filter=Q(seats__status=SeatStatus.PUBLISHED), distinct=True),
    ).order_by("-starts_on", "id")


def my_applications(*, user: User, programme: Programme) -> QuerySet[ProgrammeApplication]:
    return ProgrammeApplication.objects.filter(
        programme=programme, organization_id__in=member_org_ids(user)
    ).select_related("organization")


def _seats(qs: QuerySet[PanelSeat]) -> QuerySet[PanelSeat]:
    return qs.select_related("programme__cluster", "startup", "mentor__user")


def mentor_seats(*, user: User) -> QuerySet[PanelSeat]:
    """The startups assigned to the user as a mentor (waiting, accepted and declined), newest programme first."""
    if not user.is_authenticated:
        return PanelSeat.objects.none()
    return _seats(PanelSeat.objects.filter(mentor__user=user, status__in=MENTOR_VISIBLE_SEATS)).order_by(
        "-programme__starts_on", "programme_id", "startup_id", "id"
    )


def startup_panels(*, user: User) -> QuerySet[PanelSeat]:
    """The published panels of the user's organisations (never another startup's)."""
    if not user.is_authenticated:
        return PanelSeat.objects.none()
    return _seats(
        PanelSeat.objects.filter(startup_id__in=member_org_ids(user), status__in=STARTUP_VISIBLE_SEATS)
    ).order_by("-programme__starts_on", "programme_id", "startup_id", "-score", "id")


def programme_seats(*, programme: Programme) -> QuerySet[PanelSeat]:
    """Every seat of a programme for its managers, live ones first."""
    return _seats(PanelSeat.objects.filter(programme=programme)).order_by("startup_id", "status", "-score", "id")


def visible_seats(user: User) -> QuerySet[PanelSeat]:
    """Seats the user may see: their own as mentor, their organisations' published panels, and every
    seat of the programmes they manage."""
    if not user.is_authenticated:
        return PanelSeat.objects.none()
    if user.is_superuser:
        return _seats(PanelSeat.objects.all())
    condition = Q(mentor__user=user, status__in=MENTOR_VISIBLE_SEATS) | Q(
        startup_id__in=member_org_ids(user), status__in=STARTUP_VISIBLE_SEATS
    )
    if managed_cluster_ids(user):
        condition |= Q(programme__cluster_id__in=managed_cluster_ids(user))
    return _seats(PanelSeat.objects.filter(condition))


def visible_sessions(user: User) -> QuerySet[MentoringSession]:
    """Sessions of the user as mentor, of their organisations, and of the programmes they manage."""
    if not user.is_authenticated:
        return MentoringSession.objects.none()
    qs = MentoringSession.objects.select_related("startup", "mentor__user", "programme")
    if user.is_superuser:
        return qs
    condition = Q(mentor__user=user) | Q(startup_id__in=member_org_ids(user))
    if managed_cluster_ids(user):
        condition |= Q(programme__cluster_id__in=managed_cluster_ids(user))
    return qs.filter(condition)


def _median_hours(pairs) -> dict[int, float]:
    """Each mentor's exact median hours to answer from (mentor id, answered at, offered at) rows.

    In Python rather than SQL: SQLite (the first-run database) has no median, and the rows are the
    answered offers of the mentors on one page."""
    spans: dict[int, list[float]] = {}
    for mentor_id, answered, offered in pairs:
        spans.setdefault(mentor_id, []).append((answered - offered).total_seconds() / 3600)
    return {mentor_id: median(values) for mentor_id, values in spans.items()}


@dataclass(frozen=True)
class ResponseStats:
    """How a mentor answers the seats offered to them (published to them, not swapped away by a manager).

    ``response_rate`` is answered / settled offers: a seat still waiting within its time is not held
    against the mentor yet; an expired one is. None when nothing is settled."""

    n_offered: int = 0
    n_answered: int = 0
    n_accepted: int = 0
    n_waiting: int = 0
    n_expired: int = 0
    median_hours: float | None = None
    last_answer_at: datetime | None = None

    @property
    def response_rate(self) -> float | None:
        settled = self.n_offered - self.n_waiting
        return self.n_answered / settled if settled else None

    @property
    def response_percent(self) -> int | None:
        return None if self.response_rate is None else round(100 * self.response_rate)


def response_stats(*, mentor_ids, seats: Q | None = None, requests: Q | bool = False) -> dict[int, ResponseStats]:
    """Each mentor's ``ResponseStats`` over the seats matching ``seats`` (all when None). Two queries.

    ``requests`` adds the startups' direct requests (True: all of them; a Q: those matching), counted
    as seats are (a request withdrawn before any answer is like a swapped-out seat: not counted). Four
    queries then (the median is taken over seats and requests together)."""
    mentor_ids = list(mentor_ids)
    answered = Q(status__in=[SeatStatus.ACCEPTED, SeatStatus.DECLINED], responded_at__isnull=False)
    qs = PanelSeat.objects.filter(mentor_id__in=mentor_ids, published_at__isnull=False).exclude(
        status=SeatStatus.REPLACED)
    if seats is not None:
        qs = qs.filter(seats)
    rows = qs.values("mentor_id").annotate(
        n_offered=Count("id"), n_answered=Count("id", filter=answered),
        n_accepted=Count("id", filter=Q(status=SeatStatus.ACCEPTED)),
        n_waiting=Count("id", filter=Q(status=SeatStatus.PUBLISHED)),
        n_expired=Count("id", filter=Q(status=SeatStatus.EXPIRED)),
        last_answer_at=Max("responded_at"),
    ).order_by()
    answered_seats = list(qs.filter(answered).values_list("mentor_id", "responded_at", "published_at"))
    medians = _median_hours(answered_seats)
    stats = {}
    for row in rows:
        mentor_id = row.pop("mentor_id")
        stats[mentor_id] = ResponseStats(**row, median_hours=medians.get(mentor_id))
    if requests is False:
        return stats
    asked = MentoringRequest.objects.filter(mentor_id__in=mentor_ids).exclude(
        status=RequestStatus.WITHDRAWN, answered_at__isnull=True)
    if isinstance(requests, Q):
        asked = asked.filter(requests)
    # Withdrawn with an answer: the mentor had accepted (only then can a startup end it after an answer).
    request_answered = Q(answered_at__isnull=False)
    request_rows = asked.values("mentor_id").annotate(
        n_offered=Count("id"), n_answered=Count("id", filter=request_answered),
        n_accepted=Count("id", filter=Q(status__in=[RequestStatus.ACCEPTED, RequestStatus.WITHDRAWN])
                         & request_answered),
        n_waiting=Count("id", filter=Q(status=RequestStatus.REQUESTED)),
        n_expired=Count("id", filter=Q(status=RequestStatus.EXPIRED)), last_answer_at=Max("answered_at"),
    ).order_by()
    if not request_rows:
        return stats
    # The median is taken over seats and requests together.
    medians = _median_hours([*answered_seats, *asked.filter(request_answered).values_list(
        "mentor_id", "answered_at", "created_at")])
    for row in request_rows:
        mentor_id = row.pop("mentor_id")
        before = stats.get(mentor_id, ResponseStats())
        last = max((t for t in (before.last_answer_at, row.pop("last_answer_at")) if t is not None), default=None)
        stats[mentor_id] = ResponseStats(
            **{k: getattr(before, k) + v for k, v in row.items()}, last_answer_at=last,
            median_hours=medians.get(mentor_id),
        )
    return stats


def responsiveness(*, programme: Programme) -> list[MentorProfile]:
    """Per mentor with seats in the programme: last activity, ``stats`` (a ``ResponseStats`` over this
    programme's seats) and sessions logged. Three queries."""
    rows = list(MentorProfile.objects.filter(seats__programme=programme).select_related("user").distinct()
                .order_by("user__full_name", "id"))
    stats = response_stats(mentor_ids=[r.pk for r in rows], seats=Q(programme=programme))
    sessions = dict(
        MentoringSession.objects.filter(programme=programme).values("mentor_id").annotate(n=Count("id"))
        .values_list("mentor_id", "n")
    )
    for row in rows:
        row.stats = stats.get(row.pk, ResponseStats())
        row.n_sessions = sessions.get(row.pk, 0)
    return rows


def managed_mentors(*, user: User) -> QuerySet[MentorProfile]:
    """Verified and suspended mentors serving the clusters the user manages (the managers' mentor list)."""
    qs = MentorProfile.objects.filter(status__in=[MentorStatus.VERIFIED, MentorStatus.SUSPENDED])
    if not user.is_superuser:
        qs = qs.filter(clusters__in=managed_cluster_ids(user))
    return qs.select_related("user").distinct().order_by("user__full_name", "id")


def with_response_stats(*, user: User, mentors: list[MentorProfile]) -> list[MentorProfile]:
    """Set ``stats`` on each mentor: their answers in the programmes of the clusters the user manages and
    to the direct requests of startups in those clusters (a manager does not see how a mentor answers
    other clusters). At most three queries for the whole page."""
    if user.is_superuser:
        seats, requests = None, True
    else:
        clusters = managed_cluster_ids(user)
        seats = Q(programme__cluster_id__in=clusters)
        requests = Q(startup__in=Organization.objects.filter(
            cluster_memberships__cluster_id__in=clusters, cluster_memberships__status=ClusterMembershipStatus.APPROVED,
        ).values("pk"))
    stats = response_stats(mentor_ids=[m.pk for m in mentors], seats=seats, requests=requests)
    for m in mentors:
        m.stats = stats.get(m.pk, ResponseStats())
    return mentors


def session_sides(*, user: User, session: MentoringSession) -> tuple[bool, bool]:
    """(as mentor, as startup): which side's feedback the user may give."""
    if not user.is_authenticated:
        return False, False
    return session.mentor.user_id == user.pk, session.startup_id in member_org_ids(user)
