"""The cache (Redis in production) as an optimisation that may be missing.

A read that only saves work fails open: when the cache cannot be reached it answers the default and
logs a warning, so a Redis outage costs a request one short socket timeout, never an error page.
Callers that must not fail open (the sign-in throttles) catch ``CACHE_ERRORS`` themselves.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache import cache
from redis import RedisError

logger = logging.getLogger(__name__)

# What a cache backend raises when its server is down, hung or refusing: redis-py's errors, and plain
# socket errors from backends that do not wrap them.
CACHE_ERRORS: tuple[type[BaseException], ...] = (RedisError, OSError)


def cache_get_or(key: str, default: Any = None) -> Any:
    """``cache.get(key, default)``, or ``default`` when the cache is unreachable."""
    try:
        return cache.get(key, default)
    except CACHE_ERRORS as exc:
        logger.warning("Cache unavailable, reading %s as a miss: %s", key, exc)
        return default
