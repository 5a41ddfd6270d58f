"""Attempt counters for login, signup and password reset, kept in the cache (Redis in production).

When the cache cannot be reached the counters cannot be read, so the throttled doors fail closed:
``is_throttled`` raises ``ThrottleUnavailable`` (HTTP 503 with a short, translated message; DRF
answers it by itself, Django views through ``fails_closed``) instead of letting unlimited guesses in
or answering with a server error. Counting after a check that passed is best effort.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import APIException
from rest_framework.throttling import ScopedRateThrottle

from core.cachesafe import CACHE_ERRORS

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60
_UNAVAILABLE = {
    "login": _("Sign-in is temporarily unavailable. Please try again in a minute."),
    "login_ip": _("Sign-in is temporarily unavailable. Please try again in a minute."),
    "password_reset": _("Password reset is temporarily unavailable. Please try again in a minute."),
    "signup": _("Sign-up is temporarily unavailable. Please try again in a minute."),
}


class ThrottleUnavailable(APIException):
    """The attempt counters cannot be read: refuse for now rather than allow unlimited attempts."""

    status_code = 503
    default_detail = _("This page is temporarily unavailable. Please try again in a minute.")
    default_code = "throttle_unavailable"
    wait = RETRY_AFTER_SECONDS  # DRF sends it as Retry-After

    @classmethod
    def for_scope(cls, scope: str) -> ThrottleUnavailable:
        return cls(_UNAVAILABLE.get(scope, cls.default_detail))


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
    # Hashed: the identity holds what a visitor typed (any length, any character), a key must not.
    digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"throttle:{scope}:{digest}"


def is_throttled(scope: str, ident: str) -> bool:
    """Whether this scope's limit is reached; raises ``ThrottleUnavailable`` when the cache is down."""
    limit, _window = settings.AUTH_THROTTLE[scope]
    try:
        count = cache.get(_key(scope, ident)) or 0
    except CACHE_ERRORS as exc:
        logger.warning("Throttle %s fails closed, the cache is unavailable: %s", scope, exc)
        raise ThrottleUnavailable.for_scope(scope) from exc
    return count >= limit


def hit(scope: str, ident: str) -> None:
    """Count one attempt; the window starts with the first attempt."""
    _limit, window = settings.AUTH_THROTTLE[scope]
    key = _key(scope, ident)
    try:
        if cache.add(key, 1, timeout=window):
            return
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)
    except CACHE_ERRORS as exc:  # the check before it passed; the next check fails closed
        logger.warning("Throttle %s could not count an attempt, the cache is unavailable: %s", scope, exc)


def reset(scope: str, ident: str) -> None:
    try:
        cache.delete(_key(scope, ident))
    except CACHE_ERRORS as exc:
        logger.warning("Throttle %s could not be reset, the cache is unavailable: %s", scope, exc)


def unavailable_response(request: HttpRequest, message: str) -> HttpResponse:
    response = render(request, "accounts/unavailable.html", {"message": message}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def fails_closed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Turn ``ThrottleUnavailable`` into the 503 page; for view functions and view methods alike."""

    @wraps(view)
    def wrapped(*args, **kwargs) -> HttpResponse:
        try:
            return view(*args, **kwargs)
        except ThrottleUnavailable as exc:
            request = next(a for a in args if isinstance(a, HttpRequest))
            return unavailable_response(request, str(exc.detail))

    return wrapped


class FailClosedScopedRateThrottle(ScopedRateThrottle):
    """DRF's scoped rate throttle, answering 503 instead of a server error when the cache is down."""

    def allow_request(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except CACHE_ERRORS as exc:
            logger.warning("Rate throttle %s fails closed, the cache is unavailable: %s", self.scope, exc)
            raise ThrottleUnavailable.for_scope(self.scope) from exc


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
