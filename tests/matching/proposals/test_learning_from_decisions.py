"""The refit from people's decisions: held out by decision time, adopted only on a gain beyond chance."""

import random

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from matching.proposals import learning_bench
from matching.proposals.learning import auc_gain_test, explain, min_decisions, weighted_auc, weights_from_decisions

CURRENT = {"peers": 1.0, "capacity": 0.1, "text": 0.5}
# The engine's hand-set weights when this was written, pinned so the seeded counts below do not move
# when the engine's defaults do.
HAND_SET = {"text": 0.107, "text_max": 0.054, "embed": 0.107, "facets": 0.032, "peers": 1.0, "copartner": 0.0,
            "popularity": 0.5, "capacity": 0.1, "region": 0.1, "activity": 0.03}


def _rows(n: int, *, signal: str, seed: int = 0) -> list[tuple[dict, int]]:
    """Decisions where only ``signal`` tells a yes from a no; the other parts are noise."""
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        label = rng.random() < 0.5
        parts = {name: rng.random() for name in CURRENT}
        parts[signal] = (0.6 if label else 0.2) + 0.3 * rng.random()
        rows.append((parts, int(label)))
    return rows


def test_the_minimum_comes_from_the_setting(settings):
    assert settings.MATCH_REFIT_MIN_DECISIONS == 300 == min_decisions()  # the default
    settings.MATCH_REFIT_MIN_DECISIONS = 120
    assert min_decisions() == 120


def test_too_few_decisions_keep_the_current_weights_and_say_why(settings):
    settings.MATCH_REFIT_MIN_DECISIONS = 300
    info = weights_from_decisions(_rows(299, signal="capacity"), CURRENT)  # a signal it would otherwise adopt
    assert (info["adopted"], info["reason_code"]) == (False, "too_few")
    assert info["reason"] == "299 decisions, 300 needed"
    assert (info["decisions"], info["min_decisions"]) == (299, 300)
    assert "weights" not in info and "train" not in info
    assert explain({"from_decisions": info}) == [
        "Not refitted from decisions: 299 decisions so far, 300 needed before a refit is tried."]


def test_random_labels_at_the_minimum_are_rarely_adopted(settings):
    """40 seeded sets of 300 decisions whose yes / no is noise: the old rule (30 decisions, any held-out
    gain of 0.01) adopted 24 of them; the significance test adopts at most a few (2.5 % expected)."""
    settings.MATCH_REFIT_MIN_DECISIONS = 300
    new = learning_bench.run_trials(weights_from_decisions, scenario="noise", size=300, trials=40, current=HAND_SET)
    old = learning_bench.run_trials(learning_bench.old_rule, scenario="noise", size=300, trials=40, current=HAND_SET)
    assert new["adopted"] <= 3
    assert old["adopted"] == 24


def test_a_strong_signal_in_an_underweighted_part_is_adopted_with_its_figures():
    info = weights_from_decisions(_rows(600, signal="capacity"), CURRENT, needed=300)
    assert (info["adopted"], info["reason_code"]) == (True, "adopted")
    assert (info["decisions"], info["train"], info["test"]) == (600, 300, 300)
    assert info["held_out_auc_refit"] > info["held_out_auc_current"] + 0.01
    low, high = info["gain_interval"]
    assert 0 < low <= info["gain"] <= high and info["p_value"] < 0.025
    assert (info["confidence"], info["resamples"]) == (0.975, 2000)
    weights = info["weights"]
    assert weights["capacity"] > weights["peers"] and weights["capacity"] > weights["text"]
    assert abs(sum(weights.values()) - sum(CURRENT.values())) < 1e-3
    words = explain({"from_decisions": info})
    assert words[0] == "Learned from 600 decisions: the older 300 to fit new weights, the newest 300 to test them."
    assert words[-1].startswith("Adopted: ")


def test_the_same_decisions_always_get_the_same_verdict():
    rows = _rows(400, signal="text", seed=3)
    assert weights_from_decisions(rows, CURRENT, needed=300) == weights_from_decisions(rows, CURRENT, needed=300)


def test_decisions_the_current_weights_already_explain_are_not_refitted():
    aligned = {"peers": 1.6, "capacity": 0.0, "text": 0.0}  # already all on the part that decides
    info = weights_from_decisions(_rows(600, signal="peers"), aligned, needed=300)
    assert info["adopted"] is False and info["reason_code"] in ("not_significant", "gain_too_small")
    assert "held_out_auc_refit" in info and "held_out_auc_current" in info and "weights" not in info
    assert explain({"from_decisions": info})[-1].startswith("Not adopted: ")


def test_all_yes_decisions_cannot_be_scored():
    rows = [({"peers": random.random(), "capacity": 0.0, "text": 0.0}, 1) for _ in range(50)]
    info = weights_from_decisions(rows, CURRENT, needed=30)
    assert info["adopted"] is False and info["reason_code"] == "one_class"
    assert "all yes or all no" in info["reason"]


def test_weighted_auc_counts_ties_half_and_resampled_decisions_as_often_as_drawn():
    pos, neg = np.array([0.9, 0.5]), np.array([0.5, 0.1])
    counts = weighted_auc(pos, neg, np.array([[1, 1], [2, 0], [0, 2]]), np.array([[1, 1], [1, 1], [2, 0]]))
    # once each: 0.9 beats both, 0.5 ties 0.5 and beats 0.1 -> 3.5 of 4; 0.9 twice -> 1; 0.5 vs 0.5 only -> 0.5
    assert counts.tolist() == [0.875, 1.0, 0.5]
    rng = np.random.default_rng(5)
    y, s = rng.random(300) < 0.3, np.round(rng.random(300), 1)  # many ties
    assert weighted_auc(s[y], s[~y], np.ones((1, y.sum())), np.ones((1, (~y).sum())))[0] == pytest.approx(
        roc_auc_score(y, s))


def test_identical_scores_show_no_gain():
    rng = np.random.default_rng(1)
    y, s = (rng.random(200) < 0.4).astype(int), rng.random(200)
    test = auc_gain_test(y, s, 2 * s)  # the same order
    assert (test["gain"], test["lower"], test["upper"], test["p_value"]) == (0.0, 0.0, 0.0, 1.0)


@pytest.mark.parametrize("scenario", ["noise", "signal"])
def test_the_bench_reports_a_row_per_scenario(settings, scenario):
    settings.MATCH_REFIT_MIN_DECISIONS = 300
    row = learning_bench.run_trials(weights_from_decisions, scenario=scenario, size=300, trials=3, current=HAND_SET,
                                    strength=3.0)
    assert (row["scenario"], row["decisions"], row["trials"]) == (scenario, 300, 3)
    assert 0 <= row["adopted"] <= 3 and row["adoption_rate"] == round(row["adopted"] / 3, 4)
    if scenario == "signal":
        assert row["adopted"] == 3 and row["true_auc"] > 0.8 and row["rho_adopted"] > row["rho_current"]
