"""Mentoring sessions: logging one (it writes the ``mentoring`` linkage) and each side's feedback.

The linkage joins the startup and the organisation the mentor mentors for (see
``mentoring.models.profiles``): the organisation the mentor chose, else their own one-person
``service`` organisation, made here the first time it is needed.
"""

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organization, OrganizationKind, OrganizationStatus, User
from accounts.regions import Region
from accounts.selectors import member_org_ids
from clusters.linkages import linkage_record
from clusters.models import ClusterMembership, ClusterMembershipStatus, Linkage, LinkageKind
from core.dates import local_date
from core.dates import today as local_today
from core.errors import Conflict, DomainError, NotAllowed

from . import selectors
from .models import (
    BookingStatus,
    MentoringRequest,
    MentoringSession,
    MentorProfile,
    OfficeHourBooking,
    PanelSeat,
    RequestStatus,
    SeatStatus,
)

MENTOR_ORG_SOURCE = "mentoring"
EARLIEST = date(2000, 1, 1)


def linkage_organization(profile: MentorProfile) -> Organization:
    """The organisation a mentor's sessions count for; an independent mentor's is made once."""
    if profile.organization_id:
        return profile.organization
    user = profile.user
    clusters = list(profile.clusters.all())
    # Region is required: the first region of a cluster the mentor serves is the best guess.
    region = next((r for c in clusters for r in (c.regions or []) if r in Region.values), Region.SEOUL)
    org, created = Organization.objects.get_or_create(
        source=MENTOR_ORG_SOURCE, external_id=f"mentor-{profile.pk}",
        defaults={
            "name_ko": f"{user.full_name} (멘토)", "name_en": f"{user.full_name} (mentor)",
            "kind": OrganizationKind.SERVICE, "region": region, "country": "KR",
            "description": "Independent mentor.", "status": OrganizationStatus.VERIFIED,
            "verified_at": profile.verified_at or timezone.now(), "verified_by_id": profile.verified_by_id,
        },
    )
    if created:
        ClusterMembership.objects.bulk_create(
            [ClusterMembership(organization=org, cluster=c, status=ClusterMembershipStatus.APPROVED,
                               decided_at=timezone.now()) for c in clusters],
            ignore_conflicts=True,
        )
    MentorProfile.objects.filter(pk=profile.pk, organization__isnull=True).update(organization=org)
    profile.organization = org
    return org


def session_linkage(session: MentoringSession) -> Linkage | None:
    """The session's one edge (a repeat returns the stored edge, writing nothing)."""
    mentor_org = linkage_organization(session.mentor)
    return linkage_record(
        kind=LinkageKind.MENTORING, org_a=session.startup_id, org_b=mentor_org, source=session,
        at=timezone.make_aware(datetime.combine(session.held_on, time(12))),
        cluster=session.programme.cluster_id if session.programme_id else None,
    )


def _check_session(*, held_on: date, duration_minutes: int, topics: str) -> None:
    if held_on > local_today():
        raise DomainError(_("Log a session once it has taken place."))
    if held_on < EARLIEST:
        raise DomainError(_("Give a date from 2000 on."))
    if not 1 <= duration_minutes <= 600:
        raise DomainError(_("A session lasts between 1 and 600 minutes."))
    if not topics.strip():
        raise DomainError(_("Say what you talked about."))


def _record(*, user: User, is_mentor: bool, held_on: date, duration_minutes: int, topics: str, follow_ups: str,
            **owner) -> MentoringSession:
    """Save the session of a seat or of a request (``owner``) and write its one linkage."""
    session = MentoringSession.objects.create(
        held_on=held_on, duration_minutes=duration_minutes, topics=topics.strip()[:2000],
        follow_ups=follow_ups.strip()[:2000], logged_by=user, **owner,
    )
    if is_mentor:
        MentorProfile.objects.filter(pk=session.mentor_id).update(last_activity_at=timezone.now())
    session_linkage(session)
    return session


@transaction.atomic
def session_log(*, user: User, seat_id: int, held_on: date, duration_minutes: int, topics: str,
                follow_ups: str = "") -> MentoringSession:
    """The mentor or a member of the startup records a session of an accepted seat."""
    seat = PanelSeat.objects.select_related("mentor__user", "mentor__organization", "programme", "startup").filter(
        pk=seat_id).first()
    if seat is None:
        raise DomainError(_("This seat no longer exists."))
    is_mentor = user.is_authenticated and seat.mentor.user_id == user.pk
    allowed = is_mentor or seat.startup_id in member_org_ids(user) or selectors.can_manage_programme(user, seat.programme)
    if not allowed:
        raise NotAllowed(_("Only the mentor, the startup or the programme's managers can log its sessions."))
    if seat.status != SeatStatus.ACCEPTED:
        raise DomainError(_("Sessions can be logged once the mentor has accepted the seat."))
    _check_session(held_on=held_on, duration_minutes=duration_minutes, topics=topics)
    return _record(user=user, is_mentor=is_mentor, held_on=held_on, duration_minutes=duration_minutes, topics=topics,
                   follow_ups=follow_ups, seat=seat, programme=seat.programme, startup=seat.startup,
                   mentor=seat.mentor)


@transaction.atomic
def request_session_log(*, user: User, request_id: int, held_on: date, duration_minutes: int, topics: str,
                        follow_ups: str = "") -> MentoringSession:
    """The mentor or a member of the startup records a session of an accepted direct request."""
    request = MentoringRequest.objects.select_related("mentor__user", "mentor__organization", "startup").filter(
        pk=request_id).first()
    if request is None:
        raise DomainError(_("This request no longer exists."))
    is_mentor = user.is_authenticated and request.mentor.user_id == user.pk
    if not (is_mentor or request.startup_id in member_org_ids(user)):
        raise NotAllowed(_("Only the mentor and the startup can log their sessions."))
    if request.status != RequestStatus.ACCEPTED:
        raise DomainError(_("Sessions can be logged once the mentor has accepted the request."))
    _check_session(held_on=held_on, duration_minutes=duration_minutes, topics=topics)
    return _record(user=user, is_mentor=is_mentor, held_on=held_on, duration_minutes=duration_minutes, topics=topics,
                   follow_ups=follow_ups, request=request, startup=request.startup, mentor=request.mentor)


@transaction.atomic
def booking_session_log(*, user: User, booking_id: int, topics: str, follow_ups: str = "",
                        duration_minutes: int | None = None) -> MentoringSession:
    """The mentor or a member of the startup records a held office hour, once: the session's date is
    the slot's (Seoul) day and it writes the one linkage, as every session does."""
    booking = OfficeHourBooking.objects.select_for_update(of=("self",)).select_related(
        "slot__mentor__user", "slot__mentor__organization", "startup").filter(pk=booking_id).first()
    if booking is None:
        raise DomainError(_("This booking no longer exists."))
    mentor = booking.slot.mentor
    is_mentor = user.is_authenticated and mentor.user_id == user.pk
    if not (is_mentor or booking.startup_id in member_org_ids(user)):
        raise NotAllowed(_("Only the mentor and the startup can log their office hour."))
    if booking.status != BookingStatus.BOOKED:
        raise DomainError(_("A cancelled booking cannot be logged as a session."))
    if booking.slot.starts_at > timezone.now():
        raise DomainError(_("Log the office hour once it has taken place."))
    if MentoringSession.objects.filter(office_hour_booking=booking).exists():
        raise Conflict(_("This office hour is already logged as a session."))
    held_on = local_date(booking.slot.starts_at)
    minutes = duration_minutes or booking.slot.duration_minutes
    _check_session(held_on=held_on, duration_minutes=minutes, topics=topics)
    return _record(user=user, is_mentor=is_mentor, held_on=held_on, duration_minutes=minutes, topics=topics,
                   follow_ups=follow_ups, office_hour_booking=booking, startup=booking.startup, mentor=mentor)


@transaction.atomic
def session_feedback(*, user: User, session_id: int, rating: int, note: str = "") -> MentoringSession:
    """One side's rating (1–5) and note; a person on both sides gives the mentor's."""
    session = MentoringSession.objects.select_for_update(of=("self",)).select_related("mentor").filter(
        pk=session_id).first()
    if session is None:
        raise DomainError(_("This session no longer exists."))
    as_mentor, as_startup = selectors.session_sides(user=user, session=session)
    if not (as_mentor or as_startup):
        raise NotAllowed(_("Only the mentor and the startup give feedback on a session."))
    if not 1 <= rating <= 5:
        raise DomainError(_("Rate the session from 1 to 5."))
    if as_mentor:
        session.mentor_rating, session.mentor_note = rating, note.strip()[:2000]
        MentorProfile.objects.filter(pk=session.mentor_id).update(last_activity_at=timezone.now())
    else:
        session.startup_rating, session.startup_note = rating, note.strip()[:2000]
    session.save()
    return session
