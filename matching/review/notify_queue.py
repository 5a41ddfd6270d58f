"""Queueing the notices of the review lifecycle, called inside the service's transaction: each queues
one ``notice_tasks`` task after commit, which delivers it through ``notify``.

Robust: a broker hiccup when queueing a notice is logged; it never undoes the person's action.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from django.utils import timezone

from core.queueing import enqueue_on_commit

from ..models import MatchEvent
from .notice_tasks import notify_assignment, notify_match_event, notify_message

_muted = threading.local()


@contextlib.contextmanager
def muted() -> Iterator[None]:
    """No notifications queued inside (the demo builds history without mailing anyone)."""
    _muted.on = True
    try:
        yield
    finally:
        _muted.on = False


def _is_muted() -> bool:
    return getattr(_muted, "on", False)


def queue_event_notifications(event: MatchEvent) -> None:
    if _is_muted():
        return
    enqueue_on_commit(notify_match_event, event_id=event.pk)


def queue_message_notice(*, message_id: int) -> None:
    if _is_muted():
        return
    enqueue_on_commit(notify_message, message_id=message_id)


def queue_assignment_notice(*, match_id: int, assignee_id: int, actor_id: int) -> None:
    if _is_muted():
        return
    key = f"assign:{match_id}:{assignee_id}:{timezone.now():%Y%m%d%H%M%S%f}"
    enqueue_on_commit(notify_assignment, match_id=match_id, user_id=assignee_id, key=key)
