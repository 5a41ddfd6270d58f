"""File in, rankings out: what ``rank_mentors`` runs (no Django, no database)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from matching.engine.exchange import ExchangeError

from .model import MentorModel, fit
from .reader import read_mentor_file


@dataclass
class MentorRankRun:
    rankings: list[tuple[str, list[tuple[str, float]]]]  # (need id, [(mentor id, score), ...]) in file order
    model: MentorModel
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def rank_mentor_file(path: str | Path, *, top: int = 10, use_embeddings: bool = True) -> MentorRankRun:
    """Every need listing of an exchange file against every mentor; top=0 lists all mentors."""
    if top < 0:
        raise ExchangeError("--top must be 0 (every mentor) or more")
    t0 = time.perf_counter()
    corpus = read_mentor_file(path)
    if not corpus.mentors:
        raise ExchangeError(f"{path}: no mentor records (type 'mentor') to rank")
    t1 = time.perf_counter()
    model = fit(corpus, use_embeddings=use_embeddings)
    t2 = time.perf_counter()
    ranked = model.rank(corpus.needs, top=top)
    t3 = time.perf_counter()
    return MentorRankRun(
        rankings=[(need.id, r) for need, r in zip(corpus.needs, ranked, strict=True)], model=model,
        warnings=corpus.warnings,
        seconds={"read_s": t1 - t0, "fit_s": t2 - t1, "rank_s": t3 - t2, "total_s": t3 - t0})


def ranking_line(need_id: str, ranked: list[tuple[str, float]]) -> str:
    return json.dumps({"query": need_id, "ranked": [[m, s] for m, s in ranked]}, ensure_ascii=False)
