"""The dashboard's cache (DASHBOARD_CACHE_SECONDS): keyed by the data's version, so new data, "update now", new stage
rules and another language show at once, and a cache that is down costs nothing but the work."""

import re
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from redis import ConnectionError as RedisConnectionError

from clusters.models import ClusterMembershipStatus
from portal.dashboard import build
from portal.dashboard.access import period_from
from portal.indicators.snapshots import snapshot_now
from tests.factories import ClusterMembershipFactory, OrganizationFactory, UserFactory, cluster_manager

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


def _queries(cluster) -> tuple[int, int]:
    """The board's member count and the queries it took."""
    with CaptureQueriesContext(connection) as ctx:
        members = _board(cluster).values["members"]
    return members, len(ctx)


def test_a_kept_board_is_served_until_its_data_changes(settings):
    settings.DASHBOARD_CACHE_SECONDS = 60
    _manager, cluster = cluster_manager()
    _join(cluster, 2)
    members, first = _queries(cluster)
    assert members == 2
    members, second = _queries(cluster)
    assert members == 2 and second * 2 < first  # kept: only the data version is read
    _join(cluster)  # new data: the version moves, the board is computed again at once
    members, third = _queries(cluster)
    assert members == 3 and third > second * 2
    snapshot_now(cluster)  # "update now": a new snapshot time, a new board
    assert _queries(cluster)[1] > second * 2


def test_new_stage_rules_and_another_language_get_their_own_board(settings):
    settings.DASHBOARD_CACHE_SECONDS = 60
    _manager, cluster = cluster_manager()
    _join(cluster, 2)
    with translation.override("en"):
        _members, computed = _queries(cluster)
        kept = _queries(cluster)[1]
    assert kept * 2 < computed
    with translation.override("ko"):
        assert _queries(cluster)[1] > kept * 2  # another language: its own board
    cluster.stage_thresholds = {"members": 1}
    with translation.override("en"):
        assert _queries(cluster)[1] > kept * 2  # other stage rules: their own board
        cluster.stage_thresholds = {}
        assert _queries(cluster)[1] == kept  # back to the first rules: the first board


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


def _page(client, url: str) -> str:
    """The board's HTML without the per-request CSRF tokens."""
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_the_kept_page_shows_new_data_at_once_and_equals_the_live_page(client, settings):
    settings.DASHBOARD_CACHE_SECONDS = 60
    manager, cluster = cluster_manager()
    _join(cluster, 2)
    client.force_login(manager)
    url = f"/clusters/{cluster.slug}/dashboard/"
    before = _page(client, url)
    with CaptureQueriesContext(connection) as kept:
        assert _page(client, url) == before
    _join(cluster)
    after = _page(client, url)
    assert after != before
    settings.DASHBOARD_CACHE_SECONDS = 0
    with CaptureQueriesContext(connection) as live:
        assert _page(client, url) == after  # what a live computation shows, not an older board
    assert len(kept) * 2 < len(live)


def test_update_now_from_a_kept_page_passes_the_csrf_check(settings):
    settings.DASHBOARD_CACHE_SECONDS = 60
    manager, cluster = cluster_manager()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(manager)
    url = f"/clusters/{cluster.slug}/dashboard/"
    browser.get(url)
    page = browser.get(url).content.decode()  # the kept board
    form = page.split(f'action="{url}refresh/"')[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = browser.post(f"{url}refresh/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_another_manager_gets_their_own_page(client, settings):
    from core import fragments

    settings.DASHBOARD_CACHE_SECONDS = 60
    manager, cluster = cluster_manager()
    other = UserFactory()
    cluster.managers.add(other)
    url = f"/clusters/{cluster.slug}/dashboard/"
    client.force_login(manager)
    client.get(url)
    client.force_login(other)
    with mock.patch.object(fragments, "render_to_string", wraps=fragments.render_to_string) as rendered:
        assert client.get(url).status_code == 200
        assert rendered.call_count == 1  # not the first manager's kept board
        assert client.get(url).status_code == 200
        assert rendered.call_count == 1  # their own, kept
