"""From the database to the pure engine: a Dataset of verified organisations, open listings and
known links, a data fingerprint, and the fitted model (with the adopted weights) cached in-process.

The engine works on opaque string ids: an organisation is ``str(pk)``, a listing ``str(pk)``.
"""

from __future__ import annotations

import hashlib
import logging
import threading

from django.db import connections
from django.db.models import Count, Max, Q

from accounts.models import Organization, OrganizationStatus
from clusters.models import Linkage, LinkageKind
from core.dates import today as local_today

from .. import engine
from ..engine.types import INSTITUTION_KINDS
from ..models import (
    KnownLink,
    Listing,
    ListingSide,
    ListingStatus,
)
from . import learned_weights

logger = logging.getLogger(__name__)

# History the model may learn from: partnerships on the platform, and imports. Not introductions: they
# are the model's own accepted proposals, and feeding them back would make popular sites more popular.
HISTORY_LINKAGE_KINDS = (LinkageKind.PARTNERSHIP,)

# Which organisation kinds may answer a need, by its partnership types.
ALL_KINDS = frozenset({"firm", "hospital", "university", "investor", "service", "public"})
KINDS_BY_TYPE: dict[str, frozenset[str]] = {
    "clinical_trial": frozenset({"hospital", "university"}),
    "clinical_validation": frozenset({"hospital", "university"}),
    "data_access": frozenset({"hospital", "university"}),
    "facility_use": frozenset({"hospital", "university"}),
    "co_development": frozenset({"firm", "university", "hospital"}),
    "licensing": frozenset({"firm", "university", "hospital"}),
    "regulatory": frozenset({"service"}),
    "investment": frozenset({"investor"}),
    "mentoring": ALL_KINDS,
}


def candidate_kinds(*, need_types: list[str] | tuple[str, ...], need_org_kind: str) -> frozenset[str]:
    """Organisation kinds a need is matched against; a hospital's unmet clinical need goes to firms."""
    kinds: set[str] = set()
    for slug in need_types:
        kinds |= KINDS_BY_TYPE.get(slug, frozenset())
    if need_org_kind == "hospital":
        kinds.add("firm")
    if not kinds:  # an untagged need: the institutions a firm usually looks for
        kinds = set(INSTITUTION_KINDS) if need_org_kind != "hospital" else {"firm"}
    return frozenset(kinds)


def _open_listings():
    today = local_today()
    return Listing.objects.filter(
        Q(status=ListingStatus.OPEN) & (Q(expires_on__isnull=True) | Q(expires_on__gte=today)),
        organization__status=OrganizationStatus.VERIFIED,
    )


def fingerprint() -> str:
    """Changes whenever anything the model is fitted on changes (three aggregate queries)."""
    lst = _open_listings().aggregate(n=Count("id"), t=Max("updated_at"))
    org = Organization.objects.filter(status=OrganizationStatus.VERIFIED).aggregate(n=Count("id"), t=Max("updated_at"))
    links = Linkage.objects.filter(kind__in=HISTORY_LINKAGE_KINDS).aggregate(n=Count("id"), m=Max("id"))
    known = KnownLink.objects.aggregate(n=Count("id"), m=Max("id"))
    raw = f"{lst}|{org}|{links}|{known}|{engine.MODEL_VERSION}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _phases(values: list) -> tuple[str, ...]:
    return tuple(str(v) for v in values or [])


def engine_org(org: Organization) -> engine.Organization:
    return engine.Organization(
        id=str(org.pk), kind=org.kind, name=org.name_en or org.name_ko, region=org.region, country=org.country,
        description=org.description, trial_phases=_phases(org.trial_phases), trials_per_year=org.trials_per_year,
        irb_days=org.irb_days, equipment=tuple(str(e) for e in org.equipment or []),
    )


def engine_listing(listing: Listing) -> engine.Listing:
    """Facets as slugs; a capability's hospital profile joins its text (equipment, cohorts...)."""
    extra = " ".join(filter(None, [listing.departments, listing.cohorts, listing.equipment]))
    return engine.Listing(
        id=str(listing.pk), org=str(listing.organization_id), side=listing.side, title=listing.title,
        description=f"{listing.description}\n{extra}".strip(),
        partnership_types=tuple(f.slug for f in listing.partnership_types.all()),
        therapeutic_areas=tuple(f.slug for f in listing.therapeutic_areas.all()),
        technologies=tuple(f.slug for f in listing.technologies.all()),
        lang=listing.language,
    )


def build_dataset() -> engine.Dataset:
    """Everything the model is fitted on, in a constant number of queries."""
    orgs = {str(o.pk): engine_org(o) for o in Organization.objects.filter(status=OrganizationStatus.VERIFIED)}
    listings = [
        engine_listing(lst)
        for lst in _open_listings().prefetch_related("partnership_types", "therapeutic_areas", "technologies").order_by("pk")
    ]
    pairs = set(
        Linkage.objects.filter(kind__in=HISTORY_LINKAGE_KINDS).values_list("org_a_id", "org_b_id").distinct()
    ) | set(KnownLink.objects.values_list("org_a_id", "org_b_id"))
    links = [engine.Link(a=str(a), b=str(b), kind="partnership", split="known")
             for a, b in sorted(pairs) if str(a) in orgs and str(b) in orgs]
    return engine.Dataset(orgs=orgs, listings=listings, links=links)


# ---- the fitted model, cached per process ---------------------------------------------------------

_lock = threading.Lock()
_cache: dict[str, object] = {}  # {"key": (version, fingerprint), "model": Model}


def get_model(*, fresh: bool = True) -> engine.Model:
    """The fitted model for the current data; fitted at most once per (version, fingerprint).

    ``fresh=False`` accepts a warm model fitted on slightly older data: a single changed need is
    vectorised on its own by ``rank_for_listing``, so it does not need a refit (< 50 ms, not seconds).
    """
    with _lock:
        cached = _cache.get("model")
        if cached is not None and not fresh:
            return cached
        weights, tag = learned_weights.active()
        key = (engine.MODEL_VERSION, fingerprint(), tag)
        if cached is not None and _cache.get("key") == key:
            return cached
        if weights:
            # Proposals carry the version, so managers compare acceptance per set of weights.
            model = engine.fit(build_dataset(), weights=weights)
            model.version = learned_weights.version_for(weights)
        else:
            model = engine.fit(build_dataset(), refit=True)
        _cache["key"], _cache["model"] = key, model
        return model


def warm_in_background() -> threading.Thread:
    """Fit the model in a daemon thread, so the first saved listing after a start does not wait for
    the fit (seconds on a real corpus); a save arriving meanwhile waits on the lock, never fits twice."""

    def warm() -> None:
        try:
            get_model()
        except Exception:  # a warm-up is an optimisation: never take the process down with it
            logger.exception("model warm-up failed; the first ranking will fit it")
        finally:
            connections.close_all()  # the thread's own connection

    thread = threading.Thread(target=warm, name="matching-warm-up", daemon=True)
    thread.start()
    return thread


def cached_fingerprint() -> str:
    key = _cache.get("key")
    return key[1] if key else ""


def clear_model_cache() -> None:
    with _lock:
        _cache.clear()


def need_listing_ids() -> list[int]:
    """Open needs of verified organisations, in id order (what a full recompute ranks)."""
    return list(_open_listings().filter(side=ListingSide.NEED).order_by("pk").values_list("pk", flat=True))


def is_rankable(listing: Listing) -> bool:
    """Open, unexpired and of a verified organisation: what the model sees and proposes for."""
    return _open_listings().filter(pk=listing.pk).exists()
