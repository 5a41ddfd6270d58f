"""Who sees which dashboard: managers and platform admins everything, people of the cluster's verified member
organisations the public summary (no organisation named, no tie), everyone else nothing; the API alike."""

import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import OrganizationStatus
from tests.factories import ClusterMembershipFactory, MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.urls("tests.portal.urls_for_tests")

Q3 = {"period": "2026-Q3"}
NAMES = ("Alpha Firm", "Beta Firm", "Gamma Hospital", "Delta University", "Outside Hospital")
PAGE = ("dashboard:cluster", ["osong"])


def get(client, user, name="dashboard:cluster", args=("osong",), **params):
    if user is not None:
        client.force_login(user)
    return client.get(reverse(name, args=list(args)), params or Q3)


def test_anonymous_is_sent_to_login(client, dash_world):
    for name, args in ((PAGE[0], ["osong"]), ("dashboard:alliance", ["central"]),
                       ("dashboard:cluster_export", ["osong", "summary", "csv"])):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert client.post(reverse("dashboard:cluster_refresh", args=["osong"])).status_code == 302
    response = APIClient().get("/api/v1/clusters/osong/dashboard/")
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Token"


def test_member_sees_the_summary_only(client, dash_world):
    response = get(client, dash_world.member)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-access="summary"' in page
    assert "Public summary" in page and "Activation" in page and "Osong Partnering Day" not in page
    for hidden in ('id="network-map"', 'id="funnel"', 'id="mixing"', "Update now", "cytoscape"):
        assert hidden not in page
    board = page.split('id="dashboard"')[1].split("</main>")[0]
    for name in NAMES:  # not even their own organisation (named in the navigation only): no tie, no node
        assert name not in board
    assert "Alpha Firm" not in page and "Gamma Hospital" not in page
    data = json.loads(page.split('<script id="dashboard-data" type="application/json">')[1].split("</script>")[0])
    assert set(data) == {"mix"}
    summary = json.loads(get(client, None, "dashboard:cluster_export", ("osong", "summary", "json")).content)
    values = {r["indicator"]: r["value"] for r in summary["rows"]}
    assert summary["access"] == "summary"
    assert values["members"] == 4 and values["members_firm"] == 2 and values["density"] == pytest.approx(0.5)
    assert values["show_up_rate"] == pytest.approx(2 / 3)
    for table in ("network_ties", "network_nodes", "brokers", "funnel", "indicators", "events"):
        assert get(client, None, "dashboard:cluster_export", ("osong", table, "csv")).status_code == 404


def test_member_api_is_the_summary(dash_world):
    api = APIClient()
    api.force_authenticate(dash_world.member)
    body = api.get("/api/v1/clusters/osong/dashboard/", Q3).json()
    assert body["access"] == "summary"
    assert {t["key"] for t in body["tables"]} == {"summary", "stage", "member_mix"}
    assert not any(name in json.dumps(body, ensure_ascii=False) for name in NAMES)
    assert api.get("/api/v1/clusters/osong/dashboard/", {"table": "network_ties"}).status_code == 404


def test_another_clusters_manager_is_refused(client, dash_world):
    assert get(client, dash_world.other_manager).status_code == 403
    assert get(client, None, "dashboard:alliance", ("central",)).status_code == 403
    assert get(client, None, "dashboard:cluster_export", ("osong", "network_ties", "csv")).status_code == 403
    assert client.post(reverse("dashboard:cluster_refresh", args=["osong"])).status_code == 403
    api = APIClient()
    api.force_authenticate(dash_world.other_manager)
    assert api.get("/api/v1/clusters/osong/dashboard/").status_code == 403
    assert api.get("/api/v1/clusters/daegu/dashboard/", Q3).json()["access"] == "full"  # their own


def test_people_outside_the_cluster_are_refused(client, dash_world):
    outsider = UserFactory()
    MembershipFactory(user=outsider, organization=dash_world.orgs["o1"])
    assert get(client, outsider).status_code == 403
    # a pending organisation's approved membership does not count yet
    pending = OrganizationFactory(status=OrganizationStatus.PENDING)
    ClusterMembershipFactory(organization=pending, cluster=dash_world.cluster)
    waiting = UserFactory()
    MembershipFactory(user=waiting, organization=pending)
    assert get(client, waiting).status_code == 403
    assert get(client, UserFactory()).status_code == 403


def test_platform_admin_sees_every_dashboard_in_full(client, dash_world):
    admin = UserFactory(is_superuser=True, is_staff=True)
    for name, slug in (("dashboard:cluster", "osong"), ("dashboard:cluster", "daegu"), ("dashboard:alliance", "central")):
        response = get(client, admin, name, (slug,))
        assert response.status_code == 200 and 'data-access="full"' in response.content.decode()


def test_unknown_slug_is_404(client, dash_world):
    assert get(client, dash_world.manager, "dashboard:cluster", ("nowhere",)).status_code == 404
