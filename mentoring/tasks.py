"""Celery beat tasks of mentoring (found by ``app.autodiscover_tasks()`` as ``mentoring.tasks``).
Thin and idempotent, so ``acks_late`` redelivery is safe."""

from __future__ import annotations

from celery import shared_task

from . import responsiveness


@shared_task(name="mentoring.remind_and_reassign", acks_late=True)
def remind_and_reassign() -> dict[str, int]:
    """Hourly: remind mentors of unanswered seats and direct requests once, then expire (and refill the
    seats of) those left too long."""
    return {**responsiveness.remind_and_reassign(), **responsiveness.requests_remind_and_expire()}
