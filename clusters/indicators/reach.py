"""Per-organisation reach: local connectedness (5), firm–hospital coverage (8), mentoring reach (9) and
global connectedness (16). "Startups" are the cluster's member firms."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from .graph import partners_of
from .types import Edge, Number, Org

LOCAL_WINDOW_DAYS = 14


def _member_firms(orgs: Mapping[int, Org]) -> list[Org]:
    return [o for o in orgs.values() if o.member and o.kind == "firm"]


def local_connectedness(
    orgs: Mapping[int, Org], edges: Iterable[Edge], *, as_of: datetime, window_days: int = LOCAL_WINDOW_DAYS,
) -> dict[str, Number]:
    """Indicator 5 (Startup Genome's Local Connectedness from records): per member firm, the distinct
    organisations of its own place it met (any linkage, co-attendance included) in the ``window_days`` before
    ``as_of``. ``local_connectedness_median`` and ``local_connectedness_none_share`` (firms who met none);
    None without member firms."""
    firms = _member_firms(orgs)
    if not firms:
        return {"local_connectedness_median": None, "local_connectedness_none_share": None}
    since = as_of - timedelta(days=window_days)
    met: dict[int, set[int]] = defaultdict(set)
    for e in edges:
        recent = since <= e.occurred_at < as_of and e.a != e.b
        if recent and e.a in orgs and e.b in orgs and orgs[e.a].place == orgs[e.b].place:
            met[e.a].add(e.b)
            met[e.b].add(e.a)
    counts = [len(met.get(f.id, ())) for f in firms]
    return {
        "local_connectedness_median": float(statistics.median(counts)),
        "local_connectedness_none_share": sum(1 for c in counts if c == 0) / len(counts),
    }


def global_connectedness(
    orgs: Mapping[int, Org], edges: Iterable[Edge], *, min_ties: int = 2, partners: Mapping[int, set[int]] | None = None,
) -> dict[str, Number]:
    """Indicator 16 (Startup Genome's Global Connectedness): share of member firms with ≥ ``min_ties`` distinct
    tie partners (partnership, mentoring, meeting, introduction) in another place (region, or country abroad),
    inside the cluster or not. None without member firms."""
    firms = _member_firms(orgs)
    if not firms:
        return {"global_connectedness": None}
    partners = partners_of(edges) if partners is None else partners
    reached = sum(
        1 for f in firms if sum(1 for p in partners.get(f.id, ()) if p in orgs and orgs[p].place != f.place) >= min_ties
    )
    return {"global_connectedness": reached / len(firms)}


def _coverage(orgs: Mapping[int, Org], partners: Mapping[int, set[int]], side: str, other: str) -> Number:
    own = [o for o in orgs.values() if o.member and o.kind == side]
    if not own:
        return None
    covered = sum(1 for o in own if any(p in orgs and orgs[p].kind == other for p in partners.get(o.id, ())))
    return covered / len(own)


def firm_hospital_coverage(
    orgs: Mapping[int, Org], edges: Iterable[Edge], *, kinds: Iterable[str] = ("partnership",),
) -> dict[str, Number]:
    """Indicator 8. ``firm_hospital_coverage`` = member firms with ≥1 hospital partner ÷ member firms;
    ``hospital_firm_coverage`` = member hospitals with ≥1 firm partner ÷ member hospitals. A partner is an
    organisation (in the cluster or not) tied by a linkage of ``kinds`` (partnerships by default). None when
    there is no member of that kind."""
    partners = partners_of(edges, kinds)
    return {
        "firm_hospital_coverage": _coverage(orgs, partners, "firm", "hospital"),
        "hospital_firm_coverage": _coverage(orgs, partners, "hospital", "firm"),
    }


def mentoring_reach(
    orgs: Mapping[int, Org], edges: Iterable[Edge], *, scaled_mentor_orgs: frozenset[int] | None = None,
) -> dict[str, Number]:
    """Indicator 9 over the period (give a quarter for the "per quarter" reading). ``mentoring_reach`` = member
    firms with ≥1 mentoring linkage ÷ member firms; ``sessions_per_mentored_startup`` = mentoring linkages
    touching a member firm ÷ firms mentored; ``scaled_mentor_share`` = those linkages whose other side is a
    mentor organisation that scaled a company ÷ all of them (None when that is unknown)."""
    firm_ids = {f.id for f in _member_firms(orgs)}
    sessions: dict[int, int] = defaultdict(int)
    total = scaled = 0
    for e in edges:
        if e.kind != "mentoring" or e.a == e.b:
            continue
        touched = [x for x in (e.a, e.b) if x in firm_ids]
        if not touched:
            continue
        total += 1
        for firm in touched:
            sessions[firm] += 1
        if scaled_mentor_orgs is not None and any(
            other in scaled_mentor_orgs for firm in touched for other in (e.a, e.b) if other != firm
        ):
            scaled += 1
    return {
        "mentoring_reach": len(sessions) / len(firm_ids) if firm_ids else None,
        "sessions_per_mentored_startup": total / len(sessions) if sessions else None,
        "scaled_mentor_share": scaled / total if scaled_mentor_orgs is not None and total else None,
    }

