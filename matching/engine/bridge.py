"""Korean <-> English bridge built on the curated term map.

Korean keys of two or more syllables are found in the space-stripped text (so compounds such as
유방암임상 still hit 유방암), longest first, but only where they begin and end on morpheme
boundaries (or inside one compound noun, 정신 in 정신과): 전이 (metastasis) inside 안전이 ("safety" +
subject particle) or 정신 inside the adverb 정신없이 ("in a rush") is no term. One-syllable keys (암, 간, 눈) count only as whole noun
morphemes, since they hide inside unrelated words (시간 "time" contains 간). A few compounds whose
first part reads as a term but means something else (신장률 "elongation", not kidney) are listed in
``FALSE_FRIENDS``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .terms_ko_en import load_terms
from .text import Span, korean_spans

# Space-stripped compounds that start with a term-map key but do not mean it.
FALSE_FRIENDS = ("신장률", "신장율", "정신없", "정신차리", "정신을차리", "전이되지않", "안전이")
_NOUN_TAGS = frozenset({"NNG", "NNP"})

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
_EN_SPLIT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@lru_cache(maxsize=1)
def terms() -> dict[str, str]:
    return load_terms()


@lru_cache(maxsize=1)
def _max_key_len() -> int:
    return max(len(k) for k in terms())


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    return frozenset(k[:2] for k in terms() if len(k) >= 2)


@lru_cache(maxsize=1)
def english_to_korean() -> dict[str, str]:
    """English word or phrase -> the shortest Korean term that maps to it (for display)."""
    out: dict[str, str] = {}
    for ko, en in sorted(terms().items(), key=lambda kv: len(kv[0])):
        for phrase in [en, *en.split()]:
            out.setdefault(phrase.lower(), ko)
    return out


def bridged_pairs(text: str, spans: list[Span] | None = None) -> list[tuple[str, str]]:
    """(korean term, english gloss) pairs found in a text, in order of appearance.

    spans: the text's Kiwi tokens when the caller already has them (saves a Kiwi pass).
    """
    table = terms()
    prefixes = _prefixes()
    spans = korean_spans(text) if spans is None else spans
    starts = {s for _f, _t, s, _e in spans} | {m.start() for m in _WORD.finditer(text)}
    ends = {e for _f, _t, _s, e in spans} | {m.end() for m in _WORD.finditer(text)}
    # A compound noun Kiwi keeps whole (정신과 "psychiatry") may end a key inside it.
    ends |= {k for _f, tag, s, e in spans if tag in _NOUN_TAGS for k in range(s + 2, e)}
    where = [k for k, ch in enumerate(text) if not ch.isspace()]  # compact index -> text offset
    compact = _SPACE.sub("", text)
    found: list[tuple[str, str]] = []
    i, n, maxlen = 0, len(compact), _max_key_len()
    while i < n:
        if compact[i:i + 2] not in prefixes or where[i] not in starts or compact.startswith(FALSE_FRIENDS, i):
            i += 1  # cheap skip first: most positions start no key
            continue
        for size in range(min(maxlen, n - i), 1, -1):
            key = compact[i:i + size]
            if key in table and where[i + size - 1] + 1 in ends:
                found.append((key, table[key]))
                i += size
                break
        else:
            i += 1
    singles = {form for form, tag, _s, _e in spans if len(form) == 1 and tag in _NOUN_TAGS and form in table}
    found.extend((tok, table[tok]) for tok in sorted(singles))
    return found


def bridged_english(text: str) -> list[str]:
    return [en for _, en in bridged_pairs(text)]


def korean_gloss(english_word: str) -> str | None:
    """Korean term for an English word, if the map has one (to show terms in both languages)."""
    return english_to_korean().get(english_word.lower())


def english_words(phrase: str) -> list[str]:
    return _EN_SPLIT.findall(phrase.lower())
