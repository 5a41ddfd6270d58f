"""Thin Celery tasks for the portal: the nightly indicator snapshots."""

from celery import shared_task

from .indicators.snapshots import snapshot_all


@shared_task(name="portal.snapshot_indicators", acks_late=True)
def snapshot_indicators() -> int:
    """Beat, nightly: every cluster and alliance for the current and previous month and quarter.

    Idempotent (each row is an upsert on scope and period), so a redelivery after a lost worker only
    recomputes the same rows.
    """
    return snapshot_all()
