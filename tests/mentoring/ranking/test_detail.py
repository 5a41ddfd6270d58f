"""The sentence-level ("detail") part of the mentor model: hand-computed with a keyword encoder,
and on real MiniLM embeddings the case it exists for (one matching paper beats a closer centroid)."""

from __future__ import annotations

import numpy as np
import pytest

from matching.engine.types import Listing
from mentoring.ranking import Mentor, MentorCorpus, Publication, fit, minilm
from mentoring.ranking import model as model_mod
from mentoring.ranking.convert import MAX_SENTENCES, sentences
from mentoring.ranking.encoders import Encoder

KEYWORDS = ("alpha", "beta", "gamma", "delta")


def _keyword_embed(texts: list[str]) -> np.ndarray:
    """One axis per keyword, L2-normalised; a text without a keyword is the zero vector."""
    mat = np.array([[float(k in t.lower()) for k in KEYWORDS] for t in texts], dtype=np.float32).reshape(-1, 4)
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    return mat / np.where(norms == 0, 1.0, norms)


@pytest.fixture
def keyword_encoder(monkeypatch) -> Encoder:
    enc = Encoder("keywords", "test-1", True, _keyword_embed)
    monkeypatch.setattr(model_mod, "choose_encoders", lambda use_embeddings=True: (enc, None))
    return enc


def _need(lid: str, title: str, desc: str = "") -> Listing:
    return Listing(id=lid, org="f1", side="need", title=title, description=desc)


def test_sentences_split_on_ends_and_lines() -> None:
    assert sentences("A title here\nFirst sentence. Second one? Third!  Ok.") == [
        "A title here", "First sentence.", "Second one?", "Third!"]  # "Ok." is a fragment (<= 3 chars)
    assert sentences("유방암 임상입니다. 자문이 필요합니다.") == ["유방암 임상입니다.", "자문이 필요합니다."]
    assert sentences("  ") == []
    assert sentences("ok") == ["ok"]  # too short to split, still the text
    assert len(sentences("Sentence number. " * 200)) == MAX_SENTENCES


def test_detail_is_the_mean_over_need_sentences_of_the_best_mentor_sentence(keyword_encoder) -> None:
    # m1 wrote about alpha (one sentence) and gamma; m2 about beta and delta, in one sentence
    m1 = Mentor(id="m1", publications=(Publication("Alpha methods", "Gamma results are shown."),))
    m2 = Mentor(id="m2", publications=(Publication("Beta and delta", ""),))
    empty = Mentor(id="empty")
    need = _need("n", "Alpha study", "We need beta work.")  # sentences: [alpha], [beta]
    model = fit(MentorCorpus(mentors=[m1, m2, empty], needs=[need]))
    parts = model.parts([need])
    # m1: alpha -> 1.0, beta -> 0.0; m2: alpha -> 0.0, beta -> cos([0,1,0,0], [0,1,0,1]/sqrt2)
    np.testing.assert_allclose(parts["detail"][0], [0.5, 0.5 / np.sqrt(2), 0.0], atol=1e-6)
    # the centroid part sees m1's profile (alpha+gamma) and m2's (beta+delta) as equally far
    assert parts["semantic"][0, 0] == pytest.approx(parts["semantic"][0, 1], abs=1e-6)
    w = model.weights
    expected = w["semantic"] * parts["semantic"][0] + w["detail"] * parts["detail"][0] + w["lexical"] * parts["lexical"][0]
    np.testing.assert_allclose(model.scores([need])[0], expected, atol=1e-9)
    assert model.rank([need], top=0)[0][0][0] == "m1"


def test_detail_scores_are_absolute_across_needs(keyword_encoder) -> None:
    mentor = Mentor(id="m", publications=(Publication("Alpha", "Beta."),))
    other = Mentor(id="o", publications=(Publication("Gamma", ""),))
    full = _need("full", "Alpha.", "Beta.")  # every sentence matches: 1.0
    half = _need("half", "Alpha.", "Delta.")  # one of two: 0.5
    none = _need("none", "")  # no text: 0
    model = fit(MentorCorpus(mentors=[mentor, other], needs=[full, half, none]))
    detail = model.parts([full, half, none])["detail"]
    assert detail[:, 0].tolist() == pytest.approx([1.0, 0.5, 0.0])
    # a need's scores do not depend on the needs ranked with it (no per-need scaling)
    np.testing.assert_allclose(model.scores([half])[0], model.scores([full, half, none])[1])
    np.testing.assert_allclose(model.scores([none, half])[1], model.scores([half])[0])


def test_no_encoder_means_no_detail() -> None:
    mentor = Mentor(id="m", publications=(Publication("Alpha", "Beta."),))
    model = fit(MentorCorpus(mentors=[mentor]), use_embeddings=False)
    assert not model.parts([_need("n", "Alpha", "Beta.")])["detail"].any()


# One paper of A is the need's subject; A's other papers are far from it. B's papers all sit in the
# neighbouring field, so B's centroid is the closer one, but none of B's papers is about the need.
NEED = _need("n", "Deep learning detection of diabetic retinopathy in fundus photographs",
             "A convolutional neural network grades diabetic retinopathy severity from retinal fundus images.")
A = Mentor(id="A", publications=(
    Publication("Deep learning grading of diabetic retinopathy from fundus photographs",
                "A convolutional neural network detects referable diabetic retinopathy in retinal fundus images."),
    Publication("Soil nitrogen dynamics under crop rotation", "Nitrogen leaching in maize and soybean rotations."),
    Publication("Medieval trade routes of the Hanseatic League", "Merchant guilds and shipping in the Baltic Sea."),
    Publication("Corrosion of steel reinforcement in marine concrete", "Chloride ingress degrades bridge pillars."),
    Publication("Bird migration timing and climate", "Songbirds arrive earlier in warmer springs."),
    Publication("Tax policy and small business investment", "Lower corporate rates raised capital spending."),
    Publication("Acoustic design of concert halls", "Reverberation time shapes perceived sound quality."),
    Publication("Volcanic ash dispersion modelling", "Eruption plumes were simulated for aviation safety."),
))
B = Mentor(id="B", publications=(
    Publication("Glaucoma progression and intraocular pressure", "Eye pressure lowering slows optic nerve damage."),
    Publication("Cataract surgery outcomes in older adults", "Phacoemulsification improved visual acuity."),
    Publication("Image segmentation of CT scans with classical filters", "Edge detection outlines organs in abdominal CT."),
    Publication("Diabetes care and HbA1c control in primary care", "Nurse-led clinics lowered blood glucose."),
))


@pytest.mark.skipif(minilm.model_dir() is None, reason="all-MiniLM-L6-v2 weights package not installed")
def test_one_matching_paper_outranks_a_closer_centroid_with_no_matching_paper() -> None:
    model = fit(MentorCorpus(mentors=[B, A], needs=[NEED]))
    parts = model.parts([NEED])
    a, b = model.index["A"], model.index["B"]
    assert parts["semantic"][0, b] > parts["semantic"][0, a]  # the centroid alone prefers B
    assert parts["detail"][0, a] > parts["detail"][0, b] + 0.2
    assert [m for m, _ in model.rank([NEED], top=0)[0]] == ["A", "B"]
    # the embeddings alone (no lexical part) already put A first: the detail part carries it
    text_only = fit(MentorCorpus(mentors=[B, A], needs=[NEED]), weights={"semantic": 0.5, "detail": 0.5})
    assert [m for m, _ in text_only.rank([NEED], top=0)[0]] == ["A", "B"]
