"""Attempt counters for login, signup and password reset, kept in the cache (Redis in production)."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind NUM_PROXIES trusted proxies, read it from X-Forwarded-For:
    the entry the outermost trusted proxy appended (clients can forge the ones before it)."""
    proxies = settings.NUM_PROXIES
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if forwarded:
            return forwarded[-min(proxies, len(forwarded))]
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


# --- sign-in: one counter for every way in (the login page, the API token endpoint, the admin) -------


def login_ident(request: HttpRequest, email: str) -> str:
    return f"{client_ip(request)}:{(email or '').strip().lower()}"


def login_blocked(request: HttpRequest, email: str) -> bool:
    """Too many failed sign-ins for this address from this client, or from this client at all."""
    return is_throttled("login", login_ident(request, email)) or is_throttled("login_ip", client_ip(request))


def login_failed(request: HttpRequest, email: str) -> None:
    hit("login", login_ident(request, email))
    hit("login_ip", client_ip(request))


def login_succeeded(request: HttpRequest, email: str) -> None:
    reset("login", login_ident(request, email))
