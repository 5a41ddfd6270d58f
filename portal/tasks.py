"""Thin Celery tasks for the portal: the nightly indicator snapshots and the weekly indicators digest."""

from celery import shared_task

from .indicators.snapshots import snapshot_all
from .services import send_indicator_digests


@shared_task(name="portal.snapshot_indicators", acks_late=True)
def snapshot_indicators() -> int:
    """Beat, nightly: every cluster and alliance for the current and previous month and quarter.

    Idempotent (each row is an upsert on scope and period), so a redelivery after a lost worker only
    recomputes the same rows.
    """
    return snapshot_all()


@shared_task(name="portal.send_indicator_digest", acks_late=True)
def send_indicator_digest() -> int:
    """Beat, weekly: each cluster's managers get the latest snapshot figures (never twice in one ISO week)."""
    return send_indicator_digests()
