"""The load_demo events stage: a year of events with registrations and check-ins, idempotent."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clusters.models import Event, Linkage, Registration
from tests.accounts.test_load_demo import run


@pytest.mark.django_db
def test_demo_events_span_a_year_across_clusters_and_rerun_writes_nothing_to_clusters():
    run()
    events = Event.objects.filter(source="demo")
    assert events.values("cluster").distinct().count() >= 5
    months = {(e.starts_at.year, e.starts_at.month) for e in events}
    assert len(months) == 12
    assert events.filter(ends_at__lt=timezone.now()).exists() and events.filter(starts_at__gt=timezone.now()).exists()
    assert Registration.objects.filter(event__source="demo", checked_in_at__isnull=False).exists()
    assert Linkage.objects.filter(kind="co_attendance").exists()
    for event in events:
        assert event.seats_taken <= event.capacity
    with CaptureQueriesContext(connection) as queries:
        run()
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE") and "clusters_" in q["sql"]]
    assert writes == []
