"""Every Celery task is acknowledged late and redelivered when its worker dies, and is idempotent.

``IDEMPOTENT`` states, per task, why running it twice (a redelivery after ``kill -9``, a re-send from
the outbox) does no harm. A new task fails this test until its author says so here. The one task that
is only at-least-once is named with what that costs (``AT_LEAST_ONCE``).
"""

from __future__ import annotations

from django.conf import settings

from config.celery import app

IDEMPOTENT = {
    "accounts.send_email": "AT LEAST ONCE: an SMTP send cannot be taken back (see AT_LEAST_ONCE)",
    "config.resend_queued_tasks": "takes each outbox row under a skip-locked lock and deletes it once sent",
    "clusters.expire_event_offers": "releases only offers still past their time, one transaction per offer",
    "clusters.send_event_reminders": "fan-out of send_event_reminder, itself idempotent",
    "clusters.send_event_reminder": "marks reminder_sent_at under select_for_update; only unmarked rows are mailed",
    "clusters.send_event_followups": "fan-out of send_event_followup, itself idempotent",
    "clusters.send_event_followup": "marks the event's followup_sent_at; a marked event is skipped",
    "matching.expire_needs": "withdraws only undecided proposals of closed needs; a second run finds none",
    "matching.match_run_chunk": "recomputes one chunk of a run into its staging rows (fenced by the run token)",
    "matching.match_run_finish": "swaps a run's results once, fenced: a finished or superseded run is skipped",
    "matching.match_run_failed": "marks the run failed; an already-final run is left alone",
    "matching.match_run_dispatch": ("sends the chord for a run still queued, or claimed by a delivery that died before "
                                    "sending it (dispatched_at); the run's fence drops duplicates"),
    "matching.rerank_listing": "recomputes one listing's proposals from the current data (stable rounds)",
    "matching.notify_match_event": "Notification per (event, recipient) key under a unique constraint",
    "matching.notify_message": "Notification per (message, recipient) key under a unique constraint",
    "matching.notify_assignment": "Notification keyed by the assignment key fixed at enqueue time",
    "matching.remind_introductions": "reminds and expires by state and time stamps; a second run finds none due",
    "matching.send_match_digests": "advances last_digest_at with the digest; a second run finds nothing new",
    "matching.refit_from_decisions": "refits from the same decisions to the same weights",
    "mentoring.remind_and_reassign": "reminds once (reminded_at) and expires by state; a second run finds none due",
    "portal.snapshot_indicators": "upserts one snapshot per scope and period",
    "portal.send_indicator_digest": "never twice in one ISO week (recorded per cluster)",
    "portal.saved_search_alerts": "records what each alert already sent; never the same item twice",
    "portal.purge_expired_records": "deletes what is past retention; a second run finds nothing",
}
AT_LEAST_ONCE = {
    # A worker killed after the SMTP server accepted the message and before the ack sends it again, and
    # so does an outbox re-send of a publish that in fact reached the broker. Senders that must not
    # repeat (match notices) dedupe before they queue the email, by their Notification key.
    "accounts.send_email",
}


def _our_tasks() -> dict:
    app.loader.import_default_modules()
    return {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}


def test_late_acknowledgement_and_redelivery_are_configured():
    assert settings.CELERY_TASK_ACKS_LATE is True and app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True  # a killed worker's task goes back to the queue
    assert app.conf.worker_prefetch_multiplier == 1  # a dying worker holds at most one unacknowledged task
    # Redis redelivers an unacknowledged task after the visibility timeout: longer than any task may run,
    # or a long task would be handed to a second worker while the first still runs it.
    assert app.conf.broker_transport_options["visibility_timeout"] > app.conf.task_time_limit


def test_every_task_acks_late_and_is_idempotent_by_design():
    tasks = _our_tasks()
    assert len(tasks) >= 20  # autodiscovery found the apps' tasks, not an empty registry
    early = sorted(name for name, task in tasks.items() if not task.acks_late)
    lost = sorted(name for name, task in tasks.items() if task.reject_on_worker_lost is False)
    assert not early, f"tasks acknowledged before they run (lost when a worker dies): {early}"
    assert not lost, f"tasks not redelivered when their worker dies: {lost}"
    unexplained = sorted(set(tasks) - set(IDEMPOTENT))
    assert not unexplained, f"say why these tasks are safe to run twice (IDEMPOTENT): {unexplained}"
    assert not set(IDEMPOTENT) - set(tasks), f"listed tasks that no longer exist: {set(IDEMPOTENT) - set(tasks)}"
    assert set(IDEMPOTENT) >= AT_LEAST_ONCE


def test_every_beat_entry_names_a_registered_task():
    tasks = _our_tasks()
    missing = {key: entry["task"] for key, entry in settings.CELERY_BEAT_SCHEDULE.items() if entry["task"] not in tasks}
    assert not missing, f"beat would send tasks no worker knows: {missing}"
