"""The indicator selectors: a constant number of queries, and the membership rule."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.indicators.periods import parse_period
from portal.indicators.selectors import cluster_data, cluster_scope

from .conftest import IN_Q3, link, member

pytestmark = pytest.mark.django_db


def queries_for(scope, period) -> int:
    with CaptureQueriesContext(connection) as ctx:
        cluster_data(scope, period)
    return len(ctx.captured_queries)


def test_constant_number_of_queries(event_world):
    scope, period = cluster_scope("osong"), parse_period("2026-Q3")
    before = queries_for(scope, period)
    assert before == 5
    for i in range(5):
        event_world.orgs[f"x{i}"] = member(event_world.cluster, f"X{i}", "investor", "seoul")
        link(event_world, "f2", f"x{i}", "meeting", at=IN_Q3 + timedelta(hours=i))
    assert queries_for(scope, period) == before


def test_members_outsiders_and_newcomers(world):
    from clusters.models import ClusterMembership

    ClusterMembership.objects.filter(organization=world.orgs["f2"]).update(decided_at=datetime(2026, 7, 5, tzinfo=UTC))
    ClusterMembership.objects.filter(organization=world.orgs["h1"]).update(decided_at=datetime(2026, 8, 5, tzinfo=UTC))
    data, rows = cluster_data(cluster_scope("osong"), parse_period("2026-Q3"))
    members = {o.id for o in data.orgs if o.member}
    outsiders = {o.id for o in data.orgs if not o.member}
    assert members == {world.orgs[n].pk for n in ("f1", "f2", "h1", "u1")}
    assert outsiders == {world.orgs["o1"].pk}
    assert len(rows) == len(data.edges) == 5
    # two joined in the quarter; f2 is in Seoul, outside Osong's Chungbuk
    assert (data.newcomers, data.newcomers_outside) == (2, 1)


def test_periods():
    q3 = parse_period("2026-Q3")
    assert (q3.label, q3.start.isoformat(), q3.end.isoformat()) == (
        "2026-Q3", "2026-07-01T00:00:00+09:00", "2026-10-01T00:00:00+09:00")
    assert parse_period("2026-12").end.isoformat() == "2027-01-01T00:00:00+09:00"
    assert parse_period("2026").start.isoformat() == "2026-01-01T00:00:00+09:00"
    rolling = parse_period(None, today=date(2026, 12, 4))
    assert rolling.label == "2025-12-05/2026-12-04"
    assert (rolling.end - rolling.start).days == 365
    assert parse_period("", today=date(2028, 2, 29)).label == "2027-03-01/2028-02-29"
    for bad in ("2026-Q5", "2026-13", "26-07", "1999", "last year"):
        with pytest.raises(ValueError):
            parse_period(bad)
