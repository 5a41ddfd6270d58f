"""Language-aware topical weights (USE leads across Korean/English, lexical within a language) and
the new-to-the-network lane as a ranking parameter (the page's 5 proposals + 2 newcomers); no DB."""

from __future__ import annotations

import numpy as np
import pytest

from matching.engine import fit
from matching.engine.language import CROSS_SHIFT, cross_share, ko_share, part_weight
from matching.engine.ranking import LANE_POSITIONS, merge_lane_marked

from .test_young_cluster import _network, dataset, listing, org


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CLUSTERLINK_CACHE_DIR", str(tmp_path / "cache"))


def test_ko_share_and_cross_share_by_hand():
    # org 0: one Korean, one English capability; org 1: none; org 2: one Korean
    share = ko_share(["ko", "en", "ko"], np.array([0, 0, 2]), 3)
    assert share.tolist() == [0.5, 0.0, 1.0]
    has = np.array([True, False, True])
    # one Korean need: cross = share of English capabilities; an org without capabilities is 0
    assert cross_share(["유방암 임상시험 기관을 찾습니다"], share, has).tolist() == [0.5, 0.0, 0.0]
    # one English need: cross = share of Korean capabilities
    assert cross_share(["breast cancer trial site"], share, has).tolist() == [0.5, 0.0, 1.0]
    # a Korean and an English need: every pair of org 2 is cross-language for one of the two
    both = cross_share(["유방암 임상시험 기관을 찾습니다", "breast cancer site"], share, has)
    assert both.tolist() == [0.5, 0.0, 0.5]


def test_part_weight_moves_linearly_to_the_cross_language_multiplier():
    w = {"embed": 0.1, "text": 0.2}
    cross = np.array([0.0, 0.5, 1.0])
    shift = CROSS_SHIFT["embed"]
    assert shift > 1.0  # USE weighs more across languages
    assert part_weight(w, "embed", cross) == pytest.approx([0.1, 0.1 * (1 + (shift - 1) / 2), 0.1 * shift])
    assert part_weight(w, "text", cross) == 0.2  # lexical keeps its weight
    assert part_weight(w, "embed", np.zeros(3)) == 0.1  # one language: the hand-set weights


def _bilingual_records() -> list[dict]:
    recs = [org("f1", "firm"), org("en1", "hospital"), org("en2", "hospital"), org("ko1", "hospital")]
    recs += [
        {**listing("n1", "f1", "need", "유방암 항체 임상시험 기관", "HER2 유방암 항체 1상 임상시험을 할 병원을 찾습니다"),
         "lang": "ko"},
        {**listing("c1", "en1", "capability", "Breast cancer centre", "HER2 breast cancer antibody trials"),
         "lang": "en"},
        {**listing("c2", "en2", "capability", "Heart failure unit", "heart failure device registry"), "lang": "en"},
        {**listing("c3", "ko1", "capability", "피부과 임상", "아토피 피부염 임상시험을 합니다"), "lang": "ko"},
    ]
    return recs


def test_cross_language_candidate_gets_the_multiplied_use_weight():
    model = fit(dataset(_bilingual_records()))
    w = model.weights
    by_id = {c.org_id: c for c in model.rank_for_org("f1", top=10)}
    for oid, cross in (("en1", 1.0), ("en2", 1.0), ("ko1", 0.0)):
        p = by_id[oid].parts
        expected = sum(w[k] * p[k] for k in p) + (CROSS_SHIFT["embed"] - 1.0) * cross * w["embed"] * p["embed"]
        assert by_id[oid].score == pytest.approx(expected, abs=1e-5)
    assert by_id["en1"].parts["embed"] > 0  # the multiplier is not vacuous here


def test_lane_marks_only_what_it_placed():
    # 9 is a newcomer the main order already placed first: main section, not the lane
    out, from_lane = merge_lane_marked([9, 1, 2, 3], [9, 7], (3,), 4)
    assert out == [9, 1, 7, 2] and from_lane == {7}
    out, from_lane = merge_lane_marked([1], [7, 8], (5,), 3)  # main exhausted: the lane fills
    assert out == [1, 7, 8] and from_lane == {7, 8}


def test_default_lane_leaves_the_main_top_eleven_alone():
    # The page shows the first 5 main proposals and the lane's first two (merged positions 12 and 14).
    assert tuple(range(12, 51, 2)) == LANE_POSITIONS


@pytest.mark.parametrize(("positions", "where"), [((6, 7), 6), ((3,), 3), ((1,), 1)])
def test_lane_positions_parameter_places_and_flags_the_newcomer(positions, where):
    model = fit(dataset(_network()))
    ranked = model.rank_for_org("f1", top=10, lane_positions=positions, explain=0)
    ids = [c.org_id for c in ranked]
    assert ids.index("new") == where - 1
    flagged = [c.org_id for c in ranked if c.explanation.get("new_to_network") is True]
    assert flagged == ["new"]  # set even when explanations are off (explain=0)


def test_only_a_fitting_newcomer_enters_the_lane():
    recs = [*_network(), org("weak", "hospital"),
            listing("cw", "weak", "capability", "Dermatology", "acne cream cosmetic testing")]
    model = fit(dataset(recs))
    ranked = model.rank_for_org("f1", top=10, explain=0, lane_positions=(6, 7))
    flagged = [c.org_id for c in ranked if c.explanation.get("new_to_network")]
    assert flagged == ["new"]  # the off-topic newcomer does not take the page's 7th slot
    assert ranked[6].org_id != "weak" and "weak" not in [c.org_id for c in ranked]


def test_no_lane_leaves_the_newcomer_unflagged_and_out_of_the_top():
    model = fit(dataset(_network()))
    ranked = model.rank_for_org("f1", top=10, lane_positions=())
    assert "new" not in [c.org_id for c in ranked]
    assert not any("new_to_network" in c.explanation for c in ranked)
    page = model.rank_for_need("n1", top=7, lane_positions=(6, 7))  # a lane at 6: the newcomer holds it
    assert page[5].org_id == "new" and page[5].explanation["new_to_network"] is True
