"""In a real browser at 390 px: an API token made and revoked on the profile, a held rename approved from the
queue, and the signup's look-alike offer with no password in the page."""

import json
import re

import pytest

from accounts import tokens
from accounts.models import ApiToken, MembershipRole, Organization, OrganizationChange, User
from clusters.models import ClusterMembershipStatus
from tests.e2e.helpers import sign_in
from tests.factories import (
    PASSWORD,
    ClusterFactory,
    ClusterMembershipFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    cluster_manager,
)

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_pass, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def fits(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_token_made_used_and_revoked_on_the_profile(page, live_server, artifacts_dir):
    base = live_server.url
    person = UserFactory(email="jiho@example.kr")
    page.set_viewport_size(PHONE)
    sign_in(page, base, person.email)

    page.goto(f"{base}/accounts/profile/")
    assert "You have no API token." in page.content()
    page.fill("#api-token #id_password", PASSWORD)
    page.click("button:has-text('Create a token')")
    key = page.inner_text("#new-api-token").strip()
    assert tokens.key_hash(key) == ApiToken.objects.get(user=person).key_hash
    assert fits(page)
    page.screenshot(path=str(artifacts_dir / "profile-new-token-390.png"), full_page=True)

    api = page.context.request
    assert api.get(f"{base}/api/v1/me/", headers={"Authorization": f"Token {key}"}).status == 200
    page.goto(f"{base}/accounts/profile/")
    assert key not in page.content() and f"{key[:6]}…" in page.content()
    assert fits(page)
    page.click("button:has-text('Revoke all my tokens')")
    page.wait_for_selector("text=Your API tokens are revoked")
    refused = api.get(f"{base}/api/v1/me/", headers={"Authorization": f"Token {key}"})
    assert refused.status == 401 and refused.headers["www-authenticate"] == "Token"


def test_held_rename_approved_from_the_queue(page, live_server, artifacts_dir):
    base = live_server.url
    manager, cluster = cluster_manager(ClusterFactory(slug="hongneung", name_en="Seoul Hongneung"))
    org = OrganizationFactory(name_en="Alpha Bio", name_ko="알파바이오")
    ClusterMembershipFactory(organization=org, cluster=cluster, status=ClusterMembershipStatus.APPROVED)
    admin = MembershipFactory(organization=org, role=MembershipRole.ADMIN).user
    page.set_viewport_size(PHONE)

    sign_in(page, base, admin.email)
    page.goto(f"{base}/organizations/{org.pk}/edit/")
    page.fill("#id_name_en", "Alpha Bio Therapeutics International Holdings")
    page.click("button.btn-primary:has-text('Save')")
    page.wait_for_url(re.compile(rf".*/organizations/{org.pk}/$"))
    assert "checked by its cluster managers first" in page.content()
    assert Organization.objects.get(pk=org.pk).name_en == "Alpha Bio"

    manager_page = page.context.browser.new_context(locale="en-US", viewport=PHONE).new_page()
    sign_in(manager_page, base, manager.email)
    manager_page.goto(f"{base}/manage/verification/")
    assert "Alpha Bio Therapeutics International Holdings" in manager_page.content()
    assert fits(manager_page)
    manager_page.screenshot(path=str(artifacts_dir / "queue-rename-390.png"), full_page=True)
    manager_page.click("button:has-text('Approve the change')")
    manager_page.wait_for_selector("text=now shows its new name")
    assert Organization.objects.get(pk=org.pk).name_en == "Alpha Bio Therapeutics International Holdings"
    assert OrganizationChange.objects.get().status == "approved"


def test_signup_offer_keeps_no_password_in_the_page_and_joins(page, live_server, artifacts_dir):
    base = live_server.url
    cluster = ClusterFactory(slug="hongneung", name_en="Seoul Hongneung")
    existing = OrganizationFactory(name_en="NeuroBridge", name_ko="뉴로브릿지")
    typed = "Str0ng-enough-pass"
    page.set_viewport_size(PHONE)

    page.goto(f"{base}/accounts/signup/")
    page.fill("#id_full_name", "Kim Minji")
    page.fill("#id_email", "minji@neurobridge.kr")
    page.fill("#id_password1", typed)
    page.fill("#id_password2", typed)
    page.select_option("#id_language", "en")
    page.fill("#id_name_en", "NeuroBridge")
    page.select_option("#id_region", "seoul")
    page.fill("#id_description", "Digital therapeutics.")
    page.check(f"input[name=clusters][value='{cluster.pk}']")
    page.check("#id_privacy_consent")
    page.click("button:has-text('Create account and organisation')")
    page.wait_for_selector("#duplicates")

    assert typed not in page.content()
    values = page.evaluate("() => [...document.querySelectorAll('input')].map(i => i.value)")
    assert typed not in json.dumps(values)
    assert "The password you typed is kept" in page.content()
    assert fits(page)
    page.screenshot(path=str(artifacts_dir / "signup-offer-390.png"), full_page=True)
    page.click(f"button[name=join_org][value='{existing.pk}']")
    page.wait_for_url(re.compile(r".*/accounts/signup/done/$"))
    assert User.objects.get(email="minji@neurobridge.kr").check_password(typed)
