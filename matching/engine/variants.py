"""Ablations for the write-up: the same fitted corpus ranked with other weightings, by subset.

Used for the bilingual table (all / ko->en / en->ko / untagged; engine vs encoder-only vs
TF-IDF-only; Kiwi morphemes vs whitespace tokens) and the dev-set ablations.
"""

from __future__ import annotations

from pathlib import Path

from .exchange import read_exchange
from .metrics import evaluate_rankings
from .model import Model, fit
from .offline import read_truth
from .ranking import rank_all

ENCODER_ONLY = {"embed": 1.0}
TFIDF_ONLY = {"text_max": 1.0}


def rank_with(model: Model, weights: dict[str, float] | None, top: int = 50) -> dict[str, list[str]]:
    """Rank with other weights; an ablation (weights given) is that weighting alone, so the
    language-aware multipliers are off for it."""
    saved, saved_shift = model.weights, model.cross_shift
    if weights is not None:
        model.weights = {k: weights.get(k, 0.0) for k in saved}
        model.cross_shift = {}
    try:
        return {q: [c.org_id for c in cands] for q, cands in rank_all(model, top=top)}
    finally:
        model.weights, model.cross_shift = saved, saved_shift


def subsets(path: str | Path) -> dict[str, set[str]]:
    """Query firms by direction: need language -> the other language, when the test partner lists
    anything in it (the gold partner may also hold same-language listings unrelated to the need)."""
    data = read_exchange(path)
    kinds, _, test = read_truth(path)
    langs: dict[str, set[str]] = {}
    tagged: dict[str, bool] = {}
    for lst in data.listings:
        lang = lst.lang or "en"
        langs.setdefault(lst.org, set()).add(lang)
        if lst.side == "need":
            tagged[lst.org] = tagged.get(lst.org, False) or bool(
                lst.therapeutic_areas or lst.technologies or lst.partnership_types)
    out: dict[str, set[str]] = {"all": set(), "ko->en": set(), "en->ko": set(), "same language": set(),
                                "untagged": set()}
    for firm, rel in test.items():
        if kinds.get(firm) != "firm":
            continue
        out["all"].add(firm)
        need_lang = next(iter(langs.get(firm, {"en"})))
        cap_langs = set().union(*(langs.get(r, set()) for r in rel))
        # a partner with any listing in the other language counts as a cross-language pair
        if need_lang == "ko" and "en" in cap_langs:
            out["ko->en"].add(firm)
        elif need_lang == "en" and "ko" in cap_langs:
            out["en->ko"].add(firm)
        else:
            out["same language"].add(firm)
        if not tagged.get(firm, False):
            out["untagged"].add(firm)
    return out


def table(path: str | Path, variants: dict[str, dict[str, float] | None], k: int = 10,
          morphology: bool = True) -> dict[str, dict[str, dict[str, object]]]:
    """{variant: {subset: metrics}} for one exchange file with test links."""
    model = fit(read_exchange(path), morphology=morphology)
    kinds, known, test = read_truth(path)
    groups = subsets(path)
    out: dict[str, dict[str, dict[str, object]]] = {}
    for name, weights in variants.items():
        rankings = rank_with(model, weights)
        out[name] = {}
        for group, firms in groups.items():
            if firms:
                sub = {f: test[f] for f in firms}
                out[name][group] = evaluate_rankings(kinds, known, sub, rankings, k=k)
    return out
