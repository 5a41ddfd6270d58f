"""/healthz: database, cache/broker and worker status as JSON."""

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse

from config.celery import app


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means the database is unreachable
        return f"error: {exc.__class__.__name__}"
    return "ok"


def _redis() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
    except redis.RedisError as exc:
        return f"error: {exc.__class__.__name__}"
    return "ok"


def _workers(redis_state: str) -> str:
    """'in-process' without a broker, 'ok' when a worker answers a ping, else 'none'."""
    if not settings.REDIS_URL:
        return "in-process"
    if redis_state != "ok":
        return "none"
    try:
        replies = app.control.ping(timeout=0.5)
    except Exception:  # a broker hiccup is reported, never fatal for the check
        return "none"
    return "ok" if replies else "none"


def healthz(request: HttpRequest) -> JsonResponse:
    db = _database()
    cache = _redis()
    body = {"database": db, "cache": cache, "broker": cache, "workers": _workers(cache)}
    healthy = db == "ok" and cache in ("ok", "not configured")
    body["status"] = "ok" if healthy else "error"
    return JsonResponse(body, status=200 if healthy else 503)
