"""Improve a board by ejection chains (augmenting paths across slots) and exchanges.

Every accepted move is a lexicographic improvement — one more meeting, or the same number
with more weight — so the result is never worse than the board we started from (greedy).
"""

from __future__ import annotations

import random
import time

from .board import FREE, Board

INF = float("inf")
COMP_TRIES = 12  # requests tried to fill the place a dropped meeting frees


class _Search:
    def __init__(self, board: Board, deadline: float, rng: random.Random) -> None:
        self.board = board
        self.deadline = deadline
        self.rng = rng
        self.victims = 3  # how many meetings to try evicting from a slot with no free table
        self.budget = 0
        self.locked: set[int] = set()
        self.drop_open = False  # an exchange may leave one evicted meeting out...
        self.drop_limit = INF  # ...if it weighs less than this
        self.dropped = FREE
        self.prefer_drop = False

    def insert(self, r: int, depth: int) -> bool:
        """Place unplaced ``r``, re-placing whatever it evicts; on failure change nothing."""
        b = self.board
        prob = b.prob
        a, c = prob.ra[r], prob.rb[r]
        occ_a, occ_c, load, cap = b.occ[a], b.occ[c], b.load, prob.cap
        locked = self.locked
        options = []
        for s in prob.feas[r]:
            oa, oc = occ_a[s], occ_c[s]
            if oa == FREE and oc == FREE and load[s] < cap[s]:
                b.place(r, s)
                return True
            if depth and oa not in locked and oc not in locked:
                n_ej = (oa != FREE) + (oc != FREE)
                full = load[s] - n_ej >= cap[s]
                options.append((n_ej + full, self.rng.random(), s, oa, oc, full))
        self.budget -= 1
        if not depth or self.budget <= 0:
            return False
        options.sort()
        for _, _, s, oa, oc, full in options:
            ej = [x for x in (oa, oc) if x != FREE]
            mark = len(b.journal)
            for e in ej:
                b.remove(e)
            victims: list[int] = [FREE]
            if full:
                pool = [m for m in b.members[s] if m not in locked]
                if self.drop_open:  # the light ones are the ones worth dropping
                    victims = sorted(pool, key=prob.rw.__getitem__)[: self.victims]
                else:
                    victims = self.rng.sample(pool, min(self.victims, len(pool)))
            for v in victims:
                inner = len(b.journal)
                saved = (self.drop_open, self.dropped)
                if v != FREE:
                    b.remove(v)
                b.place(r, s)
                moved = ej if v == FREE else [*ej, v]
                locked.add(r)
                locked.update(moved)
                ok = True
                for e in moved:
                    # With every table taken a re-placed meeting only pushes another one
                    # out, so when dropping is allowed drop at once (short chains, fast).
                    if self.prefer_drop and self.drop_open and prob.rw[e] < self.drop_limit:
                        self.drop_open, self.dropped = False, e
                        continue
                    if self.insert(e, depth - 1):
                        continue
                    if self.drop_open and prob.rw[e] < self.drop_limit:
                        self.drop_open, self.dropped = False, e  # leave e out
                        continue
                    ok = False
                    break
                locked.discard(r)
                locked.difference_update(moved)
                if ok:
                    return True
                b.undo(inner)
                self.drop_open, self.dropped = saved
                if self.budget <= 0 or time.perf_counter() > self.deadline:
                    break
            b.undo(mark)
            if self.budget <= 0:
                return False
        return False


def improve(
    board: Board,
    order: list[int],
    *,
    deadline: float,
    max_depth: int = 3,
    budget: int = 60,
    seed: int = 0,
) -> dict[str, float]:
    """Augment (ejection chains), then exchange (1 out, 1 or 2 in) until no gain or deadline."""
    prob = board.prob
    search = _Search(board, deadline, random.Random(seed))  # noqa: S311 - search tie-breaks, not secrets
    total_cap = sum(prob.cap)
    stats = {"augments": 0, "exchanges": 0, "swaps": 0, "passes": 0}
    incident: list[list[int]] = [[] for _ in prob.people]
    for r in order:
        if prob.feas[r]:
            incident[prob.ra[r]].append(r)
            incident[prob.rb[r]].append(r)
    slot_of = board.slot_of

    sat = board.saturated

    def unplaced(drops: int) -> list[int]:
        # Bringing r in needs a free agenda slot on each side, or a dropped meeting there.
        return [r for r in order if slot_of[r] == FREE and prob.feas[r] and sat(prob.ra[r]) + sat(prob.rb[r]) <= drops]

    def out_of_time() -> bool:
        return time.perf_counter() > deadline

    # 1. Augmenting chains: one more meeting each, nothing dropped.
    for depth in range(1, max_depth + 1):
        gained = 1
        while gained and board.count < total_cap and not out_of_time():
            gained = 0
            stats["passes"] += 1
            for r in unplaced(0):
                if board.count >= total_cap or out_of_time():
                    break
                search.budget = budget
                gained += search.insert(r, depth)
            board.journal.clear()
            stats["augments"] += gained

    def lightest() -> float:
        return min((prob.rw[r] for r, s in enumerate(slot_of) if s != FREE), default=INF)

    # 2. Exchanges: bring r in, let one meeting e drop out, then bring in another request of
    # e's people (net +1); failing that keep it only if r outweighs e (same count, more weight).
    gained = 1
    while gained and not out_of_time():
        gained = 0
        stats["passes"] += 1
        floor = lightest()
        for r in unplaced(1):
            if out_of_time():
                break
            if slot_of[r] != FREE or sat(prob.ra[r]) + sat(prob.rb[r]) > 1:
                continue
            # With every table taken nothing can fill a freed place, so only a lighter
            # meeting is worth dropping.
            full = board.count >= total_cap
            if full and prob.rw[r] <= floor:
                continue
            mark = len(board.journal)
            search.budget = budget
            search.drop_open, search.dropped = True, FREE
            search.drop_limit = prob.rw[r] if full else INF
            search.prefer_drop = full
            if not search.insert(r, max_depth):
                continue
            e = search.dropped
            search.drop_open = False
            if e == FREE:
                stats["augments"] += 1
                gained += 1
                board.journal.clear()
                continue
            done = False
            tries = 0
            for x in (prob.ra[e], prob.rb[e]):
                for r2 in incident[x]:
                    # Only requests whose other side still has room can use the freed slot.
                    y = prob.rb[r2] if prob.ra[r2] == x else prob.ra[r2]
                    if r2 == e or slot_of[r2] != FREE or sat(x) or sat(y):
                        continue
                    search.budget = budget
                    tries += 1
                    if search.insert(r2, max_depth - 1):
                        done = True
                        break
                    if tries >= COMP_TRIES:
                        break
                if done or tries >= COMP_TRIES:
                    break
            if done:
                stats["exchanges"] += 1
                gained += 1
            elif prob.rw[r] > prob.rw[e] + 1e-12:
                stats["swaps"] += 1
                gained += 1
                floor = lightest()
            else:
                board.undo(mark)
            board.journal.clear()
    return stats


def pressure_order(board: Board, order: list[int]) -> list[int]:
    """Requests between people in little demand first: a meeting of two over-requested
    people spends two scarce agendas on one meeting, so it should come last."""
    prob = board.prob
    deg = [0] * len(prob.people)
    room: list[set[int]] = [set() for _ in prob.people]
    for r, slots in enumerate(prob.feas):
        if slots:
            deg[prob.ra[r]] += 1
            deg[prob.rb[r]] += 1
            room[prob.ra[r]].update(slots)
            room[prob.rb[r]].update(slots)
    press = [d / max(len(f), 1) for d, f in zip(deg, room, strict=True)]
    rank = {r: i for i, r in enumerate(order)}
    return sorted(order, key=lambda r: (max(press[prob.ra[r]], 1) + max(press[prob.rb[r]], 1), rank[r]))


def iterated_search(
    board: Board, order: list[int], *, deadline: float, seed: int = 0, patience: int = 150, kick: int = 3
) -> dict[str, float]:
    """Iterated local search: force a few unplaced requests in (evicting whoever is in the
    way), repair with :func:`improve`, keep the result unless it is worse. The best board
    seen is restored at the end, so this never loses ground."""
    prob = board.prob
    rng = random.Random(seed)  # noqa: S311 - search randomness, not secrets
    best = list(board.slot_of)
    best_key = (board.count, board.total_weight())
    stale = rounds = 0
    while stale < patience and time.perf_counter() < deadline:
        rounds += 1
        stale += 1
        waiting = [r for r in order if board.slot_of[r] == FREE and prob.feas[r]]
        if not waiting:
            break
        for r in rng.sample(waiting, min(kick, len(waiting))):
            if board.slot_of[r] != FREE:
                continue
            s = rng.choice(prob.feas[r])
            for x in {board.occ[prob.ra[r]][s], board.occ[prob.rb[r]][s]} - {FREE}:
                board.remove(x)
            if board.load[s] >= prob.cap[s]:
                board.remove(rng.choice(sorted(board.members[s])))
            board.place(r, s)
        board.journal.clear()
        improve(board, order, deadline=deadline, seed=seed + rounds)
        key = (board.count, board.total_weight())
        if key[0] > best_key[0] or (key[0] == best_key[0] and key[1] >= best_key[1] - 1e-12):
            if key[0] > best_key[0] or key[1] > best_key[1] + 1e-9:
                stale = 0
            best, best_key = list(board.slot_of), key  # equal moves too: drift on plateaus
        else:
            board.assign(best)
    board.assign(best)
    return {"ils_rounds": rounds}
