"""Reminders the day before and follow-ups after: once per person, to the chosen audience."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from events import checkin, registration
from events.models import Registration
from events.tasks import send_event_followups, send_event_reminders
from tests.factories import EventFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_beat_schedule_runs_the_event_tasks():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"clusters.expire_event_offers", "clusters.send_event_reminders", "clusters.send_event_followups"} <= tasks


def test_reminder_goes_once_to_registered_people_of_tomorrows_events(run_on_commit):
    soon = timezone.now() + timedelta(hours=20)
    tomorrow = EventFactory(starts_at=soon, ends_at=soon + timedelta(hours=2), capacity=1)
    later = EventFactory()  # next week: not yet
    person, waiting = verified_member(), verified_member()
    registration.event_register(user=person, event_id=tomorrow.pk)
    registration.event_register(user=waiting, event_id=tomorrow.pk)
    registration.event_register(user=verified_member(), event_id=later.pk)
    mail.outbox.clear()
    with run_on_commit():
        send_event_reminders.delay()
    assert [(m.to, m.subject) for m in mail.outbox] == [([person.email], f"Tomorrow: {tomorrow.title_en}")]
    with run_on_commit():
        send_event_reminders.delay()
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(("audience", "expected"), [("attended", "came"), ("no_shows", "missed"), ("nobody", None)])
def test_followups_go_to_the_chosen_audience_once(run_on_commit, audience, expected):
    manager, cluster = cluster_manager()
    start = timezone.now() + timedelta(hours=1)
    event = EventFactory(cluster=cluster, starts_at=start, ends_at=start + timedelta(hours=1), followup_to=audience)
    came, missed = verified_member(), verified_member()
    reg = registration.event_register(user=came, event_id=event.pk)
    registration.event_register(user=missed, event_id=event.pk)
    checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=reg.pk)
    past = timezone.now() - timedelta(hours=5)
    type(event).objects.filter(pk=event.pk).update(starts_at=past - timedelta(hours=1), ends_at=past)
    mail.outbox.clear()
    with run_on_commit():
        send_event_followups.delay()
        send_event_followups.delay()
    recipients = [m.to[0] for m in mail.outbox]
    assert recipients == ({"came": [came.email], "missed": [missed.email]}[expected] if expected else [])
    assert Registration.objects.filter(event=event, followup_sent_at__isnull=False).count() == (1 if expected else 0)
