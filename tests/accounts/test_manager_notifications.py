"""Cluster managers are emailed when something waits for them: a new organisation's signup, a request (or a
re-request) to join a cluster, a re-application, a verified organisation's held change of name or website."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import MembershipRole, Organization, OrganizationChange, OrganizationStatus, User
from clusters.models import ClusterMembership, ClusterMembershipStatus
from core.errors import Conflict
from tests.factories import ClusterFactory, ClusterMembershipFactory, MembershipFactory, OrganizationFactory, UserFactory

from .conftest import path_of, signup_data

QUEUE = reverse("manage:verification")
QUEUE_URL = settings.SITE_URL + QUEUE
CHANGES_URL = QUEUE_URL + "#organization-changes"


@pytest.fixture
def world(db):
    """Clusters A, B and C. A has an English and a Korean manager, a deactivated one; one person manages A and
    B; B and C have their own. A superuser manages nothing. A verified organisation belongs to A."""
    a = ClusterFactory(slug="a", name_en="Cluster A", name_ko="클러스터 에이")
    b = ClusterFactory(slug="b", name_en="Cluster B", name_ko="클러스터 비")
    c = ClusterFactory(slug="c", name_en="Cluster C", name_ko="클러스터 씨")
    people = {
        "a_en": UserFactory(email="a.en@cluster.example.kr", full_name="Anna Manager", language="en"),
        "a_ko": UserFactory(email="a.ko@cluster.example.kr", full_name="김관리", language="ko"),
        "a_gone": UserFactory(email="a.gone@cluster.example.kr", is_active=False),
        "ab": UserFactory(email="ab@cluster.example.kr", language="en"),
        "b_only": UserFactory(email="b@cluster.example.kr", language="en"),
        "c_only": UserFactory(email="c@cluster.example.kr", language="en"),
    }
    a.managers.add(people["a_en"], people["a_ko"], people["a_gone"], people["ab"])
    b.managers.add(people["ab"], people["b_only"])
    c.managers.add(people["c_only"])
    User.objects.create_superuser("root@clusterlink.example.kr", "Root-Password-991")
    org = OrganizationFactory(name_en="Alpha Bio", name_ko="알파바이오", website="https://alpha.example.kr")
    ClusterMembershipFactory(organization=org, cluster=a, status=ClusterMembershipStatus.APPROVED)
    admin = MembershipFactory(organization=org, role=MembershipRole.ADMIN,
                              user=UserFactory(email="admin@alpha.example.kr")).user
    return {"a": a, "b": b, "c": c, "org": org, "admin": admin, **people}


def manager_mail(world, key: str):
    [message] = [m for m in mail.outbox if m.to == [world[key].email]]
    return message


def recipients() -> list[str]:
    return sorted(m.to[0] for m in mail.outbox)


# --- a new organisation signs up -----------------------------------------------------------------------------

@pytest.mark.django_db
def test_signup_emails_each_manager_of_the_chosen_clusters_once(client, world, mailbox):
    with mailbox():
        response = client.post(reverse("accounts:signup"), signup_data([world["a"], world["b"]]))

    assert response.status_code == 302
    # The applicant's own verification email, and one email per manager of A or B: the manager of both
    # clusters once, nobody of cluster C, not the deactivated manager, not the superuser.
    assert recipients() == sorted([
        "minji@neobio.example.kr", "a.en@cluster.example.kr", "a.ko@cluster.example.kr", "ab@cluster.example.kr",
        "b@cluster.example.kr",
    ])
    english = manager_mail(world, "a_en")
    assert english.subject == "New organisation NeoBio asks to join your cluster"
    assert english.body.startswith("Hello Anna Manager, NeoBio has just signed up on ClusterLink and asks to join a "
                                   "cluster you manage.")
    assert "Cluster: Cluster A\n" in english.body
    assert "Cluster B" not in english.body  # only the clusters this manager manages
    assert QUEUE_URL in english.body
    both = manager_mail(world, "ab")
    assert "Cluster: Cluster A\nCluster: Cluster B\n" in both.body


@pytest.mark.django_db
def test_signup_email_is_in_the_managers_language_and_links_to_the_queue_showing_the_request(client, world, mailbox):
    with mailbox():
        client.post(reverse("accounts:signup"), signup_data([world["a"]]))

    korean = manager_mail(world, "a_ko")
    # Rendered under the manager's language: names come in Korean (the English manager's copy has them in English).
    assert "네오바이오" in korean.subject and "NeoBio" not in korean.subject
    assert "클러스터 에이" in korean.body and "Cluster A" not in korean.body
    assert "김관리" in korean.body
    assert "Cluster A" in manager_mail(world, "a_en").body

    link = next(line for line in korean.body.splitlines() if line.startswith(settings.SITE_URL))
    assert link == QUEUE_URL
    client.force_login(world["a_ko"])
    page = client.get(path_of(link))
    assert page.status_code == 200
    assert [cm.organization.name_en for cm in page.context["page"]] == ["NeoBio"]


@pytest.mark.django_db
def test_a_signup_rolled_back_emails_no_manager(world, mailbox):
    person = services.PersonData(email="new@beta.example.kr", password="Blue-Lantern-8812", full_name="Beta Kim")

    with mailbox(), pytest.raises(RuntimeError), transaction.atomic():
        services.signup_with_organization(
            person=person, privacy_consent=True, clusters=[world["a"]],
            org_fields={"name_en": "Beta", "name_ko": "베타", "kind": "firm", "region": "seoul"},
        )
        raise RuntimeError("a later step failed")

    assert mail.outbox == []
    assert not Organization.objects.filter(name_en="Beta").exists()


@pytest.mark.django_db(transaction=True)
def test_with_real_transactions_a_rollback_sends_nothing_and_a_commit_sends(world):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.cluster_join_request(user=world["admin"], org=world["org"], cluster=world["b"])
        raise RuntimeError("a later step failed")

    assert mail.outbox == []
    assert not ClusterMembership.objects.filter(organization=world["org"], cluster=world["b"]).exists()

    services.cluster_join_request(user=world["admin"], org=world["org"], cluster=world["b"])  # autocommit

    assert recipients() == ["ab@cluster.example.kr", "b@cluster.example.kr"]


# --- an existing organisation asks to join a cluster -----------------------------------------------------------

@pytest.mark.django_db
def test_a_join_request_emails_the_managers_of_that_cluster_only(client, world, mailbox):
    client.force_login(world["admin"])

    with mailbox():
        response = client.post(reverse("organizations:cluster_join", args=[world["org"].pk]), {"cluster": "b"})

    assert response.status_code == 302
    assert recipients() == ["ab@cluster.example.kr", "b@cluster.example.kr"]
    message = manager_mail(world, "b_only")
    assert message.subject == "Alpha Bio asks to join your cluster"
    assert "Alpha Bio asks to join a cluster you manage." in message.body
    assert "Cluster: Cluster B\n" in message.body
    assert "Website: https://alpha.example.kr" in message.body
    assert QUEUE_URL in message.body


@pytest.mark.django_db
def test_a_repeated_join_request_is_refused_and_emails_nobody(world, mailbox):
    services.cluster_join_request(user=world["admin"], org=world["org"], cluster=world["b"])

    with mailbox(), pytest.raises(Conflict):
        services.cluster_join_request(user=world["admin"], org=world["org"], cluster=world["b"])

    assert mail.outbox == []


@pytest.mark.django_db
def test_asking_again_after_a_rejection_emails_the_managers_again(world, mailbox):
    cm = ClusterMembershipFactory(organization=world["org"], cluster=world["b"], status=ClusterMembershipStatus.REJECTED)

    with mailbox():
        services.cluster_join_request(user=world["admin"], org=world["org"], cluster=world["b"])

    cm.refresh_from_db()
    assert cm.status == ClusterMembershipStatus.REQUESTED
    assert recipients() == ["ab@cluster.example.kr", "b@cluster.example.kr"]
    assert "asks again to join a cluster you manage, after an earlier request was turned down." in (
        manager_mail(world, "b_only").body
    )


@pytest.mark.django_db
def test_the_requester_is_not_emailed_about_their_own_request_even_as_a_manager(world, mailbox):
    world["b"].managers.add(world["admin"])

    with mailbox():
        services.cluster_join_request(user=world["admin"], org=world["org"], cluster=world["b"])

    assert recipients() == ["ab@cluster.example.kr", "b@cluster.example.kr"]


@pytest.mark.django_db
def test_a_join_request_refused_for_a_non_admin_emails_nobody(client, world, mailbox):
    member = MembershipFactory(organization=world["org"], role=MembershipRole.MEMBER).user
    client.force_login(member)

    with mailbox():
        response = client.post(reverse("organizations:cluster_join", args=[world["org"].pk]), {"cluster": "b"})

    assert response.status_code == 403
    assert mail.outbox == []


# --- a rejected organisation re-applies ------------------------------------------------------------------------

@pytest.mark.django_db
def test_reapplying_emails_the_managers_of_the_clusters_that_turned_it_down(client, world, mailbox):
    org = OrganizationFactory(name_en="Gamma", name_ko="감마", status=OrganizationStatus.REJECTED)
    admin = MembershipFactory(organization=org, role=MembershipRole.ADMIN).user
    ClusterMembershipFactory(organization=org, cluster=world["b"], status=ClusterMembershipStatus.REJECTED)
    client.force_login(admin)

    with mailbox():
        response = client.post(reverse("organizations:reapply", args=[org.pk]))

    assert response.status_code == 302
    assert recipients() == ["ab@cluster.example.kr", "b@cluster.example.kr"]
    message = manager_mail(world, "b_only")
    assert message.subject == "Gamma asks again to be verified on ClusterLink"
    assert "has corrected its profile and asks again to join a cluster you manage." in message.body
    assert QUEUE_URL in message.body

    mail.outbox.clear()
    with mailbox():  # a second click: nothing to re-apply for, nobody emailed
        client.post(reverse("organizations:reapply", args=[org.pk]))
    assert mail.outbox == []


# --- a verified organisation's held change of name or website --------------------------------------------------

@pytest.mark.django_db
def test_a_held_rename_emails_the_managers_of_the_clusters_that_admitted_it(world, mailbox):
    # Asked to join B, not admitted yet: B's managers do not decide its name (selectors.may_review_organization_change).
    ClusterMembershipFactory(organization=world["org"], cluster=world["b"], status=ClusterMembershipStatus.REQUESTED)

    with mailbox():
        services.organization_update(user=world["admin"], org=world["org"], fields={"name_en": "Samsung Biologics"})

    assert recipients() == ["a.en@cluster.example.kr", "a.ko@cluster.example.kr", "ab@cluster.example.kr"]
    english = manager_mail(world, "a_en")
    assert english.subject == "알파바이오 · Alpha Bio asks to change its name or website"
    assert "Now shown as: 알파바이오 · Alpha Bio · https://alpha.example.kr\n" in english.body
    assert "Asks to become: 알파바이오 · Samsung Biologics" in english.body
    assert "Cluster: Cluster A\n" in english.body and "Cluster B" not in english.body
    assert CHANGES_URL in english.body
    assert "클러스터 에이" in manager_mail(world, "a_ko").body


@pytest.mark.django_db
def test_the_change_link_opens_the_queue_section_showing_the_change(client, world, mailbox):
    with mailbox():
        services.organization_update(user=world["admin"], org=world["org"], fields={"website": "https://samsung.example.com"})

    link = next(line for line in manager_mail(world, "a_en").body.splitlines() if line.startswith(settings.SITE_URL))
    assert link == CHANGES_URL
    client.force_login(world["a_en"])
    page = client.get(path_of(link).split("#")[0])
    assert page.status_code == 200
    assert 'id="organization-changes"' in page.content.decode()
    assert [c.website for c in page.context["changes"]] == ["https://samsung.example.com"]


@pytest.mark.django_db
def test_adding_to_a_pending_change_does_not_email_again_but_a_new_request_after_withdrawal_does(world, mailbox):
    services.organization_update(user=world["admin"], org=world["org"], fields={"name_en": "Alpha Bio Inc."})

    with mailbox():
        services.organization_update(user=world["admin"], org=world["org"], fields={"website": "https://ab.example.com"})
        services.organization_update(user=world["admin"], org=world["org"], fields={"name_ko": "알파바이오 주식회사"})

    assert mail.outbox == []
    assert OrganizationChange.objects.get().website == "https://ab.example.com"

    change = OrganizationChange.objects.get()
    services.organization_change_withdraw(user=world["admin"], change_id=change.pk)
    with mailbox():  # asked again within a day of the withdrawal: edit, withdraw, edit... does not flood managers
        services.organization_update(user=world["admin"], org=world["org"], fields={"name_en": "Alpha Bio Inc."})
    assert mail.outbox == []
    assert OrganizationChange.objects.filter(status="pending").count() == 1  # still in the queue

    again = OrganizationChange.objects.get(status="pending")
    services.organization_change_withdraw(user=world["admin"], change_id=again.pk)
    OrganizationChange.objects.update(decided_at=timezone.now() - timedelta(days=1, minutes=1))
    with mailbox():  # a day after the last withdrawal: a new request, announced
        services.organization_update(user=world["admin"], org=world["org"], fields={"name_en": "Alpha Bio Inc."})

    assert recipients() == ["a.en@cluster.example.kr", "a.ko@cluster.example.kr", "ab@cluster.example.kr"]


@pytest.mark.django_db
def test_edits_that_hold_nothing_email_no_manager(world, mailbox):
    pending = OrganizationFactory(status=OrganizationStatus.PENDING)
    pending_admin = MembershipFactory(organization=pending, role=MembershipRole.ADMIN).user
    ClusterMembershipFactory(organization=pending, cluster=world["a"], status=ClusterMembershipStatus.REQUESTED)

    with mailbox():
        services.organization_update(user=world["admin"], org=world["org"], fields={"employees": 12})
        services.organization_update(user=world["admin"], org=world["org"], fields={"website": "https://alpha.example.kr/x"})
        services.organization_update(user=pending_admin, org=pending, fields={"name_en": "Renamed while pending"})

    assert mail.outbox == []


@pytest.mark.django_db
def test_a_held_rename_rolled_back_emails_no_manager(world, mailbox):
    with mailbox(), pytest.raises(RuntimeError), transaction.atomic():
        services.organization_update(user=world["admin"], org=world["org"], fields={"name_en": "Samsung Biologics"})
        raise RuntimeError("a later step failed")

    assert mail.outbox == []
    assert not OrganizationChange.objects.exists()
