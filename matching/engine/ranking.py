"""Turning score parts into ranked Candidates (novelty, kinds, ties, the newcomer lane) and ranking every firm.

Newcomer lane: organisations with no known partnership cannot score on history, so where the corpus
has history, fixed positions of the one merged list go to the best of them by capability fit
alone (best listing by TF-IDF and by USE). Measured on the dev set: positions from 12 on keep the
first ten untouched; a calibrated score instead never brought a newcomer into the top 50.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .explain import explain_candidate
from .scores import Scorer
from .tokens import tokenize
from .types import INSTITUTION_KINDS, Candidate, Listing

NEWCOMER_POSITIONS = tuple(range(12, 51, 2))  # 1-based positions of the lane in the merged list
LANE_EMBED = 0.5  # weight of the USE part next to the TF-IDF best listing in the lane's order


def lane_score(parts: dict[str, np.ndarray]) -> np.ndarray:
    """Capability fit alone: what a newcomer is ordered by in its lane."""
    return parts["text_max"] + LANE_EMBED * parts["embed"]


def merge_lane(main: list[int], lane: list[int], positions: tuple[int, ...], top: int) -> list[int]:
    """One list: lane entries at the given 1-based positions (while the lane lasts), main elsewhere."""
    pos = set(positions)
    out: list[int] = []
    used: set[int] = set()
    mi, li = iter(main), iter(lane)
    limit = top if top > 0 else len(main) + len(lane)
    while len(out) < limit:
        picked = None
        for source in ((li, mi) if len(out) + 1 in pos else (mi,)):
            picked = next((j for j in source if j not in used), None)
            if picked is not None:
                break
        if picked is None:
            picked = next((j for j in li if j not in used), None)
            if picked is None:
                break
        out.append(picked)
        used.add(picked)
    return out


def order_candidates(model: Scorer, query: int | None, score: np.ndarray, mask: np.ndarray,
                     top: int, lane: np.ndarray | None = None,
                     positions: tuple[int, ...] = NEWCOMER_POSITIONS) -> list[int]:
    """Best first; never the query; known partners only after everyone else (novelty); with a lane
    score and some history in the corpus, newcomers (no known partnership) at `positions`."""
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
        ranked = [int(pool[k]) for k in keys[:need]]
        if pool is fresh and lane is not None and positions and model.adjacency.nnz:
            newcomers = fresh[model.popularity[fresh] == 0]
            order = newcomers[np.lexsort((newcomers, -lane[newcomers]))][:len(positions)]
            ranked = merge_lane(ranked + [int(j) for j in pool[keys[need:need + len(positions)]]],
                                [int(j) for j in order], positions, need)
        out.extend(ranked)
    return out


def _candidates(model: Scorer, query: int | None, rows_X, rows_F, rows_E, needs: list[Listing],
                tokens: list[list[str]], top: int, kinds: frozenset[str], explain: bool | int,
                positions: tuple[int, ...] = NEWCOMER_POSITIONS) -> list[Candidate]:
    texts = [n.text for n in needs]
    mask = model.kind_mask(kinds)
    context: dict = {}
    parts = model.query_parts(query, rows_X, rows_F, rows_E, texts, tokens, mask, context)
    score = model.combine(parts)
    lane = lane_score(parts)
    order = order_candidates(model, query, score, mask, top, lane, positions)
    out = []
    n_explain = len(order) if explain is True else int(explain)  # True = all, an int = the first n
    for rank, j in enumerate(order):
        p = {k: round(float(v[j]), 6) for k, v in parts.items()}
        cand = Candidate(org_id=model.orgs[j].id, score=round(float(score[j]), 6), parts=p, explanation={})
        if rank < n_explain:
            explain_candidate(model, query, j, cand, rows_X, rows_F, rows_E, texts, tokens, needs, context)
            if model.adjacency.nnz and model.popularity[j] == 0:
                cand.explanation["new_to_network"] = ("no partnership on record yet: proposed on its "
                                                      "capabilities alone")
        out.append(cand)
    return out


def rank_query(model: Scorer, query: int, need_rows: list[int], *, top: int = 50,
               kinds: frozenset[str] = INSTITUTION_KINDS, explain: bool | int = True,
               positions: tuple[int, ...] = NEWCOMER_POSITIONS) -> list[Candidate]:
    v = model.vectors
    X = v.X[need_rows]
    F = v.Fx[need_rows]
    E = v.E[need_rows] if (model.use_embeddings and v.E is not None) else None
    needs = [model.listings[r] for r in need_rows]
    tokens = [model.vectors.tokens[r] for r in need_rows]
    return _candidates(model, query, X, F, E, needs, tokens, top, kinds, explain, positions)


def rank_new_listing(model: Scorer, listing: Listing, *, top: int = 50,
                     kinds: frozenset[str] = INSTITUTION_KINDS, explain: bool | int = True,
                     positions: tuple[int, ...] = NEWCOMER_POSITIONS) -> list[Candidate]:
    """What a save does: tokenise and embed the new text once, then rank it against the fitted model."""
    tokens = [tokenize(listing.text, morphology=model.morphology)]
    X, F, E = model.vectors.transform([listing], morphology=model.morphology,
                                      use_embeddings=model.use_embeddings, tokens=tokens)
    query = model.org_index.get(listing.org)
    return _candidates(model, query, X, F, E, [listing], tokens, top, kinds, explain, positions)


def rank_all(model: Scorer, *, top: int = 50, query_kind: str = "firm",
             kinds: frozenset[str] = INSTITUTION_KINDS, explain: bool = False) -> Iterator[tuple[str, list[Candidate]]]:
    """(org id, candidates) for every organisation of query_kind, in file order."""
    for i, org in enumerate(model.orgs):
        if org.kind == query_kind:
            yield org.id, rank_query(model, i, model.needs_by_org.get(i, []), top=top, kinds=kinds,
                                     explain=explain)
