"""Indexed form of an instance and a mutable board with undo, shared by all solvers."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Instance, Placement, Request, ScheduleInputError

FREE = -1


@dataclass
class Problem:
    """Integer-indexed instance; only the *open* requests (not already fixed) are variables."""

    slots: int
    tables: int
    people: list[str]
    cap: list[int]  # tables left per slot after the fixed meetings
    free_tables: list[list[int]]  # table numbers left per slot, ascending
    ra: list[int]
    rb: list[int]
    rw: list[float]
    requests: list[Request]  # open requests, same order as ra/rb/rw
    feas: list[tuple[int, ...]]  # slots where both sides are available and not fixed-busy
    fixed: list[Placement]
    fixed_weight: float
    n_requests: int  # distinct meetings asked for, fixed ones included

    @property
    def size(self) -> int:
        """Number of (request, slot) variables of the exact model."""
        return sum(len(f) for f in self.feas)


def _merge(requests: list[Request]) -> dict[frozenset[str], Request]:
    merged: dict[frozenset[str], Request] = {}
    for req in requests:
        old = merged.get(req.pair)
        if old is None:
            merged[req.pair] = req
        elif req.weight > old.weight:
            merged[req.pair] = Request(old.a, old.b, req.weight)
    return merged


def build_problem(inst: Instance) -> Problem:
    """Index an instance. Re-checks what the parser checks, for callers of the pure API."""
    if inst.slots < 0 or inst.tables < 0:
        raise ScheduleInputError(None, "slots and tables must not be negative")
    people = list(inst.availability)
    index = {p: i for i, p in enumerate(people)}
    merged = _merge([r for r in inst.requests if r.a != r.b])
    busy: set[tuple[int, int]] = set()
    used_tables: list[set[int]] = [set() for _ in range(inst.slots)]
    fixed_pairs: set[frozenset[str]] = set()
    fixed_weight = 0.0
    for pl in inst.fixed:
        for x in (pl.a, pl.b):
            if x not in index:
                raise ScheduleInputError(None, f"fixed meeting with unknown attendee {x!r}")
        if not (0 <= pl.slot < inst.slots and 0 <= pl.table < inst.tables):
            raise ScheduleInputError(None, f"fixed meeting {pl} outside the slots or tables")
        if pl.table in used_tables[pl.slot] or pl.pair in fixed_pairs or pl.a == pl.b:
            raise ScheduleInputError(None, f"fixed meeting {pl} conflicts with another one")
        for x in (index[pl.a], index[pl.b]):
            if (x, pl.slot) in busy:
                raise ScheduleInputError(None, f"fixed meeting {pl} double-books an attendee")
            busy.add((x, pl.slot))
        used_tables[pl.slot].add(pl.table)
        fixed_pairs.add(pl.pair)
        req = merged.get(pl.pair)
        fixed_weight += req.weight if req is not None else Request(pl.a, pl.b).weight

    all_slots = frozenset(range(inst.slots))
    avail = [inst.availability[p] if inst.availability[p] is not None else all_slots for p in people]
    free_tables = [[t for t in range(inst.tables) if t not in used_tables[s]] for s in range(inst.slots)]
    cap = [len(ft) for ft in free_tables]
    ra, rb, rw, feas, open_reqs = [], [], [], [], []
    for req in merged.values():
        if req.pair in fixed_pairs:
            continue
        for x in (req.a, req.b):
            if x not in index:
                raise ScheduleInputError(None, f"request with unknown attendee {x!r}")
        a, b = index[req.a], index[req.b]
        common = avail[a] & avail[b]
        feas.append(tuple(s for s in sorted(common) if cap[s] > 0 and (a, s) not in busy and (b, s) not in busy))
        ra.append(a)
        rb.append(b)
        rw.append(req.weight)
        open_reqs.append(req)
    return Problem(
        slots=inst.slots,
        tables=inst.tables,
        people=people,
        cap=cap,
        free_tables=free_tables,
        ra=ra,
        rb=rb,
        rw=rw,
        requests=open_reqs,
        feas=feas,
        fixed=list(inst.fixed),
        fixed_weight=fixed_weight,
        n_requests=len(merged.keys() | fixed_pairs),
    )


class Board:
    """Slot of every open request, who is busy when, load per slot; with an undo journal."""

    def __init__(self, prob: Problem) -> None:
        self.prob = prob
        self.occ = [[FREE] * prob.slots for _ in prob.people]
        self.slot_of = [FREE] * len(prob.ra)
        self.load = [0] * prob.slots
        self.members: list[set[int]] = [set() for _ in range(prob.slots)]
        self.journal: list[tuple[int, int, int]] = []  # (+1 placed | -1 removed, request, slot)
        self.count = 0
        self.weight = 0.0
        self.busy = [0] * len(prob.people)  # meetings per person
        room: list[set[int]] = [set() for _ in prob.people]
        for r, slots in enumerate(prob.feas):
            room[prob.ra[r]].update(slots)
            room[prob.rb[r]].update(slots)
        self.room = [len(x) for x in room]  # slots a person could possibly meet in

    def saturated(self, person: int) -> bool:
        """No slot left in which this person could take one more meeting."""
        return self.busy[person] >= self.room[person]

    def total_weight(self) -> float:
        """Weight of the placed open requests, summed afresh (no drift from moves)."""
        rw = self.prob.rw
        return math.fsum(rw[r] for r, s in enumerate(self.slot_of) if s != FREE)

    def fits(self, r: int, s: int) -> bool:
        p = self.prob
        return self.occ[p.ra[r]][s] == FREE and self.occ[p.rb[r]][s] == FREE and self.load[s] < p.cap[s]

    def place(self, r: int, s: int) -> None:
        p = self.prob
        self.occ[p.ra[r]][s] = r
        self.occ[p.rb[r]][s] = r
        self.slot_of[r] = s
        self.busy[p.ra[r]] += 1
        self.busy[p.rb[r]] += 1
        self.load[s] += 1
        self.members[s].add(r)
        self.count += 1
        self.weight += p.rw[r]
        self.journal.append((1, r, s))

    def remove(self, r: int) -> None:
        p = self.prob
        s = self.slot_of[r]
        self.occ[p.ra[r]][s] = FREE
        self.occ[p.rb[r]][s] = FREE
        self.slot_of[r] = FREE
        self.busy[p.ra[r]] -= 1
        self.busy[p.rb[r]] -= 1
        self.load[s] -= 1
        self.members[s].discard(r)
        self.count -= 1
        self.weight -= p.rw[r]
        self.journal.append((-1, r, s))

    def undo(self, mark: int) -> None:
        """Roll back to ``len(journal) == mark`` (the undo itself is not journalled)."""
        while len(self.journal) > mark:
            op, r, s = self.journal.pop()
            if op == 1:
                self.remove(r)
            else:
                self.place(r, s)
            self.journal.pop()

    def assign(self, slot_of: list[int]) -> None:
        """Replace the whole assignment (used to load an exact solution)."""
        for r, s in enumerate(self.slot_of):
            if s != FREE:
                self.remove(r)
        for r, s in enumerate(slot_of):
            if s != FREE:
                if s not in self.prob.feas[r] or not self.fits(r, s):
                    raise ValueError(f"infeasible assignment of request {r} to slot {s}")
                self.place(r, s)
        self.journal.clear()

    def placements(self) -> list[Placement]:
        """Fixed meetings plus the open ones, tables handed out in slot order."""
        p = self.prob
        out = list(p.fixed)
        for s in range(p.slots):
            for table, r in zip(p.free_tables[s], sorted(self.members[s]), strict=False):
                req = p.requests[r]
                out.append(Placement(req.a, req.b, s, table))
        out.sort(key=lambda pl: (pl.slot, pl.table))
        return out


def greedy_fill(board: Board, order: list[int]) -> None:
    """Place each request of ``order`` in its earliest slot where it fits (no moves)."""
    feas, fits, place, slot_of = board.prob.feas, board.fits, board.place, board.slot_of
    for r in order:
        if slot_of[r] != FREE:
            continue
        for s in feas[r]:
            if fits(r, s):
                place(r, s)
                break


def weight_order(prob: Problem) -> list[int]:
    """Highest weight first; input order breaks ties (stable sort)."""
    return sorted(range(len(prob.rw)), key=lambda r: -prob.rw[r])
