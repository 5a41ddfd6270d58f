"""The pure mentor model: topical preference, hand-computed soft signals, the per-corpus cache."""

from __future__ import annotations

import numpy as np
import pytest

from matching.engine.types import Listing
from mentoring.ranking import MODELS, Mentor, MentorCorpus, ModelCache, Publication, fit, minilm
from mentoring.ranking.convert import english_view, facet_set, mentor_facets
from mentoring.ranking.encoders import choose_encoders


def _need(lid: str, title: str, desc: str = "", **kw) -> Listing:
    return Listing(id=lid, org="f1", side="need", title=title, description=desc, **kw)


GENOMICS = Mentor(id="gen", publications=(
    Publication("Single-cell RNA sequencing of tumour microenvironments",
                "We profile gene expression of immune cells with single-cell RNA sequencing."),
    Publication("Genome-wide CRISPR screens identify drug resistance genes",
                "CRISPR knockout screens reveal genes driving resistance in cancer cell lines."),
))
ORTHO = Mentor(id="ortho", publications=(
    Publication("Robotic knee arthroplasty outcomes", "Robotic-assisted total knee replacement improved alignment."),
    Publication("Hip fracture surgery in older adults", "Early surgery after hip fracture reduced mortality."),
))
NEEDS = [
    _need("n_gen", "Single-cell sequencing platform", "Our startup builds single-cell RNA sequencing kits for tumour immunology."),
    _need("n_ortho", "Knee implant navigation", "We make a navigation robot for knee replacement surgery."),
]


@pytest.mark.parametrize("use_embeddings", [True, False])
def test_prefers_the_mentor_whose_publications_are_on_topic(use_embeddings: bool) -> None:
    model = fit(MentorCorpus(mentors=[ORTHO, GENOMICS], needs=NEEDS), use_embeddings=use_embeddings)
    ranked = model.rank(NEEDS, top=0)
    assert [r[0][0] for r in ranked] == ["gen", "ortho"]
    parts = model.parts(NEEDS)
    gen, ortho = model.index["gen"], model.index["ortho"]
    assert parts["lexical"][0, gen] > parts["lexical"][0, ortho]
    if use_embeddings:
        assert parts["semantic"][0, gen] > parts["semantic"][0, ortho]
        assert parts["semantic"][1, ortho] > parts["semantic"][1, gen]
    else:
        assert not parts["semantic"].any()


def test_facet_and_language_parts_hand_computed() -> None:
    mentor = Mentor(id="m", therapeutic_areas=("Oncology", "Cardiology"), languages=("en",))
    need = _need("n", "", therapeutic_areas=("oncology",), technologies=("biologic",), lang="ko")
    # need: ta:oncology, taw:oncology, tech:biologic; mentor: ta/taw oncology + ta/taw cardiology
    assert facet_set(need) == {"ta:oncology", "taw:oncology", "tech:biologic"}
    assert mentor_facets(mentor) == {"ta:oncology", "taw:oncology", "ta:cardiology", "taw:cardiology"}
    model = fit(MentorCorpus(mentors=[mentor, GENOMICS]), use_embeddings=False)
    parts = model.parts([need])
    assert parts["facets"][0, 0] == pytest.approx(2 / np.sqrt(3 * 4))
    assert parts["language"][0].tolist() == [-1.0, 0.0]  # GENOMICS states no language: no signal
    w = model.weights
    assert model.scores([need])[0, 0] == pytest.approx(w["facets"] * 2 / np.sqrt(12) - w["language"])


def test_english_view_of_korean_text_uses_the_bridge() -> None:
    view = english_view("유방암 환자 PD-1 임상")
    assert "breast cancer" in view.lower()
    assert "PD-1" in view
    assert english_view("plain English") == "plain English"


def test_scores_of_a_need_do_not_depend_on_the_other_needs() -> None:
    model = fit(MentorCorpus(mentors=[ORTHO, GENOMICS], needs=NEEDS), use_embeddings=False)
    both = model.scores(NEEDS)
    alone = model.scores(NEEDS[1:])
    np.testing.assert_allclose(both[1], alone[0])


def test_mentor_without_text_gets_zero_text_parts() -> None:
    empty = Mentor(id="empty")
    model = fit(MentorCorpus(mentors=[empty, GENOMICS], needs=NEEDS), use_embeddings=False)
    parts = model.parts(NEEDS)
    assert parts["lexical"][:, 0].tolist() == [0.0, 0.0]


def test_cache_keeps_one_model_per_corpus() -> None:
    cache = ModelCache()
    built: list[str] = []

    def build(name: str):
        return lambda: built.append(name) or name

    assert cache.get("partners", "k1", build("p1")) == "p1"
    assert cache.get("mentors", "k1", build("m1")) == "m1"
    # neither evicts the other
    assert cache.get("partners", "k1", build("p-again")) == "p1"
    assert cache.get("mentors", "k1", build("m-again")) == "m1"
    # a changed key refits only its own corpus; fresh=False accepts the warm model
    assert cache.get("mentors", "k2", build("m2")) == "m2"
    assert cache.get("mentors", "k3", build("m3"), fresh=False) == "m2"
    assert cache.get("partners", "k1", build("p-again")) == "p1"
    assert built == ["p1", "m1", "m2"] and cache.fits == 3
    assert cache.key_of("mentors") == "k2"
    cache.clear("mentors")
    assert cache.key_of("mentors") is None and cache.key_of("partners") == "k1"
    assert isinstance(MODELS, ModelCache)


def test_basic_tokenizer_matches_bert_rules() -> None:
    assert minilm.basic_tokens("Hello, naïve BRCA1-mutated\tcells!") == [
        "hello", ",", "naive", "brca1", "-", "mutated", "cells", "!"]
    assert minilm.basic_tokens("中文 text") == ["中", "文", "text"]


def test_encoder_choice_follows_what_is_installed(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("CLUSTERLINK_MINILM_DIR", str(tmp_path))  # no weights there
    primary, multi = choose_encoders(True)
    assert multi is None  # USE, if installed, becomes the one encoder of every pair
    assert primary is None or primary.name == "use"
    assert choose_encoders(False) == (None, None)


@pytest.mark.skipif(minilm.model_dir() is None, reason="all-MiniLM-L6-v2 weights package not installed")
def test_minilm_embeddings_are_normalised_and_topical() -> None:
    model = minilm.load()
    emb = model.encode(["breast cancer immunotherapy", "PD-1 blockade in breast tumours", "knee replacement robot"])
    np.testing.assert_allclose(np.linalg.norm(emb, axis=1), 1.0, atol=1e-5)
    assert emb[0] @ emb[1] > emb[0] @ emb[2] + 0.2
    assert model.token_ids("hello")[0] == model.vocab["[CLS]"]
    assert len(model.token_ids("word " * 1000)) == minilm.MAX_TOKENS
