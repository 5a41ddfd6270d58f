"""Thin Celery tasks for events: take ids, refetch, call one service, safe to run twice."""

from celery import shared_task

from . import registration, reminders

# The names keep the "clusters." prefix they had before events became an app: beat schedules and
# messages already queued refer to them.


@shared_task(name="clusters.expire_event_offers")
def expire_event_offers() -> int:
    """Beat: release lapsed seat offers, one transaction per offer."""
    return sum(registration.offer_expire(registration_id=pk) for pk in registration.due_offer_ids())


@shared_task(name="clusters.send_event_reminders")
def send_event_reminders() -> int:
    """Beat: queue one reminder task per event starting within a day."""
    ids = reminders.events_due_reminder()
    for event_id in ids:
        send_event_reminder.delay(event_id=event_id)
    return len(ids)


@shared_task(name="clusters.send_event_reminder")
def send_event_reminder(*, event_id: int) -> int:
    return reminders.event_reminders_send(event_id=event_id)


@shared_task(name="clusters.send_event_followups")
def send_event_followups() -> int:
    ids = reminders.events_due_followup()
    for event_id in ids:
        send_event_followup.delay(event_id=event_id)
    return len(ids)


@shared_task(name="clusters.send_event_followup")
def send_event_followup(*, event_id: int) -> int:
    return reminders.event_followups_send(event_id=event_id)
