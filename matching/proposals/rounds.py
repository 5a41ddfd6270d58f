"""Stable rounds: which of a need's live proposals a new round keeps, and what replaces the others.

A person may already have read a live proposal (the firm on its proposals page, the hospital in its
review queue), so a round does not swap it for a candidate that is only marginally better, nor for a
weaker one that the exposure cap or a change of model pushed up. The rule, per need:

1. The round's best N candidates are the starting list.
2. A live proposal left out of that list but still found by the round (with evidence) takes back a
   place from the weakest newcomer, unless that newcomer's score beats it by more than
   ``MATCH_KEEP_MARGIN`` (a share of the live proposal's score). Live proposals are tried best first.
3. Every live proposal still left out is replaced: by the newcomer that took its place (the weakest
   newcomer, in order), or by nothing when the round no longer finds it at all.

A need edited since its live proposals were made is ranked afresh: step 2 is skipped (the firm changed
what it asks for), but the replacements are still recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Candidate(Protocol):
    org_id: int
    score: float


@dataclass(frozen=True)
class Replacement:
    """A live proposal the round takes out: ``by`` is the newcomer in its place (None: no longer found)."""

    org_id: int
    new_score: float | None  # its score in this round, when the round still finds it
    by: int | None


def stable_choice(
    top: list[Candidate], pool: list[Candidate], live: set[int], *, n: int, margin: float, hold: bool = True,
) -> tuple[list[Candidate], list[Replacement]]:
    """The candidates to keep (best first, at most ``n``) and the live proposals replaced.

    ``top`` is the round's choice for the need (at most ``n``, after the exposure cap); ``pool`` is the
    round's deeper list (so live proposals just below the cut are seen); ``live`` holds the
    counterparts of the need's live proposals.
    """
    chosen = list(top[:n])
    found = {c.org_id: c for c in [*pool, *top]}
    chosen_ids = {c.org_id for c in chosen}
    left_out = sorted((found[o] for o in live if o in found and o not in chosen_ids), key=lambda c: -c.score)
    if hold:
        for cand in left_out:
            newcomers = [c for c in chosen if c.org_id not in live]
            if len(chosen) < n:
                chosen.append(cand)
                continue
            if not newcomers:
                break
            weakest = min(newcomers, key=lambda c: c.score)
            if weakest.score <= cand.score * (1 + margin):  # not clearly stronger: the live one stays
                chosen.remove(weakest)
                chosen.append(cand)
    chosen.sort(key=lambda c: -c.score)
    kept_ids = {c.org_id for c in chosen}
    # Newcomers take the places of the live proposals that leave, weakest newcomer for weakest leaver.
    newcomers = sorted((c for c in chosen if c.org_id not in live), key=lambda c: c.score)
    leaving = sorted((o for o in live if o not in kept_ids),
                     key=lambda o: found[o].score if o in found else float("-inf"))
    out = []
    for i, org in enumerate(leaving):
        by = newcomers[i].org_id if i < len(newcomers) else None
        out.append(Replacement(org_id=org, new_score=found[org].score if org in found else None, by=by))
    return chosen, out
