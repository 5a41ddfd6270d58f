"""Benchmark: ``python -m events.scheduling.bench [--exact-limit S] [--write DIR]``.

Prints a Markdown table of greedy vs heuristic vs auto vs exact on generated instances
(the figures in docs/scheduling.md). ``--write DIR`` also saves each instance as JSON Lines
so ``manage.py schedule_meetings --data DIR/<name>.jsonl`` can be run on the same data.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .generate import random_instance, to_jsonl
from .solve import check_schedule, schedule_instance

# (name, attendees, requests, slots, tables, popularity)
CASES = [
    ("u300", 300, 1500, 12, 100, 0.0),
    ("z300", 300, 1500, 12, 100, 1.0),
    ("u500", 500, 3000, 16, 100, 0.0),
    ("z500", 500, 3000, 16, 100, 1.0),
    ("t300", 300, 1500, 12, 40, 0.5),
    ("u1000", 1000, 8000, 16, 200, 0.0),
]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=10.0, help="budget of auto and heuristic")
    parser.add_argument("--exact-limit", type=float, default=60.0, help="time limit of the exact run (0 = skip)")
    parser.add_argument("--only", nargs="*", help="case names to run")
    parser.add_argument("--write", type=Path, help="directory to save the instances in")
    args = parser.parse_args(argv)
    print("| case | attendees/requests/slots/tables | greedy | heuristic (s) | auto (s) | exact (s) | bound |")
    print("|---|---|---|---|---|---|---|")
    for name, n, m, slots, tables, pop in CASES:
        if args.only and name not in args.only:
            continue
        inst = random_instance(n, m, slots, tables, seed=args.seed, popularity=pop)
        if args.write:
            args.write.mkdir(parents=True, exist_ok=True)
            (args.write / f"{name}.jsonl").write_text("\n".join(to_jsonl(inst)) + "\n", encoding="utf-8")
        cells = []
        bound = None
        runs = [("greedy", args.time_limit), ("heuristic", args.time_limit), ("auto", args.time_limit)]
        if args.exact_limit > 0:
            runs.append(("exact", args.exact_limit))
        for method, limit in runs:
            t = time.perf_counter()
            res = schedule_instance(inst, method=method, time_limit=limit)
            secs = time.perf_counter() - t
            if check_schedule(inst, res):
                raise SystemExit(f"{name} {method}: invalid schedule")
            star = "*" if res.optimal else ""
            cell = f"{res.scheduled}{star} / {res.weight:.1f}"
            cells.append(cell if method == "greedy" else f"{cell} ({secs:.1f})")
            if res.upper_bound is not None:
                bound = res.upper_bound if bound is None else min(bound, res.upper_bound)
        cells += ["—"] * (4 - len(cells))
        print(f"| {name} | {n}/{m}/{slots}/{tables} | " + " | ".join(cells) + f" | {bound} |", flush=True)


if __name__ == "__main__":
    main()
