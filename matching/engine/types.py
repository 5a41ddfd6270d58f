"""Plain data records the engine works on (no ORM: the Django layer converts its rows to these)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Organisation kinds a firm's clinical need is matched against by default.
INSTITUTION_KINDS = frozenset({"hospital", "university"})
ORG_KINDS = frozenset({"firm", "hospital", "university", "investor", "service", "public"})
SIDES = frozenset({"need", "capability"})
# Only these link splits are history; anything else (e.g. "test") is dropped on read.
HISTORY_SPLITS = frozenset({"known", ""})


@dataclass(frozen=True)
class Organization:
    id: str
    kind: str
    name: str = ""
    region: str = ""
    country: str = ""
    description: str = ""
    trial_phases: tuple[str, ...] = ()
    trials_per_year: float | None = None
    irb_days: float | None = None
    equipment: tuple[str, ...] = ()


@dataclass(frozen=True)
class Listing:
    id: str
    org: str
    side: str
    title: str = ""
    description: str = ""
    partnership_types: tuple[str, ...] = ()
    therapeutic_areas: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    lang: str = ""

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.description}".strip()


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    kind: str = "partnership"
    split: str = ""


@dataclass
class Dataset:
    orgs: dict[str, Organization] = field(default_factory=dict)
    listings: list[Listing] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    dropped_links: int = 0  # links with a non-history split, dropped on read
    warnings: list[str] = field(default_factory=list)


@dataclass
class Candidate:
    """One proposed counterpart organisation with the evidence behind it."""

    org_id: str
    score: float
    parts: dict[str, float]
    explanation: dict[str, object]
    supporting_listing_ids: list[str] = field(default_factory=list)
