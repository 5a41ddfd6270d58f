"""The linkage funnel: match acceptance (6), conversion and lag (7) and event new-tie yield (19)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta
from itertools import groupby

from .types import TIE_KINDS, Edge, MatchRecord, Number

MATCH_KINDS = ("model", "requested", "brokered")
FOLLOW_UP_DAYS = 183  # "within 6 months"
# A meeting edge from these sources is not an event's 1:1 (a match recorded as met writes one too).
NON_EVENT_MEETING_SOURCES = frozenset({"match"})


def match_acceptance(matches: Iterable[MatchRecord], *, kinds: Iterable[str] = MATCH_KINDS) -> dict[str, Number]:
    """Indicator 6. ``match_acceptance_rate`` = matches approved ÷ matches decided (approved or declined) in
    the period; ``match_acceptance_rate_<kind>`` the same per match source; ``matches_decided``. None when
    nothing was decided."""
    decided: dict[str, int] = defaultdict(int)
    accepted: dict[str, int] = defaultdict(int)
    for m in matches:
        decided[m.kind] += 1
        accepted[m.kind] += int(m.accepted)
    total, total_accepted = sum(decided.values()), sum(accepted.values())
    values: dict[str, Number] = {
        "matches_decided": total,
        "match_acceptance_rate": total_accepted / total if total else None,
    }
    for kind in kinds:
        values[f"match_acceptance_rate_{kind}"] = accepted[kind] / decided[kind] if decided.get(kind) else None
    return values


def match_conversion(matches: Iterable[MatchRecord]) -> dict[str, Number]:
    """Indicator 7. ``match_conversion_rate`` = accepted matches with a confirmed partnership ÷ accepted
    matches; ``partnership_lag_days_median`` = median days from acceptance to the partnership's confirmation.
    None when nothing was accepted (the lag: when nothing converted)."""
    accepted = [m for m in matches if m.accepted]
    lags = [
        (m.partnership_at - m.decided_at).total_seconds() / 86400.0 for m in accepted if m.partnership_at is not None
    ]
    return {
        "match_conversion_rate": len(lags) / len(accepted) if accepted else None,
        "partnership_lag_days_median": float(statistics.median(lags)) if lags else None,
    }


def new_tie_yield(edges: Iterable[Edge], *, follow_up_days: int = FOLLOW_UP_DAYS) -> dict[str, Number]:
    """Indicator 19, on the period's edge log, in time order. For each event 1:1 meeting (a ``meeting`` edge not
    written by a match): ``new_tie_yield`` = share between a pair with no earlier tie (partnership, mentoring,
    meeting or introduction strictly before it); ``distant_tie_yield`` = share whose pair was at distance ≥ 3
    (or unconnected) in the earlier tie graph; ``meeting_match_yield`` = share followed within
    ``follow_up_days`` by an introduction or partnership between the pair. "Earlier" means earlier in the
    period given. ``event_meetings`` counts them; shares are None without one."""
    ties = sorted((e for e in edges if e.kind in TIE_KINDS and e.a != e.b), key=lambda e: e.occurred_at)
    later_links: dict[tuple[int, int], list] = defaultdict(list)
    for e in ties:
        if e.kind in ("introduction", "partnership"):
            later_links[e.pair].append(e.occurred_at)
    neighbours: dict[int, set[int]] = defaultdict(set)
    meetings = new = distant = followed = 0
    window = timedelta(days=follow_up_days)
    for _at, group in groupby(ties, key=lambda e: e.occurred_at):
        batch = list(group)
        for e in batch:  # judged against the ties before this instant, not those written with it
            if e.kind != "meeting" or e.source in NON_EVENT_MEETING_SOURCES:
                continue
            meetings += 1
            a, b = neighbours[e.a], neighbours[e.b]
            new += e.b not in a
            distant += e.b not in a and not (a & b)
            followed += any(e.occurred_at < t <= e.occurred_at + window for t in later_links.get(e.pair, ()))
        for e in batch:
            neighbours[e.a].add(e.b)
            neighbours[e.b].add(e.a)
    return {
        "event_meetings": meetings,
        "new_tie_yield": new / meetings if meetings else None,
        "distant_tie_yield": distant / meetings if meetings else None,
        "meeting_match_yield": followed / meetings if meetings else None,
    }
