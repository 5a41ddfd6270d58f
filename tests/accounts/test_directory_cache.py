"""The directory's result list is kept (core.fragments) under a version of what it shows: every kind of change a
card shows appears on the next view, a repeated view skips the search, and no viewer is served another's list."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import MembershipRole, Organization, OrganizationStatus
from clusters.models import ClusterMembership, ClusterMembershipStatus
from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    MembershipFactory,
    OrganizationFactory,
    cluster_manager,
)

pytestmark = pytest.mark.sqlite_pass  # the version's SQL and the window count must work on the first-run database

DIRECTORY = reverse("organizations:directory")
PARTIAL = "organizations/_partials/directory_results.html"


@pytest.fixture(autouse=True)
def keeping(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def world(db):
    manager, cluster = cluster_manager(ClusterFactory(slug="hongneung", name_en="Hongneung", name_ko="홍릉"))
    alpha = OrganizationFactory(name_en="Alpha Bio", name_ko="알파바이오", description="Sepsis diagnostics.")
    ClusterMembershipFactory(organization=alpha, cluster=cluster)
    own = OrganizationFactory(name_en="Viewer Org", name_ko="뷰어", description="Our own.")
    viewer = MembershipFactory(organization=own, role=MembershipRole.ADMIN).user
    return {"manager": manager, "cluster": cluster, "alpha": alpha, "own": own, "viewer": viewer}


@pytest.fixture
def member(client, world):
    client.force_login(world["viewer"])
    return client


def view(client, path=DIRECTORY, **extra):
    """The page's HTML and whether the result list was rendered (not served kept)."""
    response = client.get(path, **extra)
    assert response.status_code == 200
    return response.content.decode(), PARTIAL in [t.name for t in response.templates]


def results(html: str) -> str:
    return html.split('<div id="results">', 1)[1]


def test_a_repeated_view_serves_the_kept_list_with_fewer_queries(member):
    with CaptureQueriesContext(connection) as first:
        html, rendered = view(member)
    assert rendered and "Alpha Bio" in html
    with CaptureQueriesContext(connection) as second:
        again, rendered = view(member)
    assert not rendered and results(again) == results(html)
    assert len(second) < len(first)
    assert not [q for q in second.captured_queries if "LIKE" in q["sql"] or "LIMIT 24" in q["sql"]]


def test_a_search_is_kept_apart_from_other_queries_and_pages(member, world):
    for n in range(30):
        OrganizationFactory(name_en=f"Bio firm {n:02d}", name_ko=f"바이오 {n:02d}")
    first, _ = view(member, DIRECTORY + "?q=bio")
    second, rendered = view(member, DIRECTORY + "?q=bio&page=2")
    assert rendered and "Bio firm 00" in first and "Bio firm 00" not in second
    other, rendered = view(member, DIRECTORY + "?q=viewer")
    assert rendered and "Viewer Org" in other and "Alpha Bio" not in other


@pytest.mark.parametrize(("page", "shown"), [("x", "1 / 2"), ("2", "2 / 2"), ("0", "2 / 2"), ("-1", "2 / 2"),
                                             ("999", "2 / 2"), ("99999999999999999999999", "2 / 2")])
def test_pages_out_of_range_show_the_last_page_as_the_paginator_did(member, page, shown):
    for n in range(28):
        OrganizationFactory(name_en=f"Firm {n:02d}")
    html, _ = view(member, DIRECTORY + f"?page={page}")
    assert f'<span class="page-link">{shown}</span>' in html and "30 organisations" in html


def test_an_edited_description_shows_at_once(member, world):
    view(member)
    admin = MembershipFactory(organization=world["alpha"], role=MembershipRole.ADMIN).user
    services.organization_update(user=admin, org=world["alpha"], fields={"description": "Organoid screening."})
    html, rendered = view(member)
    assert rendered and "Organoid screening." in html and "Sepsis" not in html


def test_an_approved_rename_shows_at_once(member, world):
    view(member)
    admin = MembershipFactory(organization=world["alpha"], role=MembershipRole.ADMIN).user
    saved = services.organization_update(user=admin, org=world["alpha"], fields={"name_en": "Alpha Organoids"})
    assert "Alpha Organoids" not in view(member)[0]  # held for review: the old name still shows
    services.organization_change_approve(manager=world["manager"], change_id=saved.held_change.pk)
    assert "Alpha Organoids" in view(member)[0]


def test_a_newly_verified_organisation_appears_and_a_deleted_one_goes(member, world):
    pending = OrganizationFactory(name_en="Gamma Devices", status=OrganizationStatus.PENDING)
    request = ClusterMembershipFactory(organization=pending, cluster=world["cluster"],
                                       status=ClusterMembershipStatus.REQUESTED)
    assert "Gamma Devices" not in view(member)[0]
    services.cluster_membership_approve(manager=world["manager"], membership_id=request.pk)
    assert "Gamma Devices" in view(member)[0]
    world["alpha"].delete()
    html, _ = view(member)
    assert "Alpha Bio" not in html and "Gamma Devices" in html


def test_cluster_tags_follow_approvals_removals_and_renames(member, world):
    other = ClusterFactory(slug="osong", name_en="Osong Valley")
    request = ClusterMembershipFactory(organization=world["alpha"], cluster=other,
                                       status=ClusterMembershipStatus.REQUESTED)
    assert "#Osong Valley" not in view(member)[0]
    manager, _ = cluster_manager(other)
    services.cluster_membership_approve(manager=manager, membership_id=request.pk)
    assert "#Osong Valley" in view(member)[0]
    other.name_en = "Osong Bio Valley"
    other.save()
    assert "#Osong Bio Valley" in view(member)[0]
    ClusterMembership.objects.filter(pk=request.pk).delete()
    assert "#Osong" not in view(member)[0]


def test_a_queryset_update_that_sets_updated_at_shows(member, world):
    """Bulk writes of organisations must set ``updated_at`` (auto_now is not applied by ``update()``)."""
    view(member)
    Organization.objects.filter(pk=world["alpha"].pk).update(description="Cell therapy.", updated_at=timezone.now())
    assert "Cell therapy." in view(member)[0]


def test_a_status_change_by_update_still_hides_the_organisation(member, world):
    view(member)
    Organization.objects.filter(pk=world["alpha"].pk).update(status=OrganizationStatus.REJECTED,
                                                             updated_at=timezone.now())
    assert "Alpha Bio" not in view(member)[0]


def test_htmx_and_full_page_share_the_same_list(member):
    full, _ = view(member)
    partial, rendered = view(member, HTTP_HX_REQUEST="true")
    assert not rendered and partial.strip() and partial.strip() in results(full)
    assert "<html" not in partial


def test_another_viewer_gets_their_own_list_in_their_language(client, world):
    client.force_login(world["viewer"])
    english, _ = view(client)
    assert "Alpha Bio" in english
    other = MembershipFactory(organization=world["alpha"]).user
    korean_client = Client()
    korean_client.force_login(other)
    korean, rendered = view(korean_client, HTTP_ACCEPT_LANGUAGE="ko")
    assert rendered, "another viewer's kept list was served"
    assert "알파바이오" in results(korean).split("</h3>")[0]
    assert "#홍릉" in korean and "#Hongneung" not in korean
    assert "#Hongneung" in view(client)[0]  # the first viewer's list is unchanged


def test_forms_on_a_page_served_from_the_kept_list_post_with_a_valid_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["viewer"])
    view(client)
    html, rendered = view(client)
    assert not rendered and "clfragmentcsrfslot0" not in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = client.post(reverse("set_language"), {"language": "ko", "next": DIRECTORY,
                                                     "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_with_keeping_off_every_view_renders(member, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert view(member)[1] and view(member)[1]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes exist on PostgreSQL only")
def test_the_search_can_use_the_trigram_indexes(member, world):
    """The indexes' expressions are exactly the ones accounts.search compares (a drift would leave them unused)."""
    from accounts.search import search

    # Without the status filter, and with plain scans off, a BitmapOr over the indexes is the only fast plan.
    sql, params = search(Organization.objects.all(), "바이오").query.sql_with_params()
    with connection.cursor() as cursor:
        for scan in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{scan} = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for name in ("org_directory_name_key_trgm", "org_directory_name_en_trgm", "org_directory_name_ko_trgm",
                 "org_directory_description_trgm"):
        assert name in plan, plan
