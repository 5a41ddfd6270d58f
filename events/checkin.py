"""Check-in at the door, walk-ins, and the co-attendance linkages they imply.

Co-attendance is recomputed for the whole event on every change rather than appended per
check-in: the edge set is every pair of distinct organisations with someone checked in, each
weighted 1/(n − 1) where n is the number of such organisations (people of one organisation are
one node; a seminar of 200 organisations gives each pair 1/199). Rows are keyed by
(kind, source = the event, org pair), so a recompute updates weights in place, adds new pairs,
and deletes pairs that an undone check-in left without a member present — nothing is written
twice. The event row lock serialises recomputes of one event.
"""

import re
from datetime import timedelta
from itertools import combinations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Organization, User
from clusters.linkages import linkages_replace
from clusters.models import LinkageKind
from core.errors import Conflict, DomainError, NotAllowed

from . import qr, selectors
from .dates import display_time
from .models import Event, Registration, RegistrationStatus


def _locked_event(user: User, event_id: int) -> Event:
    event = Event.objects.select_for_update().filter(pk=event_id).first()
    if event is None:
        raise DomainError(_("This event no longer exists."))
    if not selectors.can_manage_event(user, event):
        raise NotAllowed(_("Only the organisers of this event can check people in."))
    return event


def door_opens_at(event: Event):
    """The earliest time check-in (and recording a held meeting) is accepted."""
    return event.starts_at - timedelta(minutes=settings.EVENT_CHECKIN_OPENS_MINUTES)


def require_door_open(event: Event, *, held: bool = False) -> None:
    """Refuse a check-in (or a meeting recorded as held) too long before the event: a test click, a typo."""
    opens = door_opens_at(event)
    if timezone.now() >= opens:
        return
    minutes = settings.EVENT_CHECKIN_OPENS_MINUTES
    values = {"minutes": minutes, "time": display_time(opens, "%Y-%m-%d %H:%M")}
    if held:
        raise Conflict(ngettext(
            "A meeting can be recorded as held from %(minutes)d minute before the event starts, at %(time)s (Korea time).",
            "A meeting can be recorded as held from %(minutes)d minutes before the event starts, at %(time)s (Korea time).",
            minutes,
        ) % values)
    raise Conflict(ngettext(
        "Check-in opens %(minutes)d minute before the event starts, at %(time)s (Korea time).",
        "Check-in opens %(minutes)d minutes before the event starts, at %(time)s (Korea time).",
        minutes,
    ) % values)


def normalise_code(code: str) -> str:
    """A typed short code as stored: no whitespace anywhere ("ewew bqfxrc"), upper case."""
    return re.sub(r"\s+", "", code).upper()


def recompute_co_attendance(event: Event) -> int:
    """Make the event's co_attendance linkages match who is checked in; returns the edge count."""
    org_ids = sorted(
        set(
            Registration.objects.filter(event=event, checked_in_at__isnull=False, organization__isnull=False)
            .values_list("organization_id", flat=True)
        )
    )
    weight = 1.0 / (len(org_ids) - 1) if len(org_ids) > 1 else 0.0
    return linkages_replace(kind=LinkageKind.CO_ATTENDANCE, source=event, pairs=combinations(org_ids, 2), weight=weight,
                            at=event.starts_at, cluster=event.cluster_id)


def _check_in(event: Event, registration: Registration, user: User) -> Registration:
    require_door_open(event)
    if registration.status == RegistrationStatus.OFFERED:
        # Someone with a held seat who turns up has accepted it.
        registration.status, registration.offer_expires_at = RegistrationStatus.REGISTERED, None
    if registration.status != RegistrationStatus.REGISTERED:
        raise Conflict(_("%(name)s is not registered for this event.") % {"name": registration.display_name})
    if registration.checked_in_at is not None:
        raise Conflict(_("%(name)s is already checked in.") % {"name": registration.display_name})
    registration.checked_in_at, registration.checked_in_by = timezone.now(), user
    registration.save(update_fields=["status", "offer_expires_at", "checked_in_at", "checked_in_by", "updated_at"])
    recompute_co_attendance(event)
    return registration


@transaction.atomic
def checkin_by_code(*, user: User, event_id: int, code: str) -> Registration:
    """Check in by the scanned QR token or the short code typed from under it."""
    event = _locked_event(user, event_id)
    code = code.strip()
    if ":" in code:  # a signed token from the QR code
        data = qr.read_token(code)
        if data is None:
            raise DomainError(_("This code is not valid."))
        if data["e"] != event.pk:
            raise DomainError(_("This code is for another event."))
        registration = Registration.objects.filter(pk=data["r"], event=event, nonce=data["n"]).first()
    else:
        registration = Registration.objects.filter(event=event, nonce=normalise_code(code)).first()
    if registration is None:
        raise DomainError(_("No registration for this event has this code."))
    return _check_in(event, registration, user)


@transaction.atomic
def checkin_registration(*, user: User, event_id: int, registration_id: int) -> Registration:
    """Check in from the organiser's list (a search by name)."""
    event = _locked_event(user, event_id)
    registration = Registration.objects.filter(pk=registration_id, event=event).first()
    if registration is None:
        raise DomainError(_("This registration no longer exists."))
    return _check_in(event, registration, user)


@transaction.atomic
def checkin_undo(*, user: User, event_id: int, registration_id: int) -> Registration:
    event = _locked_event(user, event_id)
    registration = Registration.objects.filter(pk=registration_id, event=event).first()
    if registration is None or registration.checked_in_at is None:
        raise Conflict(_("This person is not checked in."))
    registration.checked_in_at, registration.checked_in_by = None, None
    registration.save(update_fields=["checked_in_at", "checked_in_by", "updated_at"])
    recompute_co_attendance(event)
    return registration


@transaction.atomic
def walk_in_add(*, user: User, event_id: int, name: str, organization: Organization | None = None) -> Registration:
    """Someone who turns up unregistered: recorded and checked in at once.

    Walk-ins do not take a seat from the counter: the door decides whether the room has space.
    """
    event = _locked_event(user, event_id)
    require_door_open(event)
    if not name.strip():
        raise DomainError(_("Give the walk-in's name."))
    registration = Registration.objects.create(
        event=event, name=name.strip(), organization=organization, status=RegistrationStatus.REGISTERED,
        walk_in=True, nonce=qr.new_nonce(), show_in_participant_list=False,
        checked_in_at=timezone.now(), checked_in_by=user,
    )
    recompute_co_attendance(event)
    return registration
