"""In a real browser (issue 13, "an attachment visible to the two sides only"): once connected, the firm sends a
message with a PDF from the match page (a renamed .exe is refused with a clear message first); the hospital sees
the file in the thread and downloads the very bytes; a third organisation's user and the cluster manager get
404 for its address."""

from pathlib import Path

import pytest

from matching.models import Match, MatchStatus, MessageAttachment
from matching.review import services as review
from tests.e2e.helpers import sign_in
from tests.matching.review.test_attachments import PDF
from tests.matching.review_world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_firm_sends_a_pdf_the_hospital_downloads_it_nobody_else_can(page, live_server, settings, tmp_path,
                                                                   artifacts_dir):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    base = live_server.url
    w = build_world()
    pk = w.match.pk
    review.match_approve(user=w.tto, match_id=pk)
    review.match_accept(user=w.startup, match_id=pk)
    review.match_accept(user=w.tto, match_id=pk)
    assert Match.objects.get(pk=pk).status == MatchStatus.CONNECTED

    # The firm, on a phone: a renamed program is refused with the reason; nothing is sent.
    firm = page.context.browser.new_context(locale="en-US", viewport={"width": 390, "height": 844})
    fpage = firm.new_page()
    fpage.set_default_timeout(15000)
    sign_in(fpage, base, w.startup.email)
    fpage.goto(f"{base}/matches/{pk}/#thread")
    fpage.fill("#message-body", "Our deck, as promised.")
    fpage.set_input_files("#message-files", files=[{"name": "deck.pdf", "mimeType": "application/pdf",
                                                    "buffer": b"MZ\x90\x00" + b"\x00" * 512}])
    fpage.click("#thread button[type=submit]")
    fpage.locator("text=“deck.pdf” is not a valid PDF file").wait_for()
    assert not MessageAttachment.objects.exists()

    # The real PDF goes through.
    fpage.fill("#message-body", "Our deck, as promised.")
    fpage.set_input_files("#message-files", files=[{"name": "deck.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    fpage.click("#thread button[type=submit]")
    fpage.locator("#thread .cl-attachments a:has-text('deck.pdf')").wait_for()
    row = MessageAttachment.objects.get()
    assert Path(settings.PRIVATE_MEDIA_ROOT) in Path(row.file.path).parents
    assert fpage.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    fpage.screenshot(path=str(artifacts_dir / "attachment-firm-390.png"), full_page=True)
    url = f"{base}/matches/{pk}/attachments/{row.pk}/"

    # The hospital sees it in the thread and downloads the same bytes, as a download (never shown inline).
    sign_in(page, base, w.tto.email)
    page.goto(f"{base}/matches/{pk}/#thread")
    link = page.locator("#thread .cl-attachments a:has-text('deck.pdf')")
    assert "Our deck, as promised." in page.inner_text("#thread")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "deck.pdf"
    assert Path(download.value.path()).read_bytes() == PDF
    page.screenshot(path=str(artifacts_dir / "attachment-hospital.png"), full_page=True)

    # A third organisation's user, and the cluster manager: 404.
    for user in (w.other_firm_user, w.manager):
        other = page.context.browser.new_context(locale="en-US")
        opage = other.new_page()
        opage.set_default_timeout(15000)
        sign_in(opage, base, user.email)
        response = opage.goto(url)
        assert response.status == 404
        assert "deck.pdf" not in opage.content()
        other.close()
    firm.close()
