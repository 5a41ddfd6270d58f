"""Queue Celery tasks so that a broker outage never fails, or holds up, the request that asked for them.

``enqueue_on_commit(task, **kwargs)`` sends the task once the transaction commits. When the broker
cannot take it (Redis down or hung; the publish settings give up within a second or two), the job is
recorded in ``QueuedTaskFailure`` with its error and a warning is logged: the person's write is
committed and their page answers as usual. ``resend_failed()`` sends the recorded jobs again; the
beat task ``config.resend_queued_tasks`` (core.tasks) runs it every minute, and
``manage.py resend_queued_tasks`` runs it by hand. Every task here is idempotent by design, so a job
that reaches a worker twice does no harm.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import Task, current_app
from django.db import transaction

from .models import QueuedTaskFailure

logger = logging.getLogger(__name__)

RESEND_BATCH = 200


def _error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


def _send(task: Task, kwargs: dict) -> None:
    if task.app.conf.task_always_eager:
        task.apply_async(kwargs=kwargs)  # in-process: no broker to miss, and the task's own errors show
    else:
        # Nobody in a request waits for these results: skipping the result backend keeps a Redis
        # outage from adding its reconnect retries (about 19 s) to the publish.
        task.apply_async(kwargs=kwargs, ignore_result=True)


def _record(name: str, kwargs: dict, exc: BaseException) -> None:
    logger.warning("Could not queue %s, kept for a re-send: %s", name, _error_text(exc))
    try:
        QueuedTaskFailure.objects.create(task=name, kwargs=kwargs, error=_error_text(exc))
    except Exception:  # the database too: nothing left to keep it in, say so loudly
        logger.exception("Could not record the job %s %r either; it is lost", name, kwargs)


def enqueue(task: Task, /, **kwargs: Any) -> bool:
    """Send ``task(**kwargs)`` now; when the broker refuses, record it for a re-send. True when sent."""
    try:
        _send(task, kwargs)
    except Exception as exc:  # kombu and redis raise different errors per transport: any failed publish is kept
        if task.app.conf.task_always_eager:
            raise  # the task itself failed in-process; there was no publish to keep
        _record(task.name, kwargs, exc)
        return False
    return True


def enqueue_on_commit(task: Task, /, **kwargs: Any) -> None:
    """Send ``task(**kwargs)`` once the current transaction commits (at once outside one).

    ``kwargs`` must be JSON-safe (the task serializer and the outbox are JSON). Robust: nothing that
    happens while queueing can undo the committed write or turn its response into an error page.
    """

    def send() -> None:
        enqueue(task, **kwargs)

    send.__qualname__ = f"enqueue {task.name}"  # Django names the callback when it logs a failure
    transaction.on_commit(send, robust=True)


def resend_failed(*, limit: int = RESEND_BATCH) -> int:
    """Send recorded jobs again, oldest first, and forget each one sent; stop at the first refusal
    (the broker is still down). Safe to run concurrently: a row is taken under a skip-locked lock."""
    sent = 0
    for pk in list(QueuedTaskFailure.objects.order_by("pk").values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            row = QueuedTaskFailure.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
            if row is None:
                continue  # another re-send has it, or sent it already
            task = current_app.tasks.get(row.task)
            try:
                if task is not None:
                    _send(task, row.kwargs)
                else:  # registered only on the workers
                    current_app.send_task(row.task, kwargs=row.kwargs, ignore_result=True)
            except Exception as exc:  # still refused: keep it, with the newest error
                row.attempts += 1
                row.error = _error_text(exc)
                row.save(update_fields=["attempts", "error", "last_attempt_at"])
                logger.warning("Re-sending %s failed again (%d attempts): %s", row.task, row.attempts, row.error)
                break
            row.delete()
            sent += 1
    if sent:
        logger.info("Re-sent %d queued task(s)", sent)
    return sent
