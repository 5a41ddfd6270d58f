"""Language basics: Hangul detection, English words and Korean content morphemes (kiwipiepy).

The bottom of the text stack: bridge.py finds term-map entries with these morphemes, and
tokens.py combines both into the tokens the vectors are built from.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
_EN_WORD = re.compile(r"[a-z][a-z0-9]*(?:[-'][a-z0-9]+)*|\d+[a-z]+[a-z0-9]*")
# Words frequent in every trial/listing text: they carry no matching signal.
_DOMAIN_STOP = frozenset({
    "study", "studies", "trial", "trials", "patients", "patient", "subjects", "subject",
    "participants", "clinical", "purpose", "evaluate", "evaluation", "determine", "compare",
    "comparison", "objective", "primary", "secondary", "conditions", "condition", "interventions",
    "intervention", "drug", "dose", "doses", "treatment", "treated", "therapy", "use", "used",
    "using", "effect", "effects", "safety", "efficacy", "versus", "vs", "mg", "kg", "week", "weeks",
    "day", "days", "month", "months", "year", "years", "open", "label", "randomized", "randomised",
    "placebo", "controlled", "double", "blind", "phase", "multicenter", "single", "assess",
    "assessed",
})
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | _DOMAIN_STOP
_KO_TAGS = frozenset({"NNG", "NNP", "XR", "SL", "SH"})
# Filler of Korean listing prose ("8주 이내 시작 가능", "경험 보유"): frequent, no field in them.
_KO_STOP = frozenset({
    "것", "수", "등", "및", "위", "대한", "통해", "경우", "이상", "이하", "기관", "연구", "이내", "가능",
    "필요", "진행", "경험", "보유", "제공", "지원", "운영", "희망", "시작", "관련", "대상", "활용", "기반",
    "수행", "요청", "모집", "예정", "현재", "다양", "당사", "저희", "귀사", "분야", "정도", "내외", "개월",
})
Span = tuple[str, str, int, int]  # a Kiwi token: form, tag, start, end (offsets in the original text)


def has_hangul(text: str) -> bool:
    return bool(_HANGUL.search(text))


def detect_lang(text: str) -> str:
    """'ko' when Hangul makes up a noticeable share of the letters, else 'en'."""
    hangul = len(_HANGUL.findall(text))
    letters = sum(ch.isalpha() for ch in text) or 1
    return "ko" if hangul / letters > 0.2 else "en"


@lru_cache(maxsize=1)
def _kiwi():
    # Lazy for start-up cost: only Korean text needs Kiwi (its import plus a ~1 s model load).
    from kiwipiepy import Kiwi

    return Kiwi()


def english_tokens(text: str) -> list[str]:
    return [w for w in _EN_WORD.findall(text.lower()) if len(w) > 1 and w not in STOP_WORDS]


def korean_spans(text: str) -> list[Span]:
    """Every Kiwi token of a text with its offsets: the bridge matches terms on these boundaries."""
    return [(tok.form, tok.tag, tok.start, tok.start + tok.len) for tok in _kiwi().tokenize(text)]


def korean_tokens(text: str, morphology: bool = True, spans: list[Span] | None = None) -> list[str]:
    """Content morphemes of the Hangul parts (whitespace words when morphology is off)."""
    if not morphology:
        return [w for w in re.findall(r"\S+", text) if has_hangul(w)]
    return [form for form, tag, _s, _e in (korean_spans(text) if spans is None else spans)
            if tag in _KO_TAGS and has_hangul(form) and form not in _KO_STOP]


def hangul_runs(text: str) -> list[str]:
    return _HANGUL_RUN.findall(text)
