"""The event scorecard: per past event of the period, registered versus checked in, repeat organisations,
1:1 meetings held, how many of them were new ties and how many were followed by a match.

"New" and "followed" read the period's linkages, as indicator 19 does: a tie counts as earlier when it was
recorded before the meeting inside the period; a follow-up is an introduction or partnership of the pair
within six months after it, inside the period.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta
from itertools import groupby

from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.indicators import Edge
from clusters.indicators.funnel import FOLLOW_UP_DAYS
from clusters.indicators.types import TIE_KINDS
from events.models import EventKind
from portal.indicators.periods import Period
from portal.indicators.selectors import Scope

from . import selectors
from .labels import COUNT, SHARE
from .tables import Column, Table


def _meeting_stats(edges: tuple[Edge, ...], meetings: dict[tuple[int, int, datetime], int]) -> dict[int, Counter]:
    """Per event: meetings, new ties, followed by an introduction or partnership."""
    ties = sorted((e for e in edges if e.kind in TIE_KINDS and e.a != e.b), key=lambda e: e.occurred_at)
    links: dict[tuple[int, int], list[datetime]] = defaultdict(list)
    for e in ties:
        if e.kind in ("introduction", "partnership"):
            links[e.pair].append(e.occurred_at)
    neighbours: dict[int, set[int]] = defaultdict(set)
    stats: dict[int, Counter] = defaultdict(Counter)
    window = timedelta(days=FOLLOW_UP_DAYS)
    for _at, group in groupby(ties, key=lambda e: e.occurred_at):
        batch = list(group)
        for e in batch:  # judged against the ties before this instant
            event_id = meetings.get((e.pair[0], e.pair[1], e.occurred_at)) if e.kind == "meeting" else None
            if event_id is None:
                continue
            stats[event_id]["meetings"] += 1
            stats[event_id]["new"] += e.b not in neighbours[e.a]
            stats[event_id]["followed"] += any(e.occurred_at < t <= e.occurred_at + window for t in links.get(e.pair, ()))
        for e in batch:
            neighbours[e.a].add(e.b)
            neighbours[e.b].add(e.a)
    return stats


def event_scorecard(scope: Scope, period: Period, edges: tuple[Edge, ...]) -> tuple[Table, dict]:
    """The scorecard table and its chart data (registered and checked in per event)."""
    events = selectors.past_events(scope, period)
    attendance = selectors.event_attendance([e.id for e in events])
    times_seen = Counter(org for orgs in attendance.values() for org in orgs)
    stats = _meeting_stats(edges, selectors.meeting_events(period))
    kinds = dict(EventKind.choices)
    columns = [
        Column("event", _("Event id"), machine=True), Column("date", _("Date")), Column("title", _("Event")),
        Column("kind", _("Kind code"), machine=True), Column("kind_label", _("Kind")),
        Column("registered", _("Registered"), _("Places taken, walk-ins and cancellations left out."), COUNT),
        Column("checked_in", _("Checked in"), _("Registrations checked in."), COUNT),
        Column("show_up_rate", _("Show-up rate"), _("Checked in ÷ registered."), SHARE),
        Column("organisations", _("Organisations"), _("Organisations with a check-in."), COUNT),
        Column("repeat_organisations", _("Came again"),
               _("Organisations here that also came to another event of the period."), COUNT),
        Column("meetings", _("1:1 meetings"), _("Partnering meetings held."), COUNT),
        Column("new_ties", _("New ties"), _("Meetings between a pair with no earlier tie."), COUNT),
        Column("later_matches", _("Followed by a match"),
               _("Meetings followed within six months by an introduction or partnership of the pair."), COUNT),
    ]
    rows = []
    for e in events:
        orgs = attendance.get(e.id, set())
        s = stats.get(e.id, Counter())
        rows.append([
            e.id, timezone.localtime(e.starts_at).date().isoformat(), e.title, e.kind, str(kinds.get(e.kind, e.kind)), e.registered,
            e.checked_in, e.checked_in / e.registered if e.registered else None, len(orgs),
            sum(1 for o in orgs if times_seen[o] >= 2), s["meetings"], s["new"], s["followed"],
        ])
    table = Table("events", _("Event scorecard"), columns, rows,
                  note=_("Past published events of the period. New ties and follow-ups read the period's linkages."))
    chart = {"labels": [r[2] for r in rows], "registered": [r[5] for r in rows], "checked_in": [r[6] for r in rows]}
    return table, chart
