"""Thin Celery tasks for the portal: the nightly indicator snapshots, the weekly indicators digest and the daily
saved-search alerts, and the daily retention purge."""

from celery import shared_task

from .alerts import run_saved_search_alerts
from .indicators.snapshots import snapshot_all
from .retention import purge_expired_records as purge_expired
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


@shared_task(name="portal.saved_search_alerts", acks_late=True)
def saved_search_alerts() -> dict:
    """Beat, daily: what is new in each saved search, in the app and in one email per person (never twice)."""
    return run_saved_search_alerts()


@shared_task(name="portal.purge_expired_records", acks_late=True)
def purge_expired_records() -> dict:
    """Beat, daily: email logs, notifications and expired sessions past their retention time (idempotent)."""
    return purge_expired()
