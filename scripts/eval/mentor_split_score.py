"""Mentor-ranking loss on the tune / held halves of the expertise dev set, with a paired bootstrap.

  python scripts/eval/mentor_split_score.py RATINGS.json BEFORE.jsonl [AFTER.jsonl]
                                            [--split scripts/eval/mentor_split.json] [--boot 1000] [--seed 0]

The loss is the main metric of ../shared/eval/score_mentors.py (imported from there, checked equal on
the full set): for each mentor, every pair of rated listings ordered against the ratings costs
|rating difference| (a tie half of it), pooled over mentors and divided by the pooled maximum. With two
rankings it prints both losses per half and, per half, the paired bootstrap over mentors (resampling
mentors with replacement, the pooled loss recomputed for both methods) of after - before: mean and
95% interval.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import combinations
from pathlib import Path

import numpy as np

SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score_mentors.py"


def _scorer():
    import importlib.util
    spec = importlib.util.spec_from_file_location("score_mentors", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


SM = _scorer()


def per_mentor(preds: dict, refs: dict) -> dict[str, tuple[float, float]]:
    """mentor -> (loss, max loss): the two sums of main_metric restricted to that mentor."""
    out = {}
    for mentor, rated in refs.items():
        got = preds.get(mentor, {})
        loss = top = 0.0
        for l1, l2 in combinations(list(rated), 2):
            pred = SM.compare(got.get(l1, SM.MISSING), got.get(l2, SM.MISSING))
            true = rated[l1] - rated[l2]
            top += abs(true)
            if pred * true == 0:
                loss += abs(true) / 2
            elif pred * true < 0:
                loss += abs(true)
        out[mentor] = (loss, top)
    return out


def pooled(parts: dict[str, tuple[float, float]], mentors: list[str]) -> float:
    top = sum(parts[m][1] for m in mentors)
    return sum(parts[m][0] for m in mentors) / top if top else float("nan")


def bootstrap(before: dict, after: dict, mentors: list[str], boot: int, seed: int) -> tuple[float, float, float]:
    rng = np.random.default_rng(seed)
    b = np.array([before[m] for m in mentors])
    a = np.array([after[m] for m in mentors])
    diffs = np.empty(boot)
    for i in range(boot):
        idx = rng.integers(0, len(mentors), len(mentors))
        diffs[i] = a[idx, 0].sum() / a[idx, 1].sum() - b[idx, 0].sum() / b[idx, 1].sum()
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return float(diffs.mean()), float(lo), float(hi)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ratings")
    ap.add_argument("before")
    ap.add_argument("after", nargs="?")
    ap.add_argument("--split", default=str(Path(__file__).with_name("mentor_split.json")))
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    refs = SM.load_ratings(args.ratings)
    split = json.loads(Path(args.split).read_text())
    runs = {"before": args.before} | ({"after": args.after} if args.after else {})
    parts = {}
    for name, path in runs.items():
        preds = SM.load_predictions(path)
        parts[name] = per_mentor(preds, refs)
        full, _, _ = SM.main_metric(preds, refs)
        mine = pooled(parts[name], list(refs))
        if abs(full - mine) > 1e-12:
            sys.exit(f"internal error: per-mentor loss {mine} differs from score_mentors {full}")
    report: dict = {}
    for half in ("tune", "held", "all"):
        mentors = list(refs) if half == "all" else [m for m in split[half] if m in refs]
        row = {name: round(pooled(p, mentors), 4) for name, p in parts.items()}
        if "after" in parts and half != "all":
            mean, lo, hi = bootstrap(parts["before"], parts["after"], mentors, args.boot, args.seed)
            row["diff"] = round(mean, 4)
            row["ci95"] = [round(lo, 4), round(hi, 4)]
        report[half] = row | {"mentors": len(mentors)}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
