"""Full recomputes survive a killed worker: the broker redelivers within a bounded time, a silent run
can be superseded, and a late chunk or callback of a failed/superseded run writes nothing."""

import json
import os
import signal
import subprocess
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from core.errors import Conflict
from matching.listings import services
from matching.models import (
    Listing,
    Match,
    MatchRun,
    MatchRunStatus,
    MatchStatus,
)
from matching.proposals import dataset, run_steps, runs, tasks
from matching.proposals import services as proposals
from taxonomy.models import Facet, FacetKind
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory, cluster_manager

R = MatchRunStatus
NEED_TEXT = "We need a phase 1 site for our oncology antibody that can start within 8 weeks."
CAP_TEXT = "Early-phase clinical trial unit for oncology studies with a dedicated ward and research nurses."


def listing(org, side, title, description) -> Listing:
    obj = Listing.objects.create(organization=org, side=side, title=title, description=description, language="en")
    obj.partnership_types.set(Facet.objects.filter(kind=FacetKind.PARTNERSHIP_TYPE, slug="clinical_trial"))
    obj.therapeutic_areas.set(Facet.objects.filter(kind=FacetKind.THERAPEUTIC_AREA, slug="oncology"))
    return obj


def build(needs: int) -> dict:
    firm = OrganizationFactory(name_en="Alpha Bio", kind="firm")
    user = UserFactory()
    MembershipFactory(user=user, organization=firm, role="admin")
    for i, phases in enumerate((["1", "2"], ["1"], ["2", "3"], ["3"])):
        h = OrganizationFactory(name_en=f"Hospital {i}", kind="hospital", trial_phases=phases, irb_days=14 + 10 * i,
                                trials_per_year=30)
        listing(h, "capability", f"Oncology trial unit {i}", CAP_TEXT)
    need_rows = [listing(firm, "need", f"Phase 1 oncology site {i}", f"{NEED_TEXT} Programme {i}.")
                 for i in range(needs)]
    manager, _cluster = cluster_manager()
    return {"user": user, "needs": need_rows, "manager": manager}


def snapshot() -> list[tuple]:
    return list(Match.objects.order_by("pk").values_list("pk", "need_id", "counterpart_id", "status", "run_id",
                                                        "score", "updated_at"))


def chunk_results_now(need_ids: list[int]) -> list[dict]:
    """What the dead worker's chunks computed: real rankings, in the chunk task's result format."""
    model = dataset.get_model()
    ranked = proposals.rank_needs(need_ids, model=model)
    return [{"ranked": {str(k): v for k, v in ranked.items()}, "model_version": model.version,
             "weights_info": {}, "fingerprint": dataset.cached_fingerprint()}]


def wait_for(predicate, timeout: float, step: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


@pytest.fixture(autouse=True)
def _fresh_model():
    dataset.clear_model_cache()
    yield
    dataset.clear_model_cache()


# --- the broker setting ----------------------------------------------------------------------------------


def test_redelivery_comes_after_the_longest_task_and_before_a_run_counts_as_abandoned():
    from config.celery import app

    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert django_settings.CELERY_TASK_TIME_LIMIT < visibility < 3600  # Redis's default is an hour
    assert visibility < runs.stale_after()


# --- fencing at the function level -----------------------------------------------------------------------


@pytest.fixture
def small(db):
    return build(needs=3)


def started(manager) -> tuple[MatchRun, list[list[int]]]:
    run = runs.match_run_start(user=manager, dispatch=False)
    chunks = run_steps.chunks_for(run)
    run.refresh_from_db()
    assert run.status == R.RUNNING
    return run, chunks


def test_a_chunk_of_a_failed_run_ranks_and_counts_nothing(small):
    run, chunks = started(small["manager"])
    run_steps.fail_run(run_id=run.pk, error="worker lost")
    assert not run_steps.run_chunk(run_id=run.pk, need_ids=chunks[0])["ranked"]
    run.refresh_from_db()
    assert run.status == R.FAILED and run.chunks_done == 0


def test_the_callback_of_a_failed_run_never_swaps_or_finishes_it(small):
    run, chunks = started(small["manager"])
    results = [run_steps.run_chunk(run_id=run.pk, need_ids=ids) for ids in chunks]
    run_steps.fail_run(run_id=run.pk, error="worker lost")
    assert run_steps.finish_run(run_id=run.pk, chunk_results=results).status == R.FAILED
    assert not Match.objects.exists()


def test_a_silent_run_is_superseded_and_its_late_results_are_ignored(small, settings):
    old, chunks = started(small["manager"])
    old_results = [run_steps.run_chunk(run_id=old.pk, need_ids=ids) for ids in chunks]
    with pytest.raises(Conflict):  # still showing progress: one run at a time
        runs.match_run_start(user=small["manager"], dispatch=False)
    MatchRun.objects.filter(pk=old.pk).update(heartbeat_at=timezone.now() - timedelta(seconds=runs.stale_after() + 1))
    new = runs.run_inline(user=small["manager"])
    old.refresh_from_db()
    assert new.status == R.DONE and old.status == R.FAILED and "superseded" in old.error
    before = snapshot()
    assert before and {row[4] for row in before} == {new.pk}
    # The old run's orphans arrive late: a chunk and the chord callback.
    assert not run_steps.run_chunk(run_id=old.pk, need_ids=chunks[0])["ranked"]
    run_steps.finish_run(run_id=old.pk, chunk_results=old_results)
    old.refresh_from_db()
    assert old.status == R.FAILED and snapshot() == before


def test_a_long_run_that_keeps_progressing_is_not_superseded(small):
    run, chunks = started(small["manager"])
    MatchRun.objects.filter(pk=run.pk).update(created_at=timezone.now() - timedelta(hours=3))
    run_steps.run_chunk(run_id=run.pk, need_ids=chunks[0])  # progress: a heartbeat
    with pytest.raises(Conflict):
        runs.match_run_start(user=small["manager"], dispatch=False)
    run.refresh_from_db()
    assert run.status == R.RUNNING


def test_a_run_is_claimed_once_and_moves_only_from_its_expected_state(small):
    run, _chunks = started(small["manager"])
    assert run_steps.chunks_for(run) is None  # a redelivered dispatch sends no second chord
    done = run_steps.finish_run(run_id=run.pk, chunk_results=[])
    assert done.status == R.DONE
    run_steps.fail_run(run_id=run.pk, error="a late error callback")
    done.refresh_from_db()
    assert done.status == R.DONE and not done.error
    queued = MatchRun.objects.create()
    assert run_steps.finish_run(run_id=queued.pk, chunk_results=[]).status == R.QUEUED


def test_a_dispatch_redelivered_after_its_worker_died_before_sending_the_chord_sends_it(small):
    """The worker claimed the run (queued → running) and died before sending the chord: acks_late redelivers
    the dispatch, which sends the chunks then instead of leaving the run "running" until it is superseded."""
    run, _chunks = started(small["manager"])  # claimed; nothing sent
    tasks.match_run_dispatch.apply(kwargs={"run_id": run.pk}).get()  # the redelivery (eager: the chord runs here)
    run.refresh_from_db()
    assert run.status == R.DONE and run.dispatched_at is not None
    assert Match.objects.filter(run=run).count() > 0
    kept = snapshot()
    tasks.match_run_dispatch.apply(kwargs={"run_id": run.pk}).get()  # yet another delivery: nothing to do
    assert snapshot() == kept


def test_a_sent_run_is_never_sent_again(small):
    run, _chunks = started(small["manager"])
    run_steps.mark_dispatched(run.pk)
    assert run_steps.chunks_to_resend(run) is None
    run.refresh_from_db()
    assert run.status == R.RUNNING and run.chunks_done == 0


# --- a real worker killed mid-run ------------------------------------------------------------------------


class Worker:
    """The worker process the ``celery_worker`` fixture started, found through the broker, with a way to
    start its twin (same command line and environment, read from /proc) after killing it."""

    def __init__(self, hostname: str):
        from config.celery import app

        stats = app.control.inspect(destination=[hostname], timeout=5).stats() or {}
        self.hostname = hostname
        self.pid = int(stats[hostname]["pid"])
        proc = Path(f"/proc/{self.pid}")
        self.argv = proc.joinpath("cmdline").read_bytes().rstrip(b"\0").decode().split("\0")
        self.env = dict(line.split("=", 1) for line in proc.joinpath("environ").read_bytes().decode().split("\0")
                        if "=" in line)
        self.cwd = os.readlink(proc / "cwd")
        self.twin: subprocess.Popen | None = None

    def kill(self) -> None:
        from config.celery import app

        os.kill(self.pid, signal.SIGKILL)
        assert wait_for(lambda: not app.control.ping(destination=[self.hostname], timeout=0.3), 10)

    def start_twin(self) -> None:
        from config.celery import app

        self.twin = subprocess.Popen(self.argv, cwd=self.cwd, env=self.env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        assert wait_for(lambda: app.control.ping(destination=[self.hostname], timeout=0.5), 30, step=0.2)

    def stop_twin(self) -> None:
        if self.twin is not None:
            self.twin.terminate()
            try:
                self.twin.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.twin.kill()
                self.twin.wait()


def orphans(queue: str) -> list[bytes]:
    """Delivery tags of messages of this queue a worker took but never acknowledged (Redis transport)."""
    import redis

    r = redis.Redis.from_url(django_settings.REDIS_URL)
    return [tag for tag, raw in r.hscan_iter("unacked") if json.loads(raw)[2] == queue]


def drop_orphans(queue: str) -> None:
    """Our orphans would be restored to a queue nobody reads once the visibility timeout passed."""
    import redis

    r = redis.Redis.from_url(django_settings.REDIS_URL)
    for tag in orphans(queue):
        r.hdel("unacked", tag)
        r.zrem("unacked_index", tag)
    r.delete(queue)


@pytest.fixture
def one_need_per_chunk(monkeypatch):
    monkeypatch.setenv("MATCH_CHUNK_SIZE", "1")  # read by the worker the next fixture starts


@pytest.fixture
def killable_worker(one_need_per_chunk, celery_worker):
    from config.celery import app

    queue = app.conf.task_default_queue
    worker = Worker(f"{queue}@test")
    yield worker
    worker.stop_twin()
    drop_orphans(queue)


@pytest.mark.worker
def test_a_run_whose_worker_is_killed_is_superseded_and_its_orphans_write_nothing(killable_worker, settings):
    from config.celery import app

    w = build(needs=120)
    old = runs.match_run_start(user=w["manager"])  # dispatched on commit (autocommit here)

    def mid_run():
        old.refresh_from_db()
        # Kill while a chunk is in flight (held unacknowledged), not in the gap between two chunks.
        return old.status == R.RUNNING and 2 <= old.chunks_done < old.chunks_total - 20 and orphans(queue)
    queue = app.conf.task_default_queue
    assert wait_for(mid_run, 90, step=0.02), (old.status, old.chunks_done, old.chunks_total)
    killable_worker.kill()
    old.refresh_from_db()
    assert old.status == R.RUNNING and old.chunks_done < old.chunks_total
    assert orphans(app.conf.task_default_queue)  # the chunk in flight stays unacknowledged in Redis

    # While the run might still be alive it blocks a new one; once silent past the window it does not.
    with pytest.raises(Conflict):
        runs.match_run_start(user=w["manager"], dispatch=False)
    settings.MATCH_RUN_STALE_SECONDS = 1
    time.sleep(1.2)
    new = runs.match_run_start(user=w["manager"])
    old.refresh_from_db()
    assert old.status == R.FAILED and old.error
    done_when_killed = old.chunks_done
    # A restarted worker first meets the old run's chunks still queued: fenced, they count nothing.
    killable_worker.start_twin()

    def finished():
        new.refresh_from_db()
        return new.status in (R.DONE, R.FAILED)
    assert wait_for(finished, 120, step=0.3)
    assert new.status == R.DONE, new.error
    assert new.chunks_done == new.chunks_total == 120
    old.refresh_from_db()
    assert old.status == R.FAILED and old.chunks_done == done_when_killed

    # A need closes after the new round: its proposals are withdrawn.
    closed = w["needs"][0]
    services.listing_close(user=w["user"], listing=closed)
    before = snapshot()
    assert any(row[4] == new.pk and row[3] == MatchStatus.PROPOSED for row in before), (
        new.counts, Counter((row[3], row[4]) for row in before), old.pk, new.pk)  # what the round left
    assert not Match.objects.filter(need=closed, status=MatchStatus.PROPOSED).exists()

    # The orphans come back (as a redelivery would): the chunk in flight, then the chord's callback with
    # every chunk's (stale) results, the closed need's included.
    assert not tasks.match_run_chunk(run_id=old.pk, need_ids=[closed.pk])["ranked"]
    stale = chunk_results_now([n.pk for n in w["needs"]])
    assert stale[0]["ranked"][str(closed.pk)]  # the old round would have proposed for it
    tasks.match_run_finish(stale, run_id=old.pk)
    old.refresh_from_db()
    assert old.status == R.FAILED
    assert snapshot() == before
    assert not Match.objects.filter(need=closed, status=MatchStatus.PROPOSED).exists()
