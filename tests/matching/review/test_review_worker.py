"""Notifications leave through a real Celery worker on Redis after commit, exactly once per event:
the same event delivered again (a redelivered or repeated task) sends nothing more."""

import time

import pytest

from matching.models import MatchEvent, Notification
from matching.review.notice_tasks import notify_match_event
from tests.conftest import wait_for_files

from ..review_world import build_world

pytestmark = [pytest.mark.worker]


def _mails_to(files, address: str) -> list[str]:
    return [t for t in (f.read_text() for f in files) if address in t]


def test_introduction_email_sent_once_per_event_by_the_worker(celery_worker, client):
    w = build_world()
    w.startup.language = "ko"
    w.startup.save()
    client.force_login(w.tto)
    resp = client.post(f"/api/v1/matches/{w.match.pk}/transition/", {"action": "approve"})
    assert resp.status_code == 200
    # The introduction tells the firm's member (the TTO acted, so is not told).
    files = wait_for_files(celery_worker, 1)
    assert len(_mails_to(files, w.startup.email)) == 1
    intro = MatchEvent.objects.get(match=w.match, action="introduce")
    # The worker sends the mail inside its transaction: the row is visible once that commits.
    notice = Notification.objects.filter(key=f"event:{intro.pk}:{w.startup.pk}")
    deadline = time.monotonic() + 10
    while not notice.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert notice.exists()
    text = _mails_to(files, w.startup.email)[0]
    assert "Subject: =?utf-8?" in text or "새 소개" in text  # rendered in Korean, the recipient's language

    # The same event queued again: the idempotency key holds, no second email.
    notify_match_event.delay(event_id=intro.pk)
    notify_match_event.delay(event_id=intro.pk)
    time.sleep(3)
    files = wait_for_files(celery_worker, 1)
    assert len(_mails_to(files, w.startup.email)) == 1
    assert Notification.objects.filter(user=w.startup).count() == 1
