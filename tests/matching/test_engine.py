"""The pure matching engine and its offline commands, on small synthetic exchange files (no DB)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from matching.engine import ExchangeError, Listing, fit, parse_records, read_exchange
from matching.engine.exposure import apply_exposure_cap
from matching.engine.metrics import evaluate_rankings
from matching.engine.offline import rank_file, read_truth

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score_partners.py"


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CLUSTERLINK_CACHE_DIR", str(tmp_path / "cache"))


def org(oid, kind, **kw):
    return {"type": "organization", "id": oid, "kind": kind, "name": kw.pop("name", oid.upper()), **kw}


def listing(lid, oid, side, title, desc="", **kw):
    return {"type": "listing", "id": lid, "org": oid, "side": side, "title": title, "description": desc,
            "partnership_types": kw.pop("pt", ["clinical_trial"]), **kw}


def link(a, b, split="known"):
    return {"type": "link", "a": a, "b": b, "kind": "partnership", "split": split}


def corpus() -> list[dict]:
    recs = [
        org("f1", "firm"), org("f2", "firm"), org("f3", "firm"),
        org("h1", "hospital", region="Seoul", country="KR"), org("h2", "hospital", region="Busan", country="KR"),
        org("h3", "hospital", region="Boston", country="US"), org("u1", "university", region="Seoul", country="KR"),
        org("s1", "service"), org("i1", "investor"),
        listing("n1", "f1", "need", "Breast cancer trial sites", "HER2 positive breast cancer antibody study",
                therapeutic_areas=["Breast Neoplasms"], technologies=["biological"]),
        listing("n2", "f2", "need", "Diabetes insulin pump validation", "type 2 diabetes glucose monitoring device",
                therapeutic_areas=["Diabetes Mellitus"], technologies=["device"]),
        listing("n3", "f3", "need", "Breast cancer chemotherapy", "metastatic breast cancer taxane chemotherapy"),
        listing("c1", "h1", "capability", "Breast cancer clinical trials", "oncology unit, HER2 breast cancer"),
        listing("c2", "h2", "capability", "Diabetes clinic", "type 2 diabetes insulin and glucose devices"),
        listing("c3", "h3", "capability", "Cardiology", "heart failure and arrhythmia trials"),
        listing("c4", "u1", "capability", "Cancer antibody research", "antibody engineering for breast tumours"),
        listing("c5", "s1", "capability", "Breast cancer CRO", "we run breast cancer antibody studies"),
        listing("c6", "i1", "capability", "Oncology fund", "we invest in breast cancer antibody firms"),
        link("f3", "h1"), link("f2", "h3"), link("f1", "u1"),
    ]
    return recs


def write(path: Path, recs: list[dict]) -> Path:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for r in recs:
            fh.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")
    return path


def dataset(recs):
    return parse_records((f"rec:{i}", r) for i, r in enumerate(recs, 1))


def test_rank_identical_with_and_without_test_links(tmp_path):
    plain = write(tmp_path / "a.jsonl", corpus())
    extra = [*corpus(), link("f1", "h1", "test"), link("f2", "h2", "test"), link("f1", "h2", "holdout")]
    with_test = write(tmp_path / "b.jsonl.gz", extra)
    assert rank_file(plain, top=10).rankings == rank_file(with_test, top=10).rankings


def test_rank_never_self_and_only_hospitals_or_universities():
    model = fit(dataset(corpus()))
    for oid in ("f1", "f2", "f3"):
        ranked = model.rank_for_org(oid, top=50)
        ids = [c.org_id for c in ranked]
        assert oid not in ids
        assert {model.orgs[model.org_index[i]].kind for i in ids} <= {"hospital", "university"}
        assert len(ids) == len(set(ids)) == 4


def test_rank_known_partner_only_after_all_others():
    model = fit(dataset(corpus()))
    ids = [c.org_id for c in model.rank_for_org("f1", top=50)]
    assert ids[-1] == "u1"  # the known partner comes last, though its text matches best
    assert "u1" not in [c.org_id for c in model.rank_for_org("f1", top=3)]


def test_rank_known_partner_returned_when_nothing_else_remains():
    recs = [org("f1", "firm"), org("h1", "hospital"), listing("n1", "f1", "need", "x ray"),
            listing("c1", "h1", "capability", "x ray"), link("f1", "h1")]
    assert [c.org_id for c in fit(dataset(recs)).rank_for_org("f1")] == ["h1"]


def test_capacity_facts_rank_phase1_fast_starter_first():
    base = {"country": "KR", "region": "Seoul", "trials_per_year": 40}
    recs = [
        org("f1", "firm"),
        org("slow", "hospital", trial_phases=["2", "3"], irb_days=90, **base),
        org("fast", "hospital", trial_phases=["1", "2"], irb_days=21, **base),
        listing("n1", "f1", "need", "Trial site", "a phase 1 site that can start within 8 weeks"),
        listing("c1", "slow", "capability", "Oncology trials", "oncology clinical trial unit"),
        listing("c2", "fast", "capability", "Oncology trials", "oncology clinical trial unit"),
    ]
    ranked = fit(dataset(recs)).rank_for_org("f1")
    assert [c.org_id for c in ranked] == ["fast", "slow"]
    assert ranked[0].parts["capacity"] > ranked[1].parts["capacity"]
    facts = " ".join(ranked[0].explanation["capacity"])
    assert "phase 1" in facts and "21 days" in facts


def test_korean_need_finds_english_capability_and_reverse():
    recs = [
        org("f1", "firm"), org("f2", "firm"),
        org("h1", "hospital"), org("h2", "hospital"), org("h3", "hospital"),
        listing("n1", "f1", "need", "유방암 임상시험 기관", "HER2 양성 유방암 항체 치료제의 제1상 임상시험을 수행할 병원을 찾습니다.",
                lang="ko"),
        listing("n2", "f2", "need", "Diabetes device validation", "clinical validation of a glucose monitoring "
                "device for type 2 diabetes", pt=["clinical_validation"]),
        listing("c1", "h1", "capability", "Breast cancer trial unit", "phase 1 trials of antibody drugs for breast cancer"),
        listing("c2", "h2", "capability", "Cardiology", "heart failure, arrhythmia and hypertension studies"),
        listing("c3", "h3", "capability", "당뇨병 임상 검증", "제2형 당뇨병 환자 대상 혈당 모니터링 의료기기 임상 검증", lang="ko"),
    ]
    model = fit(dataset(recs))
    top = model.rank_for_org("f1")[0]
    assert top.org_id == "h1"
    bridged = [t for t in top.explanation["terms"] if t.get("ko") and t.get("en")]
    assert any(t["en"] == "breast" and t["ko"] == "유방암" for t in bridged)
    assert model.rank_for_org("f2")[0].org_id == "h3"


def test_explanation_present_for_every_candidate_and_never_a_bare_number():
    model = fit(dataset(corpus()))
    for oid in ("f1", "f2", "f3"):
        for cand in model.rank_for_org(oid):
            assert cand.explanation, cand.org_id
            assert all(not isinstance(v, (int, float)) for v in cand.explanation.values())
            assert set(cand.parts) >= {"text", "peers", "popularity", "capacity"}


def test_rank_for_need_and_new_listing():
    model = fit(dataset(corpus()))
    cands = {c.org_id: c for c in model.rank_for_need("n2")}
    assert max(cands.values(), key=lambda c: c.parts["text_max"] + c.parts["embed"]).org_id == "h2"
    assert cands["h2"].supporting_listing_ids == ["c2"]
    fresh = Listing(id="new", org="f3", side="need", title="Heart failure", description="arrhythmia device trial")
    cands = model.rank_for_listing(fresh, top=2)
    assert cands[0].org_id == "h3" and cands[0].supporting_listing_ids == ["c3"]


@pytest.mark.parametrize(("line", "message"), [
    ('{"type": "organization", "id": "f1", "kind": "firm"', "line 2: not valid JSON"),
    ('{"type": "organization", "id": "h1", "kind": "hospital"}', "line 2: duplicate organization id 'h1'"),
    ('{"type": "listing", "id": "c1", "org": "h1", "side": "capability"}', "line 3: duplicate listing id 'c1'"),
    ('{"type": "organization", "id": "x", "kind": "spaceship"}', "line 2: unknown organization kind"),
    ('{"type": "listing", "id": "z", "org": "h1", "side": "need", "partnership_types": ["teleport"]}',
     "line 2: unknown partnership type"),
    ('{"type": "organization", "id": "h9", "kind": "hospital", "irb_days": "soon"}', "line 2: 'irb_days' must be a number"),
])
def test_bad_input_names_the_line(tmp_path, line, message):
    path = write(tmp_path / "bad.jsonl", [org("h1", "hospital"), line, listing("c1", "h1", "capability", "t")])
    with pytest.raises(ExchangeError, match=message.replace("(", r"\(")):
        read_exchange(path)
    with pytest.raises(CommandError, match=message.split(":")[0]):
        call_command("rank_partners", "--data", str(path), stdout=StringIO())


def test_empty_and_huge_descriptions_and_unknown_facets_do_not_crash(tmp_path):
    recs = [
        *corpus(),
        listing("e1", "h2", "capability", "", ""),
        listing("e2", "h3", "capability", "Giant", "cardiology " * 50_000, therapeutic_areas=["Made-up Area 51"]),
        listing("e3", "f1", "need", "Odd facets", "x", therapeutic_areas=["없는 분야"], technologies=["warp drive"]),
    ]
    data = read_exchange(write(tmp_path / "odd.jsonl", recs))
    assert any("no title or description" in w for w in data.warnings)
    assert any("only the first" in w for w in data.warnings)
    assert fit(data).rank_for_org("f1")


def test_metrics_match_score_partners(tmp_path):
    recs = [*corpus(), link("f1", "h1", "test"), link("f1", "h2", "test"), link("f2", "h2", "test"), link("f3", "u1", "test")]
    data_path = write(tmp_path / "d.jsonl", recs)
    rankings = {"f1": ["h3", "u1", "h2", "f1", "h2", "s1", "h1"], "f2": ["h1", "h3"]}  # f3 missing
    rank_path = write(tmp_path / "r.jsonl", [{"query": q, "ranked": r} for q, r in rankings.items()])
    kinds, known, test = read_truth(data_path)
    mine = evaluate_rankings(kinds, known, test, rankings, k=2)
    assert mine == {"queries": 3, "recall@2": 0.1667, "recall@50": 0.3333, "mrr": 0.1667, "ndcg@2": 0.129,
                    "missing_queries": 1}
    if SCORER.exists():  # shared/ lies beside the repository on developer machines and in CI
        out = subprocess.run([sys.executable, str(SCORER), str(data_path), str(rank_path), "--k", "2"],
                             capture_output=True, text=True, check=True).stdout
        assert json.loads(out) == mine


def test_evaluate_matching_equals_scorer_on_rank_partners_output(tmp_path):
    recs = [*corpus(), link("f1", "h1", "test"), link("f2", "h2", "test"), link("f3", "u1", "test")]
    data_path = write(tmp_path / "d.jsonl", recs)
    ranked = StringIO()
    call_command("rank_partners", "--data", str(data_path), stdout=ranked)
    lines = [json.loads(x) for x in ranked.getvalue().splitlines()]
    assert [x["query"] for x in lines] == ["f1", "f2", "f3"]
    evaluated = StringIO()
    call_command("evaluate_matching", "--data", str(data_path), stdout=evaluated, stderr=StringIO())
    result = json.loads(evaluated.getvalue())
    kinds, known, test = read_truth(data_path)
    expected = evaluate_rankings(kinds, known, test, {x["query"]: x["ranked"] for x in lines}, k=10)
    assert result == expected


def test_exposure_cap_limits_how_often_an_org_is_proposed():
    rankings = {f"f{i}": ["big", "mid", f"own{i}", "x", "y"] for i in range(6)}
    capped = apply_exposure_cap(rankings, cap=2, top=2)
    counts = {}
    for ranked in capped.values():
        assert len(ranked) == 2
        for oid in ranked:
            counts[oid] = counts.get(oid, 0) + 1
    assert counts["big"] == 2 and counts["mid"] == 2


def test_refit_reports_why_it_kept_the_defaults():
    model = fit(dataset(corpus()), refit=True)
    assert model.weights_info["adopted"] is False
    assert "reason" in model.weights_info


@pytest.mark.parametrize("recs", [
    [],
    [org("f1", "firm"), org("h1", "hospital")],
    [org("f1", "firm"), org("i1", "investor"), link("f1", "i1")],
])
def test_degenerate_files_rank_without_crashing(tmp_path, recs):
    out = StringIO()
    call_command("rank_partners", "--data", str(write(tmp_path / "x.jsonl", recs)), stdout=out)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert all(set(x["ranked"]) <= {"h1"} for x in lines)
