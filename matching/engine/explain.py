"""Explanations a person can check: shared/bridged terms (both languages), shared facets,
capacity facts, known-partner paths and supporting listings - never a bare similarity number."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .bridge import bridged_pairs, english_words, korean_gloss, terms
from .capacity import capacity_fit
from .scores import Scorer
from .text import detect_lang, has_hangul
from .types import Candidate

MAX_TERMS = 6


def _cap_positions(model: Scorer, j: int) -> np.ndarray:
    lo = np.searchsorted(model.cap_org, j, side="left")
    hi = np.searchsorted(model.cap_org, j, side="right")
    return np.arange(lo, hi)


def _term_entry(term: str, need_text: str, cap_text: str) -> dict[str, object]:
    if has_hangul(term):
        return {"ko": term, "en": terms().get(term), "bridged": False}
    source = None
    for text in (need_text, cap_text):  # the Korean words that produced this English token
        if has_hangul(text):
            for ko, en in _pairs(text):
                if term in english_words(en):
                    source = ko
                    break
        if source:
            break
    # bridged = the term links a Korean text to an English one (shown in both languages)
    bridged = source is not None and detect_lang(need_text) != detect_lang(cap_text)
    return {"en": term, "ko": source or korean_gloss(term), "bridged": bridged}


@lru_cache(maxsize=256)
def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(bridged_pairs(text))


def _shared_terms(model: Scorer, xq, cap_row: int, need_text: str, cap_text: str) -> list[dict]:
    xc = model.vectors.X[cap_row]
    prod = xq.multiply(xc).tocoo()
    if prod.nnz == 0:
        return []
    vocab = _inverse_vocab(model)
    out, seen = [], set()
    for k in np.argsort(-prod.data):
        entry = _term_entry(vocab[prod.col[k]], need_text, cap_text)
        key = entry.get("ko") or entry.get("en")  # "breast" and "cancer" from 유방암 show once each
        if (entry.get("en"), key) in seen:
            continue
        seen.add((entry.get("en"), key))
        out.append(entry)
        if len(out) == MAX_TERMS:
            break
    return out


def _inverse_vocab(model: Scorer) -> np.ndarray:
    if not hasattr(model, "_inv_vocab"):
        model._inv_vocab = model.vectors.tfidf.get_feature_names_out()
    return model._inv_vocab


def _facets(model: Scorer, need_rows_facets: list[set[str]], cap_rows: np.ndarray) -> list[str]:
    wanted = set().union(*need_rows_facets) if need_rows_facets else set()
    have: set[str] = set()
    for r in cap_rows:
        lst = model.listings[r]
        have.update(v.lower() for v in (*lst.therapeutic_areas, *lst.technologies, *lst.partnership_types))
    return sorted(wanted & have)[:8]


def explain_candidate(model: Scorer, query: int | None, j: int, cand: Candidate, X, F, E,
                      texts: list[str], tokens: list[list[str]], need_listings: list,
                      context: dict | None = None) -> None:
    """Fill cand.explanation and cand.supporting_listing_ids in place."""
    pos = _cap_positions(model, j)
    rows = model.cap_rows[pos]
    exp: dict[str, object] = {}
    org = model.orgs[j]
    if len(rows) and X.shape[0]:
        S = (X @ model.vectors.X[rows].T).toarray()
        if E is not None and model.vectors.E is not None:
            S = S + 0.5 * np.maximum(E @ model.vectors.E[rows].T, 0)
        best = np.argsort(-S.max(axis=0), kind="stable")[:3]
        cand.supporting_listing_ids = [model.listings[rows[b]].id for b in best]
        qi, ci = np.unravel_index(int(np.argmax(S)), S.shape)
        cap = model.listings[rows[ci]]
        shared = _shared_terms(model, X[qi], rows[ci], texts[qi], cap.text)
        if shared:
            exp["terms"] = shared
        exp["best_pair"] = {"need": need_listings[qi].id, "need_title": texts[qi].split("\n", 1)[0][:160],
                            "capability": cap.id, "capability_title": cap.title[:160]}
        if has_hangul(texts[qi]) != has_hangul(cap.text):
            exp["cross_language"] = ("need and capability are in different languages; matched "
                                     "through the Korean-English term map and a multilingual encoder")
        need_facets = [{v.lower() for v in (*n.therapeutic_areas, *n.technologies, *n.partnership_types)}
                       for n in need_listings]
        facets = _facets(model, need_facets, rows)
        if facets:
            exp["shared_facets"] = facets
    req = (context or {}).get("requirements") or model.requirements(texts)
    _, facts = capacity_fit(req, org)
    if facts:
        exp["capacity"] = facts
    if query is not None:
        paths = _partner_paths(model, query, j)
        if paths:
            exp["partner_paths"] = paths
    peers = _peers(model, query, tokens, E, j, (context or {}).get("peer_similarity"))
    if peers:
        exp["similar_organisations_partnered"] = peers
    degree = len(model.partners_of(j))
    if degree:
        exp["known_partnerships"] = f"{org.name or org.id} has {degree} known partnership(s) on record"
    if not exp:
        exp["note"] = f"{org.kind} in {org.region or org.country or 'an unknown region'}; no shared evidence"
    cand.explanation = exp


def _peers(model: Scorer, query: int | None, tokens: list[list[str]], E, j: int,
           sim: np.ndarray | None = None) -> list[str]:
    if sim is None:
        sim = model.peer_similarity(tokens, E)
    partners_of_j = model.partners_of(j)
    if sim is None or len(partners_of_j) == 0:
        return []
    sims = sim[partners_of_j]
    order = np.argsort(-sims)[:3]
    return [f"{model.orgs[partners_of_j[k]].name or model.orgs[partners_of_j[k]].id} "
            f"(needs like yours) partnered with it" for k in order
            if sims[k] > 0 and partners_of_j[k] != query]


def _partner_paths(model: Scorer, query: int, j: int) -> list[str]:
    """Your known partner P shares a capability listing (e.g. the same trial) with candidate j."""
    mine = set(model.partners_of(query))
    if not mine:
        return []
    g = model.group_of_cap
    gj = set(g.indices[g.indptr[j]:g.indptr[j + 1]])
    out = []
    for p in mine:
        common = gj & set(g.indices[g.indptr[p]:g.indptr[p + 1]])
        if common:
            title = _group_title(model, j, min(common))
            out.append(f"your partner {model.orgs[p].name or model.orgs[p].id} also lists "
                       f"\"{title}\"")
            if len(out) == 3:
                break
    return out


def _group_title(model: Scorer, j: int, group: int) -> str:
    for r in model.cap_rows[_cap_positions(model, j)]:
        key = " ".join(model.listings[r].text.lower().split())
        if model.group_ids.get(key) == group:
            return model.listings[r].title[:120]
    return "a shared capability listing"
