"""Thin Celery tasks of the review lifecycle: ids in, one call to ``matching.notify`` (or the refit),
return if the row is gone. Idempotent, so ``acks_late`` is safe."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="matching.notify_match_event", acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_match_event(*, event_id: int) -> int:
    from .notify import deliver_event

    return deliver_event(event_id=event_id)


@shared_task(name="matching.notify_message", acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_message(*, message_id: int) -> int:
    from .notify import deliver_message

    return deliver_message(message_id=message_id)


@shared_task(name="matching.notify_assignment", acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_assignment(*, match_id: int, user_id: int, key: str) -> int:
    from .notify import deliver_assignment

    return deliver_assignment(match_id=match_id, user_id=user_id, key=key)


@shared_task(name="matching.remind_introductions", acks_late=True)
def remind_introductions() -> dict:
    from .notify import remind_and_expire

    return remind_and_expire()


@shared_task(name="matching.send_match_digests", acks_late=True)
def send_match_digests() -> int:
    from .notify import send_digests

    return send_digests()


@shared_task(name="matching.refit_from_decisions", acks_late=True)
def refit_from_decisions() -> dict:
    from .learning import refit_from_decisions as refit

    return refit()
