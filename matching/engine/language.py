"""Language-aware weighting of the topical parts: lexical text where need and capability share a
language, the multilingual embedding (USE) where they do not.

Word overlap across Korean and English exists only through the term map's bridge tokens, so a
cross-language capability reads as weak text evidence however well it fits; USE is built for that
pair. For each candidate, `cross` is the share of (need, capability) pairs in different languages
(mean over the query's needs); the weight of each topical part moves from its hand-set value
(cross 0) to that value times CROSS_SHIFT[part] (cross 1), linearly. An all-English corpus has
cross 0 everywhere and ranks exactly as without this module.
"""

from __future__ import annotations

import numpy as np

from .text import detect_lang
from .types import Listing

# Weight multipliers at cross = 1, chosen on tests/data/bilingual (48 needs, all cross-language;
# MRR by USE multiplier with lexical kept: 1 -> 0.628, 2 -> 0.770, 2.5 -> 0.762, 3 -> 0.777,
# 4 -> 0.767). The lexical parts keep their weight: BM25 still reads bridged terms across
# languages, and cutting it to 0 lost (0.659 at USE x2). The smallest multiplier on the plateau:
# it also caps the lift any cross-language candidate can get over a same-language one.
CROSS_SHIFT: dict[str, float] = {"embed": 2.0}


def listing_lang(listing: Listing) -> str:
    """'ko' or 'en': the listing's stated language, else detected from Hangul."""
    return listing.lang if listing.lang in ("ko", "en") else detect_lang(listing.text)


def ko_share(cap_langs: list[str], cap_org: np.ndarray, n_orgs: int) -> np.ndarray:
    """Share of each organisation's capability listings written in Korean (0 without any)."""
    ko = np.array([lang == "ko" for lang in cap_langs], dtype=np.float64)
    n = np.bincount(cap_org, minlength=n_orgs).astype(np.float64)
    k = np.bincount(cap_org, weights=ko, minlength=n_orgs) if len(ko) else np.zeros(n_orgs)
    return np.divide(k, n, out=np.zeros(n_orgs), where=n > 0)


def cross_share(need_texts: list[str], share_ko: np.ndarray, has_caps: np.ndarray) -> np.ndarray:
    """Per candidate: mean over the needs of the share of its capabilities in the other language."""
    if not need_texts:
        return np.zeros(len(share_ko))
    ko_needs = sum(detect_lang(t) == "ko" for t in need_texts) / len(need_texts)
    cross = ko_needs * (1.0 - share_ko) + (1.0 - ko_needs) * share_ko
    return np.where(has_caps, cross, 0.0)


def part_weight(weights: dict[str, float], part: str, cross: np.ndarray | None,
                shifts: dict[str, float] | None = None) -> float | np.ndarray:
    """The weight of one part: a scalar, or per candidate when some pairs cross languages."""
    w = weights.get(part, 0.0)
    shift = (CROSS_SHIFT if shifts is None else shifts).get(part)
    if cross is None or shift is None or shift == 1.0 or not cross.any():
        return w
    return w * (1.0 + (shift - 1.0) * cross)
