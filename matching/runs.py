"""Full recomputes as ``MatchRun`` rows: start, rank chunks, swap the round's results in one go.

The Celery wiring is in ``matching.tasks`` (a chord: one task per chunk of need ids, then the
callback); these functions are what those thin tasks call, and ``run_inline`` runs the same steps
in-process (``load_demo``, tests without a worker).
"""

from __future__ import annotations

import traceback
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.errors import Conflict, NotAllowed
from accounts.models import User
from accounts.selectors import is_cluster_manager

from . import dataset, proposals
from .models import MatchRun, MatchRunStatus


def chunk_size() -> int:
    return int(getattr(settings, "MATCH_CHUNK_SIZE", 50))


def stale_after() -> int:
    """Seconds after which a queued or running run counts as abandoned (default: twice the task time limit)."""
    return int(getattr(settings, "MATCH_RUN_STALE_SECONDS", 2 * settings.CELERY_TASK_TIME_LIMIT))


def can_run_matching(user: User) -> bool:
    return user.is_authenticated and (user.is_staff or is_cluster_manager(user))


def match_run_start(*, user: User | None, dispatch: bool = True) -> MatchRun:
    """Queue a full recompute (managers only; one at a time). The chord is sent after commit."""
    if user is not None and not can_run_matching(user):
        raise NotAllowed(_("Only cluster managers can recompute the proposals."))
    with transaction.atomic():
        active = MatchRun.objects.select_for_update().filter(status__in=[MatchRunStatus.QUEUED, MatchRunStatus.RUNNING])
        # A run no worker finished within the stale window (broker down, worker killed) must not
        # block every later one: it is marked failed and a new run may start.
        cutoff = timezone.now() - timedelta(seconds=stale_after())
        active.filter(created_at__lt=cutoff).update(
            status=MatchRunStatus.FAILED, finished_at=timezone.now(), error="No worker finished this run in time.")
        busy = active.filter(created_at__gte=cutoff).exists()
        if busy:
            raise Conflict(_("A recompute is already queued or running; wait for it to finish."))
        run = MatchRun.objects.create(created_by=user)
        if dispatch:
            from .tasks import dispatch_run

            transaction.on_commit(lambda: dispatch_run(run_id=run.pk))
    return run


def chunks_for(run: MatchRun) -> list[list[int]]:
    """Split the open needs into chunks and mark the run running (idempotent on redelivery)."""
    ids = dataset.need_listing_ids()
    size = chunk_size()
    chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
    MatchRun.objects.filter(pk=run.pk).update(
        status=MatchRunStatus.RUNNING, started_at=run.started_at or timezone.now(), needs_total=len(ids),
        chunks_total=len(chunks), chunks_done=0,
    )
    return chunks


def run_chunk(*, run_id: int, need_ids: list[int]) -> dict:
    """Rank one chunk; writes nothing but the progress counter, so running it twice is harmless."""
    model = dataset.get_model()
    ranked = proposals.rank_needs(need_ids, model=model)
    MatchRun.objects.filter(pk=run_id).update(chunks_done=F("chunks_done") + 1)
    return {"ranked": {str(k): v for k, v in ranked.items()}, "model_version": model.version,
            "weights_info": _jsonable(model.weights_info), "fingerprint": dataset.cached_fingerprint()}


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def finish_run(*, run_id: int, chunk_results: list[dict]) -> MatchRun | None:
    """The chord callback: apply the exposure cap over the round and swap results in one transaction."""
    run = MatchRun.objects.filter(pk=run_id).first()
    if run is None or run.status == MatchRunStatus.DONE:
        return run  # gone, or a redelivered callback: a finished run exits at once
    merged: dict[int, list[proposals.Ranked]] = {}
    for part in chunk_results:
        for key, cands in part["ranked"].items():
            merged[int(key)] = [proposals.Ranked.from_dict(c) for c in cands]
    first = chunk_results[0] if chunk_results else {}
    version = first.get("model_version", "")
    with transaction.atomic():
        counts = proposals.save_proposals(proposals.cap_round(merged), run=run, model_version=version)
        MatchRun.objects.filter(pk=run_id).update(
            status=MatchRunStatus.DONE, finished_at=timezone.now(), counts=counts, model_version=version,
            weights_info=first.get("weights_info", {}), fingerprint=first.get("fingerprint", ""),
            chunks_done=F("chunks_total"),
        )
    run.refresh_from_db()
    return run


def fail_run(*, run_id: int, error: str) -> None:
    MatchRun.objects.filter(pk=run_id).exclude(status=MatchRunStatus.DONE).update(
        status=MatchRunStatus.FAILED, finished_at=timezone.now(), error=error[-4000:])


def run_inline(*, user: User | None = None) -> MatchRun:
    """The whole recompute in this process (demo loading, management shell)."""
    run = match_run_start(user=user, dispatch=False)
    try:
        results = [run_chunk(run_id=run.pk, need_ids=ids) for ids in chunks_for(run)]
        return finish_run(run_id=run.pk, chunk_results=results)
    except Exception:
        fail_run(run_id=run.pk, error=traceback.format_exc())
        raise
