"""Young-cluster behaviour of the engine: topical fit before capacity facts, newcomers proposed on
their capabilities alone, and rank_partners on a file with no links (no DB)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from matching.engine import fit, parse_records
from matching.engine.ranking import merge_lane
from matching.engine.scores import TOPICAL


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CLUSTERLINK_CACHE_DIR", str(tmp_path / "cache"))


def org(oid, kind, **kw):
    return {"type": "organization", "id": oid, "kind": kind, "name": oid.upper(), **kw}


def listing(lid, oid, side, title, desc=""):
    return {"type": "listing", "id": lid, "org": oid, "side": side, "title": title, "description": desc,
            "partnership_types": ["clinical_trial"]}


def link(a, b):
    return {"type": "link", "a": a, "b": b, "kind": "partnership", "split": "known"}


def dataset(recs):
    return parse_records((f"rec:{i}", r) for i, r in enumerate(recs, 1))


def test_off_topic_phase1_hospital_ranks_below_on_topic_one():
    recs = [
        org("f1", "firm"),
        # off-topic: runs phase 1 trials, starts fast, many trials a year; cardiology only
        org("cardio", "hospital", trial_phases=["1", "2", "3"], irb_days=14, trials_per_year=200),
        # on-topic: oncology, phase 2/3 only (a mismatch with the phase 1 ask), slow ethics board
        org("onco", "hospital", trial_phases=["2", "3"], irb_days=90),
        listing("n1", "f1", "need", "Phase 1 breast cancer antibody trial",
                "a phase 1 site for a HER2 breast cancer antibody that can start within 4 weeks"),
        listing("c1", "cardio", "capability", "Heart failure unit", "heart failure and arrhythmia device studies"),
        listing("c2", "onco", "capability", "Breast cancer centre", "HER2 breast cancer antibody studies"),
    ]
    model = fit(dataset(recs))
    ranked = model.rank_for_org("f1")
    assert [c.org_id for c in ranked] == ["onco", "cardio"]
    off = ranked[1]
    # cardio's raw capacity fit is 1.0 (phase 1 +0.5, 14-day ethics in a 28-day window +0.5, volume
    # +0.1, clipped); it counts only in proportion to its topical fit, which here is the shared
    # partnership type alone (no shared word)
    w = model.weights
    topic = sum(w[k] * off.parts[k] for k in TOPICAL) / sum(w[k] for k in TOPICAL)
    assert off.parts["text"] == 0.0 and topic < 0.2
    assert off.parts["capacity"] == pytest.approx(topic, abs=1e-5)
    assert ranked[0].parts["capacity"] < 0  # the on-topic site's phase mismatch still counts against it
    assert "phase 1" in " ".join(off.explanation["capacity"])  # the facts are still shown


def _network(n_warm: int = 14) -> list[dict]:
    """A firm whose peer partnered with many cardiology sites; one oncology newcomer with no link."""
    recs = [org("f1", "firm"), org("f2", "firm"), org("new", "hospital"),
            listing("n1", "f1", "need", "Breast cancer antibody trial", "HER2 breast cancer antibody sites"),
            listing("n2", "f2", "need", "Breast cancer antibody study", "HER2 breast cancer antibody"),
            listing("cn", "new", "capability", "Breast cancer unit", "HER2 breast cancer antibody trials")]
    for i in range(n_warm):
        recs += [org(f"h{i}", "hospital"),
                 listing(f"c{i}", f"h{i}", "capability", "Cardiology", f"heart failure registry {i}"),
                 link("f2", f"h{i}")]
    return recs


def test_newcomer_is_proposed_on_its_capabilities_alone():
    model = fit(dataset(_network()))
    ranked = model.rank_for_org("f1", top=20)
    ids = [c.org_id for c in ranked]
    assert "new" in ids[:12]  # the lane's first position
    cand = ranked[ids.index("new")]
    assert cand.parts["peers"] == 0.0 and cand.parts["popularity"] == 0.0
    assert cand.parts["text"] == 1.0  # it is there on capability fit, not on history
    assert "new_to_network" in cand.explanation


def test_lane_positions_are_fixed_and_main_order_kept():
    assert merge_lane([1, 2, 3, 4, 5], [9, 8], (2, 4), 5) == [1, 9, 2, 8, 3]
    assert merge_lane([1, 9, 2], [9, 7], (1,), 3) == [9, 1, 2]  # no duplicate when main has it too
    assert merge_lane([1], [7, 8], (5,), 3) == [1, 7, 8]  # main exhausted: the lane fills the rest


def test_weak_peer_signal_is_not_scaled_up():
    recs = _network(3)
    recs[4]["title"] = "Acne cream"  # f2's need no longer reads like f1's
    recs[4]["description"] = "cosmetic dermatology moisturiser"
    parts = {c.org_id: c.parts for c in fit(dataset(recs)).rank_for_org("f1", top=10)}
    assert max(p["peers"] for p in parts.values()) < 0.5


def test_rank_partners_prints_every_firm_with_no_links(tmp_path):
    recs = [r for r in _network(3) if r["type"] != "link"] + [org("f3", "firm")]
    path = tmp_path / "nolinks.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    out = StringIO()
    call_command("rank_partners", "--data", str(path), "--top", "5", stdout=out)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["query"] for x in lines] == ["f1", "f2", "f3"]
    assert lines[0]["ranked"][0] == "new"  # topical fit decides on the first day
    assert lines[2]["ranked"]  # a firm without needs still gets a line (activity prior)
