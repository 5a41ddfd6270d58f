"""What every step of an import shares: the report it fills, the facet columns and list cells."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from taxonomy.models import FacetKind

LIST_SPLIT = ("|", ";")
FACET_FIELDS = {"partnership_types": FacetKind.PARTNERSHIP_TYPE, "therapeutic_areas": FacetKind.THERAPEUTIC_AREA,
                "technologies": FacetKind.TECHNOLOGY}


@dataclass
class ImportReport:
    errors: list[tuple[int, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # reported, never blocking
    encoding: str = ""  # how the bytes were read, when the caller decoded them
    lines: int = 0
    dry_run: bool = False
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def labelled_counts(self) -> list[tuple[str, int]]:
        return [(str(COUNT_LABELS.get(k, k)), n) for k, n in self.counts.items()]

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


# Count keys of the report, labelled for the upload page.
COUNT_LABELS = {
    "organisations created": gettext_lazy("organisations created"),
    "organisations updated": gettext_lazy("organisations updated"),
    "organisations unchanged": gettext_lazy("organisations unchanged"),
    "listings created": gettext_lazy("listings created"),
    "listings updated": gettext_lazy("listings updated"),
    "listings unchanged": gettext_lazy("listings unchanged"),
    "listings with changed tags": gettext_lazy("listings with changed tags"),
    "links created": gettext_lazy("known links created"),
    "links unchanged": gettext_lazy("known links unchanged"),
    "links skipped (evaluation split)": gettext_lazy("links skipped (evaluation split)"),
    "mentors skipped (not imported here)": gettext_lazy("mentors skipped (not imported here)"),
}


def split_list(value: str) -> list[str]:
    """A list cell (``a|b`` or ``a;b``) as its items."""
    for sep in LIST_SPLIT:
        if sep in value:
            return [v.strip() for v in value.split(sep) if v.strip()]
    return [value.strip()] if value.strip() else []
