"""What a saved search is: filter values validated by the search page's own filter form, run by that page's
own selector, so a saved search finds exactly what the page would (and only what its owner may see)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db.models import Max, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.forms import DirectoryFilterForm
from accounts.models import Organization, OrganizationKind
from accounts.regions import Region
from accounts.selectors import organization_directory
from clusters.models import Cluster
from matching.listings.forms import ListingFilterForm
from matching.listings.selectors import listing_search
from matching.models import Listing, ListingSide
from portal.models import SavedSearch, SavedSearchKind
from taxonomy.models import Facet, FacetKind
from taxonomy.selectors import facet_choices

K = SavedSearchKind
FIELDS = {
    K.LISTING: ("q", "side", "partnership_type", "therapeutic_area", "technology", "mine"),
    K.ORGANIZATION: ("q", "kind", "region", "cluster"),
}
IGNORED = frozenset({"page"})  # the page's pagination, not a filter
FACET_FIELDS = {"partnership_type": FacetKind.PARTNERSHIP_TYPE, "therapeutic_area": FacetKind.THERAPEUTIC_AREA,
                "technology": FacetKind.TECHNOLOGY}


def _form(kind: str, data: Mapping):
    if kind == K.LISTING:
        return ListingFilterForm(data, facets=facet_choices())
    return DirectoryFilterForm(data)


def _scalar(key: str, value: Any) -> str:
    """One filter value as the page's form receives it (text); raises ValueError for anything else."""
    if isinstance(value, list):  # a query string's repeated key: the page's form reads the last one
        if len(value) > 1 and not all(isinstance(v, str) for v in value):
            raise ValueError
        value = value[-1] if value else ""
    if value is None:
        return ""
    if isinstance(value, bool):
        if key != "mine":
            raise ValueError
        return "on" if value else ""
    if isinstance(value, int | float):
        return str(value)
    if not isinstance(value, str):
        raise ValueError
    return value


def clean_params(kind: str, raw: Mapping | QueryDict | None) -> dict[str, Any]:
    """The filters of ``raw`` as the search page's filter form cleans them, empty ones dropped.

    Raises ``ValidationError`` (by filter name) for an unknown search kind or filter, a value that is not
    text, or what the page's form refuses (a NUL byte, an unknown term or cluster, a too long search).
    """
    if kind not in K.values:
        raise ValidationError({"kind": [_("Choose the needs-and-capabilities search or the directory search.")]})
    if raw is not None and not isinstance(raw, Mapping | QueryDict):
        raise ValidationError({"params": [_("Give the filters as names and values.")]})
    items = raw.lists() if isinstance(raw, QueryDict) else (raw or {}).items()
    data, errors = {}, {}
    for key, value in items:
        if key in IGNORED:
            continue
        if key not in FIELDS[kind]:
            errors[str(key)] = [_("This search has no such filter.")]
            continue
        try:
            data[key] = _scalar(key, value)
        except ValueError:
            errors[key] = [_("Give this filter as text.")]
    if errors:
        raise ValidationError(errors)
    form = _form(kind, data)
    if not form.is_valid():
        raise ValidationError({name: [str(e) for e in errs] for name, errs in form.errors.items()})
    return {k: v for k, v in form.cleaned_data.items() if k in FIELDS[kind] and v not in ("", None, False)}


def field_labels(kind: str) -> dict[str, str]:
    """The page's own labels of its filters (for error messages: never a parameter name)."""
    labels = {"kind": _("Search"), "params": _("Filters")}
    if kind in K.values:
        labels.update({name: str(f.label) for name, f in _form(kind, {}).fields.items()})
    return labels


def current_params(saved: SavedSearch) -> dict[str, Any] | None:
    """The saved filters checked again (a term retired or a cluster removed since): None when unusable."""
    try:
        return clean_params(saved.kind, saved.params)
    except ValidationError:
        return None


def run(saved: SavedSearch, user) -> QuerySet:
    """What the search page shows ``user`` for these filters (nothing when they no longer apply)."""
    params = current_params(saved)
    if saved.kind == K.LISTING:
        return listing_search(user=user, **params) if params is not None else Listing.objects.none()
    if params is None:
        return Organization.objects.none()
    return organization_directory(user=user, **params)


def high_water_mark(kind: str) -> int:
    """The newest id of that kind now: items up to it existed when the search was saved."""
    model = Listing if kind == K.LISTING else Organization
    return model.objects.aggregate(top=Max("pk"))["top"] or 0


def search_url(saved: SavedSearch) -> str:
    """The search page with the saved filters (the page the "Run" link opens)."""
    name = "listings:browse" if saved.kind == K.LISTING else "organizations:directory"
    params = {k: ("on" if v is True else v) for k, v in saved.params.items()}
    return reverse(name) + (f"?{urlencode(params)}" if params else "")


def item_url(kind: str, object_id: int) -> str:
    name = "listings:detail" if kind == K.LISTING else "organizations:detail"
    return reverse(name, args=[object_id])


def describe(searches: list[SavedSearch]) -> dict[int, list[str]]:
    """Each search's filters as a person reads them (labels, never slugs), in two queries for all of them."""
    facet_slugs = {s.params.get(f) for s in searches if s.kind == K.LISTING for f in FACET_FIELDS} - {None}
    facets = {(f.kind, f.slug): f.label for f in Facet.objects.filter(slug__in=facet_slugs)} if facet_slugs else {}
    cluster_slugs = {s.params.get("cluster") for s in searches if s.kind == K.ORGANIZATION} - {None}
    clusters = {c.slug: c.name for c in Cluster.objects.filter(slug__in=cluster_slugs)} if cluster_slugs else {}
    kinds, regions, sides = dict(OrganizationKind.choices), dict(Region.choices), dict(ListingSide.choices)
    out: dict[int, list[str]] = {}
    for s in searches:
        p, parts = s.params, []
        if p.get("q"):
            parts.append(f"“{p['q']}”")
        if s.kind == K.LISTING:
            if p.get("side"):
                parts.append(str(sides.get(p["side"], p["side"])))
            parts += [str(facets.get((kind, p[f]), p[f])) for f, kind in FACET_FIELDS.items() if p.get(f)]
            if p.get("mine"):
                parts.append(_("only my organisation's"))
        else:
            if p.get("kind"):
                parts.append(str(kinds.get(p["kind"], p["kind"])))
            if p.get("region"):
                parts.append(str(regions.get(p["region"], p["region"])))
            if p.get("cluster"):
                parts.append(clusters.get(p["cluster"], p["cluster"]))
        out[s.pk] = parts or [_("everything")]
    return out
