"""The compact review queue: what a card shows (from the hospital's side), the fit bands that replace
the raw score, the feedback after approving or declining (checked against what really happens), and a
constant number of queries whatever the queue's length."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matching.models import Match, MatchSource, MatchStatus, Notification
from matching.review import selectors
from matching.review import services as review
from tests.factories import OrganizationFactory

from ..review_world import MARKER, NEED_MARKER, build_world, make_listing
from .queue_world import CAPABILITY_TEXT, CAPABILITY_TITLES, LONG, queue_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return build_world()


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- fit bands -------------------------------------------------------------------------------------------


def test_fit_bands_are_thirds_of_the_queue():
    ranked = [1.21 - i * 0.05 for i in range(13)]
    bands = [selectors.fit_band(s, ranked) for s in ranked]
    assert bands == ["strong"] * 5 + ["good"] * 4 + ["possible"] * 4
    six = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]
    assert [selectors.fit_band(s, six) for s in six] == ["strong"] * 2 + ["good"] * 2 + ["possible"] * 2


def test_equal_scores_share_a_band_and_short_queues_get_none():
    ranked = [0.9, 0.5, 0.5, 0.5, 0.5, 0.1]
    assert [selectors.fit_band(s, ranked) for s in ranked] == ["strong", "strong", "strong", "strong", "strong",
                                                               "possible"]
    assert selectors.fit_band(0.9, [0.9, 0.1]) == "" and selectors.fit_band(0.9, []) == ""


def test_the_band_comes_from_the_whole_queue_not_the_filtered_page(w, client):
    rows = queue_of(w, 8)  # 9 proposals: 3 strong, 3 good, 3 possible
    client.force_login(w.tto)
    last_seoul = rows[6]  # Queue Firm 6 (Seoul), the 7th best: possible
    assert last_seoul.need.organization.region == "seoul"
    whole = {m.pk: m.fit for m in client.get("/matches/review/").context["rows"]}
    seoul = {m.pk: m.fit for m in client.get("/matches/review/?region=seoul").context["rows"]}
    assert whole[last_seoul.pk] == seoul[last_seoul.pk] == "possible"
    assert sorted(whole.values()).count("strong") == 3


def test_a_queue_of_two_shows_no_band(w, client):
    queue_of(w, 1)
    client.force_login(w.tto)
    page = client.get("/matches/review/")
    assert all(m.fit == "" for m in page.context["rows"])
    assert "badge cl-fit" not in page.text and "Fit compares" not in page.text


# --- the card --------------------------------------------------------------------------------------------


def test_a_card_shows_the_firm_its_need_our_supporting_capabilities_and_why_never_a_raw_score(w, client):
    rows = queue_of(w, 3)
    other_cap = make_listing(w.hospital, "capability", "Unrelated sleep clinic", "Sleep studies.", visibility="members")
    client.force_login(w.tto)
    page = client.get("/matches/review/")
    html = page.text
    # No raw score, in any form the old card printed it.
    for m in (*rows, w.match):
        assert f"{m.score:.2f}" not in html and f"{m.score:.3f}" not in html
    assert "<meter" not in html
    # Which of our capabilities: the supporting ones by title; no capability description, no other capability.
    assert all(t in html for t in CAPABILITY_TITLES)
    assert other_cap.title not in html and CAPABILITY_TEXT[:40] not in html and MARKER not in html
    # The firm: name, kind, region.
    assert "Queue Firm 0" in html and "Firm · Seoul" in html and "Firm · Gyeonggi" in html
    # Why, from the hospital's side, at most three reasons per card.
    assert "Shared terms in their need and your capability" in html
    assert "your need and their capability" not in html
    card = next(m for m in page.context["rows"] if m.pk == rows[0].pk)
    assert len(card.reasons) == 4 and len(card.top_reasons) == 3
    assert html.count('class="cl-reasons') == 4
    # The need: a long description truncated, whole behind "more"; a confidential one not at all.
    assert f"NEEDTEXT0 {LONG}".strip()[:100] in html and 'class="cl-more small"' in html
    assert NEED_MARKER not in html and "Description shared once both sides accept." in html


# --- constant queries --------------------------------------------------------------------------------------


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/matches/review/").status_code == 200
    return len(ctx.captured_queries)


def test_the_queue_costs_the_same_queries_with_5_and_50_proposals(w, client):
    client.force_login(w.tto)
    queue_of(w, 4)
    five = _queries(client)
    assert Match.objects.filter(status=MatchStatus.PROPOSED).count() == 5
    elsewhere = OrganizationFactory(kind="hospital")  # another hospital's proposals are not in this queue
    Match.objects.create(need=w.need, counterpart=elsewhere, score=2.0)
    for i in range(45):
        need = make_listing(w.firm, "need", f"Extra need {i}", "Oncology site.", visibility="members")
        m = Match.objects.create(need=need, counterpart=w.hospital, score=0.5 - i / 1000,
                                 explanation={"shared_facets": ["oncology"]})
        m.supporting_listings.set([w.capability])
    assert Match.objects.filter(status=MatchStatus.PROPOSED, counterpart=w.hospital).count() == 50
    fifty = _queries(client)
    print(f"review queue queries: 5 proposals {five}, 50 proposals {fifty}")
    assert fifty == five


# --- what happened and what comes next -----------------------------------------------------------------------


def test_approving_says_who_was_introduced_and_what_comes_next(w, client, settings, django_capture_on_commit_callbacks):
    settings.MATCH_INTRO_EXPIRE_DAYS = 12
    client.force_login(w.tto)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/matches/{w.match.pk}/transition/", {"action": "approve", "next": "/matches/review/"})
    assert response.status_code == 302
    [text] = _messages(response)
    assert text.startswith("Introduction sent to Alpha Bio.") and "within 12 days" in text
    assert "your side too" in text and "Done." not in text
    # What the message says is what happened: introduced, both sides asked to answer.
    w.match.refresh_from_db()
    assert w.match.status == MatchStatus.INTRODUCED
    assert Notification.objects.filter(user=w.startup, match=w.match, kind="introduced").exists()
    assert Notification.objects.filter(user=w.hospital_admin, match=w.match).exists() is False  # not a reviewer
    assert w.match.counterpart_accepted_at is None  # the hospital still accepts in its inbox


def test_declining_a_model_proposal_says_the_firm_is_not_told(w, client, django_capture_on_commit_callbacks):
    client.force_login(w.tto)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/matches/{w.match.pk}/transition/",
                               {"action": "decline", "reason": "too_early", "note": "private"})
    [text] = _messages(response)
    assert text.startswith("Declined. Alpha Bio gets no message") and "need stays open" in text
    assert not Notification.objects.filter(match=w.match).exists()
    w.match.need.refresh_from_db()
    assert w.match.need.status == "open"


def test_declining_a_request_says_the_firm_is_told_without_the_reason(w, client, django_capture_on_commit_callbacks):
    other = make_listing(w.firm, "need", "Asked need", "Oncology site.", visibility="members")
    asked = review.match_request(user=w.startup, need_id=other.pk, counterpart_id=w.hospital.pk)
    assert asked.source == MatchSource.REQUESTED
    client.force_login(w.tto)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/matches/{asked.pk}/transition/", {"action": "decline", "reason": "too_early"})
    [text] = _messages(response)
    assert "Alpha Bio asked for this introduction and is told it was not taken forward" in text
    notice = Notification.objects.get(match=asked, user=w.startup)
    assert notice.kind == "declined"


def test_an_htmx_caller_gets_the_outcome_as_a_fragment_without_a_flash(w, client):
    client.force_login(w.tto)
    response = client.post(f"/matches/{w.match.pk}/transition/", {"action": "approve"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'class="alert alert-success cl-outcome' in response.text and "Introduction sent to Alpha Bio" in response.text
    assert _messages(response) == []
    again = client.post(f"/matches/{w.match.pk}/transition/", {"action": "approve"}, HTTP_HX_REQUEST="true")
    assert again.status_code == 200 and "alert-danger" in again.text


def test_bulk_says_how_many_were_introduced_or_declined(w, client, settings):
    settings.MATCH_INTRO_EXPIRE_DAYS = 30
    rows = queue_of(w, 3)
    client.force_login(w.tto)
    response = client.post("/matches/review/bulk/", {"action": "approve", "ids": [rows[0].pk, rows[1].pk]})
    [text] = _messages(response)
    assert text == "2 introductions sent: both sides now accept or decline each in their inbox within 30 days."
    response = client.post("/matches/review/bulk/", {"action": "decline", "reason": "too_early",
                                                     "ids": [rows[0].pk, rows[2].pk]})
    text = _messages(response)[-1]  # the first message is still unread (no page shown in between)
    assert text.startswith("1 proposal declined;") and "1 was not possible" in text
