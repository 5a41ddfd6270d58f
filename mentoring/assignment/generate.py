"""Random cohorts for tests and the benchmark (deterministic per seed)."""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterator

from .model import DEFAULT_PANEL, Instance

TOPICS = 6


def random_instance(
    startups: int,
    mentors: int,
    *,
    panel: int = DEFAULT_PANEL,
    density: float = 1.0,
    conflict_rate: float = 0.02,
    capacity: tuple[int, int] = (1, 3),
    seed: int = 0,
) -> Instance:
    """A cohort whose fits come from shared topics, so popular mentors are contested.

    Each startup and mentor gets a random topic profile; a pair's fit is the cosine of the two
    profiles plus a little noise, rounded to 3 decimals. A ``density`` share of pairs is scored
    (the rest have no score), a ``conflict_rate`` share is a conflict of interest, and mentor
    capacities are drawn uniformly from ``capacity``.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    s_ids = [f"s{i}" for i in range(startups)]
    m_ids = [f"m{i}" for i in range(mentors)]

    def profile() -> list[float]:
        raw = [rng.random() ** 3 for _ in range(TOPICS)]
        norm = math.sqrt(sum(x * x for x in raw)) or 1.0
        return [x / norm for x in raw]

    s_prof = {s: profile() for s in s_ids}
    m_prof = {m: profile() for m in m_ids}
    caps = {m: rng.randint(*capacity) for m in m_ids}
    scores: dict[tuple[str, str], float] = {}
    conflicts: set[tuple[str, str]] = set()
    for s in s_ids:
        for m in m_ids:
            if rng.random() < density:
                fit = sum(a * b for a, b in zip(s_prof[s], m_prof[m], strict=True)) + rng.gauss(0, 0.05)
                scores[s, m] = round(min(1.0, max(0.0, fit)), 3)
            if rng.random() < conflict_rate:
                conflicts.add((s, m))
    return Instance(tuple(s_ids), caps, scores, frozenset(conflicts), panel)


def to_jsonl(instance: Instance) -> Iterator[str]:
    """The instance as ``assign_mentors`` input lines."""
    yield json.dumps({"type": "settings", "panel": instance.panel})
    for s in instance.startups:
        yield json.dumps({"type": "startup", "id": s})
    for m, cap in instance.capacity.items():
        yield json.dumps({"type": "mentor", "id": m, "capacity": cap})
    for s, m in sorted(instance.conflicts):
        yield json.dumps({"type": "conflict", "startup": s, "mentor": m})
    for (s, m), score in instance.scores.items():
        yield json.dumps({"type": "score", "startup": s, "mentor": m, "score": score})
