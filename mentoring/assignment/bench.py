"""The ``bench_assign_mentors`` cases: the optimum against the greedy baseline on generated cohorts."""

from __future__ import annotations

import time
from dataclasses import dataclass

from .generate import random_instance
from .solve import assign, check_assignment, greedy_assign


@dataclass(frozen=True)
class BenchRow:
    case: str
    startups: int
    mentors: int
    pairs: int  # scored pairs
    seats_demanded: int
    mentor_capacity: int
    optimum_seats: int
    optimum_fit: float
    optimum_seconds: float
    greedy_seats: int
    greedy_fit: float
    greedy_seconds: float


def run_case(case: str, startups: int, mentors: int, *, density: float, panel: int = 3, seed: int = 1) -> BenchRow:
    """Generate one cohort, time both methods and check both results."""
    inst = random_instance(startups, mentors, panel=panel, density=density, seed=seed)
    started = time.perf_counter()
    best = assign(inst)
    best_secs = time.perf_counter() - started
    started = time.perf_counter()
    greedy = greedy_assign(inst)
    greedy_secs = time.perf_counter() - started
    for result in (best, greedy):
        problems = check_assignment(inst, result)
        if problems:
            raise AssertionError(f"{case} {result.method}: {problems[0]}")
    if greedy.key > best.key:
        raise AssertionError(f"{case}: greedy {greedy.key} beats the optimum {best.key}")
    return BenchRow(
        case=case,
        startups=startups,
        mentors=mentors,
        pairs=len(inst.scores),
        seats_demanded=startups * panel,
        mentor_capacity=sum(inst.capacity.values()),
        optimum_seats=len(best.seats),
        optimum_fit=round(best.total_score, 3),
        optimum_seconds=round(best_secs, 3),
        greedy_seats=len(greedy.seats),
        greedy_fit=round(greedy.total_score, 3),
        greedy_seconds=round(greedy_secs, 3),
    )
