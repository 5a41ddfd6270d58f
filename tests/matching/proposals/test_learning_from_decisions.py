"""The refit from people's decisions: held-out by time, adopted only when it ranks better."""

import random

from matching.proposals.learning import MIN_DECISIONS, weights_from_decisions

CURRENT = {"peers": 1.0, "capacity": 0.1, "text": 0.5}


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


def test_too_few_decisions_keep_the_current_weights():
    info = weights_from_decisions(_rows(MIN_DECISIONS - 1, signal="capacity"), CURRENT)
    assert info["adopted"] is False
    assert info["reason"] == f"{MIN_DECISIONS - 1} decisions, {MIN_DECISIONS} needed"
    assert "weights" not in info


def test_decisions_that_follow_an_underweighted_part_move_the_weights_there():
    info = weights_from_decisions(_rows(200, signal="capacity"), CURRENT)
    assert info["adopted"] is True
    assert info["held_out_auc_refit"] > info["held_out_auc_current"] + 0.01
    assert (info["train"], info["test"]) == (140, 60)
    weights = info["weights"]
    assert weights["capacity"] > weights["peers"] and weights["capacity"] > weights["text"]
    assert abs(sum(weights.values()) - sum(CURRENT.values())) < 1e-3


def test_decisions_the_current_weights_already_explain_are_not_refitted():
    aligned = {"peers": 1.6, "capacity": 0.0, "text": 0.0}  # already all on the part that decides
    info = weights_from_decisions(_rows(200, signal="peers"), aligned)
    assert info["adopted"] is False
    assert "held_out_auc_refit" in info and "held_out_auc_current" in info


def test_all_yes_decisions_cannot_be_scored():
    rows = [({"peers": random.random(), "capacity": 0.0, "text": 0.0}, 1) for _ in range(50)]
    info = weights_from_decisions(rows, CURRENT)
    assert info["adopted"] is False and "all yes or all no" in info["reason"]
