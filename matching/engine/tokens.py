"""Matching tokens of a listing text: English words, Korean morphemes and the ko->en bridge tokens.

Tokens of a Korean text are the English words of every term-map entry found in it plus the content
morphemes the map does not cover, so a Korean need and an English capability meet in one TF-IDF
space (and two Korean texts do not count a mapped concept twice).
"""

from __future__ import annotations

from .bridge import bridged_pairs
from .text import STOP_WORDS, english_tokens, has_hangul, korean_spans, korean_tokens

TOKENIZER_VERSION = "tok5"


def tokenize(text: str, morphology: bool = True, bridge: bool = True) -> list[str]:
    """All matching tokens of one listing text (order kept, duplicates kept for tf)."""
    toks = english_tokens(text)
    if has_hangul(text):
        spans = korean_spans(text) if morphology or bridge else None
        ko = korean_tokens(text, morphology=morphology, spans=spans)
        if bridge:
            pairs = bridged_pairs(text, spans)
            keys = [k for k, _ in pairs]
            # A Korean word the term map covers is represented by its English gloss only: one
            # token per concept, so two Korean texts do not score double (morpheme + gloss)
            # against the English text that shares just the gloss.
            ko = [t for t in ko if not any(t in k for k in keys)]
            toks += [w for w in english_tokens(" ".join(en for _, en in pairs)) if w not in STOP_WORDS]
        toks += ko
    return toks
