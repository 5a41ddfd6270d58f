"""Graph building: G (ties weighted by kind and recency) and Gc (co-attendance) from edges and organisations.

Both graphs hold the cluster's members only (every member is a node, so isolates count); ties to outside
organisations are kept apart as boundary ties for the indicators that need them (gatekeepers, global reach).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime

import networkx as nx
import numpy as np
import scipy.sparse as sp

from .types import CO_ATTENDANCE, TIE_KINDS, Edge, Org

# A partnership says more about two organisations than an introduction does.
DEFAULT_KIND_WEIGHTS: Mapping[str, float] = {"partnership": 3.0, "mentoring": 2.0, "meeting": 1.5, "introduction": 1.0}
DEFAULT_HALF_LIFE_DAYS = 365.0


def recency_factor(occurred_at: datetime, as_of: datetime, half_life_days: float = DEFAULT_HALF_LIFE_DAYS) -> float:
    """0.5 ** (age in days / half-life): 1 for an edge at ``as_of``, 0.5 one half-life earlier; never above 1."""
    age_days = max((as_of - occurred_at).total_seconds() / 86400.0, 0.0)
    return 0.5 ** (age_days / half_life_days) if half_life_days > 0 else 1.0


def members(orgs: Iterable[Org]) -> list[Org]:
    return [o for o in orgs if o.member]


def tie_edges(edges: Iterable[Edge], kinds: Iterable[str] = TIE_KINDS) -> list[Edge]:
    wanted = set(kinds)
    return [e for e in edges if e.kind in wanted and e.a != e.b]


def build_tie_graph(
    orgs: Iterable[Org], edges: Iterable[Edge], *, as_of: datetime,
    kind_weights: Mapping[str, float] = DEFAULT_KIND_WEIGHTS, half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> nx.Graph:
    """G: members as nodes; an edge per distinct member pair with a tie, its weight the sum over the pair's
    linkages of kind weight × linkage weight × recency factor (kinds missing from ``kind_weights`` count 1)."""
    graph = nx.Graph()
    member_ids = {o.id for o in orgs if o.member}
    graph.add_nodes_from(sorted(member_ids))
    weights: dict[tuple[int, int], float] = defaultdict(float)
    for e in tie_edges(edges):
        if e.a in member_ids and e.b in member_ids:
            weights[e.pair] += kind_weights.get(e.kind, 1.0) * e.weight * recency_factor(e.occurred_at, as_of, half_life_days)
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
    return graph


def build_coattendance_graph(orgs: Iterable[Org], edges: Iterable[Edge]) -> nx.Graph:
    """Gc: members as nodes, linked when checked in at the same event; weight = summed 1/(attendees − 1)."""
    graph = nx.Graph()
    member_ids = {o.id for o in orgs if o.member}
    graph.add_nodes_from(sorted(member_ids))
    weights: dict[tuple[int, int], float] = defaultdict(float)
    for e in edges:
        if e.kind == CO_ATTENDANCE and e.a != e.b and e.a in member_ids and e.b in member_ids:
            weights[e.pair] += e.weight
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
    return graph


def distinct_pairs(edges: Iterable[Edge], kinds: Iterable[str] = TIE_KINDS) -> set[tuple[int, int]]:
    """Each organisation pair once, however many linkages of the given kinds it has."""
    return {e.pair for e in tie_edges(edges, kinds)}


def partners_of(edges: Iterable[Edge], kinds: Iterable[str] = TIE_KINDS) -> dict[int, set[int]]:
    """Distinct partners of every organisation over the given kinds."""
    out: dict[int, set[int]] = defaultdict(set)
    for a, b in distinct_pairs(edges, kinds):
        out[a].add(b)
        out[b].add(a)
    return out


def adjacency(graph: nx.Graph, *, weighted: bool) -> tuple[list, sp.csr_array]:
    """Nodes in order and the symmetric sparse adjacency (weights, or 1 per edge), without self-loops.

    Built in one pass over the edges and kept on the graph (``graph.graph``), since several measures
    read it; the graph must not change afterwards.
    """
    key = "_weighted_csr" if weighted else "_binary_csr"
    if key in graph.graph:
        return graph.graph[key]
    nodes = list(graph.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    rows, cols, values = [], [], []
    for a, b, w in graph.edges(data="weight", default=1.0):
        if a != b:
            rows.append(index[a])
            cols.append(index[b])
            values.append(float(w) if weighted else 1.0)
    n = len(nodes)
    half = sp.coo_array((np.asarray(values, dtype=np.float64), (np.asarray(rows, dtype=np.int64),
                                                                 np.asarray(cols, dtype=np.int64))), shape=(n, n))
    graph.graph[key] = (nodes, sp.csr_array(half + half.T))
    return graph.graph[key]
