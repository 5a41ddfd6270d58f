"""The cluster managers' verification queue: verify, turn down with a reason, re-apply."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import MembershipRole, OrganizationStatus
from clusters.models import ClusterMembership, ClusterMembershipStatus
from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    cluster_manager,
)

from .conftest import messages_of

QUEUE = reverse("manage:verification")


def decide(cm) -> str:
    return reverse("manage:verification_decide", args=[cm.pk])


@pytest.fixture
def world(db):
    """Cluster A with a manager and a pending applicant; cluster B with its own pending applicant."""
    manager, cluster_a = cluster_manager(ClusterFactory(slug="a", name_en="Cluster A"))
    cluster_b = ClusterFactory(slug="b", name_en="Cluster B")
    applicant_org = OrganizationFactory(name_en="Pending Alpha", status=OrganizationStatus.PENDING)
    applicant = MembershipFactory(
        organization=applicant_org, role=MembershipRole.ADMIN, user=UserFactory(email="alpha@alpha.example.kr")
    ).user
    cm = ClusterMembershipFactory(
        organization=applicant_org, cluster=cluster_a, status=ClusterMembershipStatus.REQUESTED
    )
    other_org = OrganizationFactory(name_en="Pending Beta", status=OrganizationStatus.PENDING)
    other_cm = ClusterMembershipFactory(organization=other_org, cluster=cluster_b, status=ClusterMembershipStatus.REQUESTED)
    return {
        "manager": manager, "cluster": cluster_a, "org": applicant_org, "applicant": applicant, "cm": cm,
        "other_org": other_org, "other_cm": other_cm, "cluster_b": cluster_b,
    }


@pytest.mark.django_db
def test_queue_shows_pending_orgs_of_the_managers_clusters_only(client, world):
    client.force_login(world["manager"])

    response = client.get(QUEUE)

    assert response.status_code == 200
    assert [cm.pk for cm in response.context["page"]] == [world["cm"].pk]
    text = response.content.decode()
    assert "Pending Alpha" in text
    assert "Pending Beta" not in text
    assert decide(world["cm"]) in text
    assert decide(world["other_cm"]) not in text


@pytest.mark.django_db
def test_queue_lets_the_manager_open_the_pending_org_page(client, world):
    client.force_login(world["manager"])

    assert client.get(reverse("organizations:detail", args=[world["org"].pk])).status_code == 200
    assert client.get(reverse("organizations:detail", args=[world["other_org"].pk])).status_code == 404


@pytest.mark.django_db
def test_approve_verifies_org_and_emails_the_applicant(client, world, mailbox):
    client.force_login(world["manager"])

    with mailbox():
        response = client.post(decide(world["cm"]), {"decision": "approve"}, follow=True)

    assert response.redirect_chain == [(QUEUE, 302)]
    assert "Pending Alpha is verified and joined Cluster A." in messages_of(response)
    org, cm = world["org"], world["cm"]
    org.refresh_from_db()
    cm.refresh_from_db()
    assert org.status == OrganizationStatus.VERIFIED
    assert org.verified_by == world["manager"]
    assert org.verified_at is not None
    assert (cm.status, cm.decided_by) == (ClusterMembershipStatus.APPROVED, world["manager"])
    assert [m.to for m in mail.outbox] == [["alpha@alpha.example.kr"]]
    assert mail.outbox[0].subject == "Pending Alpha is verified on ClusterLink"
    assert "Cluster A" in mail.outbox[0].body
    assert list(response.context["page"]) == []
    # Now everyone signed in finds it in the directory.
    client.force_login(UserFactory())
    directory = client.get(reverse("organizations:directory"))
    assert org in list(directory.context["page"])


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ["", "   "])
def test_reject_without_reason_is_refused_and_changes_nothing(client, world, mailbox, reason):
    client.force_login(world["manager"])

    with mailbox():
        response = client.post(decide(world["cm"]), {"decision": "reject", "reason": reason}, follow=True)

    assert "Give a reason so the applicant can correct it." in messages_of(response)
    world["org"].refresh_from_db()
    world["cm"].refresh_from_db()
    assert world["org"].status == OrganizationStatus.PENDING
    assert world["cm"].status == ClusterMembershipStatus.REQUESTED
    assert world["cm"].decided_by is None
    assert mail.outbox == []


@pytest.mark.django_db
def test_reject_with_reason_rejects_org_and_emails_the_reason(client, world, mailbox):
    client.force_login(world["manager"])

    with mailbox():
        response = client.post(
            decide(world["cm"]), {"decision": "reject", "reason": "  Website does not load.  "}, follow=True
        )

    assert "Pending Alpha was turned down; the applicant was told why." in messages_of(response)
    org, cm = world["org"], world["cm"]
    org.refresh_from_db()
    cm.refresh_from_db()
    assert org.status == OrganizationStatus.REJECTED
    assert org.rejection_reason == "Website does not load."
    assert (cm.status, cm.reason) == (ClusterMembershipStatus.REJECTED, "Website does not load.")
    assert [m.to for m in mail.outbox] == [["alpha@alpha.example.kr"]]
    assert mail.outbox[0].subject == "Pending Alpha could not be verified yet"
    assert "Website does not load." in mail.outbox[0].body


@pytest.mark.django_db
def test_reject_by_one_cluster_keeps_org_pending_while_another_still_decides(client, world):
    ClusterMembershipFactory(organization=world["org"], cluster=world["cluster_b"], status=ClusterMembershipStatus.REQUESTED)
    client.force_login(world["manager"])

    client.post(decide(world["cm"]), {"decision": "reject", "reason": "Not in our region."})

    world["org"].refresh_from_db()
    assert world["org"].status == OrganizationStatus.PENDING


@pytest.mark.django_db
def test_rejected_applicant_sees_reason_reapplies_and_is_back_in_the_queue(client, world):
    client.force_login(world["manager"])
    client.post(decide(world["cm"]), {"decision": "reject", "reason": "Add a description of your products."})

    client.force_login(world["applicant"])
    page = client.get(reverse("organizations:detail", args=[world["org"].pk]))
    assert page.status_code == 200
    assert "Add a description of your products." in page.content.decode()
    assert reverse("organizations:reapply", args=[world["org"].pk]) in page.content.decode()
    response = client.post(reverse("organizations:reapply", args=[world["org"].pk]), follow=True)

    assert "Your organisation was sent for verification again." in messages_of(response)
    world["org"].refresh_from_db()
    world["cm"].refresh_from_db()
    assert world["org"].status == OrganizationStatus.PENDING
    assert world["cm"].status == ClusterMembershipStatus.REQUESTED
    assert world["cm"].decided_by is None

    client.force_login(world["manager"])
    assert [cm.pk for cm in client.get(QUEUE).context["page"]] == [world["cm"].pk]
    # ... and can now be verified.
    client.post(decide(world["cm"]), {"decision": "approve"})
    world["org"].refresh_from_db()
    assert world["org"].status == OrganizationStatus.VERIFIED
    assert world["org"].rejection_reason == ""


@pytest.mark.django_db
def test_reapply_of_a_pending_org_is_refused(client, world):
    client.force_login(world["applicant"])

    response = client.post(reverse("organizations:reapply", args=[world["org"].pk]), follow=True)

    assert "Only a rejected organisation can re-apply." in messages_of(response)


@pytest.mark.django_db
def test_reapply_by_a_non_admin_member_is_forbidden(client, world):
    world["org"].status = OrganizationStatus.REJECTED
    world["org"].save()
    member = MembershipFactory(organization=world["org"], role=MembershipRole.MEMBER).user
    client.force_login(member)

    response = client.post(reverse("organizations:reapply", args=[world["org"].pk]))

    assert response.status_code == 403
    world["org"].refresh_from_db()
    assert world["org"].status == OrganizationStatus.REJECTED


@pytest.mark.django_db
def test_non_manager_gets_403_on_queue_and_decide(client, world):
    client.force_login(world["applicant"])

    assert client.get(QUEUE).status_code == 403
    assert client.post(decide(world["cm"]), {"decision": "approve"}).status_code == 403
    world["cm"].refresh_from_db()
    assert world["cm"].status == ClusterMembershipStatus.REQUESTED


@pytest.mark.django_db
def test_anonymous_is_sent_to_login_from_the_queue(client, world):
    response = client.get(QUEUE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")


@pytest.mark.django_db
def test_manager_of_another_cluster_cannot_decide(client, world):
    client.force_login(world["manager"])

    response = client.post(decide(world["other_cm"]), {"decision": "approve"}, follow=True)

    assert "Only the managers of Cluster B can decide this request." in messages_of(response)
    world["other_cm"].refresh_from_db()
    world["other_org"].refresh_from_db()
    assert world["other_cm"].status == ClusterMembershipStatus.REQUESTED
    assert world["other_org"].status == OrganizationStatus.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    "second", [{"decision": "approve"}, {"decision": "reject", "reason": "Changed my mind."}], ids=["approve", "reject"]
)
def test_deciding_twice_gives_a_clear_error(client, world, mailbox, second):
    client.force_login(world["manager"])
    client.post(decide(world["cm"]), {"decision": "approve"})

    with mailbox():
        response = client.post(decide(world["cm"]), second, follow=True)

    assert "This request has already been decided." in messages_of(response)
    world["org"].refresh_from_db()
    assert world["org"].status == OrganizationStatus.VERIFIED
    assert ClusterMembership.objects.get(pk=world["cm"].pk).status == ClusterMembershipStatus.APPROVED
    assert mail.outbox == []


@pytest.mark.django_db
def test_deciding_a_request_that_does_not_exist_gives_a_clear_error(client, world):
    client.force_login(world["manager"])

    response = client.post(reverse("manage:verification_decide", args=[999999]), {"decision": "approve"}, follow=True)

    assert "This request no longer exists." in messages_of(response)


@pytest.mark.django_db
def test_decide_only_accepts_post(client, world):
    client.force_login(world["manager"])

    assert client.get(decide(world["cm"])).status_code == 405
