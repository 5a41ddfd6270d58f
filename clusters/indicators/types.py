"""Plain data the indicators take (no Django): organisations, edges, events, matches, one cluster's input."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

Number = int | float | None

# Edge kinds of G (the tie graph); co-attendance edges form Gc instead.
TIE_KINDS = ("partnership", "mentoring", "meeting", "introduction")
CO_ATTENDANCE = "co_attendance"


@dataclass(frozen=True)
class Org:
    """An organisation: ``member`` is True for the cluster's own members, False for partners outside it."""

    id: int
    kind: str
    region: str
    country: str = "KR"
    member: bool = True

    @property
    def place(self) -> str:
        """Region, with the country for organisations abroad (two abroad countries are two places)."""
        return f"{self.region}:{self.country}" if self.region == "abroad" else self.region


@dataclass(frozen=True)
class Edge:
    """One linkage. ``source`` names what wrote it (``meeting`` for a 1:1 at an event, ``match``, ``event``, or
    empty when unknown). ``confidential`` edges count in every number but a map should not name them."""

    a: int
    b: int
    kind: str
    weight: float
    occurred_at: datetime
    source: str = ""
    confidential: bool = False

    @property
    def pair(self) -> tuple[int, int]:
        return (self.a, self.b) if self.a < self.b else (self.b, self.a)


@dataclass(frozen=True)
class EventStat:
    """One past event of the cluster: registered (non-walk-in, not cancelled) and checked-in among them."""

    id: int
    starts_at: datetime
    registered: int
    checked_in: int


@dataclass(frozen=True)
class Attendance:
    """An organisation checked in at an event (one row per organisation and event)."""

    event_id: int
    org_id: int


@dataclass(frozen=True)
class MatchRecord:
    """A reviewed match: ``kind`` is its source (model, requested, brokered); ``accepted`` False means declined.

    ``partnership_at`` is when its partnership was confirmed, or None.
    """

    kind: str
    decided_at: datetime
    accepted: bool
    partnership_at: datetime | None = None


@dataclass(frozen=True)
class ClusterData:
    """Everything one cluster (or alliance) yields for a period ``[start, end)``.

    ``orgs`` holds the members and every outside organisation an edge touches; ``edges`` every edge with at
    least one member end. ``newcomers`` are members who joined in the period; ``newcomers_outside`` those among
    them from a place the cluster does not cover. ``scaled_mentor_orgs`` (organisations of mentors who scaled a
    company) is None when unknown.
    """

    start: datetime
    end: datetime
    orgs: tuple[Org, ...]
    edges: tuple[Edge, ...]
    events: tuple[EventStat, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    matches: tuple[MatchRecord, ...] = ()
    newcomers: int = 0
    newcomers_outside: int = 0
    scaled_mentor_orgs: frozenset[int] | None = None
