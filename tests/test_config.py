"""Project configuration: migrations in sync, production settings pass the deploy checks, Seoul time."""

import json
import os
import secrets
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from clusters.models import ClusterMembershipStatus
from tests.factories import ClusterMembershipFactory, OrganizationFactory, cluster_manager

ROOT = Path(__file__).resolve().parent.parent


def run_python(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def prod_env(tmp_path, **extra) -> dict:
    """Nothing but the four production variables the README promises are enough (plus PATH)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(48),  # 64 random characters
        "ALLOWED_HOSTS": "clusterlink.example.kr",
        "SITE_URL": "https://clusterlink.example.kr",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


@pytest.mark.django_db
def test_makemigrations_check_is_clean():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # SystemExit(1) if a model changed


def test_prod_check_deploy_passes_with_only_the_required_variables(tmp_path):
    env = prod_env(tmp_path)
    assert len(env["SECRET_KEY"]) >= 50

    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_prod_settings_refuse_to_start_without_a_secret_key(tmp_path):
    result = run_python(["manage.py", "check"], prod_env(tmp_path, SECRET_KEY=None))

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_prod_settings_refuse_to_start_without_the_site_address(tmp_path):
    result = run_python(["manage.py", "check"], prod_env(tmp_path, SITE_URL=None))
    assert result.returncode != 0 and "SITE_URL" in result.stderr
    result = run_python(["manage.py", "check"], prod_env(tmp_path, SITE_URL="clusterlink.example.kr"))
    assert result.returncode != 0 and "SITE_URL must be the site's address" in result.stderr


def test_development_email_links_follow_the_runserver_address():
    from config.settings.dev import _runserver_url

    assert _runserver_url(["manage.py", "runserver"]) == "http://127.0.0.1:8000"
    assert _runserver_url(["manage.py", "runserver", "8080"]) == "http://127.0.0.1:8080"
    assert _runserver_url(["manage.py", "runserver", "--noreload", "0.0.0.0:9000"]) == "http://0.0.0.0:9000"
    assert _runserver_url(["manage.py", "load_demo"]) == "http://127.0.0.1:8000"


PROBE = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS, 'silenced': s.SILENCED_SYSTEM_CHECKS, "
    "'cache': s.CACHES['default']['BACKEND'], 'eager': s.CELERY_TASK_ALWAYS_EAGER, "
    "'broker': s.CELERY_BROKER_URL, 'ssl_redirect': s.SECURE_SSL_REDIRECT, "
    "'redirect_exempt': s.SECURE_REDIRECT_EXEMPT, 'proxy_header': s.SECURE_PROXY_SSL_HEADER}))"
)


@pytest.fixture(scope="module")
def prod(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("prod")
    without_redis = run_python(["-c", PROBE], prod_env(tmp))
    with_redis = run_python(["-c", PROBE], prod_env(tmp, REDIS_URL="redis://127.0.0.1:6379/3"))
    assert without_redis.returncode == with_redis.returncode == 0, without_redis.stderr + with_redis.stderr
    return {"without_redis": json.loads(without_redis.stdout), "with_redis": json.loads(with_redis.stdout)}


def test_prod_settings_values(prod):
    without_redis, with_redis = prod["without_redis"], prod["with_redis"]

    assert without_redis["debug"] is False
    assert without_redis["hosts"] == ["clusterlink.example.kr"]
    assert without_redis["silenced"] == []
    assert without_redis["ssl_redirect"] is True
    assert without_redis["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert (without_redis["eager"], without_redis["broker"]) == (True, "memory://")
    assert with_redis["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert (with_redis["eager"], with_redis["broker"]) == (False, "redis://127.0.0.1:6379/3")


@pytest.mark.django_db
def test_prod_healthz_answers_plain_http_probes_while_pages_redirect_to_https(client, settings, prod):
    values = prod["without_redis"]
    settings.SECURE_SSL_REDIRECT = values["ssl_redirect"]
    settings.SECURE_REDIRECT_EXEMPT = values["redirect_exempt"]
    settings.SECURE_PROXY_SSL_HEADER = tuple(values["proxy_header"])
    settings.REDIS_URL = ""

    probe = client.get("/healthz")
    page = client.get("/")
    proxied = client.get("/", HTTP_X_FORWARDED_PROTO="https")

    assert probe.status_code == 200
    assert probe.json()["database"] == "ok"
    assert page.status_code == 301
    assert page["Location"] == "https://testserver/"
    assert proxied.status_code == 200


def test_celery_is_json_only_with_time_limits_and_late_acks():
    from config.celery import app

    assert app.conf.accept_content == ["json"]
    assert app.conf.task_serializer == "json"
    assert app.conf.result_serializer == "json"
    assert app.conf.task_acks_late is True
    assert app.conf.task_time_limit == 15 * 60
    assert 0 < app.conf.task_soft_time_limit < app.conf.task_time_limit


def test_times_are_stored_in_utc():
    assert settings.USE_TZ is True
    assert settings.TIME_ZONE == "UTC"


@pytest.mark.django_db
def test_times_are_shown_in_seoul_time(client):
    manager, cluster = cluster_manager()
    org = OrganizationFactory(status="pending")
    ClusterMembershipFactory(
        organization=org, cluster=cluster, status=ClusterMembershipStatus.REQUESTED,
        requested_at=datetime(2026, 3, 1, 22, 30, tzinfo=UTC),
    )
    client.force_login(manager)

    response = client.get(reverse("manage:verification"))

    text = response.content.decode()
    assert "2026-03-02 07:30" in text  # 22:30 UTC is 07:30 the next morning in Seoul (UTC+9)
    assert "2026-03-01 22:30" not in text
    assert "Times are shown in Korea Standard Time (Asia/Seoul)." in text
    # The middleware hands the thread back in UTC after the response.
    assert timezone.get_current_timezone_name() == "UTC"


@pytest.mark.django_db
def test_korean_is_the_default_for_korean_browsers(client):
    korean = client.get("/", HTTP_ACCEPT_LANGUAGE="ko-KR,ko;q=0.9,en;q=0.5")
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert '<html lang="ko">' in korean.content.decode()
    assert '<html lang="en">' in english.content.decode()
