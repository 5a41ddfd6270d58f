"""compute_indicators as a whole: named values, only numbers or None, empty and one-organisation clusters."""

import json
import math

import pytest

from clusters.indicators import Attendance, EventStat, IndicatorConfig, MatchRecord, Org, compute_indicators
from clusters.indicators.bench import run_bench, synthetic_cluster

from .graphs import AT, data, star, tie, two_cliques

REQUIRED = ["density", "largest_component_share", "degree_centralization", "ei_index_kind", "cross_region_share",
            "firm_hospital_coverage", "hospital_firm_coverage", "match_acceptance_rate", "show_up_rate"]


def assert_plain_numbers(values: dict) -> None:
    for name, value in values.items():
        assert value is None or (type(value) in (int, float) and math.isfinite(value)), name
    json.dumps(values, allow_nan=False)


def test_empty_cluster_gives_defined_values():
    report = compute_indicators(data([], []))
    assert_plain_numbers(report.values)
    assert set(REQUIRED) <= report.values.keys()
    for name in REQUIRED:
        assert report.values[name] is None, name
    assert report.values["members"] == 0
    assert report.stage["startup_genome"]["stage"] == "activation"
    assert report.stage["scanbalt"]["stage"] == "scientific_fountain"
    assert report.sampled is False


def test_one_organisation_cluster():
    report = compute_indicators(data([Org(1, "firm", "seoul")], []))
    assert_plain_numbers(report.values)
    v = report.values
    assert (v["members"], v["density"], v["largest_component_share"], v["isolates"]) == (1, None, 1.0, 1)
    assert v["degree_centralization"] is None
    assert v["ei_index_kind"] is None
    assert v["firm_hospital_coverage"] == 0.0
    assert v["hospital_firm_coverage"] is None
    assert v["global_connectedness"] == 0.0


def test_star_through_the_whole_pipeline():
    cluster = star()
    events = (EventStat(1, AT, 10, 8),)
    matches = (MatchRecord("model", AT, True), MatchRecord("model", AT, False))
    report = compute_indicators(data(cluster.orgs, cluster.edges, events=events, matches=matches,
                                     attendance=(Attendance(1, 1), Attendance(1, 2))))
    v = report.values
    assert_plain_numbers(v)
    assert v["density"] == pytest.approx(0.4)
    assert v["degree_centralization"] == pytest.approx(1.0)
    assert v["ei_index_kind"] == 1.0
    assert v["cross_region_share"] == 0.5
    assert v["show_up_rate"] == pytest.approx(0.8)
    assert v["match_acceptance_rate"] == 0.5
    assert v["betweenness_max"] == pytest.approx(1.0)
    assert report.details["brokers"]["top_brokers"][0]["org"] == 1


def test_outside_organisations_are_boundary_not_nodes():
    cluster = two_cliques(outside_tie=True)
    report = compute_indicators(cluster)
    v = report.values
    assert v["members"] == 8
    assert v["density"] == pytest.approx(13 / 28)  # the tie to 9 is not inside the cluster
    assert v["gatekeepers"] == 1
    assert report.details["gatekeepers"] == [4]
    # ... but it is one of the cluster's ties for mixing: 14 pairs, 2 across kinds, 2 across places
    assert v["ei_index_kind"] == pytest.approx((2 - 12) / 14)
    assert v["cross_region_share"] == pytest.approx(2 / 14)


def test_edges_of_unknown_or_outside_only_organisations_are_ignored():
    orgs = [Org(1, "firm", "seoul"), Org(2, "firm", "seoul"), Org(3, "firm", "busan", member=False),
            Org(4, "hospital", "busan", member=False)]
    report = compute_indicators(data(orgs, [tie(1, 2), tie(3, 4), tie(1, 99)]))
    assert report.values["ei_index_kind"] == -1.0  # only 1–2 counts


def test_large_cluster_is_sampled_and_deterministic():
    cluster = synthetic_cluster(60, 400, seed=3)
    config = IndicatorConfig(exact_max_nodes=40, pivots=16)
    first, second = compute_indicators(cluster, config), compute_indicators(cluster, config)
    assert first.sampled is True
    assert first.values["sampled_pivots"] == 16
    assert first.values == second.values
    assert_plain_numbers(first.values)
    assert compute_indicators(cluster).values["sampled_pivots"] is None


def test_bench_runs_small():
    row = run_bench(200, 2000, seed=1)
    assert row["orgs"] == 200
    assert row["linkages"] == 2000
    assert row["compute_s"] > 0
    assert row["sampled_pivots"] is None


@pytest.mark.parametrize("size", [2, 3, 4, 6])
def test_small_random_clusters_never_give_nan(size):
    import random

    rng = random.Random(size)
    kinds = ["firm", "hospital", "university", "investor"]
    for _ in range(20):
        orgs = [Org(i, rng.choice(kinds), rng.choice(["seoul", "busan", "abroad"]), member=rng.random() < 0.8)
                for i in range(1, size + 1)]
        edges = [tie(a, b, rng.choice(["meeting", "partnership", "co_attendance", "mentoring"]))
                 for a in range(1, size + 1) for b in range(a + 1, size + 1) if rng.random() < 0.4]
        report = compute_indicators(data(orgs, edges))
        assert_plain_numbers(report.values)
        json.dumps(report.stage, allow_nan=False)
