"""A pending (unverified) organisation is told plainly, where it posts and looks for partners, that it
waits for verification and what that means: its needs are seen only by its own people and proposed to
nobody until a cluster manager verifies it (matching/proposals/dataset.py ranks only verified
organisations' needs)."""

import pytest
from django.urls import reverse

from accounts.models import MembershipRole, OrganizationStatus
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

WAITING = "is waiting for verification."
WHAT_NEXT = "the matching model proposes no partners for them"
PAGES = ["home", "listings:browse", "listings:proposals", "listings:create"]


def _member(status: str):
    org = OrganizationFactory(name_en=f"Org {status}", kind="firm", status=status)
    user = UserFactory()
    MembershipFactory(user=user, organization=org, role=MembershipRole.ADMIN)
    return user, org


@pytest.mark.parametrize("page", PAGES)
def test_a_pending_organisation_is_told_it_waits_and_what_happens_next(client, page):
    user, _org = _member(OrganizationStatus.PENDING)
    client.force_login(user)
    response = client.get(reverse(page))
    text = response.content.decode()
    assert response.status_code == 200
    assert f"Org pending {WAITING}" in text and WHAT_NEXT in text
    assert "its open needs are proposed in the next matching round" in text


def test_the_organisation_page_says_it_too(client):
    user, org = _member(OrganizationStatus.PENDING)
    client.force_login(user)
    assert WAITING in client.get(reverse("organizations:detail", args=[org.pk])).content.decode()


def test_the_empty_proposals_page_says_why_there_are_none(client):
    user, _org = _member(OrganizationStatus.PENDING)
    client.force_login(user)
    text = client.get(reverse("listings:proposals")).content.decode()
    assert "No proposals while Org pending is not verified" in text
    assert "wait for the next matching round" not in text


@pytest.mark.parametrize("page", PAGES)
def test_a_verified_organisation_sees_no_such_notice(client, page):
    user, _org = _member(OrganizationStatus.VERIFIED)
    client.force_login(user)
    text = client.get(reverse(page)).content.decode()
    assert WAITING not in text and "cl-pending-notice" not in text


def test_a_rejected_organisation_is_told_it_was_not_verified(client):
    user, _org = _member(OrganizationStatus.REJECTED)
    client.force_login(user)
    text = client.get(reverse("listings:browse")).content.decode()
    assert "Org rejected was not verified." in text and "apply again" in text
