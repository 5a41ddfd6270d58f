"""Thin Celery tasks: ids in, one service call, return if the row is gone.

A full recompute is a chord: ``match_run_chunk`` per chunk of need ids (spread over whatever
workers listen), then ``match_run_finish`` with all chunk results; ``match_run_failed`` is the
error callback that marks the run failed.

The top of the app: these import the services they wrap. The services that queue one of them after
commit (``runs``, ``listings.services``) import this module in turn, so nothing imported here may import them.
"""

from __future__ import annotations

from celery import chord, shared_task

from core.queueing import enqueue_on_commit

from ..models import MatchRun, MatchRunStatus
from . import run_steps
from . import services as proposals


@shared_task(name="matching.match_run_chunk", acks_late=True)
def match_run_chunk(*, run_id: int, need_ids: list[int]) -> dict:
    return run_steps.run_chunk(run_id=run_id, need_ids=need_ids)


@shared_task(name="matching.match_run_finish", acks_late=True)
def match_run_finish(chunk_results: list[dict], *, run_id: int) -> None:
    run_steps.finish_run(run_id=run_id, chunk_results=chunk_results)


@shared_task(name="matching.match_run_failed")
def match_run_failed(request, exc, traceback, *, run_id: int) -> None:
    run_steps.fail_run(run_id=run_id, error=f"{type(exc).__name__}: {exc}")


@shared_task(name="matching.match_run_dispatch", acks_late=True, bind=True)
def match_run_dispatch(self, *, run_id: int) -> None:
    """Split the run into chunks and send the chord (a task itself, so the web request returns at once).

    The chord goes to the queue this task came from, so a run stays with the workers serving it.
    """
    run = MatchRun.objects.filter(pk=run_id).first()
    if run is None:
        return
    if run.status == MatchRunStatus.QUEUED:
        chunks = run_steps.chunks_for(run)  # None: claimed by another delivery meanwhile, or failed
    elif run.status == MatchRunStatus.RUNNING and run.dispatched_at is None:
        # Claimed by an earlier delivery whose worker died before sending the chord (acks_late redelivered
        # this task after the broker's visibility timeout): send it now instead of leaving the run stalled.
        chunks = run_steps.chunks_to_resend(run)
    else:
        return
    if chunks is None:
        return
    if not chunks:
        run_steps.finish_run(run_id=run_id, chunk_results=[])
        return
    queue = (self.request.delivery_info or {}).get("routing_key") or None
    opts = {"queue": queue} if queue else {}
    header = [match_run_chunk.si(run_id=run_id, need_ids=ids).set(**opts) for ids in chunks]
    body = match_run_finish.s(run_id=run_id).set(**opts).on_error(match_run_failed.s(run_id=run_id).set(**opts))
    try:
        chord(header)(body)
    except Exception as exc:  # eager mode raises here; a worker reports through the errback
        run_steps.fail_run(run_id=run_id, error=f"{type(exc).__name__}: {exc}")
        raise
    # Dying between the chord and this line sends it twice on redelivery: the second round's chunks are fenced
    # once the first finishes, and its callback writes nothing (run_steps.finish_run).
    run_steps.mark_dispatched(run_id)


@shared_task(name="matching.rerank_listing", acks_late=True)
def rerank_listing(*, listing_id: int) -> dict:
    return proposals.rerank_listing(listing_id=listing_id)


@shared_task(name="matching.expire_needs", acks_late=True)
def expire_needs() -> int:
    """Beat: needs past their closing date (or closed any other way) lose their undecided proposals
    (idempotent). The listing keeps its status, so moving the date reopens it."""
    return proposals.withdraw_proposals()


def queue_rerank(listing_id: int) -> None:
    """Re-rank a saved listing once the transaction that saved it commits."""
    enqueue_on_commit(rerank_listing, listing_id=listing_id)
