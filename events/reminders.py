"""Reminders the day before and follow-ups after. Each mail is sent at most once per registration."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import notify
from .models import Event, EventStatus, FollowUpAudience, Registration, RegistrationStatus

REMINDER_WINDOW = timedelta(hours=24)
FOLLOWUP_DELAY = timedelta(hours=2)  # after the end, so late check-ins are counted
FOLLOWUP_MAX_AGE = timedelta(days=7)  # a beat outage does not mail about last month's event


def events_due_reminder(*, now: datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        Event.objects.filter(
            status=EventStatus.PUBLISHED, starts_at__gt=now, starts_at__lte=now + REMINDER_WINDOW,
            registrations__status=RegistrationStatus.REGISTERED, registrations__reminder_sent_at__isnull=True,
            registrations__user__isnull=False,
        ).values_list("pk", flat=True).distinct()
    )


@transaction.atomic
def event_reminders_send(*, event_id: int, now: datetime | None = None) -> int:
    """Remind everyone registered who has not been reminded yet; returns how many were mailed."""
    now = now or timezone.now()
    event = Event.objects.filter(pk=event_id, status=EventStatus.PUBLISHED, starts_at__gt=now).first()
    if event is None:
        return 0
    due = list(
        Registration.objects.select_for_update(of=("self",)).filter(
            event=event, status=RegistrationStatus.REGISTERED, reminder_sent_at__isnull=True, user__isnull=False
        ).select_related("user")
    )
    Registration.objects.filter(pk__in=[r.pk for r in due]).update(reminder_sent_at=now)
    notify.registrants_email(event, due, "event_reminder")
    return len(due)


def events_due_followup(*, now: datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        Event.objects.filter(
            status=EventStatus.PUBLISHED, followup_sent_at__isnull=True,
            ends_at__lte=now - FOLLOWUP_DELAY, ends_at__gt=now - FOLLOWUP_MAX_AGE,
        ).exclude(followup_to=FollowUpAudience.NOBODY).values_list("pk", flat=True)
    )


@transaction.atomic
def event_followups_send(*, event_id: int, now: datetime | None = None) -> int:
    """Thank attendees and/or reach out to no-shows, as the event's ``followup_to`` says."""
    now = now or timezone.now()
    event = Event.objects.select_for_update().filter(pk=event_id, followup_sent_at__isnull=True).first()
    if event is None:
        return 0
    audience = Q(status=RegistrationStatus.REGISTERED, user__isnull=False, followup_sent_at__isnull=True)
    if event.followup_to == FollowUpAudience.ATTENDED:
        audience &= Q(checked_in_at__isnull=False)
    elif event.followup_to == FollowUpAudience.NO_SHOWS:
        audience &= Q(checked_in_at__isnull=True)
    elif event.followup_to == FollowUpAudience.NOBODY:
        audience = Q(pk__in=[])
    due = list(Registration.objects.filter(audience, event=event).select_related("user"))
    Registration.objects.filter(pk__in=[r.pk for r in due]).update(followup_sent_at=now)
    event.followup_sent_at = now
    event.save(update_fields=["followup_sent_at"])
    for registration in due:
        registration.event = event
        template = "event_followup" if registration.checked_in_at else "event_followup_noshow"
        notify.registration_email(registration, template)
    return len(due)
