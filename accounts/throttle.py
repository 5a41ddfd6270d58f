"""Attempt counters for login, signup and password reset, kept in the cache (Redis in production)."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, ident: str) -> str:
    return f"throttle:{scope}:{ident}"


def is_throttled(scope: str, ident: str) -> bool:
    limit, _window = settings.AUTH_THROTTLE[scope]
    return (cache.get(_key(scope, ident)) or 0) >= limit


def hit(scope: str, ident: str) -> None:
    """Count one attempt; the window starts with the first attempt."""
    _limit, window = settings.AUTH_THROTTLE[scope]
    key = _key(scope, ident)
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)


def reset(scope: str, ident: str) -> None:
    cache.delete(_key(scope, ident))
