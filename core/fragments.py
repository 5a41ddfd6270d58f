"""Rendered page parts (a list's rows, a board) kept in the cache under a key made of what they show.

The busy list pages spend most of their time rendering rows from a dozen queries (scripts/bench/load.sh).
A part is kept per viewer, per language, per path (filters and page) and per *version*: a small tuple the
caller reads from the database each request (latest ``updated_at`` and row counts of what the part shows),
so a change anyone makes shows at once and a kept part is never older than its data. The time limit
(``PAGE_CACHE_SECONDS``, default 60; 0 turns keeping off) only bounds what no version sees, such as the
wording of relative times. With the cache down, and for visitors who are not signed in, the part is rendered on
every request. Every kept part expires, so a Redis shared with the Celery broker should run with
``maxmemory-policy volatile-lru``: kept parts are evicted first, queued tasks (no expiry) never.

Forms in a kept part carry the viewer's CSRF token: the part is rendered with a placeholder, which is
swapped for the current token on the way out (a token rotated at sign-in is never served from the cache).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from .cachesafe import CACHE_ERRORS, cache_get_or
from .dates import today as local_today

CSRF_SLOT = "clfragmentcsrfslot0"  # letters and digits only: escaping leaves it as it is
# Only the hidden input {% csrf_token %} writes is filled in: the same letters in escaped user text never match.
_CSRF_INPUT = f'name="csrfmiddlewaretoken" value="{CSRF_SLOT}"'


def page_cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 60))


@lru_cache(maxsize=1)
def build_id() -> str:
    """The deployed code, templates and translations (names, sizes and times of the .py, .html and .mo files, read once
    per process): a part rendered by an earlier deploy is never served by a later one."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    skip = {".venv", "node_modules", "staticfiles", "static", "tests", ".git", "media", "docs", ".cache"}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".py", ".html", ".mo")):
                stat = os.stat(os.path.join(folder, name))
                digest.update(f"{os.path.relpath(folder, root)}/{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


def fragment_key(request: HttpRequest, template: str, version: Sequence[Any]) -> str:
    """The build, viewer, language, day, path with its query string, template and the caller's version."""
    user = getattr(request, "user", None)
    parts = [build_id(), template, getattr(user, "pk", None), translation.get_language() or "", local_today(),
             request.get_full_path(), tuple(version)]
    return "fragment:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def cached_fragment(request: HttpRequest, template: str, context: Callable[[], dict[str, Any]], *,
                    version: Sequence[Any], seconds: int | None = None) -> SafeString:
    """``render_to_string(template, context(), request)``, kept under ``fragment_key``.

    ``context`` is called only when the part is rendered, so a kept part costs the version's reads and one
    cache read. ``version`` must change whenever anything the part shows changes. ``seconds`` defaults to
    ``PAGE_CACHE_SECONDS``.
    """
    seconds = page_cache_seconds() if seconds is None else seconds
    # Visitors who are not signed in are not kept for: each random query string would be one more entry.
    if seconds <= 0 or not getattr(getattr(request, "user", None), "is_authenticated", False):
        return mark_safe(render_to_string(template, context(), request))
    key = fragment_key(request, template, version)
    html = cache_get_or(key)
    if html is None:
        html = render_to_string(template, {**context(), "csrf_token": CSRF_SLOT}, request)
        with contextlib.suppress(*CACHE_ERRORS):  # a cache that is down only costs the next request the same work
            cache.set(key, html, seconds)
    token = get_token(request)
    return mark_safe(html.replace(_CSRF_INPUT, f'name="csrfmiddlewaretoken" value="{token}"'))
