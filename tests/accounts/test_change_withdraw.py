"""An organisation's administrators may withdraw its held change of name or website while it is pending."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import MembershipRole, Organization, OrganizationChange, OrganizationChangeStatus, User
from clusters.models import ClusterMembershipStatus
from core.errors import Conflict, DomainError, NotAllowed
from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    MembershipFactory,
    OrganizationFactory,
    cluster_manager,
)

from .conftest import messages_of

QUEUE = reverse("manage:verification")
STILL_PENDING_ONLY = ("This change is no longer awaiting review: a cluster manager has already decided it, "
                      "or it was withdrawn.")


def withdraw_url(org, change) -> str:
    return reverse("organizations:change_withdraw", args=[org.pk, change.pk])


def edit_url(org) -> str:
    return reverse("organizations:edit", args=[org.pk])


@pytest.fixture
def world(db):
    """A verified organisation of cluster A with a held rename; its two admins, a member; another organisation
    with its own admin; A's manager."""
    manager, cluster = cluster_manager(ClusterFactory(slug="a", name_en="Cluster A"))
    org = OrganizationFactory(name_en="Alpha Bio", name_ko="알파바이오", website="https://alpha.example.kr")
    ClusterMembershipFactory(organization=org, cluster=cluster, status=ClusterMembershipStatus.APPROVED)
    admin = MembershipFactory(organization=org, role=MembershipRole.ADMIN).user
    other_admin = MembershipFactory(organization=org, role=MembershipRole.ADMIN).user
    member = MembershipFactory(organization=org, role=MembershipRole.MEMBER).user
    other_org = OrganizationFactory(name_en="Beta Devices")
    ClusterMembershipFactory(organization=other_org, cluster=cluster, status=ClusterMembershipStatus.APPROVED)
    stranger = MembershipFactory(organization=other_org, role=MembershipRole.ADMIN).user
    services.organization_update(user=admin, org=org, fields={"name_en": "Samsung Biologics"})
    change = OrganizationChange.objects.get(organization=org)
    return {"manager": manager, "org": org, "admin": admin, "other_admin": other_admin, "member": member,
            "other_org": other_org, "stranger": stranger, "change": change}


def status_of(change) -> str:
    change.refresh_from_db()
    return change.status


# --- the service -------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_withdrawing_closes_the_change_and_keeps_the_verified_name(world):
    before = timezone.now()

    change = services.organization_change_withdraw(user=world["other_admin"], change_id=world["change"].pk)

    change.refresh_from_db()
    assert change.status == OrganizationChangeStatus.WITHDRAWN
    assert change.get_status_display() == "Withdrawn"
    assert change.decided_by == world["other_admin"]  # who took it back, not necessarily who asked
    assert change.requested_by == world["admin"]
    assert before <= change.decided_at <= timezone.now()
    org = Organization.objects.get(pk=world["org"].pk)
    assert (org.name_en, org.status) == ("Alpha Bio", "verified")
    assert services.organization_change_pending(org) is None


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "stranger", "manager"])
def test_only_the_organisations_admins_may_withdraw(world, who):
    with pytest.raises(NotAllowed):
        services.organization_change_withdraw(user=world[who], change_id=world["change"].pk)

    assert status_of(world["change"]) == OrganizationChangeStatus.PENDING


@pytest.mark.django_db
def test_a_platform_admin_may_withdraw(world):
    root = User.objects.create_superuser("root@clusterlink.example.kr", "Root-Password-991")

    services.organization_change_withdraw(user=root, change_id=world["change"].pk)

    assert status_of(world["change"]) == OrganizationChangeStatus.WITHDRAWN


@pytest.mark.django_db
@pytest.mark.parametrize("decide", ["approve", "reject", "withdraw"])
def test_a_change_no_longer_pending_cannot_be_withdrawn(world, decide):
    change = world["change"]
    if decide == "approve":
        services.organization_change_approve(manager=world["manager"], change_id=change.pk)
    elif decide == "reject":
        services.organization_change_reject(manager=world["manager"], change_id=change.pk, reason="Another name.")
    else:
        services.organization_change_withdraw(user=world["admin"], change_id=change.pk)
    decided = OrganizationChange.objects.get(pk=change.pk)

    with pytest.raises(Conflict) as exc:
        services.organization_change_withdraw(user=world["admin"], change_id=change.pk)

    assert exc.value.message == STILL_PENDING_ONLY
    after = OrganizationChange.objects.get(pk=change.pk)
    assert (after.status, after.decided_by, after.decided_at) == (decided.status, decided.decided_by, decided.decided_at)


@pytest.mark.django_db
def test_a_withdrawn_change_cannot_be_decided_by_a_manager(world):
    services.organization_change_withdraw(user=world["admin"], change_id=world["change"].pk)

    with pytest.raises(Conflict):
        services.organization_change_approve(manager=world["manager"], change_id=world["change"].pk)

    assert Organization.objects.get(pk=world["org"].pk).name_en == "Alpha Bio"


@pytest.mark.django_db
def test_withdrawing_a_change_that_does_not_exist_is_a_clear_error(world):
    with pytest.raises(DomainError) as exc:
        services.organization_change_withdraw(user=world["admin"], change_id=world["change"].pk + 1000)

    assert exc.value.message == "This request no longer exists."


@pytest.mark.django_db
def test_after_withdrawing_a_new_edit_asks_again(world):
    services.organization_change_withdraw(user=world["admin"], change_id=world["change"].pk)

    services.organization_update(user=world["admin"], org=world["org"], fields={"name_en": "Alpha Bio Inc."})

    statuses = dict(OrganizationChange.objects.values_list("name_en", "status"))
    assert statuses == {"Samsung Biologics": "withdrawn", "Alpha Bio Inc.": "pending"}


# --- the page ----------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_edit_page_offers_the_withdrawal_with_a_confirmation(client, world):
    client.force_login(world["admin"])

    text = client.get(edit_url(world["org"])).content.decode()

    assert 'id="pending-change"' in text
    assert "You asked to change the name to 알파바이오 · Samsung Biologics." in text
    assert f'action="{withdraw_url(world["org"], world["change"])}"' in text
    assert "Withdraw the change? The cluster managers will no longer be asked to review it" in text
    assert "Yes, withdraw the change" in text
    # The withdrawal form is its own form with a CSRF token, outside the profile form.
    withdraw_form = text.split(f'action="{withdraw_url(world["org"], world["change"])}"')[1].split("</form>")[0]
    assert "csrfmiddlewaretoken" in withdraw_form


@pytest.mark.django_db
def test_withdrawing_from_the_page_says_so_and_the_queue_no_longer_shows_it(client, world):
    client.force_login(world["manager"])
    assert "Samsung Biologics" in client.get(QUEUE).content.decode()
    client.force_login(world["admin"])

    response = client.post(withdraw_url(world["org"], world["change"]), follow=True)

    assert response.redirect_chain == [(edit_url(world["org"]), 302)]
    assert "Your change of name or website was withdrawn. ClusterLink keeps showing 알파바이오 · Alpha Bio." in (
        messages_of(response)
    )
    text = response.content.decode()
    assert 'id="pending-change"' not in text
    assert "Awaiting a cluster manager&#x27;s review" not in text
    assert status_of(world["change"]) == OrganizationChangeStatus.WITHDRAWN
    client.force_login(world["manager"])
    queue = client.get(QUEUE)
    assert list(queue.context["changes"]) == []
    assert "Samsung Biologics" not in queue.content.decode()


@pytest.mark.django_db
def test_withdrawing_twice_from_the_page_gives_a_clear_error(client, world):
    client.force_login(world["admin"])
    client.post(withdraw_url(world["org"], world["change"]))

    response = client.post(withdraw_url(world["org"], world["change"]), follow=True)

    assert response.status_code == 200
    assert STILL_PENDING_ONLY in messages_of(response)


@pytest.mark.django_db
def test_withdrawing_an_approved_change_from_the_page_gives_a_clear_error(client, world):
    services.organization_change_approve(manager=world["manager"], change_id=world["change"].pk)
    client.force_login(world["admin"])

    response = client.post(withdraw_url(world["org"], world["change"]), follow=True)

    assert STILL_PENDING_ONLY in messages_of(response)
    assert status_of(world["change"]) == OrganizationChangeStatus.APPROVED


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "stranger", "manager"])
def test_a_non_admin_gets_403_and_the_change_stays(client, world, who):
    client.force_login(world[who])

    response = client.post(withdraw_url(world["org"], world["change"]))

    assert response.status_code == 403
    assert status_of(world["change"]) == OrganizationChangeStatus.PENDING


@pytest.mark.django_db
def test_another_organisations_change_is_404_through_ones_own_organisation(client, world):
    """The stranger administers Beta: naming Alpha's change under Beta's page finds nothing."""
    client.force_login(world["stranger"])

    response = client.post(withdraw_url(world["other_org"], world["change"]))

    assert response.status_code == 404
    assert status_of(world["change"]) == OrganizationChangeStatus.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize("change_id", [0, 999999, 2**31, 10**20])
def test_a_change_id_that_does_not_exist_is_404(client, world, change_id):
    client.force_login(world["admin"])

    response = client.post(f"/organizations/{world['org'].pk}/changes/{change_id}/withdraw/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_withdraw_only_accepts_post(client, world):
    client.force_login(world["admin"])

    assert client.get(withdraw_url(world["org"], world["change"])).status_code == 405
    assert status_of(world["change"]) == OrganizationChangeStatus.PENDING


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client, world):
    response = client.post(withdraw_url(world["org"], world["change"]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert status_of(world["change"]) == OrganizationChangeStatus.PENDING


@pytest.mark.django_db
def test_the_edit_page_shows_no_withdrawal_without_a_pending_change(client, world):
    OrganizationChange.objects.all().delete()
    client.force_login(world["admin"])

    text = client.get(edit_url(world["org"])).content.decode()

    assert 'id="pending-change"' not in text
    assert "Yes, withdraw the change" not in text


@pytest.mark.django_db
def test_a_website_change_is_described_as_such(client, world):
    services.organization_change_withdraw(user=world["admin"], change_id=world["change"].pk)
    services.organization_update(user=world["admin"], org=world["org"], fields={"website": "https://beta.example.com"})
    client.force_login(world["admin"])

    text = client.get(edit_url(world["org"])).content.decode()

    assert "You asked to change the website to https://beta.example.com." in text
    assert "You asked to change the name to" not in text
