"""Event cadence (2), show-up rate (3), repeat participation (4), triple-helix synergy (20)."""

from datetime import timedelta

import pytest

from clusters.indicators import Attendance, EventStat, Org, attendance

from .graphs import START

approx = pytest.approx


def event(i: int, registered: int = 0, checked_in: int = 0) -> EventStat:
    return EventStat(id=i, starts_at=START + timedelta(days=i), registered=registered, checked_in=checked_in)


def test_cadence_per_month_and_per_thousand_members():
    two_months = START + timedelta(days=365.25 / 12 * 2)
    values = attendance.event_cadence([event(i) for i in range(4)], start=START, end=two_months, members=500)
    assert values == {"events": 4, "events_per_month": approx(2.0), "events_per_month_per_1000_members": approx(4.0)}
    assert attendance.event_cadence([], start=START, end=START, members=0) == {
        "events": 0, "events_per_month": None, "events_per_month_per_1000_members": None}


def test_show_up_rate():
    assert attendance.show_up([event(1, 10, 7), event(2, 20, 15)]) == {"registrations": 30, "show_up_rate": approx(22 / 30)}
    assert attendance.show_up([event(1, 0, 0)]) == {"registrations": 0, "show_up_rate": None}


def test_repeat_participation():
    rows = [Attendance(1, 1), Attendance(1, 1), Attendance(1, 2), Attendance(1, 3), Attendance(2, 1), Attendance(2, 2),
            Attendance(3, 1), Attendance(3, 4)]
    assert attendance.repeat_participation(rows) == {"attending_orgs": 4, "repeat_participation": 0.5}
    assert attendance.repeat_participation([]) == {"attending_orgs": 0, "repeat_participation": None}


ORGS = {1: Org(1, "university", "seoul"), 2: Org(2, "firm", "seoul"), 3: Org(3, "hospital", "seoul"),
        4: Org(4, "investor", "seoul")}


def test_triple_helix_all_or_nothing_is_redundancy():
    # events with all three helices or none: each entropy 1 bit, T = 3 − 3 + 1
    rows = [Attendance(1, 1), Attendance(1, 2), Attendance(1, 3), Attendance(2, 4)]
    assert attendance.triple_helix(rows, ORGS) == {"triple_helix_t": approx(1.0)}


def test_triple_helix_exclusive_or_is_synergy():
    # (u, i, h) = (0,0,0), (0,1,1), (1,0,1), (1,1,0): marginals 1 bit, pairs 2 bits, all 2 bits: T = 3 − 6 + 2
    rows = [Attendance(1, 4), Attendance(2, 2), Attendance(2, 3), Attendance(3, 1), Attendance(3, 3),
            Attendance(4, 1), Attendance(4, 2)]
    assert attendance.triple_helix(rows, ORGS) == {"triple_helix_t": approx(-1.0)}


def test_triple_helix_without_events():
    assert attendance.triple_helix([], ORGS) == {"triple_helix_t": None}
    assert attendance.triple_helix([Attendance(1, 2)], ORGS) == {"triple_helix_t": 0.0}
