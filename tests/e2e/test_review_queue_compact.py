"""In a real browser at 1280 px: the hospital's review queue with 13 proposals stays compact (the old
cards repeated every supporting capability with its description and were about 7,000 px tall), says
from the hospital's side what each firm needs, which of our capabilities it fits and why, shows a fit
band instead of a raw score, and opens a long description only on "more"."""

import pytest

from tests.e2e.helpers import sign_in
from tests.matching.review.queue_world import CAPABILITY_TEXT, CAPABILITY_TITLES, queue_of
from tests.matching.review_world import NEED_MARKER, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_HEIGHT = 3500  # px at 1280 wide, for 13 proposals


def test_thirteen_proposals_fit_in_a_compact_queue(page, live_server, artifacts_dir):
    w = build_world()
    rows = queue_of(w, 12)  # plus w.match: 13 proposals
    sign_in(page, live_server.url, w.tto.email)
    page.goto(f"{live_server.url}/matches/review/")
    page.locator(".cl-review-row").first.wait_for()
    assert page.locator(".cl-review-row").count() == 13
    height = page.evaluate("document.documentElement.scrollHeight")
    page.screenshot(path=str(artifacts_dir / "review-queue-compact-1280.png"), full_page=True)
    print(f"review queue height with 13 proposals at 1280 px: {height} px")
    assert height < MAX_HEIGHT, f"the queue is {height} px tall"

    text = page.inner_text("#cl-queue")
    # No raw score; a band a person reads, relative to the queue (13 proposals: 5 strong, 4 good, 4 possible).
    assert "1.21" not in text and "1.16" not in text and "0.82" not in text
    bands = page.locator(".cl-fit").all_inner_texts()
    assert (bands.count("Strong fit"), bands.count("Good fit"), bands.count("Possible fit")) == (5, 4, 4)
    # The supporting capabilities by title only: two per card here, never their descriptions.
    first = page.locator(f"#row-{rows[0].pk}")
    fits = first.locator(".cl-fits li").all_inner_texts()
    assert fits == [CAPABILITY_TITLES[0], CAPABILITY_TITLES[2]]
    assert CAPABILITY_TEXT[:40] not in text
    # Why, from the hospital's side, at most three reasons.
    assert "Shared terms in their need and your capability" in first.inner_text()
    assert first.locator(".cl-reasons li").count() <= 3
    # The firm: name, kind, region.
    assert "Queue Firm 0" in first.inner_text() and "Firm · Seoul" in first.inner_text()
    # The need's description truncated, whole on "more"; a confidential one never.
    assert NEED_MARKER not in page.content()
    more = first.locator("details.cl-more")
    assert not more.locator(".cl-more-full").is_visible()
    more.locator("summary").click()
    assert more.locator(".cl-more-full").is_visible()
    assert more.locator(".cl-more-full").inner_text().strip().endswith("within a month.")

    # Keyboard still works on the compact cards: j moves to the second card, x ticks it.
    page.keyboard.press("Escape")
    page.locator(".cl-review-row").first.focus()
    page.keyboard.press("j")
    second = page.locator(".cl-review-row").nth(1)
    assert page.evaluate("document.activeElement.id") == second.get_attribute("id")
    page.keyboard.press("x")
    assert second.locator(".cl-tick").is_checked()
