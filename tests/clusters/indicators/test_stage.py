"""The lifecycle stage classifier at and either side of every threshold."""

import pytest

from clusters.indicators import DEFAULT_THRESHOLDS, SCHEMES, classify_stage
from clusters.indicators.stage import classify_ladder

RULES = [(scheme, index, rule) for scheme, ladder in SCHEMES.items()
         for index, (_stage, rules) in enumerate(ladder) for rule in rules]
EPS = 1e-6


def everything_met() -> dict:
    """Values clearing every rule with room to spare."""
    values = {}
    for _scheme, _index, rule in RULES:
        values[rule.indicator] = rule.default + 10 if rule.op in (">=", ">") else rule.default - 10
    values["events_per_month"] = 30
    values["gatekeepers"] = 5
    return values


def test_everything_met_reaches_the_top_of_both_ladders():
    result = classify_stage(everything_met())
    assert result["startup_genome"] == {"stage": "integration", "decided_by": "integration.reached",
                                        "met": result["startup_genome"]["met"], "next_stage": None, "to_next": []}
    assert [c["rule"] for c in result["startup_genome"]["met"]] == [
        "integration.min_cross_region_share", "integration.min_gatekeepers", "integration.min_events_per_month"]
    assert result["scanbalt"]["stage"] == "mode3"


def test_nothing_known_stays_at_the_first_stage():
    result = classify_stage({})
    assert result["startup_genome"]["stage"] == "activation"
    assert result["startup_genome"]["decided_by"] == "globalization.min_startups"
    assert result["startup_genome"]["next_stage"] == "globalization"
    assert all(c["value"] is None and not c["met"] for c in result["startup_genome"]["to_next"])
    assert result["scanbalt"]["stage"] == "scientific_fountain"
    assert result["scanbalt"]["decided_by"] == "co_location.min_firm_investor_share"


@pytest.mark.parametrize(("scheme", "index", "rule"), RULES, ids=[r.code for _s, _i, r in RULES])
@pytest.mark.parametrize("offset", [-EPS, 0.0, EPS], ids=["below", "at", "above"])
def test_each_threshold(scheme, index, rule, offset):
    values = everything_met()
    values[rule.indicator] = rule.default + offset
    passes = {">=": offset >= 0, ">": offset > 0, "<=": offset <= 0, "<": offset < 0}[rule.op]
    result = classify_stage(values)[scheme]
    ladder = SCHEMES[scheme]
    if passes:
        assert result["stage"] == ladder[-1][0]
    else:
        assert result["stage"] == ladder[index - 1][0]
        assert result["decided_by"] == rule.code
        assert result["next_stage"] == ladder[index][0]
        failing = [c for c in result["to_next"] if not c["met"]]
        assert failing == [{"rule": rule.code, "indicator": rule.indicator, "op": rule.op, "threshold": rule.default,
                            "value": values[rule.indicator], "met": False}]


def test_a_hand_made_globalizing_cluster():
    values = {"members_firm": 150, "largest_component_share": 0.7, "local_connectedness_none_share": 0.3,
              "global_connectedness": 0.1, "newcomer_outside_share": 0.2}
    result = classify_stage(values)["startup_genome"]
    assert result["stage"] == "globalization"
    assert result["decided_by"] == "expansion.min_global_connectedness"
    assert [(c["rule"], c["met"]) for c in result["to_next"]] == [
        ("expansion.min_global_connectedness", False), ("expansion.min_outside_newcomers", True)]


def test_thresholds_are_data():
    values = {"members_firm": 40, "largest_component_share": 0.7, "local_connectedness_none_share": 0.3}
    assert classify_stage(values)["startup_genome"]["stage"] == "activation"
    lowered = classify_stage(values, {"globalization.min_startups": 40})["startup_genome"]
    assert lowered["stage"] == "globalization"
    assert lowered["met"][0]["threshold"] == 40
    assert DEFAULT_THRESHOLDS["globalization.min_startups"] == 100
    with pytest.raises(ValueError, match=r"globalisation\.min_startups"):
        classify_stage(values, {"globalisation.min_startups": 40})


def test_the_climb_stops_at_the_first_failed_stage():
    values = everything_met()
    values["largest_component_share"] = 0.1  # Globalization fails, so Integration's rules do not matter
    result = classify_ladder(SCHEMES["startup_genome"], values)
    assert result["stage"] == "activation"
    assert result["decided_by"] == "globalization.min_largest_component"
