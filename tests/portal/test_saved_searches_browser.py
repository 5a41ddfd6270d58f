"""In a real browser on a 390 px phone: a member changes the listing filters in place (htmx), saves the search
with "Save this search" (the filters saved are the ones on screen, not the page's first URL), finds it on the
saved-searches page, and sees another organisation's needs and capabilities load into its page."""

import pytest

from portal.models import SavedSearch
from tests.e2e.helpers import sign_in
from tests.portal.saved_world import SECRET, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("window.innerWidth")


def test_save_the_search_on_screen_and_see_an_organisations_listings(page, live_server, artifacts_dir):
    w = build_world()
    base = live_server.url
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, base, w.other.email)

    page.goto(f"{base}/listings/")
    page.fill("#id_q", "sepsis")  # htmx refreshes the results and the address in place
    page.wait_for_url("**/listings/?*q=sepsis*")
    page.click("[data-save-search]")
    page.wait_for_selector("#save-search-form")
    assert "“sepsis”" in page.inner_text("#save-search-form")
    _fits(page)
    page.fill("#save-search-form #id_name", "Sepsis needs")
    page.click("#save-search-form button[type=submit]")
    page.wait_for_url(f"{base}/saved-searches/")
    assert "Sepsis needs" in page.inner_text("main")
    saved = SavedSearch.objects.get(user=w.other)
    assert saved.params == {"q": "sepsis"}
    _fits(page)
    page.screenshot(path=str(artifacts_dir / "saved-searches-390-en.png"), full_page=True)

    page.goto(f"{base}/organizations/{w.firm.pk}/")
    page.wait_for_selector("#org-listings")
    text = page.inner_text("#org-listings")
    assert w.open_need.title in text and w.confidential.title in text
    assert SECRET not in page.content() and w.draft.title not in text
    _fits(page)
    page.screenshot(path=str(artifacts_dir / "organization-listings-390-en.png"), full_page=True)
    assert errors == []
