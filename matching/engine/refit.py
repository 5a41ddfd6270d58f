"""Refit the part weights with scikit-learn from labelled pairs (known links), replacing the
hand-set defaults only when the refit wins on held-out organisations.

Labelled pairs are made the way a future need arrives: for each firm, one need listing is hidden
together with the capability listings that repeat it (the same trial seen from the sites' side)
and the links it explains; the hidden partners are positives, other candidates negatives. The
firms are split in two halves: the LogisticRegression learns on one, and both weightings are
scored (recall@10 + MRR) on the other.
"""

from __future__ import annotations

import random
from collections import defaultdict

import numpy as np
from sklearn.linear_model import LogisticRegression

from .metrics import score_one
from .scores import PARTS, Scorer
from .types import Dataset

MIN_POSITIVES = 40  # fewer labelled positives than this: keep the defaults
NEG_HARD, NEG_RANDOM = 0, 400
BOOTSTRAP, ADOPT_CONFIDENCE = 1000, 0.95


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def simulate_holdout(data: Dataset, seed: int = 0, query_kind: str = "firm"
                     ) -> tuple[Dataset, dict[str, set[str]]]:
    """A copy of data with one need per firm hidden; returns it and firm -> hidden partners."""
    rng = random.Random(seed)  # noqa: S311 - sampling, not security
    cap_keys: dict[str, set[str]] = defaultdict(set)  # org -> capability text keys
    for lst in data.listings:
        if lst.side == "capability":
            cap_keys[lst.org].add(_key(lst.text))
    partners: dict[str, set[str]] = defaultdict(set)
    for ln in data.links:
        partners[ln.a].add(ln.b)
        partners[ln.b].add(ln.a)
    needs: dict[str, list] = defaultdict(list)
    for lst in data.listings:
        if lst.side == "need" and data.orgs[lst.org].kind == query_kind:
            needs[lst.org].append(lst)
    hidden_needs: set[str] = set()
    hidden_keys: set[str] = set()
    heldout: dict[str, set[str]] = {}
    for org in sorted(needs, key=lambda o: list(data.orgs).index(o)):
        if len(needs[org]) < 2:
            continue  # hiding the only need would leave nothing to rank from
        pick = rng.choice(needs[org])
        key = _key(pick.text)
        other = {_key(n.text) for n in needs[org] if n.id != pick.id}
        # Partners not explained by another of the firm's needs. Sites list only their 30 most
        # recent trials, so a busy site's copy of the hidden need is often missing: requiring it
        # would drop exactly the popular sites a real held-out need goes to.
        pos = {p for p in partners[org] if not (cap_keys[p] & other)}
        if not any(key in cap_keys[p] for p in pos):
            continue
        if pos:
            hidden_needs.add(pick.id)
            hidden_keys.add(key)
            heldout[org] = pos
    # As in the real test split, a hidden partner must keep a profile of its own: a site whose
    # only listing was the hidden one cannot be found by any method and would only add noise.
    heldout = {f: {p for p in ps if cap_keys[p] - hidden_keys} for f, ps in heldout.items()}
    heldout = {f: ps for f, ps in heldout.items() if ps}
    drop = {(f, p) for f, ps in heldout.items() for p in ps}
    reduced = Dataset(
        orgs=data.orgs,
        listings=[lst for lst in data.listings if lst.id not in hidden_needs
                  and not (lst.side == "capability" and _key(lst.text) in hidden_keys)],
        links=[ln for ln in data.links if (ln.a, ln.b) not in drop and (ln.b, ln.a) not in drop])
    return reduced, heldout


def _rank_score(model: Scorer, parts: dict[str, np.ndarray], weights: dict[str, float], query: int,
                relevant: set[int], mask: np.ndarray, cross: np.ndarray | None = None) -> float:
    score = model.combine(parts, weights, cross)
    cand = mask.copy()
    cand[query] = False
    cand[model.partners_of(query)] = False
    pool = np.flatnonzero(cand)
    order = pool[np.lexsort((pool, -model.popularity[pool], -score[pool]))][:100]
    m = score_one([int(j) for j in order], relevant, 10)
    return m["recall@10"] + m["mrr"]


def refit_weights(model: Scorer, data: Dataset, seed: int = 0) -> dict[str, object]:
    """Fit LogisticRegression weights on simulated held-out needs; adopt them only if they win."""
    info: dict[str, object] = {"method": "LogisticRegression on score parts", "adopted": False}
    model.weights_info = info
    reduced, heldout = simulate_holdout(data, seed=seed)
    n_pos = sum(len(v) for v in heldout.values())
    info["positives"] = n_pos
    if n_pos < MIN_POSITIVES or len(heldout) < 10:
        info["reason"] = f"only {n_pos} labelled positives over {len(heldout)} organisations"
        return info
    sim = Scorer.build(reduced, morphology=model.morphology, use_embeddings=model.use_embeddings,
                       weights=model.weights)
    mask = sim.kind_mask({"hospital", "university"})
    rng = np.random.default_rng(seed)
    firms = sorted(heldout, key=lambda f: sim.org_index[f])
    rng.shuffle(firms)
    half = len(firms) // 2
    train, valid = firms[:half], firms[half:]
    rows, labels, cache = [], [], {}
    for f in firms:
        qi = sim.org_index[f]
        need_rows = sim.needs_by_org.get(qi, [])
        v = sim.vectors
        E = v.E[need_rows] if (sim.use_embeddings and v.E is not None) else None
        ctx: dict = {}
        parts = sim.query_parts(qi, v.X[need_rows], v.Fx[need_rows], E,
                                [sim.listings[r].text for r in need_rows],
                                [v.tokens[r] for r in need_rows], mask, ctx)
        rel = {sim.org_index[p] for p in heldout[f] if mask[sim.org_index[p]]}
        cache[f] = (qi, parts, rel, ctx["cross_language"])
        if f not in train:
            continue
        score = sim.combine(parts, cross=ctx["cross_language"])
        cand = mask.copy()
        cand[qi] = False
        cand[sim.partners_of(qi)] = False
        pool = np.flatnonzero(cand)
        hard = pool[np.argsort(-score[pool])[:NEG_HARD]]
        rand = rng.choice(pool, size=min(NEG_RANDOM, len(pool)), replace=False)
        for j in set(hard) | set(rand) | rel:
            rows.append([parts[k][j] for k in PARTS])
            labels.append(1 if j in rel else 0)
    X, y = np.asarray(rows), np.asarray(labels)
    varying = X.std(axis=0) > 1e-9
    if y.sum() < 5 or not varying.any():
        info["reason"] = "too few positives in the training half"
        return info
    lr = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000)
    lr.fit(X[:, varying], y)
    coefs = dict(zip([p for p, v in zip(PARTS, varying, strict=True) if v], lr.coef_[0], strict=True))
    # keep hand weights for parts the labels cannot inform (no variance, e.g. capacity on ctgov)
    trained_mass = sum(abs(model.weights.get(k, 0.0)) for k in coefs) or 1.0
    scale = trained_mass / (sum(abs(c) for c in coefs.values()) or 1.0)
    learned = {k: (float(coefs[k]) * scale if k in coefs else model.weights.get(k, 0.0)) for k in PARTS}
    default_per = np.array([_rank_score(sim, cache[f][1], model.weights, cache[f][0], cache[f][2], mask,
                                       cache[f][3])
                            for f in valid])
    learned_per = np.array([_rank_score(sim, cache[f][1], learned, cache[f][0], cache[f][2], mask,
                                       cache[f][3])
                            for f in valid])
    default_fig, learned_fig = default_per.mean(), learned_per.mean()
    # "wins" means beyond noise: a paired bootstrap over the validation organisations
    diffs = learned_per - default_per
    boot = rng.choice(diffs, size=(BOOTSTRAP, len(diffs)), replace=True).mean(axis=1)
    confidence = float((boot > 0).mean())
    info.update({"train_orgs": len(train), "valid_orgs": len(valid),
                 "default_valid_r10_plus_mrr": round(float(default_fig), 4),
                 "refit_valid_r10_plus_mrr": round(float(learned_fig), 4),
                 "bootstrap_share_refit_better": round(confidence, 3),
                 "refit_weights": {k: round(v, 4) for k, v in learned.items()}})
    if learned_fig > default_fig and confidence >= ADOPT_CONFIDENCE:
        info["adopted"] = True
        info["default_weights"] = dict(model.weights)
        model.weights = learned
    return info
