"""In a real browser: the hospital's TTO approves a proposal by keyboard, the startup accepts the
introduction, the hospital accepts, both see each other's contacts and exchange a message."""


import pytest

from matching.models import Match, MatchStatus
from tests.e2e.helpers import sign_in
from tests.matching.review_world import PHONE_MARKER, build_world, make_listing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



def test_tto_approves_by_keyboard_both_accept_contacts_and_a_message(page, live_server, artifacts_dir):
    base = live_server.url
    w = build_world()
    pk = w.match.pk

    # The TTO works the queue with the keyboard: j moves, a approves the current row.
    sign_in(page, base, w.tto.email)
    page.goto(f"{base}/matches/review/")
    row = page.locator(f"#row-{pk}")
    row.wait_for()
    page.keyboard.press("k")  # stays on the first (only) row
    assert page.evaluate("document.activeElement.id") == f"row-{pk}"
    page.screenshot(path=str(artifacts_dir / "review-queue.png"), full_page=True)
    page.keyboard.press("a")
    page.wait_for_load_state("load")
    page.locator("text=Introduction sent to Alpha Bio.").wait_for()
    assert Match.objects.get(pk=pk).status == MatchStatus.INTRODUCED

    # The startup accepts from its inbox.
    other = page.context.browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    fpage = other.new_page()
    sign_in(fpage, base, w.startup.email)
    fpage.goto(f"{base}/matches/")
    fpage.locator(f"tr[data-id='{pk}'] button[data-action=accept]").click()
    fpage.locator("text=Done.").wait_for()
    assert Match.objects.get(pk=pk).need_side_accepted_at is not None
    fpage.goto(f"{base}/matches/{pk}/")
    assert fpage.locator("#contacts").count() == 0 and PHONE_MARKER not in fpage.content()

    # The hospital accepts on the match page: connected, contacts on both sides.
    page.goto(f"{base}/matches/{pk}/")
    page.click("#actions button[data-action=accept]")
    page.locator("#contacts").wait_for()
    assert Match.objects.get(pk=pk).status == MatchStatus.CONNECTED
    assert w.startup.email in page.inner_text("#contacts")
    page.fill("#message-body", "반갑습니다. Shall we talk on Tuesday?")
    page.click("#thread button[type=submit]")
    page.locator(".cl-message-body:has-text('Shall we talk on Tuesday?')").wait_for()

    fpage.goto(f"{base}/matches/{pk}/")
    assert PHONE_MARKER in fpage.inner_text("#contacts")
    assert "Shall we talk on Tuesday?" in fpage.inner_text("#thread")
    fpage.fill("#message-body", "Tuesday 2 pm works.")
    fpage.click("#thread button[type=submit]")
    fpage.locator(".cl-message-body:has-text('Tuesday 2 pm works.')").wait_for()
    fpage.screenshot(path=str(artifacts_dir / "review-match-connected.png"), full_page=True)
    assert w.match.messages.count() == 2
    other.close()


def test_tto_declines_the_second_proposal_by_keyboard(page, live_server):
    w = build_world()
    other_need = make_listing(w.firm, "need", "Second need", "Another oncology study.", visibility="members")
    second = Match.objects.create(need=other_need, counterpart=w.hospital, score=0.1)
    sign_in(page, live_server.url, w.tto.email)
    page.goto(f"{live_server.url}/matches/review/")
    page.locator(f"#row-{second.pk}").wait_for()
    page.keyboard.press("j")  # to the second row (lower score)
    assert page.evaluate("document.activeElement.id") == f"row-{second.pk}"
    page.keyboard.press("d")  # no reason chosen yet: the reason list gets the focus
    assert page.evaluate("document.activeElement.name") == "reason"
    page.select_option(f"#row-{second.pk} select[name=reason]", "outside_field")
    page.keyboard.press("Enter")
    page.locator("text=Declined. Alpha Bio gets no message").wait_for()
    second.refresh_from_db()
    assert (second.status, second.decline_category) == (MatchStatus.DECLINED, "outside_field")
    assert Match.objects.get(pk=w.match.pk).status == MatchStatus.PROPOSED
