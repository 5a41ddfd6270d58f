"""Exposure cap: no organisation proposed to more than `cap` queries in one round.

Slots are filled rank position by rank position across all queries (round robin, the query order
rotating each position), so the cap bites on everyone's tail, not on whoever happens to come last.
A query that runs out of uncapped candidates gets capped ones back rather than a short list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping


def apply_exposure_cap(rankings: Mapping[str, list[str]], cap: int, top: int) -> dict[str, list[str]]:
    if cap <= 0:
        return {q: list(r[:top]) for q, r in rankings.items()}
    queries = list(rankings)
    counts: dict[str, int] = defaultdict(int)
    chosen: dict[str, list[str]] = {q: [] for q in queries}
    taken: dict[str, set[str]] = {q: set() for q in queries}
    pointer = dict.fromkeys(queries, 0)
    for pos in range(top):
        shift = pos % max(len(queries), 1)
        for q in queries[shift:] + queries[:shift]:
            ranked = rankings[q]
            i = pointer[q]
            while i < len(ranked) and (counts[ranked[i]] >= cap or ranked[i] in taken[q]):
                i += 1
            pointer[q] = i
            if i < len(ranked):
                oid = ranked[i]
                chosen[q].append(oid)
                taken[q].add(oid)
                counts[oid] += 1
                pointer[q] = i + 1
    for q in queries:  # top up from capped candidates, in their original order
        if len(chosen[q]) < min(top, len(rankings[q])):
            for oid in rankings[q]:
                if len(chosen[q]) >= top:
                    break
                if oid not in taken[q]:
                    chosen[q].append(oid)
                    taken[q].add(oid)
    return chosen
