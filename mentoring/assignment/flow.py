"""The exact core: a lexicographic min-cost max-flow on index arrays.

Network: source -> startup (capacity = seats still open), startup -> mentor (capacity 1,
cost = -score in integers), mentor -> sink (capacity = seats the mentor still has). A
maximum flow of least cost fills the most seats, then maximises the total fit; an edge's
capacity of 1 keeps a mentor off a panel twice.

1. The flow value K (most seats) comes from scipy's C maximum flow, exact in integers.
2. The least-cost flow of value K is solved on a *restricted* edge set: the max-flow edges
   (so K stays feasible) plus each startup's and mentor's best pairs. The solver is HiGHS
   on the LP (the matrix is a network matrix, so its vertices are 0/1), or networkx's
   network simplex in exact integers when HiGHS's answer fails the certificate below.
3. Certificate, in integers: Bellman-Ford on that flow's residual graph gives node
   potentials (it fails only if a negative cycle exists, i.e. the flow is not of least
   cost). If no left-out edge has negative reduced cost under them, no negative cycle
   exists in the full residual graph, so the flow is optimal for the whole problem;
   otherwise the offending edges join and step 2 runs again (column generation).

Scores are scaled to integers by a power of ten so that the largest is below 1e9: scores with
up to 9 significant digits are exact, and otherwise the optimum found is within
``seats * max|score| * 1e-9`` of the real one.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_flow

COST_DIGITS = 9
# Up to this many edges the whole graph is solved at once (the certificate still runs).
FULL_GRAPH_LIMIT = 4000
EXTRA_PER_NODE = 3  # best edges kept per node beyond its own capacity


def integer_costs(scores: np.ndarray) -> np.ndarray:
    """``-score`` scaled by a power of ten (largest magnitude < 10**COST_DIGITS), as int64."""
    top = float(np.max(np.abs(scores))) if scores.size else 0.0
    if top == 0.0:
        return np.zeros(scores.shape, dtype=np.int64)
    exponent = COST_DIGITS - 1 - math.floor(math.log10(top))
    if exponent >= 0:
        # In two steps: 10**exponent alone overflows for subnormal scores (exponent up to 332).
        half = exponent // 2
        scaled = scores * 10.0**half * 10.0 ** (exponent - half)
    else:  # divide, so that no inexact power of ten below 1 is used
        scaled = scores / 10.0**-exponent
    return -np.rint(scaled).astype(np.int64)


def _max_flow(demand: np.ndarray, capacity: np.ndarray, es: np.ndarray, em: np.ndarray) -> tuple[int, np.ndarray]:
    """Maximum seats and one maximum flow (a 0/1 vector over the edges)."""
    n_s, n_m = len(demand), len(capacity)
    src, snk = n_s + n_m, n_s + n_m + 1
    rows = np.concatenate([np.full(n_s, src), es, n_s + np.arange(n_m)])
    cols = np.concatenate([np.arange(n_s), n_s + em, np.full(n_m, snk)])
    caps = np.concatenate([demand, np.ones(len(es), dtype=np.int64), capacity]).astype(np.int32)
    graph = csr_matrix((caps, (rows, cols)), shape=(n_s + n_m + 2, n_s + n_m + 2))
    result = maximum_flow(graph, src, snk)
    used = np.asarray(result.flow[es, n_s + em]).ravel() > 0
    return int(result.flow_value), used


def _top_per_group(group: np.ndarray, cost: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Mask of each group's ``keep[group]`` cheapest edges (ties by edge order)."""
    order = np.lexsort((np.arange(len(cost)), cost, group))
    sorted_group = group[order]
    starts = np.searchsorted(sorted_group, sorted_group, side="left")
    rank = np.arange(len(order)) - starts
    mask = np.zeros(len(cost), dtype=bool)
    mask[order[rank < keep[sorted_group]]] = True
    return mask


def _network_simplex(
    demand: np.ndarray, capacity: np.ndarray, es: np.ndarray, em: np.ndarray, cost: np.ndarray, value: int
) -> np.ndarray:
    """Least-cost flow of exactly ``value`` units on the given edges (0/1 per edge)."""
    n_s, n_m = len(demand), len(capacity)
    src, snk = n_s + n_m, n_s + n_m + 1
    graph = nx.DiGraph()
    # Insertion order is fixed (index order), so ties are broken the same way on every run.
    graph.add_nodes_from(range(n_s + n_m))
    graph.add_node(src, demand=-value)
    graph.add_node(snk, demand=value)
    graph.add_edges_from((src, s, {"capacity": int(demand[s]), "weight": 0}) for s in range(n_s))
    graph.add_edges_from(
        (int(s), n_s + int(m), {"capacity": 1, "weight": int(c)}) for s, m, c in zip(es, em, cost, strict=True)
    )
    graph.add_edges_from((n_s + m, snk, {"capacity": int(capacity[m]), "weight": 0}) for m in range(n_m))
    _, flow = nx.network_simplex(graph)
    return np.fromiter((flow[int(s)][n_s + int(m)] for s, m in zip(es, em, strict=True)), dtype=bool, count=len(es))


def _linear_programme(
    demand: np.ndarray, capacity: np.ndarray, es: np.ndarray, em: np.ndarray, cost: np.ndarray, value: int
) -> np.ndarray | None:
    """Same problem as an LP (HiGHS dual simplex); None unless the vertex found is 0/1.

    The constraint matrix is a network matrix, so every vertex is integral; the caller still
    certifies optimality exactly, in integers, before trusting it.
    """
    n_s, n_m, n_e = len(demand), len(capacity), len(es)
    cols = np.arange(n_e)
    a_ub = csr_matrix((np.ones(2 * n_e), (np.concatenate([es, n_s + em]), np.concatenate([cols, cols]))), shape=(n_s + n_m, n_e))
    scale = float(np.max(np.abs(cost))) or 1.0
    result = linprog(
        cost / scale,
        A_ub=a_ub,
        b_ub=np.concatenate([demand, capacity]).astype(float),
        A_eq=csr_matrix(np.ones((1, n_e))),
        b_eq=[float(value)],
        bounds=(0, 1),
        method="highs-ds",
    )
    if result.status != 0:
        return None
    used = result.x > 0.5
    if np.max(np.abs(result.x - used)) > 1e-6 or int(used.sum()) != value:
        return None
    if np.any(np.bincount(es[used], minlength=n_s) > demand) or np.any(np.bincount(em[used], minlength=n_m) > capacity):
        return None
    return used


def _potentials(
    demand: np.ndarray, capacity: np.ndarray, es: np.ndarray, em: np.ndarray, cost: np.ndarray, used: np.ndarray
) -> np.ndarray | None:
    """Shortest distances in the residual graph from a virtual root (Bellman-Ford, vectorised)."""
    n_s, n_m = len(demand), len(capacity)
    src, snk = n_s + n_m, n_s + n_m + 1
    load = np.bincount(es[used], minlength=n_s)
    taken = np.bincount(em[used], minlength=n_m)
    s_idx, m_idx = np.arange(n_s), n_s + np.arange(n_m)
    tails = [np.where(used, n_s + em, es), np.full(n_s, src)[load < demand], s_idx[load > 0],
             m_idx[taken < capacity], np.full(n_m, snk)[taken > 0]]
    heads = [np.where(used, es, n_s + em), s_idx[load < demand], np.full(n_s, src)[load > 0],
             np.full(n_m, snk)[taken < capacity], m_idx[taken > 0]]
    weights = [np.where(used, -cost, cost)] + [np.zeros(len(t), dtype=np.int64) for t in tails[1:]]
    tail, head, weight = np.concatenate(tails), np.concatenate(heads), np.concatenate(weights)
    dist = np.zeros(n_s + n_m + 2, dtype=np.int64)
    for _ in range(n_s + n_m + 3):
        new = dist.copy()
        np.minimum.at(new, head, dist[tail] + weight)
        if np.array_equal(new, dist):
            return dist
        dist = new
    return None  # a negative cycle: the flow is not of least cost


def optimise(
    demand: np.ndarray,
    capacity: np.ndarray,
    es: np.ndarray,
    em: np.ndarray,
    scores: np.ndarray,
    *,
    full_graph_limit: int = FULL_GRAPH_LIMIT,
    engine: str = "highs",
    stats: dict[str, float] | None = None,
) -> np.ndarray:
    """Chosen edges (bool mask over ``es``/``em``) of the lexicographic optimum.

    ``demand[s]``: seats startup ``s`` may still take; ``capacity[m]``: seats mentor ``m`` may
    still take; edge ``i`` joins startup ``es[i]`` and mentor ``em[i]`` with fit ``scores[i]``.
    Edges must be distinct pairs. ``engine="simplex"`` skips HiGHS (network simplex only).
    """
    stats = {} if stats is None else stats
    demand = np.asarray(demand, dtype=np.int64)
    capacity = np.asarray(capacity, dtype=np.int64)
    es, em = np.asarray(es, dtype=np.int64), np.asarray(em, dtype=np.int64)
    chosen = np.zeros(len(es), dtype=bool)
    # A startup takes a mentor once and a mentor a startup once: clip to keep int32 flow safe.
    demand = np.minimum(demand, len(capacity))
    capacity = np.minimum(capacity, len(demand))
    live = np.flatnonzero((demand[es] > 0) & (capacity[em] > 0)) if len(es) else np.zeros(0, dtype=np.int64)
    if not len(live):
        stats.update(value=0, rounds=0, edges=0)
        return chosen
    les, lem = es[live], em[live]
    cost = integer_costs(np.asarray(scores, dtype=float)[live])
    value, flow_edges = _max_flow(demand, capacity, les, lem)
    stats.update(value=value, rounds=0, edges=len(live))
    if value == 0:
        return chosen
    if len(live) <= full_graph_limit:
        cand = np.ones(len(live), dtype=bool)
    else:
        cand = flow_edges | _top_per_group(les, cost, demand + EXTRA_PER_NODE)
        cand |= _top_per_group(lem, cost, capacity + EXTRA_PER_NODE)
    while True:
        stats["rounds"] += 1
        idx = np.flatnonzero(cand)
        sub = (demand, capacity, les[idx], lem[idx], cost[idx])
        used = _linear_programme(*sub, value) if engine == "highs" else None
        dist = None if used is None else _potentials(*sub, used)
        if dist is None:
            # HiGHS stopped within its float tolerance but short of the integer optimum (or
            # off a 0/1 vertex), or was not asked: network simplex is exact in integers.
            stats["simplex"] = stats.get("simplex", 0) + 1
            used = _network_simplex(*sub, value)
            dist = _potentials(*sub, used)
            if dist is None:  # pragma: no cover - network simplex returns an optimum
                raise ArithmeticError("negative cycle in an optimal residual graph")
        stats["restricted_edges"] = len(idx)
        reduced = cost + dist[les] - dist[len(demand) + lem]
        violated = ~cand & (reduced < 0)
        if not violated.any():
            break
        # Add each startup's most violated edges (a few per round keeps the restricted graph small).
        rc = np.where(violated, reduced, 0)
        cand |= violated & _top_per_group(les, rc, demand + EXTRA_PER_NODE)
    chosen[live[idx[used]]] = True
    return chosen
