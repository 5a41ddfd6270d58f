"""Who is in the cluster and who ties with whom: member base and mix (1), kind mixing (14), cross-regional
ties (15).

Mixing counts each distinct organisation pair once, unweighted, over the tie kinds (partnership, mentoring,
meeting, introduction) of every edge with a member end, so a partner outside the cluster counts too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from .graph import distinct_pairs
from .types import Edge, Number, Org

ORG_KINDS = ("firm", "hospital", "university", "investor", "service", "public")


def member_mix(orgs: Iterable[Org], edges: Iterable[Edge]) -> dict[str, Number]:
    """Indicator 1. ``members`` (all members), ``active_members`` (members with ≥1 linkage of any kind in the
    period), ``members_<kind>`` per organisation kind, ``kinds_present`` (kinds with ≥1 member) and
    ``active_share`` (active ÷ members, None for an empty cluster)."""
    member_list = [o for o in orgs if o.member]
    touched = {x for e in edges for x in (e.a, e.b)}
    by_kind = Counter(o.kind for o in member_list)
    active = sum(1 for o in member_list if o.id in touched)
    values: dict[str, Number] = {"members": len(member_list), "active_members": active}
    for kind in ORG_KINDS:
        values[f"members_{kind}"] = by_kind.get(kind, 0)
    values["kinds_present"] = sum(1 for c in by_kind.values() if c)
    values["active_share"] = active / len(member_list) if member_list else None
    firms_investors = by_kind.get("firm", 0) + by_kind.get("investor", 0)
    academic = by_kind.get("university", 0) + by_kind.get("hospital", 0)
    values["firm_investor_share"] = firms_investors / len(member_list) if member_list else None
    values["academic_clinical_share"] = academic / len(member_list) if member_list else None
    return values


def _split(pairs: Iterable[tuple[int, int]], attribute: Mapping[int, str]) -> tuple[int, int]:
    """(E, I): pairs whose two organisations differ in the attribute, pairs that share it."""
    external = internal = 0
    for a, b in pairs:
        if attribute[a] == attribute[b]:
            internal += 1
        else:
            external += 1
    return external, internal


def ei_index(pairs: Iterable[tuple[int, int]], attribute: Mapping[int, str]) -> Number:
    """Krackhardt & Stern's E-I index (E − I) / (E + I): E = pairs whose two organisations differ in the
    attribute, I = pairs that share it. −1 all inside, +1 all across; None without a pair."""
    external, internal = _split(pairs, attribute)
    total = external + internal
    return (external - internal) / total if total else None


def external_share(pairs: Iterable[tuple[int, int]], attribute: Mapping[int, str]) -> Number:
    """E ÷ (E + I), None without a pair."""
    external, internal = _split(pairs, attribute)
    return external / (external + internal) if external + internal else None


def mixing_matrix(pairs: Iterable[tuple[int, int]], attribute: Mapping[int, str]) -> dict[str, dict[str, int]]:
    """attribute × attribute counts, each undirected pair counted twice (once per direction), as
    ``nx.attribute_mixing_matrix`` does before normalising."""
    matrix: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for a, b in pairs:
        matrix[attribute[a]][attribute[b]] += 1
        matrix[attribute[b]][attribute[a]] += 1
    return {row: dict(cols) for row, cols in sorted(matrix.items())}


def kind_mixing(
    orgs: Mapping[int, Org], edges: Iterable[Edge], *, pairs: set[tuple[int, int]] | None = None,
) -> tuple[dict[str, Number], dict]:
    """Indicator 14. ``ei_index_kind``: E-I index on organisation kind over distinct tie pairs (each pair once,
    unweighted); ``cross_kind_share`` = pairs of two kinds ÷ pairs. Details: the kind × kind matrix."""
    pairs = distinct_pairs(edges) if pairs is None else pairs  # precomputed by the caller, or not
    kind = {o.id: o.kind for o in orgs.values()}
    return (
        {"ei_index_kind": ei_index(pairs, kind), "cross_kind_share": external_share(pairs, kind)},
        {"kind_matrix": mixing_matrix(pairs, kind)},
    )


def region_mixing(
    orgs: Mapping[int, Org], edges: Iterable[Edge], *, pairs: set[tuple[int, int]] | None = None,
) -> tuple[dict[str, Number], dict]:
    """Indicator 15. ``cross_region_share`` = distinct tie pairs whose organisations are in different places
    (region, or country abroad) ÷ all distinct tie pairs, each pair once and unweighted; ``ei_index_region``
    = the E-I index on place; ``regions_linked`` and ``countries_linked`` = distinct places and countries among
    organisations in a tie pair. Details: the region × region matrix."""
    pairs = distinct_pairs(edges) if pairs is None else pairs  # precomputed by the caller, or not
    place = {o.id: o.place for o in orgs.values()}
    tied = {x for pair in pairs for x in pair}
    return (
        {
            "cross_region_share": external_share(pairs, place),
            "ei_index_region": ei_index(pairs, place),
            "regions_linked": len({orgs[x].place for x in tied}),
            "countries_linked": len({orgs[x].country for x in tied}),
        },
        {"region_matrix": mixing_matrix(pairs, place)},
    )
