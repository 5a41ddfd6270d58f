"""Per-firm comparison of two rank_partners outputs on a partners file, with a paired bootstrap.

  python scripts/eval/compare_ranks.py FULL.jsonl.gz BEFORE.ranks AFTER.ranks [--mode all|cold]
                                       [--split SPLIT.json] [--boot 2000]

mode all: every test link (the scorer's figures; the 'nohist' view when the ranks come from nohist);
mode cold: only links to institutions with no known link, other test partners dropped from each list
(as shared/eval/coldstart.py does). SPLIT.json: {"tune": [firm ids], "held": [firm ids]}; figures
are printed for each part. The bootstrap resamples firms; it prints the mean difference (after -
before) and its 95% interval per metric.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from matching.engine.metrics import clean, score_one
from matching.engine.offline import read_truth

KEYS = ("recall@10", "recall@50", "mrr", "ndcg@10")


def per_firm(path: str, ranks: str, mode: str) -> dict[str, dict[str, float]]:
    kinds, known, test = read_truth(path)
    degree: dict[str, int] = defaultdict(int)
    for inst in (i for s in known.values() for i in s):
        degree[inst] += 1
    rankings = {}
    with open(ranks, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                rankings.setdefault(rec["query"], [x[0] if isinstance(x, list) else x for x in rec["ranked"]])
    candidates = {o for o, k in kinds.items() if k in ("hospital", "university")}
    out = {}
    for firm, rel in test.items():
        if not rel or kinds.get(firm) != "firm":
            continue
        ranked = rankings.get(firm, [])
        if mode == "cold":
            warm = {i for i in rel if degree[i] > 0}
            rel = {i for i in rel if degree[i] == 0}
            ranked = [i for i in ranked if i not in warm]
            if not rel:
                continue
        out[firm] = score_one(clean(ranked, firm, candidates, known.get(firm, set())), rel, 10)
    return out


def summary(before: dict, after: dict, firms: list[str], boot: int, seed: int = 0) -> dict[str, str]:
    rng = np.random.default_rng(seed)
    res = {}
    for k in KEYS:
        b = np.array([before[f][k] for f in firms])
        a = np.array([after[f][k] for f in firms])
        idx = rng.integers(0, len(firms), size=(boot, len(firms)))
        diffs = (a[idx] - b[idx]).mean(axis=1)
        lo, hi = np.percentile(diffs, [2.5, 97.5])
        res[k] = f"{b.mean():.4f} -> {a.mean():.4f} (diff {a.mean() - b.mean():+.4f}, 95% [{lo:+.4f}, {hi:+.4f}])"
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--mode", choices=["all", "cold"], default="all")
    ap.add_argument("--split")
    ap.add_argument("--boot", type=int, default=2000)
    a = ap.parse_args()
    before, after = per_firm(a.data, a.before, a.mode), per_firm(a.data, a.after, a.mode)
    firms = sorted(before)
    parts = {"all": firms}
    if a.split:
        split = json.loads(Path(a.split).read_text())
        parts.update({name: [f for f in ids if f in before] for name, ids in split.items()})
    for name, fs in parts.items():
        print(json.dumps({"part": name, "firms": len(fs), **summary(before, after, fs, a.boot)}))


if __name__ == "__main__":
    main()
