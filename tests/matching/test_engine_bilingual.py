"""The engine against the hand-written bilingual sets (tests/data/bilingual, and tests/data/bilingual2, written
later, without reading the engine, and never tuned on): it must beat the multilingual encoder alone and word
TF-IDF alone, overall and across languages (no DB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from matching.engine.variants import ENCODER_ONLY, TFIDF_ONLY, table

DATA = Path(__file__).resolve().parents[1] / "data"
BILINGUAL = DATA / "bilingual" / "bilingual-set.jsonl"
BILINGUAL2 = DATA / "bilingual2" / "bilingual-set.jsonl"


@pytest.fixture(scope="module", params=[BILINGUAL, BILINGUAL2], ids=["set1", "set2"])
def figures(request, tmp_path_factory):
    path = request.param
    assert path.exists(), f"the committed bilingual set is missing: {path}"
    mp = pytest.MonkeyPatch()
    mp.setenv("CLUSTERLINK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    try:
        return table(path, {"engine": None, "encoder": ENCODER_ONLY, "tfidf": TFIDF_ONLY})
    finally:
        mp.undo()


def test_engine_beats_encoder_alone_and_tfidf_alone(figures):
    eng, enc, tfidf = figures["engine"]["all"], figures["encoder"]["all"], figures["tfidf"]["all"]
    assert eng["recall@10"] >= enc["recall@10"] and eng["mrr"] > enc["mrr"]
    assert eng["recall@10"] > tfidf["recall@10"] and eng["mrr"] > tfidf["mrr"]


def test_engine_finds_partners_across_languages(figures):
    for direction in ("ko->en", "en->ko"):
        eng = figures["engine"][direction]
        assert eng["queries"] >= 20
        assert eng["recall@10"] >= figures["tfidf"][direction]["recall@10"]
        assert eng["mrr"] >= figures["encoder"][direction]["mrr"]
        assert eng["recall@10"] >= 0.8
