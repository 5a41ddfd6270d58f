"""Event emails, each rendered in the recipient's language and queued after commit."""

from django.conf import settings
from django.urls import reverse

from accounts.emails import send_templated_email

from ..models import Event, Registration
from . import qr


def _urls(event: Event) -> dict:
    return {
        "event_url": settings.SITE_URL + reverse("events:detail", args=[event.pk]),
        "ics_url": settings.SITE_URL + reverse("events:ics", args=[event.pk]),
    }


def registration_email(registration: Registration, template: str, **extra) -> None:
    """Mail one registrant; confirmations carry the check-in code and a link to its QR image."""
    user = registration.user
    if user is None:  # walk-ins without an account get no mail
        return
    event = registration.event
    context = {
        "user": user,
        "event": event,
        "registration": registration,
        "tz": settings.DISPLAY_TIME_ZONE,
        "hold_hours": settings.EVENT_OFFER_HOLD_HOURS,
        **_urls(event),
        **extra,
    }
    if template == "event_registered":
        context["qr_url"] = settings.SITE_URL + reverse("events:qr", args=[qr.checkin_token(registration)])
    send_templated_email(to=user.email, language=user.language, template=template, context=context)


def registrants_email(event: Event, registrations: list[Registration], template: str, **extra) -> None:
    for registration in registrations:
        registration.event = event
        registration_email(registration, template, **extra)
