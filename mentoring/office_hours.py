"""Office hours: a verified mentor publishes short slots; members of verified firms book them.

Who may book: the people who may ask a mentor directly (``selectors.asking_organizations``: active
members of verified firms), never the mentor themselves, never a startup the mentor has a conflict of
interest with (``cohort.conflict_pairs``, the rule panels and requests obey).

Capacity: a booking first takes a place by a conditional UPDATE of the slot (``booked_count <
capacity``, not withdrawn, not started), backed by a check constraint; PostgreSQL re-checks the
condition after a concurrent booking's row lock, so two bookings racing for the last place end with
one booked and one refused. A startup holds one live booking per slot (partial unique constraint).

Availability: a mentor marked unavailable publishes no new slots and their open slots take no new
bookings (they are hidden from the mentor's page), but the bookings already made are kept: the
startups planned around them. Marking oneself available again reopens the slots.

Times: a slot is published as a Seoul date and time (``DISPLAY_TIME_ZONE``) and stored in UTC.
Either side may cancel a booking until the slot starts; after that a clear message says why not.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.selectors import member_org_ids
from core.dates import today as local_today
from core.errors import Conflict, DomainError, NotAllowed
from matching.models import Listing, ListingSide
from matching.visibility import open_listing_q

from . import notify, selectors
from .cohort import conflict_pairs
from .models import (
    BOOKING_MESSAGE_MAX_LENGTH,
    MAX_SLOT_CAPACITY,
    MAX_SLOT_MINUTES,
    MIN_SLOT_MINUTES,
    Availability,
    BookingStatus,
    MentorProfile,
    MentorStatus,
    OfficeHour,
    OfficeHourBooking,
)
from .models.office_hours import LOCATION_MAX_LENGTH, TOPIC_MAX_LENGTH
from .requests import clean_text

# How far ahead a slot may be published, and how many upcoming slots a mentor may hold at once.
HORIZON_DAYS = 180
MAX_UPCOMING_SLOTS = 60
# How long after a slot its bookings stay on the pages to be logged as sessions.
LOG_WINDOW_DAYS = 60
# Upcoming office hours one startup may hold at once (as direct requests: at most 5 waiting).
MAX_UPCOMING_BOOKINGS_PER_STARTUP = 5


def seoul() -> ZoneInfo:
    return ZoneInfo(settings.DISPLAY_TIME_ZONE)


def slot_start(day: date, at: time) -> datetime:
    """The UTC instant of a Seoul date and time (Seoul has no daylight saving: never ambiguous)."""
    return datetime.combine(day, at.replace(second=0, microsecond=0, tzinfo=None), tzinfo=seoul()).astimezone(
        ZoneInfo("UTC"))


def seoul_text(moment: datetime) -> str:
    """A slot's time as people read it, in the active language, in Seoul time."""
    local = timezone.localtime(moment, seoul())
    return f"{date_format(local, 'DATE_FORMAT')} {local:%H:%M}"


# ---- the mentor's side -------------------------------------------------------------------------


@transaction.atomic
def slot_publish(*, user: User, day: date, start: time, duration_minutes: int, location: str, topic: str = "",
                 capacity: int = 1) -> OfficeHour:
    """A verified, available mentor publishes one slot (a Seoul date and start time)."""
    if not user.is_authenticated:
        raise NotAllowed(_("Sign in to publish office hours."))
    # Locks the mentor's row: serialises their publishing, so the overlap check holds under double submits.
    profile = MentorProfile.objects.select_for_update(of=("self",)).filter(user=user).first()
    if profile is None or profile.status != MentorStatus.VERIFIED:
        raise NotAllowed(_("Only verified mentors publish office hours."))
    if profile.availability != Availability.AVAILABLE:
        raise Conflict(_("You are marked unavailable, so you cannot publish new office hours; the bookings you "
                         "have are kept. Mark yourself available on your profile to publish again."))
    if not MIN_SLOT_MINUTES <= duration_minutes <= MAX_SLOT_MINUTES:
        raise DomainError(_("An office hour lasts between %(lo)d and %(hi)d minutes.")
                          % {"lo": MIN_SLOT_MINUTES, "hi": MAX_SLOT_MINUTES})
    if not 1 <= capacity <= MAX_SLOT_CAPACITY:
        raise DomainError(_("A slot takes between 1 and %(n)d startups.") % {"n": MAX_SLOT_CAPACITY})
    location = clean_text(location, LOCATION_MAX_LENGTH, _("place"))
    if not location:
        raise DomainError(_("Say where you meet: an online meeting link or a place."))
    topic = clean_text(topic, TOPIC_MAX_LENGTH, _("topic note"))
    if day > local_today() + timedelta(days=HORIZON_DAYS):
        raise DomainError(_("Publish office hours at most %(n)d days ahead.") % {"n": HORIZON_DAYS})
    now = timezone.now()
    if day < local_today() or (starts_at := slot_start(day, start)) <= now:  # a past day never reaches year 0
        raise DomainError(_("Choose a time in the future (Seoul time)."))
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    live = OfficeHour.objects.filter(mentor=profile, cancelled_at__isnull=True)
    if live.filter(starts_at__gt=now).count() >= MAX_UPCOMING_SLOTS:
        raise Conflict(_("You already have %(n)d upcoming office hours; wait until some have passed.")
                       % {"n": MAX_UPCOMING_SLOTS})
    for other in live.filter(starts_at__lt=ends_at, starts_at__gt=starts_at - timedelta(minutes=MAX_SLOT_MINUTES)):
        if other.ends_at > starts_at:
            raise Conflict(_("This overlaps your office hour of %(when)s.") % {"when": seoul_text(other.starts_at)})
    return OfficeHour.objects.create(mentor=profile, starts_at=starts_at, duration_minutes=duration_minutes,
                                     location=location, topic=topic, capacity=capacity)


@transaction.atomic
def slot_withdraw(*, user: User, slot_id: int) -> OfficeHour:
    """The mentor takes a slot back before it starts; its bookings are cancelled and the startups told."""
    slot = OfficeHour.objects.select_for_update(of=("self",)).select_related("mentor__user").filter(
        pk=slot_id).first()
    if slot is None or not user.is_authenticated or slot.mentor.user_id != user.pk:
        raise NotAllowed(_("This office hour is someone else's."))
    if slot.cancelled_at is not None:
        raise Conflict(_("This office hour is already withdrawn."))
    now = timezone.now()
    if slot.starts_at <= now:
        raise DomainError(_("This office hour has already started, so it can no longer be withdrawn."))
    bookings = list(_live_bookings(slot))
    OfficeHourBooking.objects.filter(pk__in=[b.pk for b in bookings], status=BookingStatus.BOOKED).update(
        status=BookingStatus.CANCELLED, cancelled_by=user, cancelled_at=now)
    OfficeHour.objects.filter(pk=slot.pk).update(cancelled_at=now, booked_count=0)
    slot.cancelled_at, slot.booked_count = now, 0
    for booking in bookings:
        booking.status, booking.cancelled_at, booking.slot = BookingStatus.CANCELLED, now, slot
        notify.office_hour_cancelled_email(booking, by_mentor=True)
    return slot


def _live_bookings(slot: OfficeHour) -> QuerySet[OfficeHourBooking]:
    return OfficeHourBooking.objects.select_related("startup", "booked_by").filter(
        slot=slot, status=BookingStatus.BOOKED).order_by("id")


# ---- the startup's side ------------------------------------------------------------------------


@transaction.atomic
def booking_create(*, user: User, slot_id: int, organization_id: int, message: str,
                   need_id: int | None = None) -> OfficeHourBooking:
    """A member of a verified firm books a place in a slot; the mentor is emailed."""
    if not user.is_authenticated:
        raise NotAllowed(_("Sign in to book an office hour."))
    org = selectors.asking_organizations(user).filter(pk=organization_id).first()
    if org is None:
        raise NotAllowed(_("Only members of a verified firm can book office hours for their firm."))
    slot = OfficeHour.objects.select_related("mentor__user").prefetch_related(
        "mentor__affiliated_organizations", "mentor__invested_organizations").filter(pk=slot_id).first()
    if slot is None or slot.cancelled_at is not None:
        raise DomainError(_("This office hour is no longer offered."))
    mentor = slot.mentor
    if mentor.status != MentorStatus.VERIFIED or not mentor.user.is_active:
        raise DomainError(_("This office hour is no longer offered."))
    if mentor.user_id == user.pk:
        raise DomainError(_("You cannot book your own office hour."))
    if mentor.availability != Availability.AVAILABLE:
        raise Conflict(_("This mentor is not taking new startups at the moment. Please choose another mentor."))
    now = timezone.now()
    if slot.starts_at <= now:
        raise DomainError(_("This office hour has already started or passed; choose a later one."))
    if conflict_pairs([mentor], {org.pk}):
        raise Conflict(_("This mentor has a conflict of interest with %(startup)s (an affiliation, an investment "
                         "or a membership), so they cannot meet it. Please choose another mentor.")
                       % {"startup": org.name})
    message = clean_text(message, BOOKING_MESSAGE_MAX_LENGTH, _("message"))
    if not message:
        raise DomainError(_("Tell the mentor what you would like to discuss."))
    need = None
    if need_id:
        need = Listing.objects.filter(open_listing_q(), pk=need_id, organization=org, side=ListingSide.NEED).first()
        if need is None:
            raise DomainError(_("Choose one of your startup's open needs."))
    if OfficeHourBooking.objects.filter(slot=slot, startup=org, status=BookingStatus.BOOKED).exists():
        raise Conflict(_("%(startup)s already booked this office hour.") % {"startup": org.name})
    upcoming = OfficeHourBooking.objects.filter(startup=org, status=BookingStatus.BOOKED, slot__starts_at__gt=now).count()
    if upcoming >= MAX_UPCOMING_BOOKINGS_PER_STARTUP:  # one firm cannot take every mentor's every slot
        raise Conflict(_("%(startup)s already has %(n)d office hours booked; wait until one has taken place or "
                         "cancel one before booking another.") % {"startup": org.name, "n": upcoming})
    # Conditional, and first: the place is taken (or refused) before the booking row exists.
    if not OfficeHour.objects.filter(pk=slot.pk, cancelled_at__isnull=True, starts_at__gt=now,
                                     booked_count__lt=F("capacity")).update(booked_count=F("booked_count") + 1):
        raise Conflict(_("This office hour was just fully booked. Please choose another time."))
    try:
        with transaction.atomic():
            booking = OfficeHourBooking.objects.create(slot=slot, startup=org, booked_by=user, need=need,
                                                       message=message)
    except IntegrityError as exc:  # the same startup booking twice at once: the place above rolls back too
        raise Conflict(_("%(startup)s already booked this office hour.") % {"startup": org.name}) from exc
    slot.booked_count += 1
    booking.slot = slot
    notify.office_hour_booked_email(booking)
    return booking


@transaction.atomic
def booking_cancel(*, user: User, booking_id: int) -> OfficeHourBooking:
    """The mentor or a member of the startup cancels a booking until the slot starts; the other side is told."""
    booking = OfficeHourBooking.objects.select_related("slot__mentor__user", "startup", "booked_by").filter(
        pk=booking_id).first()
    if booking is None or not user.is_authenticated:
        raise NotAllowed(_("Only the mentor and the startup can cancel this booking."))
    by_mentor = booking.slot.mentor.user_id == user.pk
    if not (by_mentor or booking.startup_id in member_org_ids(user)):
        raise NotAllowed(_("Only the mentor and the startup can cancel this booking."))
    if booking.status != BookingStatus.BOOKED:
        raise Conflict(_("This booking is already cancelled."))
    now = timezone.now()
    if booking.slot.starts_at <= now:
        raise DomainError(_("This office hour started at %(when)s (Seoul time), so the booking can no longer be "
                            "cancelled. If you could not meet, tell the other side directly.")
                          % {"when": seoul_text(booking.slot.starts_at)})
    # The slot's row first, as booking and withdrawing take it: one lock order, no deadlock with a withdrawal.
    list(OfficeHour.objects.select_for_update().filter(pk=booking.slot_id).values_list("pk", flat=True))
    if not OfficeHourBooking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED).update(
        status=BookingStatus.CANCELLED, cancelled_by=user, cancelled_at=now
    ):
        raise Conflict(_("This booking is already cancelled."))
    OfficeHour.objects.filter(pk=booking.slot_id, booked_count__gte=1).update(booked_count=F("booked_count") - 1)
    booking.status, booking.cancelled_by, booking.cancelled_at = BookingStatus.CANCELLED, user, now
    notify.office_hour_cancelled_email(booking, by_mentor=by_mentor)
    return booking


# ---- reads -------------------------------------------------------------------------------------


def bookable_slots(*, mentor: MentorProfile) -> QuerySet[OfficeHour]:
    """A mentor's upcoming slots with a free place (none while the mentor is unavailable or unverified).
    Carries times and places left only: who booked is never part of it."""
    if mentor.status != MentorStatus.VERIFIED or mentor.availability != Availability.AVAILABLE:
        return OfficeHour.objects.none()
    return OfficeHour.objects.filter(mentor=mentor, cancelled_at__isnull=True, starts_at__gt=timezone.now(),
                                     booked_count__lt=F("capacity")).order_by("starts_at", "id")


def open_slots(user: User) -> QuerySet[OfficeHour]:
    """Upcoming slots with a free place of the mentors the user may browse (the API's public list)."""
    if not selectors.may_browse_mentors(user):
        return OfficeHour.objects.none()
    return OfficeHour.objects.filter(
        mentor__status=MentorStatus.VERIFIED, mentor__availability=Availability.AVAILABLE, mentor__user__is_active=True,
        cancelled_at__isnull=True, starts_at__gt=timezone.now(), booked_count__lt=F("capacity"),
    ).select_related("mentor__user")


def bookable_lookup(user: User) -> QuerySet[OfficeHour]:
    """Slots a booking may name: any of a verified mentor's, for directory readers (the service then
    says clearly why a full, past or withdrawn one cannot be booked)."""
    if not selectors.may_browse_mentors(user):
        return OfficeHour.objects.none()
    return OfficeHour.objects.filter(mentor__status=MentorStatus.VERIFIED)


def visible_slots(user: User) -> QuerySet[OfficeHour]:
    """Open slots for directory readers, and every slot of the user's own as a mentor."""
    if not user.is_authenticated:
        return OfficeHour.objects.none()
    own = OfficeHour.objects.filter(mentor__user=user).select_related("mentor__user")
    return (open_slots(user) | own).distinct()


def mentor_slots(*, user: User) -> QuerySet[OfficeHour]:
    """The mentor's slots from LOG_WINDOW_DAYS ago on, each with its live bookings (two queries)."""
    if not user.is_authenticated:
        return OfficeHour.objects.none()
    since = timezone.now() - timedelta(days=LOG_WINDOW_DAYS)
    live = OfficeHourBooking.objects.filter(status=BookingStatus.BOOKED).select_related(
        "startup", "booked_by", "need").prefetch_related("sessions").order_by("id")
    return OfficeHour.objects.filter(mentor__user=user, starts_at__gte=since).prefetch_related(
        Prefetch("bookings", queryset=live, to_attr="live_bookings")).order_by("starts_at", "id")


def _bookings(qs: QuerySet[OfficeHourBooking]) -> QuerySet[OfficeHourBooking]:
    return qs.select_related("slot__mentor__user", "startup", "booked_by", "need").prefetch_related("sessions")


def startup_bookings(*, user: User, recent: bool = False) -> QuerySet[OfficeHourBooking]:
    """Bookings of the user's organisations (never another startup's), soonest first; ``recent``: only
    of slots from LOG_WINDOW_DAYS ago on."""
    if not user.is_authenticated:
        return OfficeHourBooking.objects.none()
    qs = OfficeHourBooking.objects.filter(startup_id__in=member_org_ids(user))
    if recent:
        qs = qs.filter(slot__starts_at__gte=timezone.now() - timedelta(days=LOG_WINDOW_DAYS))
    return _bookings(qs).order_by("slot__starts_at", "id")


def visible_bookings(user: User) -> QuerySet[OfficeHourBooking]:
    """Bookings the user is a side of: in their slots as a mentor, or of their organisations."""
    if not user.is_authenticated:
        return OfficeHourBooking.objects.none()
    return _bookings(OfficeHourBooking.objects.filter(
        Q(slot__mentor__user=user) | Q(startup_id__in=member_org_ids(user))))


def booked_slot_ids(*, user: User, slots: list[OfficeHour]) -> set[int]:
    """Which of ``slots`` one of the user's organisations holds a live booking in (one query)."""
    if not user.is_authenticated or not slots:
        return set()
    return set(OfficeHourBooking.objects.filter(slot__in=slots, startup_id__in=member_org_ids(user),
                                                status=BookingStatus.BOOKED).values_list("slot_id", flat=True))


def has_started(slot: OfficeHour) -> bool:
    return slot.starts_at <= timezone.now()
