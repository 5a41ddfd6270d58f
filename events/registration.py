"""Registration, the waiting list and held seat offers.

The seat counter ``Event.seats_taken`` counts registered plus offered registrations. A seat is
taken only by a conditional UPDATE (``seats_taken < capacity``), which PostgreSQL re-checks after
waiting for a concurrent writer's row lock and SQLite runs with the database write-locked, so two
people racing for the last seat end one registered and one waitlisted; the ``event_no_overbooking``
check constraint backs it up. A freed seat is never released while someone waits: it is offered to
the first person on the waiting list and held for ``EVENT_OFFER_HOLD_HOURS``.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import Conflict, DomainError, NotAllowed

from . import notify, qr, selectors
from .models import SEAT_HOLDING, Event, EventStatus, Registration, RegistrationStatus


def _take_seat(event_id: int) -> bool:
    free = Q(capacity__isnull=True) | Q(seats_taken__lt=F("capacity"))
    # updated_at too: an UPDATE skips auto_now, and the kept events list reads it to show seats left.
    return Event.objects.filter(free, pk=event_id).update(
        seats_taken=F("seats_taken") + 1, updated_at=timezone.now()) == 1


def _release_seat(event_id: int) -> None:
    Event.objects.filter(pk=event_id, seats_taken__gt=0).update(seats_taken=F("seats_taken") - 1, updated_at=timezone.now())


def _offer_next(event: Event, now: datetime) -> Registration | None:
    """Offer a held seat to the first person waiting; None when nobody waits."""
    hold_until = min(now + timedelta(hours=settings.EVENT_OFFER_HOLD_HOURS), event.starts_at)
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).order_by("created_at", "id")
    for candidate in waiting.select_related("user")[:20]:
        # Conditional: a concurrent promotion of the same person makes this a no-op; try the next.
        if Registration.objects.filter(pk=candidate.pk, status=RegistrationStatus.WAITLISTED).update(
            status=RegistrationStatus.OFFERED, offer_expires_at=hold_until
        ):
            candidate.status, candidate.offer_expires_at = RegistrationStatus.OFFERED, hold_until
            candidate.event = event
            notify.registration_email(candidate, "event_offer")
            return candidate
    return None


def _pass_seat_on(event: Event, now: datetime) -> None:
    """A held seat became free: offer it on while the event is still ahead, else give it back."""
    if event.status == EventStatus.PUBLISHED and event.starts_at > now and _offer_next(event, now):
        return
    _release_seat(event.pk)


def fill_free_seats(*, event: Event) -> int:
    """After capacity grows: offer every newly free seat to the waiting list, in order."""
    now, offered = timezone.now(), 0
    while Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).exists():
        if not _take_seat(event.pk):
            break
        if _offer_next(event, now) is None:
            _release_seat(event.pk)
            break
        offered += 1
    return offered


def _check_answers(event: Event, answers: dict) -> dict:
    clean = {}
    for question in event.questions:
        value = str(answers.get(question["key"], "")).strip()
        if question.get("required") and not value:
            raise DomainError(_("Please answer every required question."))
        clean[question["key"]] = value[:2000]
    return clean


@transaction.atomic
def event_register(
    *,
    user: User,
    event_id: int,
    organization_id: int | None = None,
    answers: dict | None = None,
    show_in_participant_list: bool = True,
    share_listings: bool = False,
) -> Registration:
    """Register a signed-in member of a verified organisation: a seat if one is free, else the waiting list."""
    if not user.is_authenticated:
        raise NotAllowed(_("Sign in to register."))
    orgs = list(selectors.verified_organizations(user))
    if not orgs:
        raise NotAllowed(_("Only members of verified organisations can register for events."))
    org = next((o for o in orgs if o.pk == organization_id), orgs[0])
    event = Event.objects.filter(pk=event_id).first()
    now = timezone.now()
    if event is None or event.status != EventStatus.PUBLISHED:
        raise Conflict(_("This event is not open for registration."))
    if event.starts_at <= now or (event.registration_deadline and event.registration_deadline < now):
        raise Conflict(_("Registration for this event has closed."))
    registration = Registration(
        event=event, user=user, organization=org, status=RegistrationStatus.WAITLISTED,
        answers=_check_answers(event, answers or {}), show_in_participant_list=show_in_participant_list,
        share_listings=share_listings,
        nonce=qr.new_nonce(),
    )
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as exc:  # the partial unique index: already registered (maybe a double click)
        raise Conflict(_("You are already registered for this event.")) from exc
    if _take_seat(event.pk):
        registration.status = RegistrationStatus.REGISTERED
        registration.save(update_fields=["status", "updated_at"])
        notify.registration_email(registration, "event_registered")
    else:
        notify.registration_email(registration, "event_waitlisted")
    return registration


def _locked_registration(registration_id: int) -> Registration:
    registration = (
        Registration.objects.select_for_update(of=("self",)).select_related("event", "user").filter(pk=registration_id).first()
    )
    if registration is None:
        raise DomainError(_("This registration no longer exists."))
    return registration


@transaction.atomic
def registration_cancel(*, user: User, registration_id: int) -> Registration:
    """The registrant (or an organiser) gives up a place; a held seat goes to the next person waiting."""
    registration = _locked_registration(registration_id)
    if registration.user_id != user.pk and not selectors.can_manage_event(user, registration.event):
        raise NotAllowed(_("You can cancel only your own registration."))
    # Conditional, so a concurrent cancel or offer expiry cannot free the same seat twice.
    held = registration.status in SEAT_HOLDING and not registration.walk_in  # walk-ins never took a seat
    if not Registration.objects.filter(pk=registration.pk, status=registration.status).exclude(
        status=RegistrationStatus.CANCELLED
    ).update(status=RegistrationStatus.CANCELLED, offer_expires_at=None, updated_at=timezone.now()):
        raise Conflict(_("This registration is already cancelled."))
    registration.status = RegistrationStatus.CANCELLED
    if held:
        _pass_seat_on(registration.event, timezone.now())
    return registration


@transaction.atomic
def offer_accept(*, user: User, registration_id: int) -> Registration:
    registration = _locked_registration(registration_id)
    if registration.user_id != user.pk:
        raise NotAllowed(_("This offer is for someone else."))
    now = timezone.now()
    if registration.status != RegistrationStatus.OFFERED or (
        registration.offer_expires_at and registration.offer_expires_at <= now
    ):
        raise Conflict(_("This seat offer has expired."))
    registration.status, registration.offer_expires_at = RegistrationStatus.REGISTERED, None
    registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
    notify.registration_email(registration, "event_registered")
    return registration


@transaction.atomic
def offer_expire(*, registration_id: int, now: datetime | None = None) -> bool:
    """Release one lapsed offer and pass the seat on. Idempotent: False when nothing was due."""
    now = now or timezone.now()
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return False
    if not Registration.objects.filter(
        pk=registration_id, status=RegistrationStatus.OFFERED, offer_expires_at__lte=now
    ).update(status=RegistrationStatus.CANCELLED, updated_at=now):
        return False
    notify.registration_email(registration, "event_offer_expired")
    _pass_seat_on(registration.event, now)
    return True


def due_offer_ids(*, now: datetime | None = None) -> list[int]:
    return list(
        Registration.objects.filter(
            status=RegistrationStatus.OFFERED, offer_expires_at__lte=now or timezone.now()
        ).values_list("pk", flat=True)
    )
