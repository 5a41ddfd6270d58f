"""Structure of G (indicators 10–13, 17, 18) against hand-computed values, and against networkx."""

import networkx as nx
import pytest

from clusters.indicators import structure
from clusters.indicators.graph import build_tie_graph, partners_of

from .graphs import END, path, star, two_cliques

approx = pytest.approx


def graph_of(cluster):
    return build_tie_graph(cluster.orgs, cluster.edges, as_of=END)


def test_star_cohesion_and_centralization():
    g = graph_of(star())
    assert structure.cohesion(g) == {"density": approx(4 / 10), "largest_component_share": 1.0, "isolates": 0,
                                     "isolate_share": 0.0, "components": 1}
    assert structure.degree_centralization(g) == approx(1.0)
    assert structure.clustering(g) == {"transitivity": 0.0, "average_clustering": 0.0}


def test_star_brokers():
    g = graph_of(star())
    between, pivots = structure.betweenness(g)
    assert pivots is None
    assert between == {1: approx(1.0), 2: 0.0, 3: 0.0, 4: 0.0, 5: 0.0}
    constraint, effective = structure.burt(g)
    assert constraint == {1: approx(0.25), 2: approx(1.0), 3: approx(1.0), 4: approx(1.0), 5: approx(1.0)}
    assert effective == {1: approx(4.0), 2: approx(1.0), 3: approx(1.0), 4: approx(1.0), 5: approx(1.0)}
    values, details = structure.brokers(g)
    assert values["betweenness_max"] == approx(1.0)
    assert values["sampled_pivots"] is None
    assert details["top_brokers"][0]["org"] == 1
    assert details["sampled"] is False


def test_path():
    g = graph_of(path())
    assert structure.cohesion(g)["density"] == approx(0.5)
    # normalised degrees 1/3, 2/3, 2/3, 1/3: (1/3 + 0 + 0 + 1/3) / (4 - 2)
    assert structure.degree_centralization(g) == approx(1 / 3)
    between, _ = structure.betweenness(g)
    assert between == {1: 0.0, 2: approx(2 / 3), 3: approx(2 / 3), 4: 0.0}
    constraint, effective = structure.burt(g)
    assert constraint[2] == approx(0.5)
    assert constraint[1] == approx(1.0)
    assert effective[2] == approx(2.0)


def test_two_cliques_joined_by_a_bridge():
    g = graph_of(two_cliques())
    assert structure.cohesion(g)["density"] == approx(13 / 28)
    assert structure.degree_centralization(g) == approx(1 / 7)
    # 8 triangles, 30 connected triples; clique nodes 1, bridge ends 3/6
    assert structure.clustering(g) == {"transitivity": approx(0.8), "average_clustering": approx(7 / 8)}
    between, _ = structure.betweenness(g)
    assert between[4] == approx(12 / 21)
    assert between[5] == approx(12 / 21)
    assert between[1] == 0.0
    constraint, effective = structure.burt(g)
    assert constraint[4] == approx(7 / 12)  # 3 × (1/4 + 2 × 1/4 × 1/3)² + (1/4)²
    assert effective[4] == approx(2.5)  # 4 − 2 × 3 / 4


def test_two_cliques_communities():
    cluster = two_cliques()
    g = graph_of(cluster)
    values, found = structure.communities(g, {o.id: o for o in cluster.orgs})
    assert found == [[1, 2, 3, 4], [5, 6, 7, 8]]
    assert values == {"communities": 2, "modularity": approx(11 / 26), "one_kind_community_share": 1.0,
                      "one_region_community_share": 1.0}


def test_gatekeeper_needs_high_degree_and_an_outside_tie():
    cluster = two_cliques(outside_tie=True)
    g = graph_of(cluster)
    assert 9 not in g  # outside organisations are not nodes of G
    members = {o.id for o in cluster.orgs if o.member}
    values, found = structure.gatekeepers(g, partners_of(cluster.edges), members)
    # degrees 3,3,3,4,4,3,3,3: 75th percentile 3.25; of 4 and 5 only 4 has an outside tie
    assert found == [4]
    assert values == {"gatekeepers": 1, "gatekeeper_share": approx(1 / 8)}
    values, found = structure.gatekeepers(graph_of(two_cliques()), partners_of(two_cliques().edges), members)
    assert found == []


def test_measures_agree_with_networkx_on_a_random_weighted_graph():
    g = nx.gnm_random_graph(40, 120, seed=5)
    for i, (a, b) in enumerate(g.edges):
        g[a][b]["weight"] = 0.5 + (i % 7) / 3
    g.add_node(99)
    between, _ = structure.betweenness(g)
    expected = nx.betweenness_centrality(g)
    assert between == {k: approx(v, abs=1e-12) for k, v in expected.items()}
    constraint, effective = structure.burt(g)
    assert 99 not in constraint  # networkx: NaN for an isolate; left out here
    assert constraint == {k: approx(v) for k, v in nx.constraint(g, weight="weight").items() if k != 99}
    assert effective == {k: approx(v) for k, v in nx.effective_size(g).items() if k != 99}
    assert structure.clustering(g) == {"transitivity": approx(nx.transitivity(g)),
                                       "average_clustering": approx(nx.average_clustering(g))}
    parts = nx.community.louvain_communities(g, seed=1)
    assert structure.modularity(g, parts) == approx(nx.community.modularity(g, parts, weight="weight"))


def test_betweenness_is_sampled_above_the_limit_with_a_fixed_seed():
    g = nx.gnm_random_graph(60, 200, seed=2)
    first, pivots = structure.betweenness(g, exact_max_nodes=50, pivots=20, seed=3)
    again, _ = structure.betweenness(g, exact_max_nodes=50, pivots=20, seed=3)
    assert pivots == 20
    assert first == again
    exact = nx.betweenness_centrality(g)
    assert sum(first.values()) == approx(sum(exact.values()), rel=0.25)
    values, details = structure.brokers(g, exact_max_nodes=50, pivots=20)
    assert values["sampled_pivots"] == 20
    assert details["sampled"] is True
    # as many pivots as organisations: exact after all
    assert structure.betweenness(g, exact_max_nodes=50, pivots=60)[1] is None


def test_small_graphs_give_defined_values():
    empty, single = nx.Graph(), nx.Graph()
    single.add_node(1)
    assert structure.cohesion(empty) == {"density": None, "largest_component_share": None, "isolates": 0,
                                         "isolate_share": None, "components": 0}
    assert structure.cohesion(single) == {"density": None, "largest_component_share": 1.0, "isolates": 1,
                                          "isolate_share": 1.0, "components": 1}
    for g in (empty, single):
        assert structure.degree_centralization(g) is None
        values, _ = structure.brokers(g)
        assert values["constraint_mean"] is None
        assert structure.communities(g, {})[0]["modularity"] is None
