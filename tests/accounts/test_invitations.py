"""Invitations for colleagues, join requests and roles: only an organisation's admins decide."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, Membership, MembershipRole, MembershipStatus, OrganizationStatus
from tests.factories import PASSWORD, MembershipFactory, OrganizationFactory, UserFactory, org_admin

from .conftest import first_url, messages_of, path_of

EXPIRED = "This invitation has expired or was already used."


@pytest.fixture
def team(db):
    admin, org = org_admin(name_en="Hanbit Pharma", name_ko="한빛제약")
    admin.full_name = "Admin Kim"
    admin.save()
    return {"admin": admin, "org": org}


def invite(client, org, email, role="member"):
    return client.post(reverse("organizations:invite", args=[org.pk]), {"email": email, "role": role}, follow=True)


def invitation_link(team, client, mailbox, email="colleague@hanbit.example.kr", role="member") -> str:
    client.force_login(team["admin"])
    with mailbox():
        invite(client, team["org"], email, role)
    client.logout()
    return path_of(first_url(mail.outbox[-1].body))


@pytest.mark.django_db
def test_admin_invites_a_colleague_by_email(client, team, mailbox):
    client.force_login(team["admin"])

    with mailbox():
        response = invite(client, team["org"], "Colleague@Hanbit.example.kr")

    assert "Invitation sent to Colleague@Hanbit.example.kr." in messages_of(response)
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.organization, invitation.invited_by) == (
        "colleague@hanbit.example.kr", team["org"], team["admin"],
    )
    assert invitation.accepted_at is None
    assert [m.to for m in mail.outbox] == [["colleague@hanbit.example.kr"]]
    assert mail.outbox[0].subject == "Admin Kim invites you to join Hanbit Pharma on ClusterLink"
    assert first_url(mail.outbox[0].body).endswith(reverse("accounts:invitation", args=[invitation.token]))


@pytest.mark.django_db
def test_invitee_accepts_after_signing_in_with_that_email(client, team, mailbox):
    link = invitation_link(team, client, mailbox)
    invitee = UserFactory(email="colleague@hanbit.example.kr", email_verified_at=None)

    anonymous = client.get(link)
    assert anonymous.status_code == 200
    assert f"{reverse('accounts:login')}?next={link}" in anonymous.content.decode()
    signed_in = client.post(
        f"{reverse('accounts:login')}?next={link}", {"email": "colleague@hanbit.example.kr", "password": PASSWORD}
    )
    assert signed_in["Location"] == link
    page = client.get(link)
    assert "Accept the invitation" in page.content.decode()
    response = client.post(link, follow=True)

    assert response.redirect_chain == [(reverse("organizations:detail", args=[team["org"].pk]), 302)]
    assert "You joined Hanbit Pharma." in messages_of(response)
    membership = Membership.objects.get(user=invitee)
    assert (membership.organization, membership.role, membership.status) == (
        team["org"], MembershipRole.MEMBER, MembershipStatus.ACTIVE,
    )
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == invitee
    assert invitation.accepted_at is not None
    invitee.refresh_from_db()
    assert invitee.email_verified_at is not None  # the link proved the address


@pytest.mark.django_db
def test_invitation_with_admin_role_makes_an_admin(client, team, mailbox):
    link = invitation_link(team, client, mailbox, role="admin")
    invitee = UserFactory(email="colleague@hanbit.example.kr")
    client.force_login(invitee)

    client.post(link)

    assert Membership.objects.get(user=invitee).role == MembershipRole.ADMIN


@pytest.mark.django_db
def test_a_different_signed_in_user_cannot_use_the_invitation(client, team, mailbox):
    link = invitation_link(team, client, mailbox)
    stranger = UserFactory(email="stranger@example.kr")
    client.force_login(stranger)

    response = client.post(link, follow=True)

    assert response.status_code == 200
    assert "This invitation was sent to a different email address." in messages_of(response)
    assert not Membership.objects.filter(user=stranger).exists()
    assert Invitation.objects.get().accepted_at is None


@pytest.mark.django_db
def test_anonymous_post_does_not_accept(client, team, mailbox):
    link = invitation_link(team, client, mailbox)

    response = client.post(link)

    assert response.status_code == 200
    assert Invitation.objects.get().accepted_at is None
    assert Membership.objects.count() == 1


@pytest.mark.django_db
def test_used_invitation_is_refused(client, team, mailbox):
    link = invitation_link(team, client, mailbox)
    client.force_login(UserFactory(email="colleague@hanbit.example.kr"))
    client.post(link)
    client.force_login(UserFactory(email="latecomer@example.kr"))

    response = client.post(link, follow=True)

    assert response.redirect_chain == [(reverse("home"), 302)]
    assert EXPIRED in messages_of(response)
    assert not Membership.objects.filter(user__email="latecomer@example.kr").exists()


@pytest.mark.django_db
def test_expired_invitation_is_refused(client, team, mailbox, settings):
    link = invitation_link(team, client, mailbox)
    Invitation.objects.update(created_at=timezone.now() - timedelta(days=settings.INVITATION_MAX_AGE_DAYS, minutes=1))
    invitee = UserFactory(email="colleague@hanbit.example.kr")
    client.force_login(invitee)

    response = client.post(link, follow=True)

    assert EXPIRED in messages_of(response)
    assert not Membership.objects.filter(user=invitee).exists()


@pytest.mark.django_db
def test_unknown_invitation_token_is_404(client, db):
    assert client.get(reverse("accounts:invitation", args=["00000000-0000-0000-0000-000000000000"])).status_code == 404


@pytest.mark.django_db
def test_non_admin_cannot_invite(client, team, mailbox):
    member = MembershipFactory(organization=team["org"]).user
    client.force_login(member)

    with mailbox():
        response = client.post(
            reverse("organizations:invite", args=[team["org"].pk]), {"email": "x@example.kr", "role": "member"}
        )

    assert response.status_code == 403
    assert not Invitation.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_inviting_an_existing_member_or_twice_is_refused(client, team, mailbox):
    MembershipFactory(organization=team["org"], user=UserFactory(email="already@example.kr"))
    client.force_login(team["admin"])

    existing = invite(client, team["org"], "ALREADY@example.kr")
    invite(client, team["org"], "new@example.kr")
    twice = invite(client, team["org"], "New@Example.kr")

    assert "This person already belongs to the organisation." in messages_of(existing)
    assert "This address already has an open invitation." in messages_of(twice)
    assert list(Invitation.objects.values_list("email", flat=True)) == ["new@example.kr"]


@pytest.mark.django_db
def test_inviting_an_invalid_address_shows_the_error(client, team):
    client.force_login(team["admin"])

    response = invite(client, team["org"], "not-an-address")

    assert "Enter a valid email address." in messages_of(response)
    assert not Invitation.objects.exists()


# --- join requests -------------------------------------------------------------------------------------


@pytest.fixture
def join_request(team):
    applicant = UserFactory(email="applicant@example.kr")
    return Membership.objects.create(user=applicant, organization=team["org"], status=MembershipStatus.REQUESTED)


def decide(org, membership) -> str:
    return reverse("organizations:join_request_decide", args=[org.pk, membership.pk])


@pytest.mark.django_db
def test_admin_declines_a_join_request(client, team, join_request):
    client.force_login(team["admin"])

    response = client.post(decide(team["org"], join_request), {"decision": "decline"}, follow=True)

    assert "The request was declined." in messages_of(response)
    assert not Membership.objects.filter(pk=join_request.pk).exists()


@pytest.mark.django_db
def test_plain_member_cannot_decide_a_join_request(client, team, join_request):
    client.force_login(MembershipFactory(organization=team["org"]).user)

    for decision in ("approve", "decline"):
        assert client.post(decide(team["org"], join_request), {"decision": decision}).status_code == 403
    join_request.refresh_from_db()
    assert join_request.status == MembershipStatus.REQUESTED


@pytest.mark.django_db
def test_admin_of_another_org_cannot_decide_a_join_request(client, team, join_request):
    other_admin, other_org = org_admin()
    client.force_login(other_admin)

    via_their_org = client.post(decide(team["org"], join_request), {"decision": "approve"})
    via_own_org = client.post(decide(other_org, join_request), {"decision": "approve"}, follow=True)

    assert via_their_org.status_code == 403
    assert "Only the organisation's administrators can do this." in messages_of(via_own_org)
    join_request.refresh_from_db()
    assert join_request.status == MembershipStatus.REQUESTED


@pytest.mark.django_db
def test_join_request_decided_twice_gives_a_clear_error(client, team, join_request, mailbox):
    client.force_login(team["admin"])
    with mailbox():
        client.post(decide(team["org"], join_request), {"decision": "approve"})
    assert len(mail.outbox) == 1

    with mailbox():
        again = client.post(decide(team["org"], join_request), {"decision": "decline"}, follow=True)

    assert "This request has already been decided." in messages_of(again)
    join_request.refresh_from_db()
    assert join_request.status == MembershipStatus.ACTIVE
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_requested_member_has_no_access_to_pending_org_until_approved(client, db):
    org = OrganizationFactory(status=OrganizationStatus.PENDING)
    applicant = UserFactory()
    Membership.objects.create(user=applicant, organization=org, status=MembershipStatus.REQUESTED)
    client.force_login(applicant)

    assert client.get(reverse("organizations:detail", args=[org.pk])).status_code == 404


# --- roles ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_last_admin_cannot_step_down(client, team):
    client.force_login(team["admin"])
    own = Membership.objects.get(user=team["admin"])

    response = client.post(reverse("organizations:membership_edit", args=[team["org"].pk, own.pk]), {"role": "member"})

    assert response.status_code == 200
    assert "An organisation needs at least one administrator." in response.content.decode()
    own.refresh_from_db()
    assert own.role == MembershipRole.ADMIN


@pytest.mark.django_db
def test_admin_makes_a_member_tto_reviewer(client, team):
    member = MembershipFactory(organization=team["org"])
    client.force_login(team["admin"])

    response = client.post(
        reverse("organizations:membership_edit", args=[team["org"].pk, member.pk]), {"role": "member", "is_tto": "on"}
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.role, member.is_tto) == (MembershipRole.MEMBER, True)


@pytest.mark.django_db
def test_member_cannot_change_roles(client, team):
    member = MembershipFactory(organization=team["org"])
    client.force_login(member.user)

    response = client.post(
        reverse("organizations:membership_edit", args=[team["org"].pk, member.pk]), {"role": "admin"}
    )

    assert response.status_code == 403
    member.refresh_from_db()
    assert member.role == MembershipRole.MEMBER
