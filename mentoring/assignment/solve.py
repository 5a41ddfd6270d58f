"""Cohort assignment, refill after a decline, the greedy baseline and a checker.

All results are deterministic: the network is built in sorted id order (so the same cohort
given in another line order gets the same panels), and seats are listed in input order.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Iterable

import numpy as np

from .flow import FULL_GRAPH_LIMIT, optimise
from .model import Assignment, Instance, Seat


def assign(instance: Instance, *, full_graph_limit: int = FULL_GRAPH_LIMIT) -> Assignment:
    """The exact optimum: the most seats, then the greatest total fit."""
    return refill(instance, fixed=(), full_graph_limit=full_graph_limit, method="optimal")


def refill(
    instance: Instance,
    *,
    fixed: Iterable[Seat],
    forbidden: Iterable[tuple[str, str]] = (),
    startups: Iterable[str] | None = None,
    full_graph_limit: int = FULL_GRAPH_LIMIT,
    method: str = "refill",
) -> Assignment:
    """Re-run the optimiser with ``fixed`` seats kept and ``forbidden`` pairs never assigned.

    Only the remaining capacity is used: each startup's open seats (``panel`` minus its fixed
    seats) and each mentor's remaining capacity. ``startups`` limits which panels may gain
    seats (default: every panel with an open seat). The result lists the fixed seats too.
    Raises ``ValueError`` when the fixed seats themselves break a constraint.
    """
    started = time.perf_counter()
    fixed = tuple(dict.fromkeys(fixed))
    problems = check_seats(instance, fixed)
    if problems:
        raise ValueError("fixed seats are not valid: " + "; ".join(problems))
    known = set(instance.startups)
    banned = set(forbidden) | instance.conflicts | {(f.startup, f.mentor) for f in fixed}
    unknown = sorted(p for p in banned if p[0] not in known or p[1] not in instance.capacity)
    if unknown:
        raise ValueError(f"forbidden pair with an unknown id: {unknown[0]!r}")
    open_to = known if startups is None else set(startups)
    if not open_to <= known:
        raise ValueError(f"unknown startup {sorted(open_to - known)[0]!r}")

    s_ids, m_ids = sorted(instance.startups), sorted(instance.capacity)
    s_index, m_index = {s: i for i, s in enumerate(s_ids)}, {m: i for i, m in enumerate(m_ids)}
    load, taken = Counter(f.startup for f in fixed), Counter(f.mentor for f in fixed)
    # Clipped in Python: a panel or capacity beyond the other side's size changes nothing, and
    # an input like 10**30 would not fit in int64.
    demand = np.array([min(instance.panel - load[s], len(m_ids)) if s in open_to else 0 for s in s_ids], dtype=np.int64)
    capacity = np.array([min(instance.capacity[m] - taken[m], len(s_ids)) for m in m_ids], dtype=np.int64)
    pairs = sorted((s_index[s], m_index[m], w) for (s, m), w in instance.scores.items() if (s, m) not in banned)
    es = np.array([p[0] for p in pairs], dtype=np.int64)
    em = np.array([p[1] for p in pairs], dtype=np.int64)
    weights = np.array([p[2] for p in pairs], dtype=float)
    stats: dict[str, float] = {}
    chosen = optimise(demand, capacity, es, em, weights, full_graph_limit=full_graph_limit, stats=stats)
    new = [Seat(s_ids[es[i]], m_ids[em[i]]) for i in np.flatnonzero(chosen)]
    stats["seconds"] = time.perf_counter() - started
    return make_assignment(instance, [*fixed, *new], method=method, stats=stats)


def refill_declined(
    instance: Instance,
    assignment: Assignment,
    declined: Seat | Iterable[Seat],
    *,
    forbidden: Iterable[tuple[str, str]] = (),
    startups: Iterable[str] | None = None,
    full_graph_limit: int = FULL_GRAPH_LIMIT,
) -> Assignment:
    """Refill after ``declined`` (one seat or several): every other seat of ``assignment`` stays,
    and a declined pair is never offered again (pass earlier declines in ``forbidden``)."""
    gone = {declined} if isinstance(declined, Seat) else set(declined)
    missing = gone - set(assignment.seats)
    if missing:
        raise ValueError(f"{sorted(missing)[0]} is not a seat of this assignment")
    banned = {(d.startup, d.mentor) for d in gone} | set(forbidden)
    kept = [seat for seat in assignment.seats if seat not in gone]
    return refill(instance, fixed=kept, forbidden=banned, startups=startups, full_graph_limit=full_graph_limit)


def greedy_assign(instance: Instance) -> Assignment:
    """Baseline for the benchmark only: best pairs first, each taken while both sides have room."""
    started = time.perf_counter()
    order = sorted(instance.scores.items(), key=lambda item: (-item[1], item[0]))
    load: Counter[str] = Counter()
    taken: Counter[str] = Counter()
    seats = []
    for (s, m), _ in order:
        if (s, m) in instance.conflicts or load[s] >= instance.panel or taken[m] >= instance.capacity[m]:
            continue
        seats.append(Seat(s, m))
        load[s] += 1
        taken[m] += 1
    return make_assignment(instance, seats, method="greedy", stats={"seconds": time.perf_counter() - started})


def make_assignment(instance: Instance, seats: Iterable[Seat], *, method: str = "", stats: dict | None = None) -> Assignment:
    """Seats in input order with their total fit and the count of short panels."""
    s_pos = {s: i for i, s in enumerate(instance.startups)}
    m_pos = {m: i for i, m in enumerate(instance.capacity)}
    ordered = tuple(sorted(set(seats), key=lambda seat: (s_pos[seat.startup], m_pos[seat.mentor])))
    # math.fsum: the total does not depend on summation order.
    total = math.fsum(instance.scores[seat.startup, seat.mentor] for seat in ordered)
    load = Counter(seat.startup for seat in ordered)
    short = sum(1 for s in instance.startups if load[s] < instance.panel)
    return Assignment(ordered, total, short, method=method, stats=dict(stats or {}))


def check_seats(instance: Instance, seats: Iterable[Seat]) -> list[str]:
    """Broken constraints, one message each; empty when every seat is allowed."""
    problems: list[str] = []
    seats = list(seats)
    startups = set(instance.startups)
    for seat in seats:
        if seat.startup not in startups or seat.mentor not in instance.capacity:
            problems.append(f"{seat}: unknown startup or mentor")
        elif (seat.startup, seat.mentor) in instance.conflicts:
            problems.append(f"{seat}: conflict of interest")
        elif (seat.startup, seat.mentor) not in instance.scores:
            problems.append(f"{seat}: pair has no score")
    for seat, n in Counter(seats).items():
        if n > 1:
            problems.append(f"{seat}: mentor {n} times on one panel")
    for s, n in Counter(seat.startup for seat in seats).items():
        if n > instance.panel:
            problems.append(f"startup {s!r}: {n} mentors, panel is {instance.panel}")
    for m, n in Counter(seat.mentor for seat in seats).items():
        if m in instance.capacity and n > instance.capacity[m]:
            problems.append(f"mentor {m!r}: {n} startups, capacity {instance.capacity[m]}")
    return problems


def check_assignment(instance: Instance, assignment: Assignment) -> list[str]:
    """:func:`check_seats` on an assignment, plus its totals."""
    problems = check_seats(instance, assignment.seats)
    if not problems:
        expected = make_assignment(instance, assignment.seats)
        if abs(expected.total_score - assignment.total_score) > 1e-9 * max(1.0, abs(expected.total_score)):
            problems.append(f"total_score {assignment.total_score} != {expected.total_score}")
        if expected.short_panels != assignment.short_panels:
            problems.append(f"short_panels {assignment.short_panels} != {expected.short_panels}")
    return problems
