"""Event emails, each rendered in the recipient's language and queued after commit."""

from django.conf import settings
from django.urls import reverse

from core.emails import binary_attachment, send_templated_email, text_attachment

from . import ical, qr
from .models import Event, Registration

# Emails that carry the event's calendar entry (new, changed or cancelled).
CALENDAR_TEMPLATES = {"event_registered", "event_changed", "event_cancelled"}


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
    attachments = []
    if template in CALENDAR_TEMPLATES:
        # The .ics keeps the event's UID and SEQUENCE, so calendar apps update the entry in place.
        attachments.append(text_attachment("event.ics", ical.calendar([(event, True)]), "text/calendar"))
    if template == "event_registered":
        token = qr.checkin_token(registration)
        context["qr_url"] = settings.SITE_URL + reverse("events:qr", args=[token])
        attachments.append(binary_attachment("check-in-qr.png", qr.qr_png(token), "image/png"))
    send_templated_email(
        to=user.email, language=user.language, template=template, context=context, attachments=attachments
    )


def registrants_email(event: Event, registrations: list[Registration], template: str, **extra) -> None:
    for registration in registrations:
        registration.event = event
        registration_email(registration, template, **extra)
