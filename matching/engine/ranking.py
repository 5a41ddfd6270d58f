"""Turning score parts into ranked Candidates (novelty, kinds, ties) and ranking every firm."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .explain import explain_candidate
from .scores import Scorer
from .tokens import tokenize
from .types import INSTITUTION_KINDS, Candidate, Listing


def order_candidates(model: Scorer, query: int | None, score: np.ndarray, mask: np.ndarray,
                     top: int) -> list[int]:
    """Best first; never the query; known partners only after everyone else (novelty)."""
    cand = mask.copy()
    if query is not None:
        cand[query] = False
    known = np.zeros(model.n_orgs, dtype=bool)
    if query is not None:
        known[model.partners_of(query)] = True
    fresh = np.flatnonzero(cand & ~known)
    old = np.flatnonzero(cand & known)
    out: list[int] = []
    for pool in (fresh, old):
        if len(out) >= top > 0:
            break
        # ties: more known partnerships first, then file order (stable) - never the id string
        keys = np.lexsort((pool, -model.popularity[pool], -score[pool]))
        need = (top - len(out)) if top > 0 else len(pool)
        out.extend(int(pool[k]) for k in keys[:need])
    return out


def _candidates(model: Scorer, query: int | None, rows_X, rows_F, rows_E, needs: list[Listing],
                tokens: list[list[str]], top: int, kinds: frozenset[str], explain: bool | int) -> list[Candidate]:
    texts = [n.text for n in needs]
    mask = model.kind_mask(kinds)
    context: dict = {}
    parts = model.query_parts(query, rows_X, rows_F, rows_E, texts, tokens, mask, context)
    score = model.combine(parts)
    order = order_candidates(model, query, score, mask, top)
    out = []
    n_explain = len(order) if explain is True else int(explain)  # True = all, an int = the first n
    for rank, j in enumerate(order):
        p = {k: round(float(v[j]), 6) for k, v in parts.items()}
        cand = Candidate(org_id=model.orgs[j].id, score=round(float(score[j]), 6), parts=p, explanation={})
        if rank < n_explain:
            explain_candidate(model, query, j, cand, rows_X, rows_F, rows_E, texts, tokens, needs, context)
        out.append(cand)
    return out


def rank_query(model: Scorer, query: int, need_rows: list[int], *, top: int = 50,
               kinds: frozenset[str] = INSTITUTION_KINDS, explain: bool | int = True) -> list[Candidate]:
    v = model.vectors
    X = v.X[need_rows]
    F = v.Fx[need_rows]
    E = v.E[need_rows] if (model.use_embeddings and v.E is not None) else None
    needs = [model.listings[r] for r in need_rows]
    tokens = [model.vectors.tokens[r] for r in need_rows]
    return _candidates(model, query, X, F, E, needs, tokens, top, kinds, explain)


def rank_new_listing(model: Scorer, listing: Listing, *, top: int = 50,
                     kinds: frozenset[str] = INSTITUTION_KINDS, explain: bool | int = True) -> list[Candidate]:
    X, F, E = model.vectors.transform([listing], morphology=model.morphology,
                                      use_embeddings=model.use_embeddings)
    query = model.org_index.get(listing.org)
    tokens = [tokenize(listing.text, morphology=model.morphology)]
    return _candidates(model, query, X, F, E, [listing], tokens, top, kinds, explain)


def rank_all(model: Scorer, *, top: int = 50, query_kind: str = "firm",
             kinds: frozenset[str] = INSTITUTION_KINDS, explain: bool = False) -> Iterator[tuple[str, list[Candidate]]]:
    """(org id, candidates) for every organisation of query_kind, in file order."""
    for i, org in enumerate(model.orgs):
        if org.kind == query_kind:
            yield org.id, rank_query(model, i, model.needs_by_org.get(i, []), top=top, kinds=kinds,
                                     explain=explain)
