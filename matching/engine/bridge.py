"""Korean <-> English bridge built on the curated term map.

Korean keys of two or more syllables are found as substrings of the space-stripped text (so
compounds such as 유방암임상 still hit 유방암), longest first; one-syllable keys (암, 간, 눈) only as
whole morphemes, since as substrings they hide inside unrelated words (시간 "time" contains 간).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .terms_ko_en import load_terms
from .text import korean_tokens

_SPACE = re.compile(r"\s+")
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


def bridged_pairs(text: str, morphemes: list[str] | None = None) -> list[tuple[str, str]]:
    """(korean term, english gloss) pairs found in a text, in order of appearance.

    morphemes: the text's Korean morphemes when the caller already has them (saves a Kiwi pass).
    """
    table = terms()
    prefixes = _prefixes()
    compact = _SPACE.sub("", text)
    found: list[tuple[str, str]] = []
    i, n, maxlen = 0, len(compact), _max_key_len()
    while i < n:
        if compact[i:i + 2] not in prefixes:  # cheap skip: most positions start no key
            i += 1
            continue
        for size in range(min(maxlen, n - i), 1, -1):
            key = compact[i:i + size]
            if key in table:
                found.append((key, table[key]))
                i += size
                break
        else:
            i += 1
    morphs = korean_tokens(text) if morphemes is None else morphemes
    singles = {tok for tok in morphs if len(tok) == 1 and tok in table}
    found.extend((tok, table[tok]) for tok in sorted(singles))
    return found


def bridged_english(text: str) -> list[str]:
    return [en for _, en in bridged_pairs(text)]


def korean_gloss(english_word: str) -> str | None:
    """Korean term for an English word, if the map has one (to show terms in both languages)."""
    return english_to_korean().get(english_word.lower())


def english_words(phrase: str) -> list[str]:
    return _EN_SPLIT.findall(phrase.lower())
