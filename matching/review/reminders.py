"""Reminders and expiry of introductions nobody answered (Celery beat, through ``tasks``).

Above ``services``: expiring is a lifecycle step, so it goes through ``services.match_expire`` (its event
and notices included); reminders are delivered directly through ``notify``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from ..models import Match, MatchStatus
from .notify import (
    counterpart_people,
    deliver,
    match_params,
    org_members,
)
from .services import match_expire

S = MatchStatus


def remind_and_expire(*, now: datetime | None = None) -> dict[str, int]:
    """Introductions waiting on a side get a reminder every MATCH_INTRO_REMIND_DAYS and close after
    MATCH_INTRO_EXPIRE_DAYS."""
    now = now or timezone.now()
    remind_days = settings.MATCH_INTRO_REMIND_DAYS
    expire_days = settings.MATCH_INTRO_EXPIRE_DAYS
    out = {"reminded": 0, "expired": 0}
    waiting = Match.objects.filter(status=S.INTRODUCED).select_related("need__organization", "counterpart")
    for match in waiting.filter(introduced_at__lt=now - timedelta(days=expire_days)):
        out["expired"] += match_expire(match_id=match.pk) is not None
    for match in waiting.filter(introduced_at__lt=now - timedelta(days=remind_days)):
        n = match.reminders_sent + 1
        if match.introduced_at > now - timedelta(days=remind_days * n):
            continue  # the last reminder is recent enough
        if not Match.objects.filter(pk=match.pk, reminders_sent=match.reminders_sent).update(reminders_sent=n):
            continue  # another beat run took it
        people = [] if match.need_side_accepted_at else org_members(match.need.organization_id)
        people += [] if match.counterpart_accepted_at else counterpart_people(match)
        for user in people:
            out["reminded"] += deliver(user=user, key=f"reminder:{match.pk}:{n}:{user.pk}", kind="reminder",
                                       match=match, params=match_params(match))
    return out
