"""/api/v1/me/: only one's own profile fields change, and a news opt-in records its consent time."""

import pytest

from accounts.models import Membership, MembershipRole
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_news_opt_in_over_the_api_records_when_it_was_given(client):
    user = UserFactory(news_opt_in=False)
    client.force_login(user)
    response = client.patch("/api/v1/me/", {"news_opt_in": True}, content_type="application/json")
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.news_opt_in and user.news_opt_in_at is not None
    client.patch("/api/v1/me/", {"news_opt_in": False}, content_type="application/json")
    user.refresh_from_db()
    assert not user.news_opt_in and user.news_opt_in_at is None


def test_me_cannot_change_email_verification_or_memberships(client):
    org = OrganizationFactory()
    user = UserFactory(email="me@example.kr", email_verified_at=None)
    Membership.objects.create(user=user, organization=org, role=MembershipRole.MEMBER)
    client.force_login(user)
    response = client.patch("/api/v1/me/", {
        "email": "boss@example.kr", "email_verified_at": "2026-01-01T00:00:00Z", "is_staff": True,
        "memberships": [{"organization": org.pk, "role": "admin", "is_tto": True}], "full_name": "New Name",
    }, content_type="application/json")
    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.email, user.email_verified_at, user.is_staff, user.full_name) == ("me@example.kr", None, False, "New Name")
    assert Membership.objects.get(user=user).role == MembershipRole.MEMBER
    assert not Membership.objects.get(user=user).is_tto


@pytest.mark.parametrize("url,param", [("/organizations/", "q"), ("/api/v1/listings/", "search")])
def test_search_text_is_bounded(client, url, param):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(UserFactory())
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {param: "ab " * 400})
    assert response.status_code in (200, 400)
    assert max(len(q["sql"]) for q in queries) < 20_000
