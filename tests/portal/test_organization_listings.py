"""An organisation's page lists its needs and capabilities as the viewer may see them (portal reads matching's
rule): its own members see drafts, closed ones and confidential descriptions; another firm sees the open ones
without a confidential description; people who are not signed in are sent to sign in."""

import pytest
from django.urls import reverse

from accounts.models import OrganizationStatus
from tests.factories import OrganizationFactory, UserFactory
from tests.portal.saved_world import SECRET, build_world

pytestmark = pytest.mark.django_db


def fragment(client, user, org):
    client.force_login(user)
    return client.get(reverse("portal:organization_listings", args=[org.pk]), HTTP_HX_REQUEST="true")


def test_own_member_sees_every_listing_with_the_confidential_description(client):
    w = build_world()

    response = fragment(client, w.member, w.firm)

    html = response.content.decode()
    assert response.status_code == 200
    for listing in (w.open_need, w.draft, w.closed, w.confidential, w.capability):
        assert listing.title in html
    assert SECRET in html
    assert "<html" not in html  # a fragment for htmx, not a page


def test_another_firm_sees_only_open_listings_and_never_a_confidential_description(client):
    w = build_world()

    html = fragment(client, w.other, w.firm).content.decode()

    assert w.open_need.title in html and w.capability.title in html
    assert w.confidential.title in html  # title and tags are shown ...
    assert SECRET not in html  # ... its description never
    assert "shared only with partners" in html
    assert w.draft.title not in html and w.closed.title not in html


def test_anonymous_people_are_sent_to_sign_in_from_the_page_and_the_fragment(client):
    w = build_world()

    for url in (reverse("organizations:detail", args=[w.firm.pk]),
                reverse("portal:organization_listings", args=[w.firm.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_pending_organisation_is_not_found_for_outsiders(client):
    pending = OrganizationFactory(status=OrganizationStatus.PENDING)

    assert fragment(client, UserFactory(), pending).status_code == 404
    assert fragment(client, UserFactory(), type("O", (), {"pk": 10**9})()).status_code == 404


def test_the_organisation_page_loads_the_fragment_and_without_htmx_it_is_a_page(client):
    w = build_world()
    client.force_login(w.other)

    page = client.get(reverse("organizations:detail", args=[w.firm.pk])).content.decode()
    full = client.get(reverse("portal:organization_listings", args=[w.firm.pk])).content.decode()

    assert f'hx-get="{reverse("portal:organization_listings", args=[w.firm.pk])}"' in page
    assert 'hx-trigger="load"' in page
    assert "<html" in full and w.open_need.title in full and SECRET not in full


def test_korean_viewer_reads_korean_labels(client):
    w = build_world()
    client.force_login(w.other)

    html = client.get(reverse("portal:organization_listings", args=[w.firm.pk]), HTTP_HX_REQUEST="true",
                      HTTP_ACCEPT_LANGUAGE="ko").content.decode()

    assert "clinical_trial" not in html and "oncology" not in html  # labels, never slugs
