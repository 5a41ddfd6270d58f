"""Business rules that cut across pages and the API: client addresses, region/country, re-applying,
cluster refusals, invitations and look-alike organisations."""

import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from accounts import services, throttle
from accounts.models import Invitation, Membership, MembershipRole, OrganizationStatus
from clusters.models import ClusterMembership, ClusterMembershipStatus
from tests.factories import (
    ClusterMembershipFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    cluster_manager,
    org_admin,
)

from .conftest import signup_data


def test_client_ip_uses_remote_addr_without_trusted_proxies(settings):
    settings.NUM_PROXIES = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert throttle.client_ip(request) == "10.0.0.5"


def test_client_ip_takes_the_address_the_trusted_proxy_saw(settings):
    settings.NUM_PROXIES = 1
    # The client forged "6.6.6.6"; the proxy appended the real peer address last.
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert throttle.client_ip(request) == "203.0.113.9"


@pytest.mark.django_db
def test_api_patch_abroad_without_country_is_400_and_saves_nothing(client):
    user, org = org_admin(region="seoul", country="KR")
    client.force_login(user)
    response = client.patch(
        f"/api/v1/organizations/{org.pk}/", {"region": "abroad"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "two-letter country code" in response.json()["country"][0]
    org.refresh_from_db()
    assert org.region == "seoul"


@pytest.mark.django_db
def test_api_patch_abroad_with_country_is_saved_upper_case(client):
    user, org = org_admin(region="seoul", country="KR")
    client.force_login(user)
    response = client.patch(
        f"/api/v1/organizations/{org.pk}/", {"region": "abroad", "country": "us"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    org.refresh_from_db()
    assert (org.region, org.country) == ("abroad", "US")


@pytest.mark.django_db
def test_edit_page_refuses_a_korean_region_with_a_foreign_country(client):
    user, org = org_admin(region="seoul", country="KR")
    client.force_login(user)
    data = {"name_ko": org.name_ko, "name_en": org.name_en, "kind": org.kind, "region": "busan", "country": "JP",
            "description": org.description}
    response = client.post(reverse("organizations:edit", args=[org.pk]), data)
    assert response.status_code == 200
    assert "An organisation in a Korean region has the country code KR." in response.content.decode()
    org.refresh_from_db()
    assert org.region == "seoul"


@pytest.mark.django_db
def test_reapply_clears_the_old_reason(django_capture_on_commit_callbacks):
    manager, cluster = cluster_manager()
    user, org = org_admin(status=OrganizationStatus.PENDING)
    cm = ClusterMembershipFactory(organization=org, cluster=cluster, status=ClusterMembershipStatus.REQUESTED)
    services.cluster_membership_reject(manager=manager, membership_id=cm.pk, reason="Website does not work")
    org.refresh_from_db()
    assert org.status == OrganizationStatus.REJECTED
    services.organization_reapply(user=user, org=org)
    cm.refresh_from_db()
    assert (cm.status, cm.reason, cm.decided_by_id) == (ClusterMembershipStatus.REQUESTED, "", None)


@pytest.mark.django_db
def test_verified_org_declined_by_another_cluster_stays_verified_and_gets_the_right_email(
    django_capture_on_commit_callbacks,
):
    manager, cluster = cluster_manager()
    user, org = org_admin()  # already verified elsewhere
    cm = ClusterMembershipFactory(organization=org, cluster=cluster, status=ClusterMembershipStatus.REQUESTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.cluster_membership_reject(manager=manager, membership_id=cm.pk, reason="Outside our field")
    org.refresh_from_db()
    assert org.status == OrganizationStatus.VERIFIED
    [message] = [m for m in mail.outbox if m.to == [user.email]]
    assert message.subject == f"Your request to join {cluster.name_en} was declined"
    assert "Outside our field" in message.body
    assert "could not be verified" not in message.body


@pytest.mark.django_db
def test_member_invitation_never_demotes_an_admin():
    inviter, org = org_admin()
    admin = UserFactory()
    MembershipFactory(user=admin, organization=org, role=MembershipRole.ADMIN)
    invitation = Invitation.objects.create(organization=org, email=admin.email, role="member", invited_by=inviter)
    services.invitation_accept(invitation=invitation, user=admin)
    assert Membership.objects.get(user=admin, organization=org).role == MembershipRole.ADMIN


@pytest.mark.django_db
def test_invitation_activates_a_pending_join_request():
    inviter, org = org_admin()
    joiner = UserFactory()
    MembershipFactory(user=joiner, organization=org, status="requested")
    invitation = Invitation.objects.create(organization=org, email=joiner.email, role="member", invited_by=inviter)
    services.invitation_accept(invitation=invitation, user=joiner)
    assert Membership.objects.get(user=joiner, organization=org).status == "active"


@pytest.mark.django_db
def test_pending_look_alike_is_offered_without_its_name(client, clusters):
    OrganizationFactory(name_en="Quiet Stealth Bio", name_ko="조용한바이오", status=OrganizationStatus.PENDING,
                        website="https://stealth.example.kr")
    response = client.post(
        reverse("accounts:signup"),
        signup_data(clusters, name_en="Other Name", name_ko="다른이름", website="https://www.stealth.example.kr/x"),
    )
    text = response.content.decode()
    assert "awaiting verification" in text
    assert "Quiet Stealth Bio" not in text
    assert "조용한바이오" not in text
    assert ClusterMembership.objects.count() == 0


@pytest.mark.django_db
def test_directory_keeps_search_when_a_filter_is_stale(client):
    user, _org = org_admin(name_en="Alpha Diagnostics")
    OrganizationFactory(name_en="Beta Devices")
    client.force_login(user)
    response = client.get(reverse("organizations:directory"), {"q": "Alpha", "cluster": "no-such-cluster"})
    text = response.content.decode()
    assert "Alpha Diagnostics" in text
    assert "Beta Devices" not in text


@pytest.mark.django_db
def test_emails_show_names_unescaped_in_text_and_escaped_once_in_html(django_capture_on_commit_callbacks):
    inviter, org = org_admin(name_en="R&D <Bio> Labs")
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(user=inviter, org=org, email="new@example.kr", role="member")
    [message] = mail.outbox
    assert "R&D <Bio> Labs" in message.subject
    assert "R&D <Bio> Labs" in message.body
    html = message.alternatives[0][0]
    assert "R&amp;D &lt;Bio&gt; Labs" in html
    assert "&amp;amp;" not in html
