"""Structure of G: cohesion (10), degree centralisation (11), clustering (12), brokers (13), gatekeepers (17)
and communities (18).

The heavy measures work on sparse matrices (scipy) rather than networkx's per-node Python loops, so a
graph of 5,000 organisations and 100,000 ties stays within seconds; the tests check them against
networkx on small graphs.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping

import networkx as nx
import numpy as np
import scipy.sparse as sp

from .graph import adjacency
from .types import Number, Org

EXACT_BETWEENNESS_MAX_NODES = 1000
DEFAULT_PIVOTS = 256
DEFAULT_SEED = 42
TOP_BROKERS = 5
_BATCH = 128


def cohesion(graph: nx.Graph) -> dict[str, Number]:
    """Indicator 10. ``density`` = 2m / (n(n − 1)) (``nx.density``), None below 2 organisations;
    ``largest_component_share`` = organisations in the largest connected component ÷ n; ``isolates`` = members
    with no tie (``nx.isolates``) and ``isolate_share`` = isolates ÷ n. Shares are None for an empty cluster."""
    n = graph.number_of_nodes()
    isolates = sum(1 for _ in nx.isolates(graph))
    largest = max((len(c) for c in nx.connected_components(graph)), default=0)
    return {
        "density": nx.density(graph) if n >= 2 else None,
        "largest_component_share": largest / n if n else None,
        "isolates": isolates,
        "isolate_share": isolates / n if n else None,
        "components": nx.number_connected_components(graph) if n else 0,
    }


def degree_centralization(graph: nx.Graph) -> Number:
    """Indicator 11, Freeman: Σ(c_max − c_i) / (n − 2) over normalised degree c_i = deg_i / (n − 1)
    (``nx.degree_centrality``). 1 for a star, 0 when every degree is equal; None below 3 organisations."""
    n = graph.number_of_nodes()
    if n < 3:
        return None
    centrality = [d / (n - 1) for _, d in graph.degree()]
    top = max(centrality)
    return sum(top - c for c in centrality) / (n - 2)


def _triangles(binary: sp.csr_array) -> np.ndarray:
    """Triangles through each node: row sums of A ⊙ A² over two."""
    if binary.shape[0] == 0:
        return np.zeros(0)
    return np.asarray((binary @ binary).multiply(binary).sum(axis=1)).ravel() / 2.0


def clustering(graph: nx.Graph) -> dict[str, Number]:
    """Indicator 12. ``transitivity`` = 3 × triangles ÷ connected triples (``nx.transitivity``; 0 without a
    triple); ``average_clustering`` = mean over members of 2T_i / (d_i(d_i − 1)), 0 below degree 2
    (``nx.average_clustering``); None for an empty cluster."""
    nodes, binary = adjacency(graph, weighted=False)
    if not nodes:
        return {"transitivity": None, "average_clustering": None}
    tri = _triangles(binary)
    deg = np.asarray(binary.sum(axis=1)).ravel()
    pairs = deg * (deg - 1)
    transitivity = float(2 * tri.sum() / pairs.sum()) if pairs.sum() > 0 and tri.sum() > 0 else 0.0
    local = np.divide(2 * tri, pairs, out=np.zeros_like(tri), where=pairs > 0)
    return {"transitivity": transitivity, "average_clustering": float(local.mean())}


def _brandes_batch(binary: sp.csr_array, sources: np.ndarray) -> np.ndarray:
    """Brandes' dependency sums for a batch of sources at once (unweighted BFS as sparse × dense products)."""
    n, b = binary.shape[0], len(sources)
    cols = np.arange(b)
    sigma = np.zeros((n, b))
    sigma[sources, cols] = 1.0
    dist = np.full((n, b), -1, dtype=np.int32)
    dist[sources, cols] = 0
    frontier = sigma.copy()
    depth = 0
    while True:
        reached = binary @ frontier
        new = (reached > 0) & (dist < 0)
        if not new.any():
            break
        depth += 1
        dist[new] = depth
        sigma[new] = reached[new]
        frontier = np.where(new, reached, 0.0)
    delta = np.zeros((n, b))
    for d in range(depth, 0, -1):
        coef = np.where(dist == d, (1.0 + delta) / np.where(sigma > 0, sigma, 1.0), 0.0)
        delta += np.where(dist == d - 1, sigma * (binary @ coef), 0.0)
    delta[dist <= 0] = 0.0  # a source's own dependency is not betweenness
    return delta.sum(axis=1)


def betweenness(
    graph: nx.Graph, *, exact_max_nodes: int = EXACT_BETWEENNESS_MAX_NODES, pivots: int = DEFAULT_PIVOTS,
    seed: int = DEFAULT_SEED,
) -> tuple[dict, int | None]:
    """Normalised shortest-path betweenness on hops (as ``nx.betweenness_centrality(G, normalized=True)``).

    Exact up to ``exact_max_nodes`` organisations; above, estimated from ``pivots`` sources drawn with
    ``seed`` and rescaled as networkx does for ``k``. Returns the values and the pivot count (None if exact).
    """
    nodes, binary = adjacency(graph, weighted=False)
    n = len(nodes)
    if n < 3:
        return dict.fromkeys(nodes, 0.0), None
    sampled = n > exact_max_nodes and pivots < n
    sources = np.sort(np.random.default_rng(seed).choice(n, size=pivots, replace=False)) if sampled else np.arange(n)
    total = np.zeros(n)
    for start in range(0, len(sources), _BATCH):
        total += _brandes_batch(binary, sources[start:start + _BATCH])
    if sampled:
        scale = np.full(n, 1.0 / (pivots * (n - 2)))
        scale[sources] = 1.0 / ((pivots - 1) * (n - 2))
        total *= scale
    else:
        total /= (n - 1) * (n - 2)
    return dict(zip(nodes, total.tolist(), strict=True)), (pivots if sampled else None)


def burt(graph: nx.Graph) -> tuple[dict, dict]:
    """Burt's constraint (weighted, as ``nx.constraint``: c_i = Σ_j (p_ij + Σ_q p_iq p_qj)², p_ij = w_ij / Σ_k w_ik)
    and effective size (Borgatti's n − 2t/n on the unweighted ego network, as ``nx.effective_size``).
    Organisations without a tie are left out (networkx gives NaN for them)."""
    nodes, weights = adjacency(graph, weighted=True)
    if not nodes:
        return {}, {}
    binary = (weights > 0).astype(np.float64)
    strength = np.asarray(weights.sum(axis=1)).ravel()
    inverse = np.divide(1.0, strength, out=np.zeros_like(strength), where=strength > 0)
    share = sp.csr_array(sp.diags_array(inverse) @ weights)
    indirect = (share @ share).multiply(binary)
    constraint = np.asarray((share + indirect).power(2).sum(axis=1)).ravel()
    deg = np.asarray(binary.sum(axis=1)).ravel()
    tri = _triangles(binary)
    has_tie = deg > 0
    effective = np.divide(deg * deg - 2 * tri, deg, out=np.zeros_like(deg), where=has_tie)
    keep = [i for i in range(len(nodes)) if has_tie[i]]
    return ({nodes[i]: float(constraint[i]) for i in keep}, {nodes[i]: float(effective[i]) for i in keep})


def brokers(graph: nx.Graph, *, pivots: int = DEFAULT_PIVOTS, seed: int = DEFAULT_SEED,
            exact_max_nodes: int = EXACT_BETWEENNESS_MAX_NODES) -> tuple[dict[str, Number], dict]:
    """Indicator 13. ``betweenness_max`` and ``betweenness_mean``; ``constraint_mean``/``constraint_min`` and
    ``effective_size_mean`` over members with a tie; ``sampled_pivots`` = pivots used (None when exact).
    Details: the top brokers by betweenness with their constraint and effective size."""
    between, pivots_used = betweenness(graph, pivots=pivots, seed=seed, exact_max_nodes=exact_max_nodes)
    constraint, effective = burt(graph)
    top = sorted(between.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_BROKERS]
    values: dict[str, Number] = {
        "betweenness_max": max(between.values()) if between else None,
        "betweenness_mean": statistics.fmean(between.values()) if between else None,
        "constraint_mean": statistics.fmean(constraint.values()) if constraint else None,
        "constraint_min": min(constraint.values()) if constraint else None,
        "effective_size_mean": statistics.fmean(effective.values()) if effective else None,
        "sampled_pivots": pivots_used,
    }
    details = {
        "top_brokers": [
            {"org": org, "betweenness": value, "constraint": constraint.get(org), "effective_size": effective.get(org)}
            for org, value in top
        ],
        "sampled": pivots_used is not None,
    }
    return values, details


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile with linear interpolation between closest ranks (numpy's default)."""
    return float(np.percentile(np.asarray(values, dtype=float), q))


def gatekeepers(graph: nx.Graph, partners: Mapping[int, set[int]], member_ids: set[int]) -> tuple[dict[str, Number], list]:
    """Indicator 17: members whose degree inside the cluster is ≥ the 75th percentile of members' degrees
    (and ≥ 1) and who have ≥ 1 tie to an organisation outside the cluster. ``gatekeepers`` (count),
    ``gatekeeper_share`` (÷ members, None for an empty cluster)."""
    n = graph.number_of_nodes()
    if not n:
        return {"gatekeepers": 0, "gatekeeper_share": None}, []
    degrees = dict(graph.degree())
    threshold = max(percentile(list(degrees.values()), 75), 1.0)
    found = sorted(
        org for org, d in degrees.items() if d >= threshold and any(p not in member_ids for p in partners.get(org, ()))
    )
    return {"gatekeepers": len(found), "gatekeeper_share": len(found) / n}, found


def communities(graph: nx.Graph, orgs: Mapping[int, Org], *, seed: int = DEFAULT_SEED) -> tuple[dict[str, Number], list]:
    """Indicator 18: Louvain communities (``nx.community.louvain_communities``, weighted, fixed seed) of members
    with a tie; ``communities`` (count), ``modularity`` (``nx.community.modularity``); ``one_kind_community_share``
    and ``one_region_community_share`` = communities whose members are all of one kind (one region) ÷
    communities. None without a tie."""
    tied = nx.Graph(graph.edges(data=True))  # a copy: subgraph views are slow to walk
    if tied.number_of_edges() == 0:
        return {"communities": 0, "modularity": None, "one_kind_community_share": None,
                "one_region_community_share": None}, []
    found = [sorted(c) for c in nx.community.louvain_communities(tied, weight="weight", seed=seed)]
    found.sort(key=lambda c: (-len(c), c[0]))
    one_kind = sum(1 for c in found if len({orgs[v].kind for v in c}) == 1)
    one_region = sum(1 for c in found if len({orgs[v].place for v in c}) == 1)
    return {
        "communities": len(found),
        "modularity": modularity(tied, found),
        "one_kind_community_share": one_kind / len(found),
        "one_region_community_share": one_region / len(found),
    }, found


def modularity(graph: nx.Graph, parts: Iterable[Iterable]) -> float:
    """Newman's weighted modularity Σ_c [W_c / W − (S_c / 2W)²] (as ``nx.community.modularity``), in one pass."""
    label = {v: i for i, part in enumerate(parts) for v in part}
    inside: dict[int, float] = defaultdict(float)
    strength: dict[int, float] = defaultdict(float)
    total = 0.0
    for a, b, w in graph.edges(data="weight", default=1.0):
        total += w
        strength[label[a]] += w
        strength[label[b]] += w
        if label[a] == label[b]:
            inside[label[a]] += w
    if total == 0:
        return 0.0
    return sum(inside[c] / total - (strength[c] / (2 * total)) ** 2 for c in strength)


def member_graph_ids(orgs: Iterable[Org]) -> set[int]:
    return {o.id for o in orgs if o.member}
