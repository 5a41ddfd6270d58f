"""Every list page and list endpoint issues the same number of queries for 3 rows as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import MembershipRole, OrganizationStatus
from clusters.models import ClusterMembershipStatus
from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    cluster_manager,
)


def measure(client, url, expected_rows, rows_of, **extra) -> list[str]:
    """GET url, check it shows the expected number of rows, and return the SQL it ran."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **extra)
    assert response.status_code == 200
    assert rows_of(response) == expected_rows
    return [q["sql"] for q in ctx.captured_queries]


def assert_same_count(small: list[str], large: list[str]) -> None:
    assert len(small) == len(large), "query count grows with rows:\n" + "\n".join(large)


def page_rows(response) -> int:
    return len(response.context["page"])


def api_rows(response) -> int:
    return len(response.json()["results"])


@pytest.fixture
def viewer(client, db):
    """A signed-in member of a verified organisation in a cluster, so the navigation has entries."""
    cluster = ClusterFactory()
    own = OrganizationFactory()
    ClusterMembershipFactory(organization=own, cluster=cluster)
    user = MembershipFactory(organization=own, role=MembershipRole.ADMIN).user
    client.force_login(user)
    return {"user": user, "org": own, "cluster": cluster}


def add_orgs(n: int, cluster, status=OrganizationStatus.VERIFIED, cm_status=ClusterMembershipStatus.APPROVED):
    for _ in range(n):
        org = OrganizationFactory(status=status)
        ClusterMembershipFactory(organization=org, cluster=cluster, status=cm_status)
        ClusterMembershipFactory(organization=org, cluster=ClusterFactory(), status=cm_status)
        MembershipFactory(organization=org, role=MembershipRole.ADMIN)
        MembershipFactory(organization=org)


@pytest.mark.django_db
def test_directory_page_constant_queries(client, viewer):
    url = reverse("organizations:directory")
    add_orgs(2, viewer["cluster"])
    small = measure(client, url, 3, page_rows)
    add_orgs(27, viewer["cluster"])
    large = measure(client, url, 24, page_rows)  # one full page of the 30

    assert_same_count(small, large)


@pytest.mark.django_db
def test_directory_htmx_partial_with_cluster_filter_constant_queries(client, viewer):
    url = reverse("organizations:directory") + f"?cluster={viewer['cluster'].slug}"
    add_orgs(2, viewer["cluster"])
    small = measure(client, url, 3, page_rows, HTTP_HX_REQUEST="true")
    add_orgs(17, viewer["cluster"])
    large = measure(client, url, 20, page_rows, HTTP_HX_REQUEST="true")

    assert_same_count(small, large)


@pytest.mark.django_db
def test_verification_queue_constant_queries(client, db):
    manager, cluster = cluster_manager()
    client.force_login(manager)
    url = reverse("manage:verification")
    add_orgs(3, cluster, status=OrganizationStatus.PENDING, cm_status=ClusterMembershipStatus.REQUESTED)
    small = measure(client, url, 3, page_rows)
    add_orgs(22, cluster, status=OrganizationStatus.PENDING, cm_status=ClusterMembershipStatus.REQUESTED)
    large = measure(client, url, 25, page_rows)

    assert_same_count(small, large)


@pytest.mark.django_db
@pytest.mark.parametrize("as_admin", [True, False], ids=["admin", "outsider"])
def test_org_detail_page_constant_queries(client, db, as_admin):
    org = OrganizationFactory()
    for _ in range(3):
        ClusterMembershipFactory(organization=org, cluster=ClusterFactory())
    viewer = MembershipFactory(organization=org, role=MembershipRole.ADMIN).user if as_admin else UserFactory()
    client.force_login(viewer)
    url = reverse("organizations:detail", args=[org.pk])

    def people(response) -> int:
        return len(response.context["people"])

    def grow(n):
        for _ in range(n):
            MembershipFactory(organization=org)
            MembershipFactory(organization=org, status="requested")  # join requests shown to admins

    grow(3 - org.memberships.filter(status="active").count())
    small = measure(client, url, 3, people)
    grow(27)
    large = measure(client, url, 30, people)

    assert_same_count(small, large)


@pytest.mark.django_db
def test_api_organizations_list_constant_queries(client, viewer):
    url = "/api/v1/organizations/?page_size=50"
    add_orgs(2, viewer["cluster"])
    small = measure(client, url, 3, api_rows)
    add_orgs(27, viewer["cluster"])
    large = measure(client, url, 30, api_rows)

    assert_same_count(small, large)


@pytest.mark.django_db
def test_api_memberships_list_constant_queries(client, db):
    """Mixed visibility: the viewer's own org, a managed org and strangers' orgs."""
    manager, cluster = cluster_manager()
    own = OrganizationFactory()
    MembershipFactory(organization=own, user=manager)
    client.force_login(manager)
    url = "/api/v1/memberships/?page_size=50"

    def grow(n):
        for i in range(n):
            org = OrganizationFactory()
            if i % 2:
                ClusterMembershipFactory(organization=org, cluster=cluster)
            MembershipFactory(organization=org)

    grow(2)
    small = measure(client, url, 3, api_rows)
    grow(27)
    large = measure(client, url, 30, api_rows)

    assert_same_count(small, large)


@pytest.mark.django_db
def test_home_page_for_a_manager_constant_queries(client, db):
    manager, cluster = cluster_manager()
    client.force_login(manager)
    url = reverse("home")

    def ok(_response) -> int:
        return 0

    add_orgs(3, cluster, status=OrganizationStatus.PENDING, cm_status=ClusterMembershipStatus.REQUESTED)
    small = measure(client, url, 0, ok)
    add_orgs(27, cluster, status=OrganizationStatus.PENDING, cm_status=ClusterMembershipStatus.REQUESTED)
    large = measure(client, url, 0, ok)

    assert_same_count(small, large)
