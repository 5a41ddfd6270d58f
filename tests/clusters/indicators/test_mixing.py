"""Member mix (1), kind mixing (14), cross-regional ties (15): each organisation pair once, unweighted."""

import pytest

from clusters.indicators import Org, mixing

from .graphs import data, no_cross_kind, star, tie, two_cliques

approx = pytest.approx


def by_id(cluster):
    return {o.id: o for o in cluster.orgs}


def test_member_mix_of_the_star():
    cluster = star()
    values = mixing.member_mix(cluster.orgs, cluster.edges)
    assert values["members"] == 5
    assert values["active_members"] == 5
    assert (values["members_firm"], values["members_hospital"], values["members_university"],
            values["members_public"], values["members_investor"]) == (2, 1, 1, 1, 0)
    assert values["kinds_present"] == 4
    assert values["active_share"] == 1.0
    assert values["firm_investor_share"] == approx(2 / 5)
    assert values["academic_clinical_share"] == approx(2 / 5)


def test_outside_organisations_are_not_members_and_idle_members_not_active():
    cluster = data([Org(1, "firm", "seoul"), Org(2, "firm", "seoul"), Org(3, "hospital", "busan", member=False)],
                   [tie(1, 3)])
    values = mixing.member_mix(cluster.orgs, cluster.edges)
    assert (values["members"], values["active_members"], values["active_share"]) == (2, 1, 0.5)


def test_star_mixing_counts_each_pair_once():
    cluster = star()
    # a second linkage on 1–2 and a co-attendance 3–4: neither adds a pair
    edges = [*cluster.edges, tie(1, 2, "introduction"), tie(3, 4, "co_attendance")]
    kind, kind_details = mixing.kind_mixing(by_id(cluster), edges)
    assert kind == {"ei_index_kind": 1.0, "cross_kind_share": 1.0}
    assert kind_details["kind_matrix"]["public"] == {"firm": 2, "hospital": 1, "university": 1}
    assert kind_details["kind_matrix"]["firm"] == {"public": 2}
    region, region_details = mixing.region_mixing(by_id(cluster), edges)
    # 1–2 and 1–4 inside Seoul, 1–3 to Gyeonggi and 1–5 abroad
    assert region == {"cross_region_share": 0.5, "ei_index_region": 0.0, "regions_linked": 3, "countries_linked": 2}
    assert region_details["region_matrix"]["seoul"] == {"seoul": 4, "gyeonggi": 1, "abroad:US": 1}


def test_no_cross_kind_ties():
    cluster = no_cross_kind()
    kind, _ = mixing.kind_mixing(by_id(cluster), cluster.edges)
    assert kind == {"ei_index_kind": -1.0, "cross_kind_share": 0.0}
    region, _ = mixing.region_mixing(by_id(cluster), cluster.edges)
    assert region["cross_region_share"] == 0.5  # 3 in Seoul, 4 in Busan
    assert region["ei_index_region"] == 0.0


def test_two_cliques_mixing():
    cluster = two_cliques()
    kind, _ = mixing.kind_mixing(by_id(cluster), cluster.edges)
    assert kind["ei_index_kind"] == approx((1 - 12) / 13)
    region, _ = mixing.region_mixing(by_id(cluster), cluster.edges)
    assert region["cross_region_share"] == approx(1 / 13)


def test_abroad_countries_are_different_places():
    orgs = {1: Org(1, "firm", "abroad", "US"), 2: Org(2, "firm", "abroad", "DE"), 3: Org(3, "firm", "abroad", "US")}
    region, _ = mixing.region_mixing(orgs, [tie(1, 2), tie(1, 3)])
    assert region["cross_region_share"] == 0.5
    assert region["countries_linked"] == 2


def test_no_pairs_give_none():
    orgs = {1: Org(1, "firm", "seoul")}
    assert mixing.kind_mixing(orgs, [])[0] == {"ei_index_kind": None, "cross_kind_share": None}
    assert mixing.region_mixing(orgs, [])[0]["cross_region_share"] is None
    values = mixing.member_mix([], [])
    assert values["members"] == 0
    assert values["active_share"] is None
