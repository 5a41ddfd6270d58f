"""Shared fixtures: a real Celery worker, a real browser, and strictness under CI."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def unavailable(reason: str) -> None:
    """Under CI=true a missing browser or broker is a failure, not a skip."""
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


def _clear_own_cache_keys() -> None:
    """Forget this process's cached keys (throttle counters...). On Redis only our prefix goes:
    `cache.clear()` would flush the whole database under other test runs sharing it."""
    from django.core.cache import cache

    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{settings.CACHES['default']['KEY_PREFIX']}:*", count=500))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _taxonomy_after_flush(request):
    """A transactional test flushes every table when it ends, the taxonomy a data migration loaded
    included; the next one gets it back (needs, capabilities and proposals depend on its facets)."""
    marker = request.node.get_closest_marker("django_db")
    if not ({"transactional_db", "live_server", "celery_worker"} & set(request.fixturenames)
            or (marker is not None and marker.kwargs.get("transaction"))):
        return
    request.getfixturevalue("transactional_db")
    import json

    from taxonomy.models import Facet

    if not Facet.objects.exists():  # the fixture names the model by its historical label (matching.facet)
        rows = json.loads((ROOT / "taxonomy" / "fixtures" / "taxonomy.json").read_text(encoding="utf-8"))
        Facet.objects.bulk_create([Facet(pk=row["pk"], **row["fields"]) for row in rows])
        from django.core.management.color import no_style
        from django.db import connection

        with connection.cursor() as cursor:  # explicit ids: move the id sequence past them
            for sql in connection.ops.sequence_reset_sql(no_style(), [Facet]):
                cursor.execute(sql)


@pytest.fixture(autouse=True)
def _celery_join_allowed():
    """A worker started in this process (Celery's own startup) leaves a global flag that makes every
    later ``result.get()`` refuse; each test starts without it."""
    from celery._state import _set_task_join_will_block

    _set_task_join_will_block(False)


@pytest.fixture(autouse=True)
def _clear_cache():
    _clear_own_cache_keys()
    yield
    _clear_own_cache_keys()


@pytest.fixture
def celery_worker(transactional_db, tmp_path, settings):
    """Start a real `celery worker` process on Redis, pointed at the test database.

    Emails the worker sends land as files in the returned directory.
    """
    redis_url = settings.REDIS_URL
    if not redis_url:
        unavailable("REDIS_URL is not set: the worker test needs Redis")
    import redis as redis_lib

    try:
        redis_lib.Redis.from_url(redis_url, socket_connect_timeout=1).ping()
    except redis_lib.RedisError:
        unavailable(f"Redis at {redis_url} is not reachable")

    from django.db import connection

    db = connection.settings_dict
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        unavailable("a worker process cannot open the in-memory SQLite test database; set DATABASE_URL")
    if db["ENGINE"].endswith("sqlite3"):
        db_url = f"sqlite:///{db['NAME']}"
    else:
        db_url = f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    queue = f"test-{os.getpid()}-{time.time_ns()}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": db_url,
        "REDIS_URL": redis_url,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "DEBUG": "false",
        "MATCH_WARM_ON_START": "false",  # a test's worker fits the model when its task asks
        # The test process's cache prefix: the autouse fixture then clears the worker's keys too, so
        # nothing one test's worker cached (adopted weights, counters) reaches the next test's worker.
        "CACHE_KEY_PREFIX": settings.CACHES["default"].get("KEY_PREFIX", ""),
        "CLUSTERLINK_CACHE_DIR": str(tmp_path / "engine-cache"),  # per-text caches of this worker only
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo", "--queues", queue,
         "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--hostname", f"{queue}@test"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    from config.celery import app

    old = (app.conf.task_always_eager, app.conf.task_default_queue)
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    settings.CELERY_TASK_ALWAYS_EAGER = False
    try:
        deadline = time.monotonic() + 30
        while not app.control.ping(destination=[f"{queue}@test"], timeout=0.5):
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode() if proc.poll() is not None else ""
                pytest.fail(f"the Celery worker did not start: {out[-2000:]}")
        yield mail_dir
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = old
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_for_files(directory: Path, count: int = 1, timeout: float = 20) -> list[Path]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(directory.glob("*.log"))
        if len(files) >= count:
            return files
        time.sleep(0.1)
    return sorted(directory.glob("*.log"))


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright for Python."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        unavailable(f"Chromium not found at {CHROMIUM}")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def artifacts_dir() -> Path:
    path = ROOT / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


assert settings  # settings are configured by pytest-django before fixtures run
