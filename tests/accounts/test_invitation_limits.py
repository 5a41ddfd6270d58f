"""Invitations mail arbitrary addresses: only a verified organisation sends them, and never in bulk."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import Invitation, MembershipRole, OrganizationStatus
from core.errors import DomainError, NotAllowed
from tests.factories import MembershipFactory, UserFactory, org_admin

from .conftest import messages_of

NOT_VERIFIED = "You can invite colleagues once a cluster manager has verified your organisation."
USER_LIMIT = "You have sent 10 invitations in the last hour, the most allowed. Please try again later."

pytestmark = pytest.mark.django_db


def invite(client, org, email):
    return client.post(reverse("organizations:invite", args=[org.pk]), {"email": email, "role": "member"}, follow=True)


@pytest.mark.parametrize("status", [OrganizationStatus.PENDING, OrganizationStatus.REJECTED])
def test_admin_of_an_unverified_organisation_cannot_invite(client, mailbox, status):
    admin, org = org_admin(status=status, name_en="<img src=x onerror=alert(1)>")
    client.force_login(admin)

    page = client.get(reverse("organizations:detail", args=[org.pk])).content.decode()
    assert NOT_VERIFIED in page
    assert reverse("organizations:invite", args=[org.pk]) not in page  # no form that can only fail
    with mailbox():
        response = invite(client, org, "target@example.kr")

    assert response.status_code == 200
    assert NOT_VERIFIED in messages_of(response)
    assert not Invitation.objects.exists()
    assert mail.outbox == []
    with pytest.raises(NotAllowed, match="verified"):
        services.invitation_create(user=admin, org=org, email="target@example.kr", role="member")


def test_verified_organisation_shows_the_invitation_form(client):
    admin, org = org_admin()
    client.force_login(admin)

    page = client.get(reverse("organizations:detail", args=[org.pk])).content.decode()

    assert reverse("organizations:invite", args=[org.pk]) in page
    assert NOT_VERIFIED not in page


def test_eleventh_invitation_in_an_hour_is_refused_and_sends_nothing(client, mailbox):
    admin, org = org_admin()
    client.force_login(admin)
    with mailbox():
        for n in range(10):
            assert f"Invitation sent to colleague{n}@example.kr." in messages_of(
                invite(client, org, f"colleague{n}@example.kr")
            )
    assert len(mail.outbox) == 10

    with mailbox():
        response = invite(client, org, "eleventh@example.kr")

    assert USER_LIMIT in messages_of(response)
    assert len(mail.outbox) == 10
    assert Invitation.objects.count() == 10
    assert not Invitation.objects.filter(email="eleventh@example.kr").exists()


def test_invitations_older_than_an_hour_no_longer_count_for_the_inviter(mailbox):
    admin, org = org_admin()
    for n in range(10):
        services.invitation_create(user=admin, org=org, email=f"old{n}@example.kr", role="member")
    Invitation.objects.update(created_at=timezone.now() - timedelta(minutes=61))

    with mailbox():
        services.invitation_create(user=admin, org=org, email="fresh@example.kr", role="member")

    assert [m.to for m in mail.outbox] == [["fresh@example.kr"]]


def test_organisation_limit_applies_across_its_admins(mailbox, settings):
    settings.INVITATION_RATE_PER_ORG_DAY = 3
    first, org = org_admin()
    second = UserFactory()
    MembershipFactory(user=second, organization=org, role=MembershipRole.ADMIN)
    services.invitation_create(user=first, org=org, email="a@example.kr", role="member")
    services.invitation_create(user=first, org=org, email="b@example.kr", role="member")
    services.invitation_create(user=second, org=org, email="c@example.kr", role="member")

    with mailbox(), pytest.raises(DomainError, match="Your organisation has sent 3 invitations in the last 24 hours"):
        services.invitation_create(user=second, org=org, email="d@example.kr", role="member")

    assert mail.outbox == []
    Invitation.objects.update(created_at=timezone.now() - timedelta(hours=25))
    services.invitation_create(user=second, org=org, email="d@example.kr", role="member")
    assert Invitation.objects.count() == 4


def test_limits_are_settings_with_the_documented_defaults():
    from django.conf import settings

    assert (settings.INVITATION_RATE_PER_USER_HOUR, settings.INVITATION_RATE_PER_ORG_DAY) == (10, 30)
