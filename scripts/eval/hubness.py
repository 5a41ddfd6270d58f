"""Hubness and "demand" priors, searched (research; nothing shipped imports this).

  python scripts/eval/hubness.py dump DATA.jsonl.gz PARTS.pkl
      fit the engine (no refit) and keep every firm's score parts against every organisation.
  python scripts/eval/hubness.py firstday PARTS.pkl     (PARTS from coldstart.py's nohist view)
      first-day ranking (top 100, scored as score_partners.py on the full dev file): the engine's
      combined score, minus a CSLS-style hub penalty on the topical parts (each candidate's mean
      topical score over its K best-matching firms), or plus the same quantity as a demand prior,
      or plus log(number of firms whose top 100 holds the candidate).
  python scripts/eval/hubness.py lane PARTS.pkl         (PARTS from coldstart.py's input view)
      how many newcomer test links rank among the first 20 / 39 of the firm's newcomers when the
      lane order gets the demand prior or activity added.

  python scripts/eval/hubness.py texts-to-links NOHIST.jsonl.gz OUT.jsonl.gz
      the first-day file plus a link for every firm need whose text (title + description,
      whitespace-collapsed, lower case) is also an institution's capability text: how much of the
      removed history the first-day file still holds (see docs/matching.md; not used by the engine).

All firms are used for both choosing and reporting, so every gain printed is optimistic.
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from matching.engine.metrics import clean, score_one
from matching.engine.offline import read_truth

FULL = str(Path(__file__).resolve().parents[2].parent / "shared/eval/ctgov-partners-dev.jsonl.gz")
TOPICAL = ("text", "text_max", "embed", "facets")


def dump(path: str, out: str) -> None:
    from matching.engine.exchange import read_exchange
    from matching.engine.model import fit
    from matching.engine.types import INSTITUTION_KINDS

    t0 = time.perf_counter()
    model = fit(read_exchange(path), refit=False, use_embeddings=True)
    mask = model.kind_mask(INSTITUTION_KINDS)
    firms = [i for i, o in enumerate(model.orgs) if o.kind == "firm"]
    parts_all: dict[str, np.ndarray] = {}
    v = model.vectors
    for n, qi in enumerate(firms):
        rows = model.needs_by_org.get(qi, [])
        ctx: dict = {}
        parts = model.query_parts(qi, v.X[rows], v.Fx[rows], v.E[rows] if v.E is not None else None,
                                  [model.listings[r].text for r in rows], [v.tokens[r] for r in rows],
                                  mask, ctx)
        parts["score"] = model.combine(parts, cross=ctx.get("cross_language"))
        for k, p in parts.items():
            parts_all.setdefault(k, np.zeros((len(firms), model.n_orgs), dtype=np.float32))[n] = p
    blob = {"ids": [o.id for o in model.orgs], "firms": firms, "mask": mask, "P": parts_all,
            "partners": {qi: model.partners_of(qi).copy() for qi in firms},
            "deg": np.asarray(model.adjacency.sum(axis=1)).ravel(), "weights": model.weights}
    with open(out, "wb") as fh:
        pickle.dump(blob, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"dumped {len(firms)} firms in {time.perf_counter() - t0:.1f}s", file=sys.stderr)


def _evaluate(blob: dict, S: np.ndarray, known: dict, test: dict, cands: set[str]) -> dict[str, float]:
    ids, mask, res = blob["ids"], blob["mask"], []
    for n, qi in enumerate(blob["firms"]):
        f = ids[qi]
        if not test.get(f):
            continue
        v = np.where(mask, S[n], -np.inf).astype(np.float64)
        v[qi] = -np.inf
        order = np.argsort(-v, kind="stable")[:100 + len(known.get(f, ()))]
        res.append(score_one(clean([ids[j] for j in order], f, cands, known.get(f, set()))[:100], test[f], 10))
    return {k: round(float(np.mean([x[k] for x in res])), 4) for k in ("recall@10", "recall@50", "mrr")}


def _demand(P: dict, w: dict, mask: np.ndarray, K: int) -> np.ndarray:
    topical = sum(w[p] * P[p] for p in TOPICAL)
    d = np.sort(topical, axis=0)[-K:].mean(axis=0)
    return d / d[mask].max()


def firstday(path: str) -> None:
    kinds, known, test = read_truth(FULL)
    cands = {o for o, k in kinds.items() if k in ("hospital", "university")}
    with open(path, "rb") as fh:
        blob = pickle.load(fh)  # noqa: S301 - our own dump
    P, mask, w, base = blob["P"], blob["mask"], blob["weights"], blob["P"]["score"]
    print("engine", _evaluate(blob, base, known, test, cands))
    for K in (5, 10, 20, 50):
        for a in (0.5, 1.0):
            S = base - a * sum(w[p] * np.sort(P[p], axis=0)[-K:].mean(axis=0) for p in TOPICAL)
            print(f"hub penalty K={K} a={a}", _evaluate(blob, S, known, test, cands))
    for K in (20, 50, len(blob["firms"])):
        d = _demand(P, w, mask, K)
        for a in (0.05, 0.1, 0.2, 0.4):
            print(f"demand prior K={K} a={a}", _evaluate(blob, base + a * d, known, test, cands))
    cnt = np.zeros(base.shape[1])
    for n in range(base.shape[0]):
        cnt[np.argsort(-np.where(mask, base[n], -np.inf))[:100]] += 1
    c = np.log1p(cnt) / np.log1p(cnt.max())
    for a in (0.05, 0.1, 0.2, 0.4):
        print(f"top-100 count a={a}", _evaluate(blob, base + a * c, known, test, cands))


def lane(path: str) -> None:
    _, _, test = read_truth(FULL)
    with open(path, "rb") as fh:
        blob = pickle.load(fh)  # noqa: S301 - our own dump
    P, mask, ids, w = blob["P"], blob["mask"], blob["ids"], blob["weights"]
    idx = {o: i for i, o in enumerate(ids)}
    newcomer = mask & (blob["deg"] == 0)
    base = P["text_max"] + 0.5 * P["embed"]  # ranking.lane_score

    def run(S: np.ndarray, name: str) -> None:
        in20 = in39 = total = 0
        for n, qi in enumerate(blob["firms"]):
            pos = [idx[t] for t in test.get(ids[qi], ()) if newcomer[idx[t]]]
            if not pos:
                continue
            order = np.argsort(-np.where(newcomer, S[n], -np.inf), kind="stable")[:39]
            in20 += sum(1 for p in pos if p in order[:20])
            in39 += sum(1 for p in pos if p in order)
            total += len(pos)
        print(f"{name:28s} newcomer links {total}: in first 20 {in20}, in first 39 {in39}")

    run(base, "lane order (default)")
    for K in (20, 50, len(blob["firms"])):
        d = _demand(P, w, mask, K)
        for a in (0.1, 0.3, 1.0):
            run(base + a * d, f"+ demand K={K} a={a}")
    for a in (0.1, 0.3):
        run(base + a * P["activity"], f"+ activity a={a}")


def texts_to_links(path: str, out: str) -> None:
    import gzip
    import json

    with gzip.open(path, "rt", encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh if line.strip()]

    def norm(r: dict) -> str:
        return " ".join(f"{r.get('title', '')}\n{r.get('description', '')}".lower().split())

    sites: dict[str, set[str]] = {}
    for r in recs:
        if r["type"] == "listing" and r["side"] == "capability":
            sites.setdefault(norm(r), set()).add(r["org"])
    links = sorted({(r["org"], o) for r in recs if r["type"] == "listing" and r["side"] == "need"
                    for o in sites.get(norm(r), ())})
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        for r in recs + [{"type": "link", "a": a, "b": b, "split": "known"} for a, b in links]:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(links)} links from identical need/capability texts", file=sys.stderr)


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    {"dump": dump, "firstday": firstday, "lane": lane, "texts-to-links": texts_to_links}[cmd](*args)
