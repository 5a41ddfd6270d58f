"""The part weights a refit adopted: one ``LearnedWeights`` row per adopted version, read through the cache.

The database is the record; the cache only saves the live model a query per fit. A cache flush, or
Redis being down, therefore changes nothing: a miss (or an unreachable cache) reads the active row.
No active row means the engine's hand-set weights stand.
"""

from __future__ import annotations

import hashlib
import logging

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from core.cachesafe import CACHE_ERRORS, cache_get_or

from .. import engine
from ..models import LearnedWeights, WeightsSource

logger = logging.getLogger(__name__)

CACHE_KEY = "matching:active_weights"
# Bounds how long a process may keep serving weights superseded while the cache could not be cleared.
CACHE_SECONDS = 300


def jsonable(value: object) -> object:
    """Refit figures as plain JSON (numpy numbers become floats, anything else its text)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def _plain(weights: dict) -> dict[str, float]:
    return {str(k): float(v) for k, v in weights.items()}


def tag_for(weights: dict[str, float]) -> str:
    """Eight hex digits naming a set of weights (stable across processes and JSON round trips)."""
    return hashlib.sha1(repr(sorted(_plain(weights).items())).encode(), usedforsecurity=False).hexdigest()[:8]


def version_for(weights: dict[str, float]) -> str:
    """The model version proposals carry when scored with these weights, so acceptance compares per set."""
    return f"{engine.MODEL_VERSION}+w{tag_for(weights)}"


def _cache_set(value: dict) -> None:
    try:
        cache.set(CACHE_KEY, value, CACHE_SECONDS)
    except CACHE_ERRORS as exc:
        logger.warning("Cache unavailable, adopted weights read from the database: %s", exc)


def _forget_cached() -> None:
    try:
        cache.delete(CACHE_KEY)
    except CACHE_ERRORS as exc:  # the short expiry bounds how long another process keeps the old ones
        logger.warning("Cache unavailable, could not drop the cached weights: %s", exc)


def active() -> tuple[dict[str, float] | None, str]:
    """(weights, tag) the live model scores with; (None, "") while the hand-set defaults stand."""
    stored = cache_get_or(CACHE_KEY)
    if stored is None:
        row = LearnedWeights.objects.filter(is_active=True).values("weights").first()
        stored = {"weights": row["weights"] if row else None}
        _cache_set(stored)
    weights = stored.get("weights")
    if not weights:
        return None, ""
    weights = _plain(weights)
    return weights, tag_for(weights)


def active_row() -> LearnedWeights | None:
    return LearnedWeights.objects.filter(is_active=True).first()


def adopt(*, weights: dict[str, float], source: WeightsSource | str, metrics: dict) -> LearnedWeights:
    """Make ``weights`` the live ones (and the version they were adopted under again, if seen before).

    Joins the caller's transaction, so the adoption commits with whatever else the refit records.
    """
    weights = _plain(weights)
    version = version_for(weights)
    with transaction.atomic():
        LearnedWeights.objects.select_for_update().filter(is_active=True).exclude(version=version).update(
            is_active=False)
        row, _created = LearnedWeights.objects.update_or_create(version=version, defaults={
            "weights": weights, "metrics": jsonable(metrics), "source": source, "adopted_at": timezone.now(),
            "is_active": True})
        transaction.on_commit(_forget_cached, robust=True)
    return row


def retire() -> int:
    """No adopted weights any more: the hand-set ones stand again (the rows stay as history)."""
    with transaction.atomic():
        n = LearnedWeights.objects.filter(is_active=True).update(is_active=False)
        transaction.on_commit(_forget_cached, robust=True)
    return n
