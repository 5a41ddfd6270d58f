"""Suggested slots: move newly placed meetings to a slot the requester suggested, when it is free.

The solvers weigh requests, not (request, slot) pairs, so slot wishes are honoured after solving:
the number and weight of meetings never change, only which free slot a new meeting takes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import Placement


def prefer_slots(
    slots: int,
    tables: int,
    availability: Mapping[str, Iterable[int] | None],
    placements: list[Placement],
    fixed_pairs: set[frozenset[str]],
    wishes: Mapping[frozenset[str], list[int]],
) -> list[Placement]:
    """Each non-fixed placement with wishes moves to its first wished slot where both people are
    free and available and a table is free; placements without a free wished slot stay put.
    Placements are visited in slot, table order, so the result is deterministic."""
    avail = {p: None if v is None else frozenset(v) for p, v in availability.items()}
    result = list(placements)
    busy = {(pl.slot, who) for pl in result for who in (pl.a, pl.b)}
    used = {(pl.slot, pl.table) for pl in result}
    order = sorted(range(len(result)), key=lambda i: (result[i].slot, result[i].table))
    for i in order:
        pl = result[i]
        wanted = [s for s in wishes.get(pl.pair, []) if 0 <= s < slots]
        if pl.pair in fixed_pairs or not wanted or pl.slot in wanted:
            continue
        for slot in wanted:
            if any((slot, who) in busy for who in (pl.a, pl.b)):
                continue
            if any(avail.get(who) is not None and slot not in avail[who] for who in (pl.a, pl.b)):
                continue
            table = next((t for t in range(tables) if (slot, t) not in used), None)
            if table is None:
                continue
            busy -= {(pl.slot, pl.a), (pl.slot, pl.b)}
            used.discard((pl.slot, pl.table))
            result[i] = Placement(pl.a, pl.b, slot, table)
            busy |= {(slot, pl.a), (slot, pl.b)}
            used.add((slot, table))
            break
    return result
