"""Local connectedness (5), firm–hospital coverage (8), mentoring reach (9), global connectedness (16)."""

from datetime import timedelta

import pytest

from clusters.indicators import Org, reach

from .graphs import END, no_cross_kind, tie

approx = pytest.approx
ORGS = {o.id: o for o in [
    Org(1, "firm", "seoul"), Org(2, "firm", "gyeonggi"), Org(3, "firm", "abroad", "US", member=False),
    Org(4, "university", "seoul"), Org(5, "firm", "seoul"), Org(6, "hospital", "busan"), Org(7, "hospital", "seoul"),
]}


def test_global_connectedness_needs_two_ties_elsewhere():
    # member firms 1, 2, 5: firm 1 tied to Gyeonggi and (outside the cluster) the US; 5 only to Busan
    edges = [tie(1, 2), tie(1, 3, "introduction"), tie(1, 4), tie(5, 6), tie(5, 6, "partnership")]
    assert reach.global_connectedness(ORGS, edges) == {"global_connectedness": approx(1 / 3)}
    # co-attendance is no tie
    assert reach.global_connectedness(ORGS, [tie(5, 6), tie(5, 2, "co_attendance")])["global_connectedness"] == 0.0


def test_local_connectedness_counts_same_place_organisations_met_in_14_days():
    edges = [
        tie(1, 4, "co_attendance", at=END - timedelta(days=3)),  # Seoul, recent: counts
        tie(1, 7, "meeting", at=END - timedelta(days=13)),  # Seoul, recent: counts
        tie(1, 2, "meeting", at=END - timedelta(days=1)),  # another region
        tie(5, 7, "meeting", at=END - timedelta(days=20)),  # too long ago
    ]
    values = reach.local_connectedness(ORGS, edges, as_of=END)
    # firms 1, 2, 5 met 2, 0, 0
    assert values == {"local_connectedness_median": 0.0, "local_connectedness_none_share": approx(2 / 3)}
    values = reach.local_connectedness(ORGS, edges, as_of=END, window_days=30)
    assert values == {"local_connectedness_median": 1.0, "local_connectedness_none_share": approx(1 / 3)}


def test_firm_hospital_coverage_counts_partnerships():
    edges = [tie(1, 6, "partnership"), tie(2, 6, "partnership"), tie(5, 7, "meeting")]
    assert reach.firm_hospital_coverage(ORGS, edges) == {
        "firm_hospital_coverage": approx(2 / 3), "hospital_firm_coverage": 0.5}
    wider = reach.firm_hospital_coverage(ORGS, edges, kinds=("partnership", "meeting"))
    assert wider == {"firm_hospital_coverage": 1.0, "hospital_firm_coverage": 1.0}


def test_coverage_without_cross_kind_ties_is_zero():
    cluster = no_cross_kind()
    orgs = {o.id: o for o in cluster.orgs}
    assert reach.firm_hospital_coverage(orgs, cluster.edges) == {
        "firm_hospital_coverage": 0.0, "hospital_firm_coverage": 0.0}


def test_mentoring_reach():
    orgs = {**ORGS, 20: Org(20, "service", "seoul"), 21: Org(21, "investor", "seoul")}
    edges = [tie(1, 20, "mentoring"), tie(1, 20, "mentoring", at=END - timedelta(days=90)),
             tie(2, 21, "mentoring"), tie(4, 21, "mentoring")]  # 4 is a university: not a startup
    values = reach.mentoring_reach(orgs, edges, scaled_mentor_orgs=frozenset({20}))
    assert values == {"mentoring_reach": approx(2 / 3), "sessions_per_mentored_startup": 1.5,
                      "scaled_mentor_share": approx(2 / 3)}
    assert reach.mentoring_reach(orgs, edges)["scaled_mentor_share"] is None


def test_no_firms_gives_none():
    orgs = {7: Org(7, "hospital", "seoul")}
    assert reach.global_connectedness(orgs, []) == {"global_connectedness": None}
    assert reach.local_connectedness(orgs, [], as_of=END)["local_connectedness_median"] is None
    assert reach.firm_hospital_coverage(orgs, []) == {"firm_hospital_coverage": None, "hospital_firm_coverage": 0.0}
    assert reach.mentoring_reach(orgs, []) == {"mentoring_reach": None, "sessions_per_mentored_startup": None,
                                               "scaled_mentor_share": None}
