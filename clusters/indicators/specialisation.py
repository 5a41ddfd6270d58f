"""Smart specialisation: location quotients of therapeutic areas and technologies (plain data, no Django).

Input: per cluster, how often each term (a therapeutic area or a technology) occurs among its members'
listings and partnerships, e.g. ``{"seoul": {"oncology": 12, "cns": 3}, "daegu": {"oncology": 2}}``.

**Location quotient** of term *a* in cluster *c*::

    LQ(c, a) = (x[c][a] / X[c]) / (X[a] / X)

where ``x[c][a]`` is the count of *a* in *c*, ``X[c]`` the cluster's total over all terms, ``X[a]`` the
term's total over all clusters and ``X`` the grand total. LQ > 1: the cluster is more specialised in *a*
than the clusters together are; LQ < 1: less; 1: as much. A cluster with no counts at all has no profile
(every LQ is None, never a division by zero); a term no cluster has is not in any profile. With one cluster
only every LQ of its terms is 1 (it *is* the reference).

**Trend**: LQ now minus LQ in the previous period; ``up``/``down`` beyond ``tolerance``, ``steady`` within
it, ``new`` when the term had no LQ before (absent or the cluster had no counts).

Count therapeutic areas and technologies separately (one call each): their totals are different bases.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

Counts = Mapping[Hashable, Mapping[Hashable, float]]

TREND_TOLERANCE = 0.1
UP, DOWN, STEADY, NEW = "up", "down", "steady", "new"


def location_quotients(counts: Counts) -> dict[Hashable, dict[Hashable, float | None]]:
    """LQ(c, a) for every cluster *c* of ``counts`` and every term *a* any cluster has (see module doc).

    Clusters with no counts get None for every term; negative counts are treated as 0.
    """
    clean = {c: {a: max(float(n or 0), 0.0) for a, n in terms.items()} for c, terms in counts.items()}
    term_totals: dict[Hashable, float] = {}
    for terms in clean.values():
        for a, n in terms.items():
            term_totals[a] = term_totals.get(a, 0.0) + n
    term_totals = {a: n for a, n in term_totals.items() if n > 0}
    grand = sum(term_totals.values())
    out: dict[Hashable, dict[Hashable, float | None]] = {}
    for c, terms in clean.items():
        own = sum(terms.values())
        if own <= 0 or grand <= 0:
            out[c] = dict.fromkeys(term_totals)
            continue
        out[c] = {a: (terms.get(a, 0.0) / own) / (total / grand) for a, total in term_totals.items()}
    return out


def trend(now: float | None, before: float | None, tolerance: float = TREND_TOLERANCE) -> str | None:
    """``up``, ``down``, ``steady`` (|change| ≤ tolerance) or ``new`` (no LQ before); None without an LQ now."""
    if now is None:
        return None
    if before is None:
        return NEW
    change = now - before
    slack = 1e-9  # 1.1 - 1.0 is 0.10000000000000009 in floats: "at the tolerance" stays steady
    if change > tolerance + slack:
        return UP
    if change < -tolerance - slack:
        return DOWN
    return STEADY


@dataclass(frozen=True)
class ProfileEntry:
    """One term of a cluster's profile: its count, LQ now and before, and the trend between them."""

    term: Hashable
    count: float
    lq: float | None
    previous_lq: float | None
    trend: str | None

    @property
    def change(self) -> float | None:
        if self.lq is None or self.previous_lq is None:
            return None
        return self.lq - self.previous_lq


def specialisation_profiles(
    current: Counts, previous: Counts | None = None, *, tolerance: float = TREND_TOLERANCE,
) -> dict[Hashable, list[ProfileEntry]]:
    """Per cluster of ``current``: the terms it has (count > 0), highest LQ first (ties: larger count, then
    term), with LQ in ``previous`` and the trend. A cluster with no counts gets an empty profile."""
    now = location_quotients(current)
    before = location_quotients(previous or {})
    out: dict[Hashable, list[ProfileEntry]] = {}
    for c, terms in current.items():
        entries = []
        for a, n in terms.items():
            if not n or n <= 0:
                continue
            lq = now[c].get(a)
            prev = before.get(c, {}).get(a)
            entries.append(ProfileEntry(a, float(n), lq, prev, trend(lq, prev, tolerance)))
        entries.sort(key=lambda e: (-(e.lq or 0.0), -e.count, str(e.term)))
        out[c] = entries
    return out


@dataclass(frozen=True)
class Complement:
    """A term where ``strong`` clusters (LQ > 1) could supply ``weak`` ones (LQ < 1) inside an alliance."""

    term: Hashable
    strong: tuple[Hashable, ...]
    weak: tuple[Hashable, ...]


def complementarity(
    lqs: Mapping[Hashable, Mapping[Hashable, float | None]], clusters: Iterable[Hashable] | None = None,
) -> tuple[list[Complement], list[Hashable]]:
    """How an alliance's clusters complement each other, from their LQs (against all clusters).

    Complements: terms where at least one cluster has LQ > 1 and at least one other has LQ < 1 (a missing
    term counts as LQ 0 for a cluster with a profile; a cluster with no profile is left out). Overlap: terms
    where at least two clusters have LQ > 1 (shared strengths). Both sorted by term.
    """
    chosen = list(clusters) if clusters is not None else list(lqs)
    profiled = [c for c in chosen if any(v is not None for v in lqs.get(c, {}).values())]
    terms = sorted({a for c in profiled for a in lqs[c]}, key=str)
    complements: list[Complement] = []
    overlap: list[Hashable] = []
    for a in terms:
        values = {c: (lqs[c].get(a) or 0.0) for c in profiled}
        strong = tuple(c for c in profiled if values[c] > 1)
        weak = tuple(c for c in profiled if values[c] < 1)
        if strong and weak:
            complements.append(Complement(a, strong, weak))
        if len(strong) >= 2:
            overlap.append(a)
    return complements, overlap
