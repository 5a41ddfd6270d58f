"""Match acceptance (6), conversion and lag (7), event new-tie yield (19)."""

from datetime import timedelta

import pytest

from clusters.indicators import MatchRecord, funnel

from .graphs import AT, END, tie

approx = pytest.approx


def match(kind: str, accepted: bool, lag_days: float | None = None) -> MatchRecord:
    return MatchRecord(kind=kind, decided_at=AT, accepted=accepted,
                       partnership_at=None if lag_days is None else AT + timedelta(days=lag_days))


def test_acceptance_per_kind():
    matches = [match("model", True), match("model", True), match("model", False), match("requested", False)]
    assert funnel.match_acceptance(matches) == {
        "matches_decided": 4, "match_acceptance_rate": 0.5, "match_acceptance_rate_model": approx(2 / 3),
        "match_acceptance_rate_requested": 0.0, "match_acceptance_rate_brokered": None,
    }


def test_conversion_and_median_lag():
    matches = [match("model", True, 10), match("model", True, 40), match("brokered", True, 20),
               match("model", True), match("model", False, 5)]
    # a declined match never counts, even with a partnership recorded
    assert funnel.match_conversion(matches) == {"match_conversion_rate": 0.75, "partnership_lag_days_median": 20.0}
    assert funnel.match_conversion([match("model", True)]) == {"match_conversion_rate": 0.0,
                                                               "partnership_lag_days_median": None}


def test_nothing_decided_gives_none():
    assert funnel.match_acceptance([])["match_acceptance_rate"] is None
    assert funnel.match_conversion([]) == {"match_conversion_rate": None, "partnership_lag_days_median": None}
    assert funnel.new_tie_yield([]) == {"event_meetings": 0, "new_tie_yield": None, "distant_tie_yield": None,
                                        "meeting_match_yield": None}


def day(n: int):
    return END - timedelta(days=300) + timedelta(days=n)


def test_new_tie_yield():
    edges = [
        tie(1, 2, "introduction", at=day(0)),
        tie(2, 3, "introduction", at=day(1)),
        tie(1, 2, "meeting", at=day(2), source="meeting"),  # already tied: not new
        tie(1, 3, "meeting", at=day(3), source="meeting"),  # new, but 2 away (common partner 2)
        tie(4, 5, "meeting", at=day(4), source="meeting"),  # new and unconnected
        tie(4, 5, "introduction", at=day(34)),  # ... and became a match within six months
        tie(6, 7, "meeting", at=day(5), source="match"),  # a match's meeting, not an event's
        tie(1, 3, "co_attendance", at=day(0)),  # co-attendance is no prior tie
    ]
    assert funnel.new_tie_yield(edges) == {
        "event_meetings": 3, "new_tie_yield": approx(2 / 3), "distant_tie_yield": approx(1 / 3),
        "meeting_match_yield": approx(1 / 3),
    }


def test_new_tie_yield_distance_three_and_late_follow_up():
    edges = [
        tie(1, 2, "partnership", at=day(0)), tie(2, 3, "mentoring", at=day(0)), tie(3, 4, "meeting", at=day(0)),
        tie(1, 4, "meeting", at=day(10)),  # 1–2–3–4: distance 3
        tie(1, 4, "partnership", at=day(10 + 200)),  # after six months: no follow-up
        tie(5, 6, "meeting", at=day(20)), tie(5, 6, "introduction", at=day(20)),  # same instant: no prior tie
    ]
    values = funnel.new_tie_yield(edges)
    assert values["event_meetings"] == 3  # the meetings from day 0 and 20 have no source: counted
    assert values["new_tie_yield"] == 1.0
    assert values["distant_tie_yield"] == 1.0
    assert values["meeting_match_yield"] == 0.0
