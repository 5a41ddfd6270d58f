"""In a real browser (issue 13, "Contacts and privacy"): before a match connects nothing of the other side's
people opens; once connected the firm sees only the hospital's named contact (the approving reviewer by
default), never the rest of the staff; the hospital names another colleague and the firm sees the change;
"We have met" takes a date (a future one is refused with a clear message) and notes."""

import datetime

import pytest

from core.dates import today as local_today
from matching.models import Match, MatchStatus
from tests.e2e.helpers import sign_in
from tests.factories import MembershipFactory, UserFactory
from tests.matching.review_world import EMAIL_MARKER, PHONE_MARKER, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VP_EMAIL, VP_PHONE = "vice.president@hospital-marker.kr", "010-9999-0001"
NURSE_EMAIL, NURSE_PHONE = "research.nurse@hospital-marker.kr", "010-9999-0002"


def test_only_the_named_contact_opens_on_connection_and_follows_the_hospitals_choice(page, live_server,
                                                                                      artifacts_dir):
    base = live_server.url
    w = build_world()
    vp = UserFactory(full_name="Vice President", email=VP_EMAIL, phone=VP_PHONE)
    MembershipFactory(user=vp, organization=w.hospital, title="Vice-president", may_be_contact=True)
    nurse = UserFactory(full_name="Research Nurse", email=NURSE_EMAIL, phone=NURSE_PHONE)
    MembershipFactory(user=nurse, organization=w.hospital)
    staff = [VP_EMAIL, VP_PHONE, NURSE_EMAIL, NURSE_PHONE, w.hospital_admin.email]
    pk = w.match.pk

    # The hospital's reviewer approves on the match page.
    sign_in(page, base, w.tto.email)
    page.goto(f"{base}/matches/{pk}/")
    page.click("#actions button[data-action=approve]")
    page.locator("#match-status:has-text('Introduced')").wait_for()

    # The firm accepts: introduced, not connected — none of the hospital's people's details open.
    firm = page.context.browser.new_context(locale="en-US", viewport={"width": 390, "height": 844})
    fpage = firm.new_page()
    fpage.set_default_timeout(15000)
    sign_in(fpage, base, w.startup.email)
    fpage.goto(f"{base}/matches/{pk}/")
    fpage.click("#actions button[data-action=accept]")
    fpage.locator("#named-contact").wait_for()
    html = fpage.content()
    assert fpage.locator("#contacts").count() == 0
    for detail in [EMAIL_MARKER, PHONE_MARKER, *staff]:
        assert detail not in html
    assert "shared once both sides have accepted" in fpage.inner_text("#named-contact")

    # The hospital accepts: connected. The firm sees the approving reviewer alone.
    page.goto(f"{base}/matches/{pk}/")
    page.click("#actions button[data-action=accept]")
    page.locator("#contacts").wait_for()
    assert Match.objects.get(pk=pk).status == MatchStatus.CONNECTED
    fpage.goto(f"{base}/matches/{pk}/")
    other = fpage.inner_text("#other-contact")
    assert "TTO Reviewer" in other and EMAIL_MARKER in other and PHONE_MARKER in other
    html = fpage.content()
    for detail in staff:
        assert detail not in html
    fpage.screenshot(path=str(artifacts_dir / "named-contact-firm-390.png"), full_page=True)
    assert fpage.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # The hospital's organisation page shows the firm no one's details either.
    fpage.goto(f"{base}/organizations/{w.hospital.pk}/")
    html = fpage.content()
    for detail in [EMAIL_MARKER, PHONE_MARKER, *staff]:
        assert detail not in html

    # The hospital names its vice-president instead; only eligible colleagues are offered.
    options = page.locator("#contact-person option").all_inner_texts()
    assert any("Vice President" in o for o in options) and not any("Research Nurse" in o for o in options)
    page.select_option("#contact-person", str(vp.pk))
    page.click("#contact-save")
    page.locator("text=The contact person for this match is saved.").wait_for()
    assert Match.objects.get(pk=pk).counterpart_contact_id == vp.pk

    fpage.goto(f"{base}/matches/{pk}/")
    other = fpage.inner_text("#other-contact")
    assert "Vice President" in other and VP_EMAIL in other and VP_PHONE in other
    assert EMAIL_MARKER not in fpage.content() and PHONE_MARKER not in fpage.content()
    assert NURSE_EMAIL not in fpage.content()

    # "We have met": a labelled date; a future date is refused with a clear message, then recorded.
    fpage.click("#met summary")
    assert fpage.locator("label[for=met-date]").inner_text() == "Date of the meeting"
    future = (local_today() + datetime.timedelta(days=2)).isoformat()
    fpage.evaluate("d => { const i = document.querySelector('#met-date'); i.removeAttribute('max'); i.value = d; }",
                   future)
    fpage.click("#met button[type=submit]")
    fpage.locator("text=The meeting date cannot be in the future.").wait_for()
    assert Match.objects.get(pk=pk).status == MatchStatus.CONNECTED
    fpage.click("#met summary")
    fpage.fill("#met-note", "Good first call; NDA next.")
    fpage.click("#met button[type=submit]")
    fpage.locator("#met-on").wait_for()
    m = Match.objects.get(pk=pk)
    assert (m.status, m.met_on) == (MatchStatus.MET, local_today())
    firm.close()
