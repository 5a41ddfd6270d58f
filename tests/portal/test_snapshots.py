"""Indicator snapshots: the upsert, the nightly beat task, the trends that read them, the "update now" button."""

from datetime import UTC, date, datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from clusters.linkages import linkage_record
from clusters.models import ClusterMembership
from portal.indicators.periods import parse_period
from portal.indicators.snapshots import monthly_trend, snapshot, snapshot_periods, today_local
from portal.models import IndicatorSnapshot
from portal.tasks import snapshot_indicators
from tests.factories import UserFactory


def test_snapshot_upsert_is_idempotent_and_follows_new_linkages(dash_world):
    august = parse_period("2026-08")
    first = snapshot(dash_world.cluster, august)
    again = snapshot(dash_world.cluster, august)
    assert IndicatorSnapshot.objects.count() == 1
    assert again.pk == first.pk
    row = IndicatorSnapshot.objects.get()
    assert (row.cluster_id, row.alliance_id, row.period_kind, row.period_label) == (dash_world.cluster.pk, None, "month", "2026-08")
    # ties F1–H1, F2–U1, F1–F2 among four members: 3 of 6 possible
    assert row.indicators["members"] == 4
    assert row.indicators["density"] == pytest.approx(0.5)
    assert row.stage["startup_genome"]["stage"] == "activation"

    # A fourth tie (H1–U1) recomputed in place: 4 of 6.
    stand_in = ClusterMembership.objects.get(organization=dash_world.orgs["h1"])
    linkage_record(kind="meeting", org_a=dash_world.orgs["h1"], org_b=dash_world.orgs["u1"], source=stand_in,
                   at=datetime(2026, 8, 20, tzinfo=UTC))
    snapshot(dash_world.cluster, august)
    assert IndicatorSnapshot.objects.count() == 1
    assert IndicatorSnapshot.objects.get().indicators["density"] == pytest.approx(4 / 6)


def test_cluster_and_alliance_quarters_are_separate_rows(dash_world):
    q3 = parse_period("2026-Q3")
    snapshot(dash_world.cluster, q3)
    snapshot(dash_world.alliance, q3)
    snapshot(dash_world.alliance, q3)
    rows = IndicatorSnapshot.objects.order_by("cluster_id")
    assert [(r.cluster_id, r.alliance_id, r.period_kind, r.period_label) for r in rows] == [
        (dash_world.cluster.pk, None, "quarter", "2026-Q3"), (None, dash_world.alliance.pk, "quarter", "2026-Q3")]
    # the alliance holds only osong: the same members
    assert rows[1].indicators["members"] == rows[0].indicators["members"] == 4


def test_a_year_is_not_snapshotted(dash_world):
    with pytest.raises(ValueError):
        snapshot(dash_world.cluster, parse_period("2026"))


def test_snapshot_periods_are_current_and_previous_month_and_quarter():
    labels = [p.label for p in snapshot_periods(date(2026, 1, 15))]
    assert labels == ["2026-01", "2025-12", "2026-Q1", "2025-Q4"]


def test_beat_task_snapshots_every_cluster_and_alliance_and_is_idempotent(dash_world):
    assert snapshot_indicators.delay().get() == 12  # (2 clusters + 1 alliance) × 4 periods
    assert snapshot_indicators.delay().get() == 12
    assert IndicatorSnapshot.objects.count() == 12
    expected = {p.label for p in snapshot_periods(today_local())}
    assert set(IndicatorSnapshot.objects.values_list("period_label", flat=True)) == expected
    assert IndicatorSnapshot.objects.filter(alliance=dash_world.alliance).count() == 4


def test_beat_schedule_runs_the_task_nightly():
    entry = settings.CELERY_BEAT_SCHEDULE["snapshot-indicators"]
    assert entry["task"] == snapshot_indicators.name == "portal.snapshot_indicators"
    assert snapshot_indicators.acks_late is True
    assert entry["schedule"].hour == {18} and entry["schedule"].minute == {30}


def test_trend_reads_snapshots_not_a_recomputation(dash_world):
    snapshot(dash_world.cluster, parse_period("2026-08"))
    stand_in = ClusterMembership.objects.get(organization=dash_world.orgs["h1"])
    linkage_record(kind="meeting", org_a=dash_world.orgs["h1"], org_b=dash_world.orgs["u1"], source=stand_in,
                   at=datetime(2026, 8, 20, tzinfo=UTC))
    points = monthly_trend(dash_world.cluster, today=date(2026, 9, 10))
    labels = [p.label for p in points]
    assert (len(labels), labels[0], labels[-1]) == (12, "2025-10", "2026-09")
    by_label = {p.label: p.values for p in points}
    assert by_label["2026-08"]["density"] == pytest.approx(0.5)  # the stored value, not 4/6
    assert by_label["2026-07"] is None


@pytest.mark.urls("tests.portal.urls_for_tests")
def test_update_now_button_is_a_post_for_managers_with_csrf(dash_world):
    url = reverse("dashboard:cluster_refresh", args=["osong"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(dash_world.manager)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403  # no CSRF token
    page = client.get(reverse("dashboard:cluster", args=["osong"]))
    token = page.cookies["csrftoken"].value
    response = client.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == reverse("dashboard:cluster", args=["osong"])
    assert IndicatorSnapshot.objects.filter(cluster=dash_world.cluster).count() == 4

    member = Client()
    member.force_login(dash_world.member)
    assert member.post(url).status_code == 403
    assert IndicatorSnapshot.objects.count() == 4


def test_snapshots_are_read_only_in_the_admin(client, dash_world):
    row = snapshot(dash_world.cluster, parse_period("2026-08"))
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    listing = client.get(reverse("admin:portal_indicatorsnapshot_changelist"), {"q": "osong"})
    assert listing.status_code == 200 and "2026-08" in listing.content.decode()
    detail = client.get(reverse("admin:portal_indicatorsnapshot_change", args=[row.pk]))
    assert detail.status_code == 200 and 'name="_save"' not in detail.content.decode()
    assert client.get(reverse("admin:portal_indicatorsnapshot_add")).status_code == 403
