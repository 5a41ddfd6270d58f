"""File in, rankings out: what rank_partners and evaluate_matching run (no Django, no database)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from .exchange import ExchangeError, _iter_lines, read_exchange
from .exposure import apply_exposure_cap
from .metrics import evaluate_rankings, split_links, top_share
from .model import Model, fit
from .ranking import LANE_POSITIONS, rank_all

CAP_POOL = 1000  # how deep each query's list goes when the exposure cap needs replacements


@dataclass
class RankRun:
    rankings: dict[str, list[str]]
    model: Model
    seconds: dict[str, float] = field(default_factory=dict)


def rank_file(path: str | Path, *, top: int = 50, exposure_cap: int = 0, refit: bool = True,
              use_embeddings: bool = True, lane_positions: tuple[int, ...] = LANE_POSITIONS) -> RankRun:
    """Rank every firm of an exchange file; links other than known/unsplit are never read."""
    if top < 1:
        raise ExchangeError("--top must be >= 1")
    t0 = time.perf_counter()
    data = read_exchange(path)
    t1 = time.perf_counter()
    model = fit(data, refit=refit, use_embeddings=use_embeddings)
    t2 = time.perf_counter()
    depth = max(top, CAP_POOL) if exposure_cap > 0 else top
    rankings = {q: [c.org_id for c in cands] for q, cands in rank_all(model, top=depth, positions=lane_positions)}
    if exposure_cap > 0:
        rankings = apply_exposure_cap(rankings, exposure_cap, top)
    t3 = time.perf_counter()
    return RankRun(rankings, model, {"read_s": t1 - t0, "fit_s": t2 - t1, "rank_s": t3 - t2,
                                     "total_s": t3 - t0})


def read_truth(path: str | Path) -> tuple[dict[str, str], dict[str, set[str]], dict[str, set[str]]]:
    """(kinds, known, test) exactly as score_partners.py reads them (test links included)."""
    kinds: dict[str, str] = {}
    known: dict[str, set[str]] = {}
    test: dict[str, set[str]] = {}
    for where, rec in _iter_lines(path):
        if rec.get("type") == "organization":
            kinds[rec.get("id")] = rec.get("kind")
        elif rec.get("type") == "link":
            try:
                triple = (rec["a"], rec["b"], rec.get("split"))
            except KeyError as exc:
                raise ExchangeError(f"{where}: link without {exc}") from None
            # oriented with the kinds read so far, as the scorer does
            k, t = split_links(kinds, [triple])
            for src, dst in ((k, known), (t, test)):
                for a, bs in src.items():
                    dst.setdefault(a, set()).update(bs)
    return kinds, known, test


def evaluate_file(path: str | Path, *, k: int = 10, top: int = 50, exposure_cap: int = 0,
                  refit: bool = True, use_embeddings: bool = True) -> dict[str, object]:
    run = rank_file(path, top=max(top, k), exposure_cap=exposure_cap, refit=refit,
                    use_embeddings=use_embeddings)
    kinds, known, test = read_truth(path)
    result = evaluate_rankings(kinds, known, test, run.rankings, k=k)
    result["top10_share_of_10_most_proposed"] = round(top_share(run.rankings, 10, 10), 4)
    result["seconds"] = {key: round(v, 2) for key, v in run.seconds.items()}
    return result


def rankings_jsonl(rankings: dict[str, list[str]]) -> str:
    return "".join(json.dumps({"query": q, "ranked": r}) + "\n" for q, r in rankings.items())
