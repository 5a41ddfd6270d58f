"""A verified organisation's new name or website domain waits for its cluster managers (no quiet impersonation)."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts import services
from accounts.models import (
    MembershipRole,
    Organization,
    OrganizationChange,
    OrganizationChangeStatus,
    OrganizationStatus,
)
from clusters.models import ClusterMembershipStatus
from core.errors import Conflict, NotAllowed
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


def decide(change) -> str:
    return reverse("manage:organization_change_decide", args=[change.pk])


def edit_data(org, **overrides) -> dict:
    data = {"name_ko": org.name_ko, "name_en": org.name_en, "kind": org.kind, "region": org.region,
            "country": org.country, "website": org.website, "description": org.description}
    data.update(overrides)
    return data


@pytest.fixture
def world(db):
    """A verified organisation in cluster A (with a manager); a manager of cluster B; a look-alike."""
    manager, cluster_a = cluster_manager(ClusterFactory(slug="a", name_en="Cluster A"))
    other_manager, _b = cluster_manager(ClusterFactory(slug="b", name_en="Cluster B"))
    org = OrganizationFactory(name_en="Alpha Bio", name_ko="알파바이오", website="https://alpha.example.kr/about")
    ClusterMembershipFactory(organization=org, cluster=cluster_a, status=ClusterMembershipStatus.APPROVED)
    admin = MembershipFactory(organization=org, role=MembershipRole.ADMIN,
                              user=UserFactory(email="admin@alpha.example.kr", language="en")).user
    admin_ko = MembershipFactory(organization=org, role=MembershipRole.ADMIN,
                                 user=UserFactory(email="admin2@alpha.example.kr", language="ko")).user
    member = MembershipFactory(organization=org, role=MembershipRole.MEMBER).user
    famous = OrganizationFactory(name_en="Samsung Biologics", name_ko="삼성바이오로직스", website="https://samsungbiologics.com")
    return {"manager": manager, "other_manager": other_manager, "org": org, "admin": admin, "admin_ko": admin_ko,
            "member": member, "famous": famous}


def rename(client, world, **overrides):
    client.force_login(world["admin"])
    return client.post(reverse("organizations:edit", args=[world["org"].pk]), edit_data(world["org"], **overrides),
                       follow=True)


@pytest.mark.django_db
def test_renaming_a_verified_organisation_is_held_and_the_old_name_stays(client, world):
    response = rename(client, world, name_en="Samsung Biologics", name_ko="삼성바이오로직스", employees="12")

    org = Organization.objects.get(pk=world["org"].pk)
    assert (org.name_en, org.name_ko, org.status, org.employees) == ("Alpha Bio", "알파바이오", "verified", 12)
    change = OrganizationChange.objects.get(organization=org)
    assert (change.status, change.name_en, change.name_ko) == ("pending", "Samsung Biologics", "삼성바이오로직스")
    assert (change.old_name_en, change.requested_by) == ("Alpha Bio", world["admin"])
    assert ("A verified organisation's new name or website is checked by its cluster managers first: ClusterLink "
            "shows 알파바이오 · Alpha Bio until they approve 삼성바이오로직스 · Samsung Biologics.") in messages_of(response)
    # The directory and the API still give the verified name.
    assert client.get(f"/api/v1/organizations/{org.pk}/").json()["name_en"] == "Alpha Bio"
    # The edit form says what waits for review.
    edit = client.get(reverse("organizations:edit", args=[org.pk])).content.decode()
    assert "Awaiting a cluster manager&#x27;s review: Samsung Biologics" in edit


@pytest.mark.django_db
def test_a_second_edit_replaces_the_pending_request(client, world):
    rename(client, world, name_en="Alpha Bio Inc.")
    rename(client, world, name_ko="알파바이오 주식회사")  # name_en in the form is still the verified one

    change = OrganizationChange.objects.get(organization=world["org"])
    assert (change.name_en, change.name_ko) == ("Alpha Bio Inc.", "알파바이오 주식회사")
    assert (change.old_name_en, change.old_name_ko) == ("Alpha Bio", "알파바이오")


@pytest.mark.django_db
@pytest.mark.parametrize(("website", "held"), [
    ("https://www.alpha.example.kr/team", False),  # same domain, new path
    ("", False),  # removing the website claims nothing
    ("https://samsungbiologics.com", True),
    ("https://alpha-bio.example.com", True),
])
def test_a_new_website_domain_is_held_a_new_path_is_not(client, world, website, held):
    rename(client, world, website=website)

    org = Organization.objects.get(pk=world["org"].pk)
    assert OrganizationChange.objects.filter(organization=org).exists() == held
    assert org.website == ("https://alpha.example.kr/about" if held else website)


@pytest.mark.django_db
@pytest.mark.parametrize("status", [OrganizationStatus.PENDING, OrganizationStatus.REJECTED])
def test_an_organisation_not_yet_verified_renames_at_once(client, world, status):
    Organization.objects.filter(pk=world["org"].pk).update(status=status)

    rename(client, world, name_en="Alpha Bio Inc.")

    assert Organization.objects.get(pk=world["org"].pk).name_en == "Alpha Bio Inc."
    assert not OrganizationChange.objects.exists()


@pytest.mark.django_db
def test_renaming_over_the_api_is_held_too(client, world):
    client.force_login(world["admin"])

    response = client.patch(f"/api/v1/organizations/{world['org'].pk}/", {"name_en": "Samsung Biologics", "employees": 7},
                            content_type="application/json")

    assert response.status_code == 200
    assert (response.json()["name_en"], response.json()["employees"]) == ("Alpha Bio", 7)
    assert OrganizationChange.objects.get(organization=world["org"]).name_en == "Samsung Biologics"


@pytest.mark.django_db
def test_the_queue_shows_the_change_with_the_look_alike_to_its_managers_only(client, world):
    rename(client, world, name_en="Samsung Biologics")

    client.force_login(world["manager"])
    text = client.get(QUEUE).content.decode()
    assert "New names and websites awaiting review" in text
    assert "Samsung Biologics" in text and "알파바이오 · Alpha Bio" in text
    assert "Other organisations already have this name or website:" in text
    assert reverse("organizations:detail", args=[world["famous"].pk]) in text
    assert decide(OrganizationChange.objects.get()) in text

    client.force_login(world["other_manager"])
    assert "Samsung Biologics" not in client.get(QUEUE).content.decode()


@pytest.mark.django_db
def test_approving_applies_the_new_name_and_tells_the_admins_in_their_language(client, world, mailbox):
    rename(client, world, name_en="Alpha Bio Inc.", website="https://alphabio.example.com")
    change = OrganizationChange.objects.get()
    mail.outbox.clear()
    client.force_login(world["manager"])

    with mailbox():
        response = client.post(decide(change), {"decision": "approve"}, follow=True)

    assert "알파바이오 · Alpha Bio Inc. now shows its new name." in messages_of(response)
    org = Organization.objects.get(pk=world["org"].pk)
    assert (org.name_en, org.website_domain, org.status) == ("Alpha Bio Inc.", "alphabio.example.com", "verified")
    change.refresh_from_db()
    assert (change.status, change.decided_by) == (OrganizationChangeStatus.APPROVED, world["manager"])
    assert sorted(m.to[0] for m in mail.outbox) == ["admin2@alpha.example.kr", "admin@alpha.example.kr"]
    english = next(m for m in mail.outbox if m.to == ["admin@alpha.example.kr"])
    assert english.subject == "The new name of your organisation, 알파바이오 · Alpha Bio Inc., is approved"
    assert "(before: 알파바이오 · Alpha Bio)" in english.body
    assert "Website: https://alphabio.example.com" in english.body
    assert f"/organizations/{org.pk}/" in english.body

    again = client.post(decide(change), {"decision": "approve"}, follow=True)
    assert "This request has already been decided." in messages_of(again)


@pytest.mark.django_db
def test_approving_keeps_a_change_made_meanwhile_to_other_fields(world):
    services.organization_update(user=world["admin"], org=world["org"], fields={"name_en": "Alpha Bio Inc."})
    services.organization_update(user=world["admin"], org=world["org"],
                                 fields={"website": "https://alpha.example.kr/new", "employees": 9})

    services.organization_change_approve(manager=world["manager"], change_id=OrganizationChange.objects.get().pk)

    org = Organization.objects.get(pk=world["org"].pk)
    assert (org.name_en, org.website, org.employees) == ("Alpha Bio Inc.", "https://alpha.example.kr/new", 9)


@pytest.mark.django_db
def test_turning_down_needs_a_reason_and_keeps_the_verified_name(client, world, mailbox):
    rename(client, world, name_en="Samsung Biologics")
    change = OrganizationChange.objects.get()
    mail.outbox.clear()
    client.force_login(world["manager"])

    for reason in ("", "   ", "\x00"):
        response = client.post(decide(change), {"decision": "reject", "reason": reason}, follow=True)
        assert response.status_code == 200
        assert "Give a reason so the applicant can correct it." in messages_of(response)
    change.refresh_from_db()
    assert change.status == OrganizationChangeStatus.PENDING

    with mailbox():
        response = client.post(decide(change), {"decision": "reject", "reason": "That is another company's name."},
                               follow=True)

    assert "The change was turned down; 알파바이오 · Alpha Bio keeps its name and was told why." in messages_of(response)
    org = Organization.objects.get(pk=world["org"].pk)
    assert (org.name_en, org.status) == ("Alpha Bio", "verified")
    change.refresh_from_db()
    assert (change.status, change.reason) == (OrganizationChangeStatus.REJECTED, "That is another company's name.")
    assert len(mail.outbox) == 2
    assert "That is another company's name." in mail.outbox[0].body
    assert mail.outbox[0].subject == "The change of name or website of 알파바이오 · Alpha Bio was not approved"
    assert "Samsung Biologics" not in client.get(QUEUE).content.decode()


@pytest.mark.django_db
def test_only_the_organisations_cluster_managers_decide(client, world):
    rename(client, world, name_en="Samsung Biologics")
    change = OrganizationChange.objects.get()

    with pytest.raises(NotAllowed):
        services.organization_change_approve(manager=world["other_manager"], change_id=change.pk)
    client.force_login(world["other_manager"])
    response = client.post(decide(change), {"decision": "approve"}, follow=True)
    assert "Only the managers of the organisation's clusters can decide this request." in messages_of(response)
    for person in (world["admin"], world["member"]):
        client.force_login(person)
        assert client.post(decide(change), {"decision": "approve"}).status_code == 403
    client.logout()
    assert client.post(decide(change), {"decision": "approve"}).status_code == 302  # to sign in
    assert client.get(decide(change)).status_code == 302

    change.refresh_from_db()
    assert change.status == OrganizationChangeStatus.PENDING
    assert Organization.objects.get(pk=world["org"].pk).name_en == "Alpha Bio"


@pytest.mark.django_db
def test_deciding_a_missing_or_decided_change_is_a_clear_message(client, world):
    client.force_login(world["manager"])
    response = client.post(reverse("manage:organization_change_decide", args=[999999]), {"decision": "approve"},
                           follow=True)
    assert "This request no longer exists." in messages_of(response)
    huge = client.post(f"/manage/verification/changes/{2**70}/", {"decision": "approve"})
    assert huge.status_code in (302, 404)

    rename(client, world, name_en="Alpha Bio Inc.")
    change = OrganizationChange.objects.get()
    services.organization_change_reject(manager=world["manager"], change_id=change.pk, reason="No")
    with pytest.raises(Conflict):
        services.organization_change_approve(manager=world["manager"], change_id=change.pk)


@pytest.mark.django_db
def test_the_admin_lists_and_shows_held_changes(client, world):
    services.organization_update(user=world["admin"], org=world["org"], fields={"name_en": "Alpha Bio Inc."})
    change = OrganizationChange.objects.get()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    listing = client.get(reverse("admin:accounts_organizationchange_changelist"), {"q": "Inc."})
    page = client.get(reverse("admin:accounts_organizationchange_change", args=[change.pk]))

    assert listing.status_code == 200 and "알파바이오 · Alpha Bio → 알파바이오 · Alpha Bio Inc." in listing.content.decode()
    assert page.status_code == 200
