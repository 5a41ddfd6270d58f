"""Sweep orderings and floors of the newcomer lane in memory (one model fit, parts computed once).

  python scripts/eval/lane_sweep.py dump FULL.jsonl.gz PARTS.pkl
      fit the model as rank_partners does (read_exchange + fit(refit=True)) and store, for every
      firm with a test link, the score parts, the combined score and the history bits
      order_candidates needs. Slow (the fit); run once.
  python scripts/eval/lane_sweep.py sweep FULL.jsonl.gz PARTS.pkl [--split dev_split.json] [--boot 1000]
      re-order every firm with each candidate lane function / floor (ranking.order_candidates, top
      100, the engine's positions) and print tune-part figures: full recall@10, recall@50, MRR and
      newcomers recall@50 (coldstart.py's definition: links to institutions with no known link,
      the firm's other test partners dropped from its list).
  python scripts/eval/lane_sweep.py held FULL.jsonl.gz PARTS.pkl NAME [--split ...] [--boot 1000]
      the held part (and all firms): baseline vs candidate NAME, paired bootstrap over firms.

Choose on the tune firms only; the held firms decide.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from matching.engine import ranking
from matching.engine.metrics import clean, score_one
from matching.engine.offline import read_truth

TOP = 100  # the newcomers view is scored from --top 100 (coldstart.py)
FULL_TOP = 50  # the full set from the default --top 50 (docs/matching.md figures)


# ---- dump -----------------------------------------------------------------------------------
def dump(data_path: str, out: str) -> None:
    import time

    from matching.engine.exchange import read_exchange
    from matching.engine.model import fit
    from matching.engine.types import INSTITUTION_KINDS

    t0 = time.perf_counter()
    data = read_exchange(data_path)
    model = fit(data, refit=True, use_embeddings=True)
    print(f"fit {time.perf_counter() - t0:.1f}s weights {model.weights}", file=sys.stderr)
    _, _, test = read_truth(data_path)
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
        firms[fid] = {"q": qi, "parts": {k: p.astype(np.float32) for k, p in parts.items()},
                      "score": score, "partners": model.partners_of(qi).copy()}
    blob = {"ids": [o.id for o in model.orgs], "mask": mask, "popularity": model.popularity,
            "nnz": int(model.adjacency.nnz), "firms": firms, "weights": model.weights}
    with open(out, "wb") as fh:
        pickle.dump(blob, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"dumped {len(firms)} firms in {time.perf_counter() - t0:.1f}s", file=sys.stderr)


# ---- re-ordering ----------------------------------------------------------------------------
class _Stub:
    """What order_candidates reads from a model, for one query."""

    def __init__(self, blob: dict) -> None:
        self.n_orgs = len(blob["ids"])
        self.popularity = blob["popularity"]
        self.adjacency = type("A", (), {"nnz": blob["nnz"]})()
        self._partners = np.zeros(0, dtype=np.int64)

    def partners_of(self, oi: int) -> np.ndarray:
        return self._partners


def _rank01(v: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Rank-normalise over the candidates: 1 for the best, 0 for the worst (ties share)."""
    out = np.zeros_like(v, dtype=np.float64)
    idx = np.flatnonzero(mask)
    if len(idx) < 2:
        return out
    order = np.argsort(np.argsort(v[idx], kind="stable"), kind="stable")
    out[idx] = order / (len(idx) - 1)
    return out


LaneFn = Callable[[dict[str, np.ndarray], np.ndarray], np.ndarray]


def parse_positions(raw: str | None) -> tuple[int, ...]:
    if not raw:
        return ranking.LANE_POSITIONS
    lo_hi = raw.split(":")  # "12:50:2" = range(12, 51, 2), or a comma list
    if len(lo_hi) == 3:
        return tuple(range(int(lo_hi[0]), int(lo_hi[1]) + 1, int(lo_hi[2])))
    return tuple(int(x) for x in raw.split(","))


def candidates() -> dict[str, tuple[LaneFn, float]]:
    """name -> (lane function of (parts, mask), LANE_MIN)."""
    c: dict[str, tuple[LaneFn, float]] = {}

    def lin(w: dict[str, float]) -> LaneFn:
        return lambda p, m: sum(wt * p[k].astype(np.float64) for k, wt in w.items())

    def rnk(w: dict[str, float]) -> LaneFn:
        return lambda p, m: sum(wt * _rank01(p[k], m) for k, wt in w.items())

    shapes = {
        "base": {"text_max": 1, "embed": 0.5},
        "tm+e1": {"text_max": 1, "embed": 1},
        "bm25": {"text": 1},
        "bm25+e.5": {"text": 1, "embed": 0.5},
        "bm25+e1": {"text": 1, "embed": 1},
        "bm25+tm+e.5": {"text": 1, "text_max": 1, "embed": 0.5},
        "bm25+tm.5+e1": {"text": 1, "text_max": 0.5, "embed": 1},
        "bm25+tm+e1": {"text": 1, "text_max": 1, "embed": 1},
        "bm25+tm.5+e1+f.3": {"text": 1, "text_max": 0.5, "embed": 1, "facets": 0.3},
        "bm25+e1+f.3": {"text": 1, "embed": 1, "facets": 0.3},
        "bm25+e1+f1": {"text": 1, "embed": 1, "facets": 1},
        "base+f.3": {"text_max": 1, "embed": 0.5, "facets": 0.3},
        "bm25+tm.5+e1+reg.3": {"text": 1, "text_max": 0.5, "embed": 1, "region": 0.3},
        "bm25+tm.5+e1+cap.3": {"text": 1, "text_max": 0.5, "embed": 1, "capacity": 0.3},
        "bm25+tm.5+e1+act.3": {"text": 1, "text_max": 0.5, "embed": 1, "activity": 0.3},
        "base+cop1": {"text_max": 1, "embed": 0.5, "copartner": 1},
        "base+cop3": {"text_max": 1, "embed": 0.5, "copartner": 3},
        "bm25+tm.5+e1+cop1": {"text": 1, "text_max": 0.5, "embed": 1, "copartner": 1},
        "bm25+tm.5+e1+cop3": {"text": 1, "text_max": 0.5, "embed": 1, "copartner": 3},
        "base+reg.5": {"text_max": 1, "embed": 0.5, "region": 0.5},
    }
    for name, w in shapes.items():
        for floor in (0.0, 0.6):
            c[f"{name}@{floor}"] = (lin(w), floor)
    for name, w in {"R:bm25+tm+e": {"text": 1, "text_max": 1, "embed": 1},
                    "R:bm25+e": {"text": 1, "embed": 1},
                    "R:bm25+tm+e+f": {"text": 1, "text_max": 1, "embed": 1, "facets": 1}}.items():
        for floor in (0.0, 0.6, 0.8):
            c[f"{name}@{floor}"] = (rnk(w), floor)
    for floor in (0.3, 0.5, 0.7, 0.8):
        c[f"base@{floor}"] = (lin(shapes["base"]), floor)
    return c


def rankings_for(blob: dict, fn: LaneFn, floor: float,
                 positions: tuple[int, ...] = ranking.LANE_POSITIONS) -> dict[str, list[str]]:
    stub = _Stub(blob)
    ids, mask = blob["ids"], blob["mask"]
    out = {}
    old_min = ranking.LANE_MIN
    ranking.LANE_MIN = floor
    try:
        for fid, f in blob["firms"].items():
            stub._partners = f["partners"]
            lane = fn(f["parts"], mask)
            order, _ = ranking.order_candidates(stub, f["q"], f["score"], mask, TOP, lane, positions)
            out[fid] = [ids[j] for j in order]
    finally:
        ranking.LANE_MIN = old_min
    return out


# ---- scoring --------------------------------------------------------------------------------
class Truth:
    def __init__(self, path: str) -> None:
        self.kinds, self.known, self.test = read_truth(path)
        degree: dict[str, int] = defaultdict(int)
        for inst in (i for s in self.known.values() for i in s):
            degree[inst] += 1
        self.degree = degree
        self.cands = {o for o, k in self.kinds.items() if k in ("hospital", "university")}
        self.firms = sorted(f for f, rel in self.test.items() if rel and self.kinds.get(f) == "firm")

    def per_firm(self, ranks: dict[str, list[str]]) -> dict[str, dict[str, float]]:
        """firm -> {r10, r50, mrr, cold_r50 (None without newcomer links)}."""
        out = {}
        for f in self.firms:
            rel = self.test[f]
            ranked = ranks.get(f, [])
            # full set as rank_partners' default --top 50 prints it; newcomers from --top 100
            full = score_one(clean(ranked[:FULL_TOP], f, self.cands, self.known.get(f, set())), rel, 10)
            cold_rel = {i for i in rel if self.degree[i] == 0}
            cold = None
            if cold_rel:
                warm = rel - cold_rel
                cr = clean([i for i in ranked if i not in warm], f, self.cands, self.known.get(f, set()))
                cold = score_one(cr, cold_rel, 10)["recall@50"]
            out[f] = {"r10": full["recall@10"], "r50": full["recall@50"], "mrr": full["mrr"], "cold_r50": cold}
        return out


def means(pf: dict, firms: list[str]) -> dict[str, float]:
    res = {}
    for k in ("r10", "r50", "mrr", "cold_r50"):
        vals = [pf[f][k] for f in firms if f in pf and pf[f][k] is not None]
        res[k] = round(float(np.mean(vals)), 4) if vals else float("nan")
    return res


def boot(before: dict, after: dict, firms: list[str], key: str, n: int, seed: int = 0) -> str:
    fs = [f for f in firms if before[f][key] is not None]
    b = np.array([before[f][key] for f in fs])
    a = np.array([after[f][key] for f in fs])
    idx = np.random.default_rng(seed).integers(0, len(fs), size=(n, len(fs)))
    d = (a[idx] - b[idx]).mean(axis=1)
    lo, hi = np.percentile(d, [2.5, 97.5])
    return (f"{key} n={len(fs)}: {b.mean():.4f} -> {a.mean():.4f} "
            f"(diff {a.mean() - b.mean():+.4f}, 95% [{lo:+.4f}, {hi:+.4f}])")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["dump", "sweep", "held"])
    ap.add_argument("data")
    ap.add_argument("parts")
    ap.add_argument("name", nargs="?")
    ap.add_argument("--split", default=str(Path(__file__).with_name("dev_split.json")))
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--positions", help="lane positions of the candidate: 12:50:2 or 12,14,20")
    a = ap.parse_args()
    if a.cmd == "dump":
        dump(a.data, a.parts)
        return
    with open(a.parts, "rb") as fh:
        blob = pickle.load(fh)  # noqa: S301 - our own dump
    truth = Truth(a.data)
    split = json.loads(Path(a.split).read_text())
    cands = candidates()
    base = truth.per_firm(rankings_for(blob, *cands["base@0.6"]))
    positions = parse_positions(a.positions)
    if a.cmd == "sweep":
        print(json.dumps({"name": "base@0.6 (all firms)", **means(base, truth.firms)}))
        print(json.dumps({"name": "base@0.6 (tune firms)", **means(base, split["tune"])}))
        for name, (fn, floor) in cands.items():
            pf = truth.per_firm(rankings_for(blob, fn, floor, positions))
            print(json.dumps({"name": name, **means(pf, split["tune"])}))
        return
    fn, floor = cands[a.name]
    after = truth.per_firm(rankings_for(blob, fn, floor, positions))
    for part, firms in (("held", split["held"]), ("tune", split["tune"]), ("all", truth.firms)):
        print(f"[{part}] {a.name} (positions {a.positions or 'default'}) vs base@0.6")
        for key in ("cold_r50", "r10", "mrr", "r50"):
            print("  " + boot(base, after, firms, key, a.boot))


if __name__ == "__main__":
    main()
