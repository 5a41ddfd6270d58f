"""Korean terms are found where they are words, not inside other words, and filler is no evidence:
the bridge and the shared terms a reader sees (the issue's examples, each a wrong gloss before)."""

import pytest

from matching.engine import bridge, fit
from matching.engine.text import korean_tokens
from matching.engine.tokens import tokenize
from tests.matching.test_engine import dataset, listing, org


@pytest.mark.parametrize("text, wrong", [
    ("환자 안전이 최우선입니다", "metastasis metastatic"),  # 안전 + 이, not 전이
    ("신장률이 높은 소재", "kidney renal"),  # elongation, not kidney
    ("정신없이 바쁜 일정에도", "psychiatric mental"),  # an adverb, not psychiatry
])
def test_a_term_inside_another_word_is_not_bridged(text, wrong):
    assert wrong not in [en for _ko, en in bridge.bridged_pairs(text)]


@pytest.mark.parametrize("text, right", [
    ("유방암임상 시험", "breast cancer"),  # a compound written without spaces still hits its parts
    ("전이성 암 환자", "metastatic"),
    ("신장이식 경험", "kidney transplantation"),
    ("정신과 병동", "psychiatric mental"),  # a compound noun Kiwi keeps whole
    ("간암 환자의 간 기능", "liver hepatic"),  # one-syllable 간 as a noun of its own
])
def test_real_terms_are_still_bridged(text, right):
    assert right in [en for _ko, en in bridge.bridged_pairs(text)]


def test_one_syllable_terms_never_match_inside_words():
    assert bridge.bridged_pairs("시간 내 완료") == []  # 시간 (time) holds 간 (liver)


def test_filler_words_are_no_tokens():
    toks = korean_tokens("8주 이내 시작 가능, 경험 보유, 지원 필요")
    assert not {"이내", "가능", "경험", "보유", "지원", "필요", "시작"} & set(toks)
    assert "metastasis" not in tokenize("환자 안전이 중요")


def test_shared_terms_shown_to_a_reader_hold_no_filler_and_no_false_gloss():
    recs = [
        org("f1", "firm"), org("h1", "hospital"), org("h2", "hospital"),
        listing("n1", "f1", "need", "폐암 1상 임상시험", "환자 안전이 최우선이며 8주 이내 시작 가능한 폐암 1상 기관", lang="ko"),
        listing("c1", "h1", "capability", "폐암 임상시험센터", "폐암 1상 임상시험 경험 보유, 4주 이내 시작 가능", lang="ko"),
        listing("c2", "h2", "capability", "Metastatic melanoma unit", "metastasis research and melanoma trials"),
    ]
    ranked = fit(dataset(recs)).rank_for_org("f1")
    assert ranked[0].org_id == "h1"
    shown = {t.get("ko") or t.get("en") for c in ranked for t in c.explanation.get("terms", [])}
    assert not {"이내", "가능", "경험", "보유", "시작"} & shown
    words = {t.get("en") for c in ranked for t in c.explanation.get("terms", [])}
    assert not {"metastasis", "metastatic"} & words
