"""Location quotients and their trends against hand-computed values."""

import pytest

from clusters.indicators.specialisation import (
    DOWN,
    NEW,
    STEADY,
    UP,
    complementarity,
    location_quotients,
    specialisation_profiles,
    trend,
)


def test_two_mirrored_clusters():
    # onc 4 and cns 4 of 8 overall: A's onc share 3/4 over 4/8 = 1.5; cns 1/4 over 4/8 = 0.5.
    lq = location_quotients({"A": {"onc": 3, "cns": 1}, "B": {"onc": 1, "cns": 3}})
    assert lq["A"] == {"onc": pytest.approx(1.5), "cns": pytest.approx(0.5)}
    assert lq["B"] == {"onc": pytest.approx(0.5), "cns": pytest.approx(1.5)}


def test_uneven_clusters_and_a_missing_term():
    # x 4, y 4, total 8. A: x 2/2 / 0.5 = 2, y 0. B: x (2/6)/0.5 = 2/3, y (4/6)/0.5 = 4/3.
    lq = location_quotients({"A": {"x": 2}, "B": {"x": 2, "y": 4}})
    assert lq["A"]["x"] == pytest.approx(2.0)
    assert lq["A"]["y"] == 0.0
    assert lq["B"]["x"] == pytest.approx(2 / 3)
    assert lq["B"]["y"] == pytest.approx(4 / 3)


def test_empty_cluster_has_no_quotients():
    lq = location_quotients({"A": {"onc": 2}, "E": {}, "Z": {"onc": 0}})
    assert lq["A"] == {"onc": pytest.approx(1.0)}
    assert lq["E"] == {"onc": None}
    assert lq["Z"] == {"onc": None}
    assert specialisation_profiles({"E": {}})["E"] == []


def test_nothing_at_all():
    assert location_quotients({}) == {}
    assert location_quotients({"E": {}}) == {"E": {}}
    assert specialisation_profiles({}, {}) == {}
    assert complementarity({}) == ([], [])


def test_one_cluster_is_its_own_reference():
    lq = location_quotients({"only": {"onc": 5, "cns": 1}})
    assert lq == {"only": {"onc": pytest.approx(1.0), "cns": pytest.approx(1.0)}}


def test_trend_words():
    assert trend(1.5, 1.0) == UP
    assert trend(0.5, 1.0) == DOWN
    assert trend(1.05, 1.0) == STEADY
    assert trend(1.1, 1.0, tolerance=0.1) == STEADY  # at the tolerance: steady
    assert trend(1.0, None) == NEW
    assert trend(None, 1.0) is None


def test_profile_sorted_with_trend():
    current = {"A": {"onc": 3, "cns": 1}, "B": {"onc": 1, "cns": 3}}
    previous = {"A": {"onc": 1, "cns": 1}, "B": {"onc": 1, "cns": 1}}  # every LQ was 1
    profile = specialisation_profiles(current, previous)
    a = profile["A"]
    assert [e.term for e in a] == ["onc", "cns"]
    assert a[0].lq == pytest.approx(1.5) and a[0].previous_lq == pytest.approx(1.0) and a[0].trend == UP
    assert a[0].change == pytest.approx(0.5)
    assert a[1].lq == pytest.approx(0.5) and a[1].trend == DOWN
    # A term new since the previous period.
    fresh = specialisation_profiles({"A": {"onc": 1, "gene": 1}}, {"A": {"onc": 1}})["A"]
    assert {e.term: e.trend for e in fresh} == {"onc": STEADY, "gene": NEW}
    # The previous period empty: every term is new.
    assert {e.trend for e in specialisation_profiles(current, {"A": {}})["A"]} == {NEW}


def test_complementarity_and_overlap():
    lqs = {"S": {"onc": 1.5, "cns": 0.5, "gene": 1.2}, "G": {"onc": 0.5, "cns": 1.5, "gene": 1.1},
           "E": {"onc": None, "cns": None, "gene": None}}
    complements, overlap = complementarity(lqs)
    assert [(c.term, c.strong, c.weak) for c in complements] == [("cns", ("G",), ("S",)), ("onc", ("S",), ("G",))]
    assert overlap == ["gene"]
    # Only the alliance's clusters count; a term one cluster lacks reads as LQ 0.
    complements, overlap = complementarity({"S": {"onc": 2.0}, "G": {"cns": 2.0}}, ["S", "G"])
    assert [(c.term, c.strong, c.weak) for c in complements] == [("cns", ("G",), ("S",)), ("onc", ("S",), ("G",))]
    assert overlap == []
    # One cluster alone complements nobody.
    assert complementarity({"S": {"onc": 1.0}}) == ([], [])
