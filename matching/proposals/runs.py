"""Full recomputes as ``MatchRun`` rows: who may start one, starting it, and running it in-process.

A started run is dispatched after commit to ``matching.tasks`` (a chord over the steps in
``matching.run_steps``); ``run_inline`` runs the same steps in this process (``load_demo``, tests
without a worker).
"""

from __future__ import annotations

import traceback
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.selectors import is_cluster_manager
from core.errors import Conflict, NotAllowed
from core.queueing import enqueue_on_commit

from ..models import MatchRun, MatchRunStatus
from . import tasks
from .run_steps import (
    ACTIVE,
    chunks_for,
    fail_run,
    finish_run,
    run_chunk,
)


def stale_after() -> int:
    """Seconds without a sign of life after which a queued or running run counts as abandoned.

    Every chunk beats at its start and end and runs at most CELERY_TASK_TIME_LIMIT. The default (twice
    that) is longer than the broker's visibility timeout, so a killed worker's chunks are redelivered,
    and the run resumes, before it may be superseded.
    """
    return settings.MATCH_RUN_STALE_SECONDS


def can_run_matching(user: User) -> bool:
    return user.is_authenticated and (user.is_staff or is_cluster_manager(user))


def match_run_start(*, user: User | None, dispatch: bool = True) -> MatchRun:
    """Queue a full recompute (managers only; one at a time). The chord is sent after commit."""
    if user is not None and not can_run_matching(user):
        raise NotAllowed(_("Only cluster managers can recompute the proposals."))
    with transaction.atomic():
        active = MatchRun.objects.select_for_update().filter(status__in=ACTIVE)
        # A run no worker has shown progress on within the stale window (broker down, worker killed)
        # must not block every later one: it is marked failed, which fences its late chunks out.
        now = timezone.now()
        cutoff = now - timedelta(seconds=stale_after())
        silent = Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
        active.filter(silent).update(
            status=MatchRunStatus.FAILED, finished_at=now,
            error="No worker showed progress on this run in time; a newer run superseded it.")
        if active.exclude(silent).exists():
            raise Conflict(_("A recompute is already queued or running; wait for it to finish."))
        run = MatchRun.objects.create(created_by=user)
        if dispatch:
            enqueue_on_commit(tasks.match_run_dispatch, run_id=run.pk)
    return run


def run_inline(*, user: User | None = None) -> MatchRun:
    """The whole recompute in this process (demo loading, management shell)."""
    run = match_run_start(user=user, dispatch=False)
    try:
        results = [run_chunk(run_id=run.pk, need_ids=ids) for ids in chunks_for(run) or []]
        return finish_run(run_id=run.pk, chunk_results=results)
    except Exception:
        fail_run(run_id=run.pk, error=traceback.format_exc())
        raise
