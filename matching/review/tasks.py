"""Thin Celery beat tasks of the review lifecycle: reminders and expiry, the digest, the refit.
Idempotent, so ``acks_late`` is safe. (The tasks delivering one notice are in ``notice_tasks``.)"""

from __future__ import annotations

from celery import shared_task

from ..proposals import learning
from . import notify, reminders


@shared_task(name="matching.remind_introductions", acks_late=True)
def remind_introductions() -> dict:
    return reminders.remind_and_expire()


@shared_task(name="matching.send_match_digests", acks_late=True)
def send_match_digests() -> int:
    return notify.send_digests()


@shared_task(name="matching.refit_from_decisions", acks_late=True)
def refit_from_decisions() -> dict:
    return learning.refit_from_decisions()
