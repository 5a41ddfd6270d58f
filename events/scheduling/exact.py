"""Exact model: an integer programme solved by HiGHS through ``scipy.optimize.milp``.

x[r, s] = 1 when open request r meets in slot s. Maximise count + eps * weight with eps small
enough that weight only breaks ties between schedules meeting the same number of requests.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import coo_matrix, csr_matrix

from .board import FREE, Board, Problem


@dataclass
class ExactResult:
    slot_of: list[int] | None  # None when HiGHS found no solution in time
    optimal: bool
    count_bound: int | None  # proven upper bound on the number of open requests met


def _model(prob: Problem) -> tuple[np.ndarray, np.ndarray, np.ndarray, csr_matrix, np.ndarray]:
    """Variables (request, slot), objective c, and the rows A x <= ub that can bind."""
    var_r: list[int] = []
    var_s: list[int] = []
    for r, slots in enumerate(prob.feas):
        var_r.extend([r] * len(slots))
        var_s.extend(slots)
    n = len(var_r)
    vr = np.asarray(var_r, dtype=int)
    vs = np.asarray(var_s, dtype=int)
    w = np.asarray(prob.rw, dtype=float)
    # Weight enters as an affine image in [0, 1]: sums stay comparable among schedules of
    # equal count, and eps * (sum of weights) < 1/2 can never outweigh one more meeting.
    span = float(w.max() - w.min()) if len(w) else 0.0
    wn = (w - w.min()) / span if span > 0 else np.zeros_like(w)
    eps = 0.5 / (len(w) + 1)
    c = -(1.0 + eps * wn[vr])
    # Rows: each request at most once; each person at most once per slot (both ends of a
    # meeting); at most ``cap`` meetings per slot.
    n_req, n_people = len(prob.ra), len(prob.people)
    ra = np.asarray(prob.ra, dtype=int)[vr]
    rb = np.asarray(prob.rb, dtype=int)[vr]
    person_rows = n_req + np.concatenate([ra * prob.slots + vs, rb * prob.slots + vs])
    slot_rows = n_req + n_people * prob.slots + vs
    data_rows = np.concatenate([vr, person_rows, slot_rows])
    data_cols = np.tile(np.arange(n), 4)
    n_rows = n_req + n_people * prob.slots + prob.slots
    ub = np.concatenate([np.ones(n_req), np.ones(n_people * prob.slots), np.asarray(prob.cap, dtype=float)])
    a = coo_matrix((np.ones(len(data_rows)), (data_rows, data_cols)), shape=(n_rows, n)).tocsr()
    # Drop rows that can never bind (fewer entries than their bound) to keep HiGHS lean.
    keep = np.diff(a.indptr) > ub
    return vr, vs, c, a[keep], ub[keep]


def solve_lp(prob: Problem, *, time_limit: float) -> tuple[int | None, np.ndarray | None]:
    """LP relaxation by interior point (the simplex stalls on these degenerate models):
    a proven bound on the open requests met, and the fractional x[r, s] as an R x S array."""
    vr, vs, c, a, ub = _model(prob)
    if len(vr) == 0:
        return 0, np.zeros((len(prob.ra), prob.slots))
    res = linprog(
        c,
        A_ub=a if a.shape[0] else None,
        b_ub=ub if a.shape[0] else None,
        bounds=(0, 1),
        method="highs-ipm",
        options={"time_limit": max(time_limit, 0.1)},
    )
    if res.status != 0 or res.x is None:
        return None, None
    frac = np.zeros((len(prob.ra), prob.slots))
    frac[vr, vs] = res.x
    return int(np.floor(-res.fun + 1e-6)), frac


def solve_exact(prob: Problem, *, time_limit: float) -> ExactResult:
    """Solve (or, on the time limit, approximately solve) the open part of ``prob``."""
    vr, vs, c, a, ub = _model(prob)
    n = len(vr)
    if n == 0:
        return ExactResult([FREE] * len(prob.ra), True, 0)
    res = milp(
        c,
        integrality=np.ones(n),
        bounds=Bounds(0, 1),
        constraints=[LinearConstraint(a, -np.inf, ub)] if a.shape[0] else [],
        options={"time_limit": max(time_limit, 0.1), "mip_rel_gap": 1e-9, "presolve": True},
    )
    bound = getattr(res, "mip_dual_bound", None)
    count_bound = None
    if bound is not None and np.isfinite(bound):
        count_bound = int(np.floor(-bound + 1e-6))
    if res.x is None:
        return ExactResult(None, False, count_bound)
    slot_of = [FREE] * len(prob.ra)
    for i in np.flatnonzero(res.x > 0.5):
        slot_of[int(vr[i])] = int(vs[i])
    return ExactResult(slot_of, res.status == 0, count_bound)


def lp_fill(board: Board, frac: np.ndarray) -> None:
    """Greedy guided by the LP relaxation: requests it meets most fully first (then by
    weight), each in the free slot where the LP puts most of it."""
    prob = board.prob
    val = frac.sum(axis=1).round(6)
    for r in sorted(range(len(prob.ra)), key=lambda r: (-val[r], -prob.rw[r])):
        for s in sorted(prob.feas[r], key=lambda s: -frac[r, s]):
            if board.fits(r, s):
                board.place(r, s)
                break
