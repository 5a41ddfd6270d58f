"""The steps of a full recompute (a ``MatchRun``): claim, rank a chunk, swap the round's results, fail.

``matching.tasks`` wires them into a Celery chord (one task per chunk of need ids, then the callback);
``runs`` starts runs and runs the same steps in-process (``run_inline``).

Fencing: a worker can die mid-run and its chunks come back (redelivered) long after. A run only moves
queued → running → done | failed by conditional UPDATEs on the expected state, and the fencing token
is (run id, ``running``): a chunk or a callback of a run that is no longer running (failed, superseded
by a newer run, or done) writes nothing. At most one run is active, so "running" means "current".
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import MatchRun, MatchRunStatus
from . import dataset
from . import services as proposals
from .learned_weights import jsonable

ACTIVE = (MatchRunStatus.QUEUED, MatchRunStatus.RUNNING)
FENCED = {"fenced": True, "ranked": {}}


def _beat(run_id: int, **values) -> bool:
    """Record progress of a run that is still the running one; False when it is not (fenced)."""
    return bool(MatchRun.objects.filter(pk=run_id, status=MatchRunStatus.RUNNING).update(
        heartbeat_at=timezone.now(), **values))


def chunks_for(run: MatchRun) -> list[list[int]] | None:
    """Split the open needs into chunks and move the run queued → running; None when it is not queued
    (claimed by an earlier delivery, or failed meanwhile), so nothing is sent twice."""
    ids = dataset.need_listing_ids()
    size = settings.MATCH_CHUNK_SIZE
    chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
    now = timezone.now()
    claimed = MatchRun.objects.filter(pk=run.pk, status=MatchRunStatus.QUEUED).update(
        status=MatchRunStatus.RUNNING, started_at=now, heartbeat_at=now, needs_total=len(ids),
        chunks_total=len(chunks), chunks_done=0,
    )
    return chunks if claimed else None


def chunks_to_resend(run: MatchRun) -> list[list[int]] | None:
    """The chunks of a run an earlier delivery claimed but never sent (its worker died in between), split again
    from the open needs; None when the run is not running or its chunks were sent."""
    ids = dataset.need_listing_ids()
    size = settings.MATCH_CHUNK_SIZE
    chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
    now = timezone.now()
    resumed = MatchRun.objects.filter(pk=run.pk, status=MatchRunStatus.RUNNING, dispatched_at__isnull=True).update(
        heartbeat_at=now, needs_total=len(ids), chunks_total=len(chunks),
    )
    return chunks if resumed else None


def mark_dispatched(run_id: int) -> None:
    MatchRun.objects.filter(pk=run_id, dispatched_at__isnull=True).update(dispatched_at=timezone.now())


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
            "weights_info": jsonable(model.weights_info), "fingerprint": dataset.cached_fingerprint()}


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
        counts = proposals.save_proposals(proposals.cap_round(merged), run=run, model_version=version, pool=merged)
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
