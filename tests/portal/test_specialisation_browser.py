"""In a real browser on a 390 px phone: a member opens the specialisation page from the dashboard, proposes a
focus area, and reads the page in English and in Korean (language cookie) without sideways scrolling."""

import pytest

from portal.models import FocusArea
from tests.e2e.helpers import sign_in
from tests.portal.specialisation_world import build_spec_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page) -> None:
    wide = page.evaluate("""[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 392)
        .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))""")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide


def test_member_proposes_on_a_phone_in_english_and_korean(page, live_server, artifacts_dir):
    w = build_spec_world()
    base = live_server.url
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, base, w.people["a2"].email)
    page.goto(f"{base}/clusters/spa/dashboard/")
    page.click("#specialisation-link")
    page.wait_for_url(f"{base}/clusters/spa/specialisation/")
    assert "1.75" in page.inner_text("#lq-therapeutic_area")
    _fits(page)
    page.select_option("#id_facet", str(w.onc.pk))
    page.fill("#id_title", "Precision oncology with hospital data")
    page.fill("#id_rationale", "Our hospitals and firms already partner on tumour cohorts. " * 3)
    page.click("#propose-form button[type=submit]")
    page.wait_for_selector("#focus-areas li[id^=focus-]")
    assert "Precision oncology with hospital data" in page.inner_text("#focus-areas")
    assert FocusArea.objects.get().proposed_by == w.orgs["a2"]
    assert page.locator("#focus-areas button:has-text('Endorse')").count() == 0  # not its own proposal
    assert "Proposed by your organisation." in page.inner_text("#focus-areas")
    _fits(page)
    page.screenshot(path=str(artifacts_dir / "specialisation-390-en.png"), full_page=True)
    page.context.add_cookies([{"name": "django_language", "value": "ko", "url": base}])
    page.reload()
    assert page.get_attribute("html", "lang") == "ko"
    assert "종양 테스트" in page.inner_text("#profile") and "제안됨" in page.inner_text("#focus-areas")
    _fits(page)
    page.screenshot(path=str(artifacts_dir / "specialisation-390-ko.png"), full_page=True)
    assert errors == []
