"""The network map: G's members coloured by kind, sized by betweenness, gatekeepers outlined; and its tables.

Above ``MAP_MAX_NODES`` organisations the map shows only the most connected ones (by ties, then betweenness)
and says so; the node and tie tables show their first TABLE_PAGE_ROWS rows, their downloads every member and tie. A confidential tie (see
``selectors.confidential_ties``) is counted in every number but never drawn or listed by name.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from clusters.indicators import ClusterData, IndicatorConfig
from clusters.indicators.graph import build_tie_graph
from clusters.indicators.structure import betweenness
from clusters.indicators.types import TIE_KINDS
from portal.indicators.periods import Period

from . import selectors
from .labels import COUNT, LINKAGE_KINDS, SHARE, indicator_definition, kind_label, place_label
from .tables import Column, Table

MAP_MAX_NODES = 300
# A board page stays readable (and fast) in a large cluster: the node and tie tables show their first
# rows (most connected first) and the downloads carry them all.
TABLE_PAGE_ROWS = 50


def network(data: ClusterData, details: dict, period: Period, config: IndicatorConfig, *,
            region: str = "") -> tuple[dict[str, Any], list[Table]]:
    """Chart data for the map and the node, tie and broker tables (``region`` keeps one region's members)."""
    graph = build_tie_graph(data.orgs, data.edges, as_of=data.end, kind_weights=config.kind_weights,
                            half_life_days=config.half_life_days)
    between, _pivots = betweenness(graph, exact_max_nodes=config.exact_max_nodes, pivots=config.pivots,
                                   seed=config.seed)
    degree = dict(graph.degree())
    gatekeepers = set(details.get("gatekeepers", ()))
    community = {org: i + 1 for i, group in enumerate(details.get("communities", ())) for org in group}
    members = [o for o in data.orgs if o.member and (not region or o.region == region)]
    members.sort(key=lambda o: (-degree.get(o.id, 0), -between.get(o.id, 0.0), o.id))
    info = selectors.org_info({o.id for o in members})
    shown = members[:MAP_MAX_NODES]
    shown_ids = {o.id for o in shown}

    secret = selectors.confidential_ties(period)
    kinds: dict[tuple[int, int], set[str]] = defaultdict(set)
    hidden: set[tuple[int, int]] = set()
    member_ids = {o.id for o in members}
    for e in data.edges:
        if e.kind not in TIE_KINDS or e.a == e.b or e.a not in member_ids or e.b not in member_ids:
            continue
        if (e.pair[0], e.pair[1], e.kind) in secret:
            hidden.add(e.pair)
        else:
            kinds[e.pair].add(e.kind)
    hidden -= set(kinds)  # a pair also tied openly is drawn with its open kinds only

    def name(org_id: int) -> str:
        return info[org_id].name if org_id in info else str(org_id)

    chart = {
        "nodes": [{"id": o.id, "label": name(o.id), "kind": o.kind, "kindLabel": kind_label(o.kind),
                   "betweenness": between.get(o.id, 0.0), "degree": degree.get(o.id, 0),
                   "gatekeeper": o.id in gatekeepers} for o in shown],
        "edges": [{"source": a, "target": b, "weight": graph[a][b]["weight"] if graph.has_edge(a, b) else 1.0}
                  for (a, b) in sorted(kinds) if a in shown_ids and b in shown_ids],
        "kinds": {k: kind_label(k) for k in sorted({o.kind for o in shown})},
        "sampled": len(members) > MAP_MAX_NODES, "total": len(members), "shown": len(shown),
    }
    nodes = Table("network_nodes", _("Organisations in the network"), [
        Column("org", _("Organisation id"), machine=True), Column("name", _("Organisation")),
        Column("kind", _("Kind code"), machine=True), Column("kind_label", _("Kind")),
        Column("region", _("Region code"), machine=True), Column("region_label", _("Region")),
        Column("ties", _("Ties"), _("Distinct member partners (partnership, mentoring, meeting, introduction)."), COUNT),
        Column("betweenness", _("Betweenness"), indicator_definition("betweenness_max"), SHARE),
        Column("gatekeeper", _("Gatekeeper"), indicator_definition("gatekeepers")),
        Column("community", _("Community"), indicator_definition("communities")),
    ], [[o.id, name(o.id), o.kind, kind_label(o.kind), o.region, place_label(o.place), degree.get(o.id, 0),
         between.get(o.id, 0.0), o.id in gatekeepers, community.get(o.id)] for o in members],
        page_rows=TABLE_PAGE_ROWS)
    ties = Table("network_ties", _("Ties between members"), [
        Column("org_a", _("Organisation A id"), machine=True), Column("name_a", _("Organisation A")),
        Column("org_b", _("Organisation B id"), machine=True), Column("name_b", _("Organisation B")),
        Column("kinds", _("Kinds code"), machine=True), Column("kind_labels", _("Kinds of tie")),
    ], [[a, name(a), b, name(b), "|".join(sorted(k)), ", ".join(str(LINKAGE_KINDS[x]) for x in sorted(k))]
        for (a, b), k in sorted(kinds.items())],
        note=_("%(count)s confidential ties are counted in the indicators but not named here or on the map.")
        % {"count": len(hidden)}, page_rows=TABLE_PAGE_ROWS)
    brokers = Table("brokers", _("Top brokers"), [
        Column("org", _("Organisation id"), machine=True), Column("name", _("Organisation")),
        Column("betweenness", _("Betweenness"), indicator_definition("betweenness_max"), SHARE),
        Column("constraint", _("Constraint"), indicator_definition("constraint_min"), "number"),
        Column("effective_size", _("Effective size"), indicator_definition("effective_size_mean"), "number"),
    ], [[b["org"], name(b["org"]), b["betweenness"], b["constraint"], b["effective_size"]]
        for b in details.get("brokers", {}).get("top_brokers", []) if b["org"] in info or not region])
    chart["hidden"] = len(hidden)
    return chart, [nodes, ties, brokers]
