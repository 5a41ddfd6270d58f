"""In a real browser: a startup signs up, confirms its email, a manager verifies it, it shows in the directory."""

import re

import pytest
from django.core import mail

from accounts.models import Organization, OrganizationStatus
from tests.e2e.helpers import sign_in
from tests.factories import ClusterFactory, UserFactory, cluster_manager

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_pass, pytest.mark.django_db(transaction=True)]



def test_signup_verify_email_manager_verifies_then_directory_lists(page, live_server, artifacts_dir):
    base = live_server.url
    manager, cluster = cluster_manager(ClusterFactory(slug="hongneung", name_en="Seoul Hongneung", name_ko="서울 홍릉"))
    member = UserFactory()

    page.goto(f"{base}/accounts/signup/")
    page.fill("#id_full_name", "Kim Minji")
    page.fill("#id_email", "minji@neurobridge.kr")
    page.fill("#id_password1", "Str0ng-enough-pass")
    page.fill("#id_password2", "Str0ng-enough-pass")
    page.select_option("#id_language", "en")  # emails follow the person's language
    page.fill("#id_name_ko", "뉴로브릿지")
    page.fill("#id_name_en", "NeuroBridge")
    page.select_option("#id_region", "seoul")
    page.fill("#id_website", "https://neurobridge.kr")
    page.fill("#id_description", "뇌졸중 재활을 위한 디지털 치료제를 개발합니다.")
    page.check(f"input[name=clusters][value='{cluster.pk}']")
    page.check("#id_privacy_consent")
    page.screenshot(path=str(artifacts_dir / "signup-filled.png"), full_page=True)
    page.click("button:has-text('Create account and organisation')")
    page.wait_for_url(re.compile(r".*/accounts/signup/done/$"))
    assert "check your email" in page.content().lower()

    org = Organization.objects.get(name_en="NeuroBridge")
    assert org.status == OrganizationStatus.PENDING
    verify_mail = next(m for m in mail.outbox if m.to == ["minji@neurobridge.kr"])
    link = re.search(r"https?://\S+/accounts/verify/\S+/", verify_mail.body).group(0)
    page.goto(base + link[link.index("/accounts/"):])
    assert "is verified" in page.content()

    # Another member cannot find the pending organisation yet.
    context = page.context.browser.new_context(locale="en-US")
    other = context.new_page()
    sign_in(other, base, member.email)
    other.goto(f"{base}/organizations/?q=NeuroBridge")
    assert "No organisation matches your search." in other.content()

    # The cluster manager verifies it from the queue.
    manager_ctx = page.context.browser.new_context(locale="en-US")
    mpage = manager_ctx.new_page()
    sign_in(mpage, base, manager.email)
    mpage.goto(f"{base}/manage/verification/")
    assert "NeuroBridge" in mpage.content()
    mpage.screenshot(path=str(artifacts_dir / "verification-queue.png"), full_page=True)
    mpage.click("button:has-text('Verify')")
    assert "is verified and joined" in mpage.content()
    org.refresh_from_db()
    assert org.status == OrganizationStatus.VERIFIED
    assert any("is verified on ClusterLink" in m.subject for m in mail.outbox if m.to == ["minji@neurobridge.kr"])

    # Now it appears in the directory, found by its Korean name.
    other.goto(f"{base}/organizations/?q=뉴로브릿지")
    other.wait_for_selector("text=NeuroBridge")
    other.screenshot(path=str(artifacts_dir / "directory-after-verify.png"), full_page=True)
    assert other.locator(".cl-org-card").count() == 1
    context.close()
    manager_ctx.close()
