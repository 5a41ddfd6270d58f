"""Turning score parts into ranked Candidates (novelty, kinds, ties, the newcomer lane) and ranking every firm.

Newcomer lane: organisations with no known partnership cannot score on history, so where the corpus
has history, fixed positions of the one merged list go to the best of them by capability fit
alone (best listing by TF-IDF and by USE). The positions are a parameter of every entry point
(`lane_positions`, 1-based). The default, LANE_POSITIONS, is every other position from 12 to 50:
the product page shows a need's first five main proposals and, in its "new to the network" section,
the lane's first two entries (merged positions 12 and 14); positions 6-11 stay main ones, so
recall@10 keeps its value (dev: lane at 6 and 7 cost recall@10 0.131 -> 0.109, docs/matching.md).
Only a newcomer whose capability fit reaches LANE_MIN of the best candidate's enters the lane ("up
to 2" on the page); weak fillers no longer push main entries out. Dev with this default:
recall@10 0.131, recall@50 0.244, MRR 0.268; newcomers recall@50 0.035 (docs/matching.md).
A candidate placed by the lane carries explanation["new_to_network"] = True; a newcomer that earns
its place in the main order does not (it belongs to the main section). A calibrated score instead
of a lane never brought a newcomer into the top 50 on the dev set.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .explain import explain_candidate
from .scores import Scorer
from .tokens import tokenize
from .types import INSTITUTION_KINDS, Candidate, Listing

LANE_POSITIONS = tuple(range(12, 51, 2))
LANE_EMBED = 0.5  # weight of the USE part next to the TF-IDF best listing in the lane's order
LANE_MIN = 0.6  # a newcomer enters the lane only with a lane score >= this share of the best candidate's


def lane_score(parts: dict[str, np.ndarray]) -> np.ndarray:
    """Capability fit alone: what a newcomer is ordered by in its lane."""
    return parts["text_max"] + LANE_EMBED * parts["embed"]


def merge_lane_marked(main: list[int], lane: list[int], positions: tuple[int, ...], top: int
                      ) -> tuple[list[int], set[int]]:
    """One list: lane entries at the given 1-based positions (while the lane lasts), main elsewhere;
    and the entries the lane placed (a lane entry already placed by main is not one of them)."""
    pos = set(positions)
    out: list[int] = []
    used: set[int] = set()
    from_lane: set[int] = set()
    mi, li = iter(main), iter(lane)
    limit = top if top > 0 else len(main) + len(lane)
    while len(out) < limit:
        picked = None
        sources = ((li, True), (mi, False)) if len(out) + 1 in pos else ((mi, False),)
        for source, is_lane in (*sources, (li, True)):  # main exhausted: the lane fills the rest
            picked = next((j for j in source if j not in used), None)
            if picked is not None:
                if is_lane:
                    from_lane.add(picked)
                break
        if picked is None:
            break
        out.append(picked)
        used.add(picked)
    return out, from_lane


def merge_lane(main: list[int], lane: list[int], positions: tuple[int, ...], top: int) -> list[int]:
    return merge_lane_marked(main, lane, positions, top)[0]


def order_candidates(model: Scorer, query: int | None, score: np.ndarray, mask: np.ndarray,
                     top: int, lane: np.ndarray | None = None,
                     positions: tuple[int, ...] = LANE_POSITIONS) -> tuple[list[int], set[int]]:
    """Best first; never the query; known partners only after everyone else (novelty); with a lane
    score and some history in the corpus, newcomers (no known partnership) at `positions`.
    Returns the order and the entries the lane placed."""
    cand = mask.copy()
    if query is not None:
        cand[query] = False
    known = np.zeros(model.n_orgs, dtype=bool)
    if query is not None:
        known[model.partners_of(query)] = True
    fresh = np.flatnonzero(cand & ~known)
    old = np.flatnonzero(cand & known)
    out: list[int] = []
    from_lane: set[int] = set()
    for pool in (fresh, old):
        if len(out) >= top > 0:
            break
        # ties: more known partnerships first, then file order (stable) - never the id string
        keys = np.lexsort((pool, -model.popularity[pool], -score[pool]))
        need = (top - len(out)) if top > 0 else len(pool)
        ranked = [int(pool[k]) for k in keys[:need]]
        if pool is fresh and lane is not None and positions and model.adjacency.nnz:
            newcomers = fresh[model.popularity[fresh] == 0]
            if LANE_MIN > 0 and len(fresh):
                newcomers = newcomers[lane[newcomers] >= LANE_MIN * float(lane[fresh].max())]
            order = newcomers[np.lexsort((newcomers, -lane[newcomers]))][:len(positions)]
            ranked, from_lane = merge_lane_marked(
                ranked + [int(j) for j in pool[keys[need:need + len(positions)]]],
                [int(j) for j in order], positions, need)
        out.extend(ranked)
    return out, from_lane


def _candidates(model: Scorer, query: int | None, rows_X, rows_F, rows_E, needs: list[Listing],
                tokens: list[list[str]], top: int, kinds: frozenset[str], explain: bool | int,
                positions: tuple[int, ...] = LANE_POSITIONS) -> list[Candidate]:
    texts = [n.text for n in needs]
    mask = model.kind_mask(kinds)
    context: dict = {}
    parts = model.query_parts(query, rows_X, rows_F, rows_E, texts, tokens, mask, context)
    score = model.combine(parts, cross=context.get("cross_language"))
    lane = lane_score(parts)
    order, from_lane = order_candidates(model, query, score, mask, top, lane, positions)
    out = []
    n_explain = len(order) if explain is True else int(explain)  # True = all, an int = the first n
    for rank, j in enumerate(order):
        p = {k: round(float(v[j]), 6) for k, v in parts.items()}
        cand = Candidate(org_id=model.orgs[j].id, score=round(float(score[j]), 6), parts=p, explanation={})
        if rank < n_explain:
            explain_candidate(model, query, j, cand, rows_X, rows_F, rows_E, texts, tokens, needs, context)
        if j in from_lane:  # always, explained or not: the page shows these in their own section
            cand.explanation["new_to_network"] = True
        out.append(cand)
    return out


def rank_query(model: Scorer, query: int, need_rows: list[int], *, top: int = 50,
               kinds: frozenset[str] = INSTITUTION_KINDS, explain: bool | int = True,
               positions: tuple[int, ...] = LANE_POSITIONS) -> list[Candidate]:
    v = model.vectors
    X = v.X[need_rows]
    F = v.Fx[need_rows]
    E = v.E[need_rows] if (model.use_embeddings and v.E is not None) else None
    needs = [model.listings[r] for r in need_rows]
    tokens = [model.vectors.tokens[r] for r in need_rows]
    return _candidates(model, query, X, F, E, needs, tokens, top, kinds, explain, positions)


def rank_new_listing(model: Scorer, listing: Listing, *, top: int = 50,
                     kinds: frozenset[str] = INSTITUTION_KINDS, explain: bool | int = True,
                     positions: tuple[int, ...] = LANE_POSITIONS) -> list[Candidate]:
    """What a save does: tokenise and embed the new text once, then rank it against the fitted model."""
    tokens = [tokenize(listing.text, morphology=model.morphology)]
    X, F, E = model.vectors.transform([listing], morphology=model.morphology,
                                      use_embeddings=model.use_embeddings, tokens=tokens)
    query = model.org_index.get(listing.org)
    return _candidates(model, query, X, F, E, [listing], tokens, top, kinds, explain, positions)


def rank_all(model: Scorer, *, top: int = 50, query_kind: str = "firm",
             kinds: frozenset[str] = INSTITUTION_KINDS, explain: bool = False,
             positions: tuple[int, ...] = LANE_POSITIONS) -> Iterator[tuple[str, list[Candidate]]]:
    """(org id, candidates) for every organisation of query_kind, in file order."""
    for i, org in enumerate(model.orgs):
        if org.kind == query_kind:
            yield org.id, rank_query(model, i, model.needs_by_org.get(i, []), top=top, kinds=kinds,
                                     explain=explain, positions=positions)
