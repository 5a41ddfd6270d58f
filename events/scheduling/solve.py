"""Public entry points: ``schedule``, ``greedy_baseline`` and ``check_schedule``."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping

from .board import Board, Problem, build_problem, greedy_fill, weight_order
from .exact import lp_fill, solve_exact, solve_lp
from .model import Instance, Placement, Request, Schedule
from .repair import improve, iterated_search, pressure_order

METHODS = ("auto", "greedy", "heuristic", "exact")
DEFAULT_TIME_LIMIT = 5.0  # seconds; the search stops earlier once it stalls or is optimal
# Above this many (request, slot) variables HiGHS' branch and bound seldom beats the local
# search within a few seconds (its simplex stalls on the degenerate root LP of uniform
# instances), so ``auto`` leaves it out; ``--method exact`` still runs it.
EXACT_MAX_VARS = 6_000
# The LP relaxation (interior point) takes about 2 s at 30,000 variables.
LP_MAX_VARS = 40_000


def _instance(
    slots: int,
    tables: int,
    availability: Mapping[str, Iterable[int] | None],
    requests: Iterable[Request],
    fixed: Iterable[Placement],
) -> Instance:
    return Instance(
        slots=slots,
        tables=tables,
        availability={k: None if v is None else frozenset(v) for k, v in availability.items()},
        requests=list(requests),
        fixed=list(fixed),
    )


def _result(board: Board, method: str, **extra: object) -> Schedule:
    prob = board.prob
    return Schedule(
        placements=board.placements(),
        requests=prob.n_requests,
        scheduled=len(prob.fixed) + board.count,
        weight=prob.fixed_weight + board.total_weight(),
        method=method,
        **extra,
    )


def _better(x: Board, y: Board) -> bool:
    """Lexicographic: more meetings, else more weight (beyond float noise)."""
    if x.count != y.count:
        return x.count > y.count
    return x.total_weight() > y.total_weight() + 1e-9


def _greedy_board(prob: Problem) -> Board:
    board = Board(prob)
    greedy_fill(board, weight_order(prob))
    board.journal.clear()
    return board


def greedy_baseline(
    slots: int,
    tables: int,
    availability: Mapping[str, Iterable[int] | None],
    requests: Iterable[Request],
    fixed: Iterable[Placement] = (),
) -> Schedule:
    """Reference schedule: highest weight first, earliest common free slot with a free table."""
    prob = build_problem(_instance(slots, tables, availability, requests, fixed))
    return _result(_greedy_board(prob), "greedy")


def schedule(
    slots: int,
    tables: int,
    availability: Mapping[str, Iterable[int] | None],
    requests: Iterable[Request],
    fixed: Iterable[Placement] = (),
    *,
    method: str = "auto",
    time_limit: float = DEFAULT_TIME_LIMIT,
    seed: int = 0,
) -> Schedule:
    """Schedule the open requests around the ``fixed`` meetings, which are kept as they are.

    ``availability[id] is None`` means every slot. Requests a->b and b->a are one meeting (the
    higher weight counts). The result meets at least as many requests as
    :func:`greedy_baseline`, with at least its weight when the counts are equal.
    """
    return schedule_instance(
        _instance(slots, tables, availability, requests, fixed),
        method=method,
        time_limit=time_limit,
        seed=seed,
    )


def _heuristic(
    prob: Problem,
    board: Board,
    order: list[int],
    start: float,
    time_limit: float,
    run_exact: bool,
    seed: int,
    stats: dict[str, float],
) -> tuple[Board, int | None]:
    """Best of three repaired starts (greedy, scarcity order, LP-guided), then iterated
    local search. Returns the board and the LP bound on open requests met, if computed."""
    improve(board, order, deadline=start + 0.15 * time_limit, seed=seed)
    stats["greedy_repaired"] = len(prob.fixed) + board.count
    alt = Board(prob)
    greedy_fill(alt, pressure_order(alt, order))
    starts = [alt]
    lp_bound = None
    if prob.size <= LP_MAX_VARS:
        lp_bound, frac = solve_lp(prob, time_limit=0.3 * time_limit)
        if frac is not None:
            stats["lp_bound"] = len(prob.fixed) + lp_bound
            alt = Board(prob)
            lp_fill(alt, frac)
            starts.append(alt)
    for i, alt in enumerate(starts, start=1):
        alt.journal.clear()
        improve(alt, order, deadline=start + (0.3 + 0.1 * i) * time_limit, seed=seed + i)
        if _better(alt, board):
            board = alt
    if board.count < sum(1 for f in prob.feas if f):
        # Without the exact model the whole budget may go here; it stops once it stalls.
        ils_deadline = start + (0.6 if run_exact else 1.0) * time_limit
        stats.update(iterated_search(board, order, deadline=ils_deadline, seed=seed))
    return board, lp_bound


def schedule_instance(inst: Instance, *, method: str = "auto", time_limit: float = DEFAULT_TIME_LIMIT, seed: int = 0) -> Schedule:
    """:func:`schedule` on a parsed :class:`Instance`."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    start = time.perf_counter()
    deadline = start + time_limit
    prob = build_problem(inst)
    greedy = _greedy_board(prob)
    board = _greedy_board(prob)
    stats: dict[str, float] = {"greedy": len(prob.fixed) + board.count, "variables": prob.size}
    if method == "greedy":
        return _result(board, "greedy", stats=stats)

    order = weight_order(prob)
    n_feasible = sum(1 for f in prob.feas if f)
    # Trivial bound: all schedulable requests, and no more than the free tables.
    bound = min(n_feasible, sum(prob.cap))
    used = "greedy"
    run_exact = method == "exact" or (method == "auto" and prob.size <= EXACT_MAX_VARS)
    if method in ("auto", "heuristic") and board.count < n_feasible:
        board, lp_bound = _heuristic(prob, board, order, start, time_limit, run_exact, seed, stats)
        used = "heuristic"
        if lp_bound is not None:
            bound = min(bound, lp_bound)
    optimal = board.count == n_feasible  # every request that can meet, meets
    if run_exact and not optimal:
        res = solve_exact(prob, time_limit=deadline - time.perf_counter())
        if res.count_bound is not None:
            bound = min(bound, res.count_bound)
        if res.slot_of is not None:
            trial = Board(prob)
            trial.assign(res.slot_of)
            # Take the exact answer only when it is lexicographically better (it may be a
            # time-limited incumbent), so the greedy guarantee is never lost.
            if _better(trial, board):
                board, used = trial, "exact"
            optimal = res.optimal
    if _better(greedy, board):  # cannot happen by construction; belt and braces
        board, used = greedy, "greedy"
    stats["seconds_solve"] = time.perf_counter() - start
    return _result(
        board,
        used,
        optimal=optimal,
        upper_bound=bound + len(prob.fixed),
        stats=stats,
    )


def check_schedule(inst: Instance, sched: Schedule) -> list[str]:
    """Every rule a schedule must obey, as a list of violations (empty = valid)."""
    problems: list[str] = []
    asked = {r.pair for r in inst.requests} | {f.pair for f in inst.fixed}
    seen_pair: set[frozenset[str]] = set()
    seen_person: set[tuple[str, int]] = set()
    seen_table: set[tuple[int, int]] = set()
    for pl in sched.placements:
        if pl.pair not in asked:
            problems.append(f"{pl} was not requested")
        if pl.pair in seen_pair:
            problems.append(f"{pl} repeats a meeting")
        if not (0 <= pl.slot < inst.slots and 0 <= pl.table < inst.tables):
            problems.append(f"{pl} outside the slots or tables")
        if (pl.slot, pl.table) in seen_table:
            problems.append(f"{pl} double-books a table")
        for x in (pl.a, pl.b):
            if (x, pl.slot) in seen_person:
                problems.append(f"{pl} double-books {x}")
            seen_person.add((x, pl.slot))
            avail = inst.availability.get(x)
            if x not in inst.availability or (avail is not None and pl.slot not in avail):
                problems.append(f"{pl}: {x} is not available")
        seen_pair.add(pl.pair)
        seen_table.add((pl.slot, pl.table))
    missing = set(inst.fixed) - set(sched.placements)
    if missing:
        problems.append(f"fixed meetings moved or lost: {sorted(missing, key=str)}")
    if sched.scheduled != len(sched.placements):
        problems.append("scheduled count does not match the placements")
    return problems
