"""/healthz: database, cache/broker and worker state; 503 only for the database or a configured Redis."""

import pytest
import redis

import config.health
from config.celery import app
from tests.conftest import unavailable

HEALTHZ = "/healthz"
LOCAL_REDIS = "redis://127.0.0.1:6379/1"
CLOSED_PORT = "redis://127.0.0.1:6390/0"


@pytest.mark.django_db
def test_healthz_without_redis_reports_in_process_workers(client, settings):
    settings.REDIS_URL = ""

    response = client.get(HEALTHZ)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "database": "ok", "cache": "not configured", "broker": "not configured", "workers": "in-process",
        "status": "ok",
    }


@pytest.mark.django_db
def test_healthz_with_redis_down_is_503_and_names_the_cache(client, settings):
    settings.REDIS_URL = CLOSED_PORT

    response = client.get(HEALTHZ)

    assert response.status_code == 503
    body = response.json()
    assert body["database"] == "ok"
    assert body["cache"].startswith("error: ")
    assert body["broker"] == body["cache"]
    assert body["workers"] == "none"
    assert body["status"] == "error"


@pytest.mark.django_db
def test_healthz_with_redis_up_is_200_whatever_the_workers(client, settings):
    try:
        redis.Redis.from_url(LOCAL_REDIS, socket_connect_timeout=1).ping()
    except redis.RedisError:
        unavailable("no Redis at 127.0.0.1:6379")
    settings.REDIS_URL = LOCAL_REDIS

    response = client.get(HEALTHZ)

    assert response.status_code == 200
    body = response.json()
    assert (body["database"], body["cache"], body["broker"], body["status"]) == ("ok", "ok", "ok", "ok")
    assert body["workers"] in ("ok", "none")  # reported, never fatal


@pytest.mark.django_db
def test_healthz_with_database_down_is_503(client, settings, monkeypatch):
    settings.REDIS_URL = ""

    class BrokenConnection:
        def cursor(self):
            raise ConnectionRefusedError("database is down")

    monkeypatch.setattr(config.health, "connection", BrokenConnection())

    response = client.get(HEALTHZ)

    assert response.status_code == 503
    body = response.json()
    assert body["database"] == "error: ConnectionRefusedError"
    assert body["status"] == "error"
    assert body["workers"] == "in-process"


@pytest.mark.django_db
def test_healthz_workers_failing_to_answer_never_fails_the_check(client, settings, monkeypatch):
    try:
        redis.Redis.from_url(LOCAL_REDIS, socket_connect_timeout=1).ping()
    except redis.RedisError:
        unavailable("no Redis at 127.0.0.1:6379")
    settings.REDIS_URL = LOCAL_REDIS

    def boom(*args, **kwargs):
        raise OSError("broker hiccup")

    monkeypatch.setattr(app.control, "ping", boom)

    response = client.get(HEALTHZ)

    assert response.status_code == 200
    assert response.json()["workers"] == "none"


@pytest.mark.worker
def test_healthz_reports_a_running_worker_as_ok(celery_worker, client, settings):
    response = client.get(HEALTHZ)
    assert response.status_code == 200
    assert response.json()["workers"] == "ok"
