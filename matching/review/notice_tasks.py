"""Thin Celery tasks that deliver one queued notice: ids in, one call to ``notify``, return if
the row is gone. Idempotent, so ``acks_late`` is safe.

Below the services: ``notify_queue`` (which the services call) enqueues these, so this module imports
only ``notify``, never a service.
"""

from __future__ import annotations

from celery import shared_task

from . import notify


@shared_task(name="matching.notify_match_event", acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_match_event(*, event_id: int) -> int:
    return notify.deliver_event(event_id=event_id)


@shared_task(name="matching.notify_message", acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_message(*, message_id: int) -> int:
    return notify.deliver_message(message_id=message_id)


@shared_task(name="matching.notify_assignment", acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_assignment(*, match_id: int, user_id: int, key: str) -> int:
    return notify.deliver_assignment(match_id=match_id, user_id=user_id, key=key)
