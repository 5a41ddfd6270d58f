"""Full recomputes as ``MatchRun`` rows: start, rank chunks, swap the round's results in one go.

The Celery wiring is in ``matching.tasks`` (a chord: one task per chunk of need ids, then the
callback); these functions are what those thin tasks call, and ``run_inline`` runs the same steps
in-process (``load_demo``, tests without a worker).

Fencing: a worker can die mid-run and its chunks come back (redelivered) long after. A run only moves
queued → running → done | failed by conditional UPDATEs on the expected state, and the fencing token
is (run id, ``running``): a chunk or a callback of a run that is no longer running (failed, superseded
by a newer run, or done) writes nothing. At most one run is active, so "running" means "current".
"""

from __future__ import annotations

import traceback
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.errors import Conflict, NotAllowed
from accounts.models import User
from accounts.selectors import is_cluster_manager

from . import dataset, proposals
from .models import MatchRun, MatchRunStatus


def chunk_size() -> int:
    return int(getattr(settings, "MATCH_CHUNK_SIZE", 50))


ACTIVE = (MatchRunStatus.QUEUED, MatchRunStatus.RUNNING)
FENCED = {"fenced": True, "ranked": {}}


def stale_after() -> int:
    """Seconds without a sign of life after which a queued or running run counts as abandoned.

    Every chunk beats at its start and end and runs at most CELERY_TASK_TIME_LIMIT. The default (twice
    that) is longer than the broker's visibility timeout, so a killed worker's chunks are redelivered,
    and the run resumes, before it may be superseded.
    """
    return int(getattr(settings, "MATCH_RUN_STALE_SECONDS", 2 * settings.CELERY_TASK_TIME_LIMIT))


def _beat(run_id: int, **values) -> bool:
    """Record progress of a run that is still the running one; False when it is not (fenced)."""
    return bool(MatchRun.objects.filter(pk=run_id, status=MatchRunStatus.RUNNING).update(
        heartbeat_at=timezone.now(), **values))


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
            from .tasks import dispatch_run

            transaction.on_commit(lambda: dispatch_run(run_id=run.pk))
    return run


def chunks_for(run: MatchRun) -> list[list[int]] | None:
    """Split the open needs into chunks and move the run queued → running; None when it is not queued
    (claimed by an earlier delivery, or failed meanwhile), so nothing is sent twice."""
    ids = dataset.need_listing_ids()
    size = chunk_size()
    chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
    now = timezone.now()
    claimed = MatchRun.objects.filter(pk=run.pk, status=MatchRunStatus.QUEUED).update(
        status=MatchRunStatus.RUNNING, started_at=now, heartbeat_at=now, needs_total=len(ids),
        chunks_total=len(chunks), chunks_done=0,
    )
    return chunks if claimed else None


def run_chunk(*, run_id: int, need_ids: list[int]) -> dict:
    """Rank one chunk; writes nothing but the progress counter, so running it twice is harmless.

    A chunk of a run that is no longer running (a late redelivery) ranks nothing and returns ``FENCED``.
    """
    if not _beat(run_id):
        return dict(FENCED)
    model = dataset.get_model()
    ranked = proposals.rank_needs(need_ids, model=model)
    if not _beat(run_id, chunks_done=F("chunks_done") + 1):
        return dict(FENCED)
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
    """The chord callback: apply the exposure cap over the round and swap results in one transaction.

    Only the running run swaps (its row is locked meanwhile, so it cannot be superseded halfway); a
    callback of a failed, superseded or finished run, or one with a fenced chunk, writes nothing. Needs
    closed since they were ranked get nothing, and every closed need's undecided proposals are withdrawn.
    """
    merged: dict[int, list[proposals.Ranked]] = {}
    for part in chunk_results:
        for key, cands in part.get("ranked", {}).items():
            merged[int(key)] = [proposals.Ranked.from_dict(c) for c in cands]
    first = next((p for p in chunk_results if not p.get("fenced")), {})
    version = first.get("model_version", "")
    with transaction.atomic():
        run = MatchRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.status != MatchRunStatus.RUNNING or any(p.get("fenced") for p in chunk_results):
            return run
        counts = proposals.save_proposals(proposals.cap_round(merged), run=run, model_version=version)
        counts["withdrawn"] += proposals.withdraw_proposals()
        MatchRun.objects.filter(pk=run_id, status=MatchRunStatus.RUNNING).update(
            status=MatchRunStatus.DONE, finished_at=timezone.now(), heartbeat_at=timezone.now(), counts=counts,
            model_version=version, weights_info=first.get("weights_info", {}),
            fingerprint=first.get("fingerprint", ""), chunks_done=F("chunks_total"),
        )
    run.refresh_from_db()
    return run


def fail_run(*, run_id: int, error: str) -> None:
    """Queued or running → failed; a run that already finished (either way) keeps its outcome."""
    MatchRun.objects.filter(pk=run_id, status__in=ACTIVE).update(
        status=MatchRunStatus.FAILED, finished_at=timezone.now(), error=error[-4000:])


def run_inline(*, user: User | None = None) -> MatchRun:
    """The whole recompute in this process (demo loading, management shell)."""
    run = match_run_start(user=user, dispatch=False)
    try:
        results = [run_chunk(run_id=run.pk, need_ids=ids) for ids in chunks_for(run) or []]
        return finish_run(run_id=run.pk, chunk_results=results)
    except Exception:
        fail_run(run_id=run.pk, error=traceback.format_exc())
        raise
