"""Reads of the taxonomy."""

from .models import Facet, FacetKind


def facet_choices() -> dict[str, list[Facet]]:
    """Active facets by kind, in one query (for filter forms)."""
    out: dict[str, list[Facet]] = {kind: [] for kind in FacetKind.values}
    for facet in Facet.objects.filter(is_active=True).order_by("kind", "order", "slug"):
        out[facet.kind].append(facet)
    return out
