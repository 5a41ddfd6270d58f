"""The dashboard's opt-in cache (DASHBOARD_CACHE_SECONDS): off by default, keyed so that "update now", new stage
rules and another language show at once, and a cache that is down costs nothing but the work."""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from redis import ConnectionError as RedisConnectionError

from clusters.models import ClusterMembershipStatus
from portal.dashboard import build
from portal.dashboard.access import period_from
from portal.indicators.snapshots import snapshot_now
from tests.factories import ClusterMembershipFactory, OrganizationFactory, cluster_manager

pytestmark = pytest.mark.django_db


def _join(cluster, n: int = 1) -> None:
    for _ in range(n):
        ClusterMembershipFactory(organization=OrganizationFactory(), cluster=cluster,
                                 status=ClusterMembershipStatus.APPROVED)


def _board(cluster):
    return build.cached_dashboard(subject=cluster, access=build.FULL, period=period_from(""))


def test_without_the_setting_every_board_is_computed_live(settings):
    settings.DASHBOARD_CACHE_SECONDS = 0
    _manager, cluster = cluster_manager()
    _join(cluster, 2)
    assert _board(cluster).values["members"] == 2
    _join(cluster)
    assert _board(cluster).values["members"] == 3


def test_a_kept_board_is_served_without_recomputing_until_update_now(settings):
    settings.DASHBOARD_CACHE_SECONDS = 60
    _manager, cluster = cluster_manager()
    _join(cluster, 2)
    with CaptureQueriesContext(connection) as first:
        assert _board(cluster).values["members"] == 2
    _join(cluster)
    with CaptureQueriesContext(connection) as second:
        assert _board(cluster).values["members"] == 2  # kept: the new member waits for the expiry
    assert len(second) < 3 < len(first)
    snapshot_now(cluster)  # "update now"
    assert _board(cluster).values["members"] == 3


def test_new_stage_rules_and_another_language_get_their_own_board(settings):
    settings.DASHBOARD_CACHE_SECONDS = 60
    _manager, cluster = cluster_manager()
    _join(cluster, 2)
    with translation.override("en"):
        english = _board(cluster)
    _join(cluster)
    with translation.override("ko"):
        assert _board(cluster).values["members"] == 3
    cluster.stage_thresholds = {"members": 1}
    with translation.override("en"):
        assert _board(cluster).values["members"] == 3
        cluster.stage_thresholds = {}
        assert _board(cluster).values["members"] == english.values["members"] == 2


def test_a_cache_that_is_down_still_gives_the_board(settings):
    settings.DASHBOARD_CACHE_SECONDS = 60
    _manager, cluster = cluster_manager()
    _join(cluster, 2)
    down = RedisConnectionError("Connection refused")
    with mock.patch.object(build.cache, "get", side_effect=down), mock.patch.object(build.cache, "set", side_effect=down):
        assert _board(cluster).values["members"] == 2


def test_the_page_uses_the_kept_board(client, settings):
    settings.DASHBOARD_CACHE_SECONDS = 60
    manager, cluster = cluster_manager()
    _join(cluster, 2)
    client.force_login(manager)
    url = f"/clusters/{cluster.slug}/dashboard/"
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as kept:
        assert client.get(url).status_code == 200
    settings.DASHBOARD_CACHE_SECONDS = 0
    with CaptureQueriesContext(connection) as live:
        assert client.get(url).status_code == 200
    assert len(kept) < len(live)
