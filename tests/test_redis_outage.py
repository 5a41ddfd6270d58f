"""A Redis outage degrades the site instead of breaking it.

Redis is really unreachable here: the cache and the Celery broker point at a closed port (or at a
server that accepts connections and never answers). Sign-in and the other throttled doors refuse
with 503 and a clear message; pages that only read the cache fail open; writes commit, answer as
usual within a couple of seconds, and the jobs they could not queue are recorded, then re-sent once
the broker is back.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from accounts.models import Invitation
from config.celery import app
from core.models import QueuedTaskFailure
from core.queueing import enqueue, enqueue_on_commit, resend_failed
from core.tasks import resend_queued_tasks, send_email
from events.models import Registration
from matching.models import Listing
from tests.conftest import wait_for_files
from tests.factories import PASSWORD, EventFactory, UserFactory, org_admin, verified_member
from tests.matching.review_world import build_world
from tests.test_config import prod_env, run_python

CLOSED = "redis://127.0.0.1:1/0"  # nothing listens on port 1: every connection is refused
SIGN_IN_DOWN = "Sign-in is temporarily unavailable. Please try again in a minute."
FAST = 5.0  # seconds; the outage used to cost about 19 s per request


def redis_cache_at(settings, url: str) -> None:
    settings.CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": "outage-test",
        "OPTIONS": settings.REDIS_CACHE_OPTIONS,  # the timeouts production uses
    }}


def _forget_connections() -> None:
    """Drop the app's broker pools and result backend so the next publish connects to the current URL."""
    app._pool = None
    app.amqp._producer_pool = None
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)


@contextlib.contextmanager
def celery_broker_at(url: str, *, eager: bool = False):
    old = (app.conf.broker_url, app.conf.result_backend, app.conf.task_always_eager)
    app.conf.update(broker_url=url, result_backend=url if url.startswith("redis") else None, task_always_eager=eager)
    _forget_connections()
    try:
        yield
    finally:
        app.conf.update(broker_url=old[0], result_backend=old[1], task_always_eager=old[2])
        _forget_connections()


@pytest.fixture
def cache_down(settings):
    redis_cache_at(settings, CLOSED)
    settings.REDIS_URL = CLOSED


@pytest.fixture
def redis_down(cache_down, settings):
    """Cache and broker both unreachable; tasks are published (not run in-process) as in production."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with celery_broker_at(CLOSED):
        yield


@pytest.fixture
def hung_redis(settings):
    """A Redis that accepts connections and never answers (a stuck server or a dropped route).

    Each connection is closed after 5 s, so code without socket timeouts fails slowly instead of hanging.
    """
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    stop = threading.Event()

    def hold():
        held: list[tuple[float, socket.socket]] = []
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append((time.monotonic(), server.accept()[0]))
            for at, conn in [h for h in held if time.monotonic() - h[0] > 5]:
                conn.close()
                held.remove((at, conn))
        for _at, conn in held:
            conn.close()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    url = f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    redis_cache_at(settings, url)
    yield url
    stop.set()
    thread.join(5)
    server.close()


def timed(call):
    start = time.monotonic()
    response = call()
    return response, time.monotonic() - start


@pytest.fixture
def client(client):
    client.raise_request_exception = False  # what a visitor gets: a 500 page is a failure to report, not a traceback
    return client


def test_production_settings_bound_every_redis_call(tmp_path):
    """With REDIS_URL set, cache calls and publishes give up within about a second each."""
    script = ("import json; from django.conf import settings as s; from config.celery import app; "
              "print(json.dumps([s.CACHES['default'].get('OPTIONS'), app.conf.broker_transport_options, "
              "app.conf.task_publish_retry_policy, app.conf.broker_connection_timeout]))")
    env = prod_env(tmp_path, REDIS_URL="redis://127.0.0.1:6379/0")
    result = run_python(["-c", f"import django; django.setup(); {script}"], env)
    assert result.returncode == 0, result.stderr[-2000:]
    cache_options, transport, publish, connect = json.loads(result.stdout.strip().splitlines()[-1])
    assert 0 < cache_options["socket_connect_timeout"] <= 1 and 0 < cache_options["socket_timeout"] <= 1
    assert 0 < transport["socket_connect_timeout"] <= 1 and 0 < transport["socket_timeout"] <= 1
    assert transport["visibility_timeout"] > 15 * 60  # merged with, not replacing, the broker's other options
    assert publish["max_retries"] <= 1 and connect <= 1


# --- the cache down: throttled doors fail closed, pages that only read it fail open --------------------


@pytest.mark.django_db
def test_login_page_renders_and_sign_in_refuses_with_503(client, cache_down):
    UserFactory(email="jiho@example.kr")
    assert client.get(reverse("accounts:login")).status_code == 200

    response, elapsed = timed(lambda: client.post(reverse("accounts:login"),
                                                  {"email": "jiho@example.kr", "password": PASSWORD}))

    assert response.status_code == 503
    assert SIGN_IN_DOWN in response.content.decode()
    assert response["Retry-After"] == "60"
    assert "_auth_user_id" not in client.session  # closed: no sign-in without the failure counter
    assert elapsed < FAST


@pytest.mark.django_db
def test_login_with_a_hung_redis_refuses_within_the_socket_timeout(client, hung_redis):
    UserFactory(email="jiho@example.kr")

    response, elapsed = timed(lambda: client.post(reverse("accounts:login"),
                                                  {"email": "jiho@example.kr", "password": PASSWORD}))

    assert response.status_code == 503
    assert SIGN_IN_DOWN in response.content.decode()
    assert elapsed < 2  # one 0.5 s read timeout, not the 5 s the server holds the connection


@pytest.mark.django_db
def test_api_token_endpoint_refuses_with_503_and_a_message(client, cache_down):
    UserFactory(email="jiho@example.kr")

    response = client.post("/api/v1/auth/token/", {"username": "jiho@example.kr", "password": PASSWORD})

    assert response.status_code == 503
    assert response.json() == {"detail": SIGN_IN_DOWN}
    assert response["Retry-After"] == "60"
    from accounts.models import ApiToken

    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_password_reset_refuses_with_503_and_sends_nothing(client, cache_down):
    UserFactory(email="jiho@example.kr")
    assert client.get(reverse("accounts:password_reset")).status_code == 200

    response = client.post(reverse("accounts:password_reset"), {"email": "jiho@example.kr"})

    assert response.status_code == 503
    assert "Password reset is temporarily unavailable. Please try again in a minute." in response.content.decode()
    assert mail.outbox == []


@pytest.mark.django_db
def test_signup_and_admin_sign_in_refuse_with_503(client, cache_down):
    signup = client.post(reverse("accounts:signup"), {"email": "new@example.kr"})
    admin = client.post("/admin/login/", {"username": "root@example.kr", "password": "x"})

    assert signup.status_code == 503
    assert "Sign-up is temporarily unavailable." in signup.content.decode()
    assert admin.status_code == 503
    assert SIGN_IN_DOWN in admin.content.decode()


@pytest.mark.django_db
def test_sign_in_speaks_korean_when_refusing(client, cache_down):
    UserFactory(email="jiho@example.kr")

    response = client.post(reverse("accounts:login"), {"email": "jiho@example.kr", "password": PASSWORD},
                           headers={"accept-language": "ko"})

    assert response.status_code == 503
    with translation.override("ko"):
        assert response.context["message"] == gettext(SIGN_IN_DOWN)  # in the visitor's language
    assert response.context["LANGUAGE_CODE"] == "ko"


@pytest.mark.django_db
def test_managers_match_overview_renders_with_the_cache_down(client, cache_down):
    world = build_world()
    client.force_login(world.manager)

    response = client.get("/matches/manage/")

    assert response.status_code == 200
    assert response.context["refit"] is None  # the last refit is only a hint: read as "none yet"


@pytest.mark.django_db
def test_healthz_still_reports_redis_down(client, cache_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"].startswith("error: ")


# --- the broker down: the write commits, the page answers, the job is kept and re-sent ------------------


@pytest.mark.django_db(transaction=True)
def test_invitation_commits_answers_fast_and_its_email_is_resent(client, redis_down):
    admin, org = org_admin()
    client.force_login(admin)

    response, elapsed = timed(lambda: client.post(reverse("organizations:invite", args=[org.pk]),
                                                  {"email": "colleague@example.kr", "role": "member"}))

    assert response.status_code == 302
    assert elapsed < FAST
    invitation = Invitation.objects.get()
    job = QueuedTaskFailure.objects.get()
    assert (job.task, job.kwargs["to"], job.attempts) == ("accounts.send_email", ["colleague@example.kr"], 1)
    assert str(invitation.token) in job.kwargs["text"]
    assert job.error

    with celery_broker_at(CLOSED):  # still down: kept, with one more attempt, quickly
        assert resend_failed() == 0
    job.refresh_from_db()
    assert job.attempts == 2

    with celery_broker_at("memory://", eager=True):  # back (in-process): sent once, then forgotten
        assert resend_failed() == 1
        assert resend_failed() == 0
    assert [m.to for m in mail.outbox] == [["colleague@example.kr"]]
    assert not QueuedTaskFailure.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_invitation_with_a_hung_redis_answers_within_the_socket_timeout(client, hung_redis, settings):
    admin, org = org_admin()
    client.force_login(admin)
    client.get("/")  # the first request imports the whole site: keep that out of the measurement
    settings.CELERY_TASK_ALWAYS_EAGER = False

    with celery_broker_at(hung_redis):
        response, elapsed = timed(lambda: client.post(reverse("organizations:invite", args=[org.pk]),
                                                      {"email": "colleague@example.kr", "role": "member"}))

    assert response.status_code == 302
    assert elapsed < 3  # one 1 s publish timeout, not the 5 s the server holds the connection
    assert Invitation.objects.exists()
    assert QueuedTaskFailure.objects.get().task == "accounts.send_email"


@pytest.mark.django_db(transaction=True)
def test_event_registration_commits_and_keeps_its_confirmation(client, redis_down):
    user, event = verified_member(), EventFactory()
    client.force_login(user)
    org_id = user.memberships.get().organization_id

    response, elapsed = timed(lambda: client.post(reverse("events:register", args=[event.pk]),
                                                  {"organization": org_id}))

    assert response.status_code == 302
    assert elapsed < FAST
    assert Registration.objects.get().user == user
    job = QueuedTaskFailure.objects.get()
    assert (job.task, job.kwargs["to"]) == ("accounts.send_email", [user.email])
    assert job.kwargs["attachments"]  # the calendar entry and QR code travel with it


@pytest.mark.django_db(transaction=True)
def test_listing_edit_through_the_api_commits_and_keeps_its_rerank(client, redis_down):
    world = build_world()
    client.force_login(world.startup)

    response, elapsed = timed(lambda: client.patch(f"/api/v1/listings/{world.need.pk}/", {"title": "Phase 2 site"},
                                                   content_type="application/json"))

    assert response.status_code == 200, response.content[:300]
    assert elapsed < FAST
    assert Listing.objects.get(pk=world.need.pk).title == "Phase 2 site"
    assert list(QueuedTaskFailure.objects.values_list("task", "kwargs")) == [
        ("matching.rerank_listing", {"listing_id": world.need.pk})]


@pytest.mark.django_db(transaction=True)
def test_beat_resends_every_minute_and_the_command_does_it_by_hand(redis_down, settings):
    from django.core.management import call_command

    assert settings.CELERY_BEAT_SCHEDULE["resend-queued-tasks"]["task"] == resend_queued_tasks.name
    assert enqueue(send_email, to=["a@example.kr"], subject="One", text="1") is False
    assert enqueue(send_email, to=["b@example.kr"], subject="Two", text="2") is False
    assert QueuedTaskFailure.objects.count() == 2

    with celery_broker_at("memory://", eager=True):
        assert resend_queued_tasks.apply().result == 2  # an eager result: .get() refuses once a worker ran in-process
        enqueue(send_email, to=["c@example.kr"], subject="Three", text="3")  # up: sent at once, nothing kept
    assert not QueuedTaskFailure.objects.exists()
    call_command("resend_queued_tasks")
    assert [m.subject for m in mail.outbox] == ["One", "Two", "Three"]


@pytest.mark.django_db
def test_a_task_failing_in_process_after_commit_is_logged_not_raised(django_capture_on_commit_callbacks, caplog):
    broken = {"filename": "x.ics", "content": "not base64!", "mimetype": "text/calendar", "base64": True}
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(send_email, to=["a@example.kr"], subject="S", text="T", attachments=[broken])

    assert "Error calling enqueue accounts.send_email in on_commit()" in caplog.text
    assert mail.outbox == []


@pytest.mark.worker
def test_a_real_worker_delivers_the_email_once_the_broker_is_back(celery_worker, client):
    admin, org = org_admin()
    client.force_login(admin)

    with celery_broker_at(CLOSED):
        response, elapsed = timed(lambda: client.post(reverse("organizations:invite", args=[org.pk]),
                                                      {"email": "colleague@example.kr", "role": "member"}))
    assert response.status_code == 302
    assert elapsed < FAST
    assert QueuedTaskFailure.objects.count() == 1

    assert resend_failed() == 1  # the broker is back (beat does this every minute)

    files = wait_for_files(celery_worker, 1)
    assert len(files) == 1, "the worker did not send the re-sent invitation"
    deadline = time.monotonic() + 10
    while "colleague@example.kr" not in files[0].read_text() and time.monotonic() < deadline:
        time.sleep(0.1)  # the file exists as soon as the worker opens it
    assert "colleague@example.kr" in files[0].read_text()
    assert not QueuedTaskFailure.objects.exists()


# --- every enqueue site a page or the API reaches, with Redis down -------------------------------------
#
# Every Celery publish in the project goes through core.queueing (the outbox) except those made by
# tasks already running on a worker. ENQUEUE_SITES names each function that publishes and what shows it
# works with the broker down; test_every_enqueue_site_is_listed fails on a new one nobody listed.

ENQUEUE_SITES = {
    # site (module.function that calls the publishing primitive) -> what proves it under an outage
    "core.emails.send_templated_email": "invitation, event registration and asking a mentor (tests here)",
    "matching.review.notify_queue.queue_event_notifications": "review action 'approve' below",
    "matching.review.notify_queue.queue_message_notice": "review action 'message' below",
    "matching.review.notify_queue.queue_assignment_notice": "review action 'assign' below",
    "matching.proposals.tasks.queue_rerank": "listing created and edited through the API",
    "matching.proposals.runs.match_run_start": "a manager starts a recompute from the page",
    "core.queueing._send": "the outbox itself (enqueue and resend_failed)",
    "core.queueing.resend_failed": "the outbox itself: beat/worker re-send",
    "core.queueing.enqueue_on_commit": "the outbox itself",
    "core.queueing.send": "the outbox itself (the on_commit callback of enqueue_on_commit)",
    # Worker-only: they publish from a task that a worker is running, so the broker just delivered to
    # them; a publish that fails there fails the task, which acks_late + redelivery retries whole.
    "events.tasks.send_event_reminders": "worker-only (beat fan-out; each reminder task is idempotent)",
    "events.tasks.send_event_followups": "worker-only (beat fan-out; each follow-up task is idempotent)",
    "matching.proposals.tasks.match_run_dispatch": "worker-only (sends the chord; fenced by the run, test_run_fencing)",
}
PUBLISHERS = {"enqueue_on_commit", "enqueue", "delay", "apply_async", "send_task", "chord"}


def _enqueue_sites() -> set[str]:
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    skip = {".venv", "tests", "migrations", "node_modules", "scripts"}
    found: set[str] = set()
    for path in root.rglob("*.py"):
        if skip & set(path.relative_to(root).parts):
            continue
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Call):
                    name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                    if name in PUBLISHERS:
                        found.add(f"{module}.{func.name}")
    return found


def test_every_enqueue_site_is_listed():
    found = _enqueue_sites()
    assert "core.emails.send_templated_email" in found  # the scan sees the sites it should
    new = found - set(ENQUEUE_SITES)
    assert not new, f"new enqueue sites: list each in ENQUEUE_SITES with the test that shows it under an outage: {new}"
    assert not set(ENQUEUE_SITES) - found, f"listed sites that no longer publish: {set(ENQUEUE_SITES) - found}"


def _approve(client, w):
    client.force_login(w.tto)
    return client.post(f"/matches/{w.match.pk}/transition/", {"action": "approve"})


def _message(client, w):
    from matching.review import services as review

    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    review.match_accept(user=w.tto, match_id=w.match.pk)
    QueuedTaskFailure.objects.all().delete()  # the setup's own notices: only the page's job is asked about
    client.force_login(w.startup)
    return client.post(f"/matches/{w.match.pk}/messages/", {"body": "다음 주에 뵙겠습니다"})


def _assign(client, w):
    client.force_login(w.tto)
    return client.post(f"/matches/{w.match.pk}/assign/", {"assignee": w.hospital_admin.pk, "note": "의견 부탁드립니다"})


def _recompute(client, w):
    client.force_login(w.manager)
    return client.post(reverse("listings:match_run_start"))


def _listing_created(client, w):
    client.force_login(w.startup)
    return client.post("/api/v1/listings/", {"organization": w.need.organization_id, "side": "need",
                                             "title": "임상 검증 파트너", "description": "We need clinical validation."},
                       content_type="application/json")


REVIEW_ACTIONS = {  # action -> (what the page does, the task kept for a re-send, the good answer)
    "approve": (_approve, "matching.notify_match_event", 302),
    "message": (_message, "matching.notify_message", 302),
    "assign": (_assign, "matching.notify_assignment", 302),
    "recompute": (_recompute, "matching.match_run_dispatch", 302),
    "listing created": (_listing_created, "matching.rerank_listing", 201),
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("action", list(REVIEW_ACTIONS))
def test_matching_actions_commit_answer_and_keep_their_task(client, redis_down, action):
    do, task, status = REVIEW_ACTIONS[action]
    w = build_world()

    response, elapsed = timed(lambda: do(client, w))

    assert response.status_code == status, response.content[:300]
    assert elapsed < FAST
    kept = list(QueuedTaskFailure.objects.values_list("task", flat=True))
    assert task in kept, kept
    assert all(job.error for job in QueuedTaskFailure.objects.all())

    with celery_broker_at("memory://", eager=True):  # the broker is back: everything kept is sent and forgotten
        assert resend_failed() == len(kept)
    assert not QueuedTaskFailure.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_recompute_started_with_redis_down_is_queued_not_lost(client, redis_down):
    from matching.models import MatchRun

    w = build_world()
    response = _recompute(client, w)

    assert response.status_code == 302
    run = MatchRun.objects.get()
    assert QueuedTaskFailure.objects.get().kwargs == {"run_id": run.pk}  # dispatched when the broker is back
    page = client.get(reverse("listings:match_runs"))
    assert page.status_code == 200


@pytest.mark.django_db(transaction=True)
def test_asking_a_mentor_commits_and_keeps_the_mentors_email(client, redis_down):
    from mentoring.models import MentoringRequest
    from tests.mentoring.world import mentor, startup

    profile = mentor()
    admin, org = startup()
    client.force_login(admin)

    response, elapsed = timed(lambda: client.post(reverse("mentoring:ask", args=[profile.pk]),
                                                  {"organization": org.pk, "message": "멘토링을 요청드립니다"}))

    assert response.status_code == 302, response.content[:300]
    assert elapsed < FAST
    assert MentoringRequest.objects.get().message == "멘토링을 요청드립니다"
    job = QueuedTaskFailure.objects.get()
    assert (job.task, job.kwargs["to"]) == ("accounts.send_email", [profile.user.email])


@pytest.mark.django_db(transaction=True)
def test_approving_a_join_request_commits_and_keeps_the_welcome_email(client, redis_down):
    from accounts.models import Membership, MembershipStatus

    admin, org = org_admin()
    applicant = UserFactory(email="applicant@example.kr")
    asked = Membership.objects.create(user=applicant, organization=org, status=MembershipStatus.REQUESTED)
    client.force_login(admin)

    response, elapsed = timed(lambda: client.post(
        reverse("organizations:join_request_decide", args=[org.pk, asked.pk]), {"decision": "approve"}))

    assert response.status_code == 302
    assert elapsed < FAST
    assert Membership.objects.get(pk=asked.pk).status == MembershipStatus.ACTIVE
    assert [(job.task, job.kwargs["to"]) for job in QueuedTaskFailure.objects.all()] == [
        ("accounts.send_email", ["applicant@example.kr"])]
