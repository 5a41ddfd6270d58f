"""Reading a match changes nothing: the match page's GET and the API's thread leave notifications and the
messages' read markers as they were; an explicit POST (the page's script once after load, its "Mark as read"
button without JavaScript, or ``POST /api/v1/matches/{id}/read/``) marks them. The history and the thread in
the API come a page at a time, with the API's one pagination."""

import re

import pytest

from matching.models import MatchEvent, MatchMessage, Notification
from matching.review import conversation
from matching.review import services as review
from matching.review.notify_queue import muted

from ..review_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return build_world()


def connect(w):
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    review.match_accept(user=w.tto, match_id=w.match.pk)
    w.match.refresh_from_db()
    return w.match


def unread_world(w, messages: int = 2):
    """A connected match with the startup's messages unread by the hospital and two notices for the TTO."""
    with muted():  # no notices queued by the services: only the two below
        connect(w)
        for i in range(messages):
            conversation.message_send(user=w.startup, match_id=w.match.pk, body=f"Hello {i}")
    Notification.objects.filter(match=w.match).delete()
    for i in range(2):
        Notification.objects.create(user=w.tto, key=f"test:{w.match.pk}:{i}", kind="match_event", match=w.match)


def markers(w) -> dict:
    """Every read marker of the match's messages and notifications, by row."""
    return {
        "messages": dict(MatchMessage.objects.filter(match=w.match).values_list("pk", "read_at")),
        "notices": dict(Notification.objects.filter(match=w.match).values_list("pk", "read_at")),
    }


def test_viewing_the_match_page_twice_changes_nothing(w, client):
    unread_world(w)
    before = markers(w)
    assert all(v is None for v in before["messages"].values()) and len(before["notices"]) == 2
    client.force_login(w.tto)
    for _ in range(2):
        response = client.get(f"/matches/{w.match.pk}/")
        assert response.status_code == 200
        assert markers(w) == before
    html = response.content.decode()
    assert f'action="/matches/{w.match.pk}/read/"' in html and "Mark as read" in html
    assert "4 unread notices or messages" in html
    assert re.search(r'<script src="[^"]*js/match-read[^"]*\.js" defer>', html)
    assert "<script>" not in html  # CSP: no inline scripts


def test_posting_read_marks_the_readers_notices_and_the_other_sides_messages(w, client):
    unread_world(w)
    with muted():
        own = conversation.message_send(user=w.tto, match_id=w.match.pk, body="Our reply")
    client.force_login(w.tto)
    response = client.post(f"/matches/{w.match.pk}/read/")
    assert response.status_code == 302 and response["Location"] == f"/matches/{w.match.pk}/"
    after = markers(w)
    assert all(v is not None for pk, v in after["messages"].items() if pk != own.pk)
    assert after["messages"][own.pk] is None  # one's own message waits for the other side
    assert all(v is not None for v in after["notices"].values())
    page = client.get(f"/matches/{w.match.pk}/").content.decode()
    assert "Mark as read" not in page and "match-read" not in page
    # The page's script asks for a 204, with nothing left to mark.
    again = client.post(f"/matches/{w.match.pk}/read/", headers={"X-Requested-With": "fetch"})
    assert again.status_code == 204 and markers(w) == after


def test_read_needs_a_post_with_a_csrf_token(w):
    from django.test import Client

    unread_world(w)
    before = markers(w)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(w.tto)
    assert strict.get(f"/matches/{w.match.pk}/read/").status_code == 405
    assert strict.post(f"/matches/{w.match.pk}/read/").status_code == 403
    assert markers(w) == before


def test_another_organisation_cannot_mark_a_match_read(w, client):
    unread_world(w)
    before = markers(w)
    client.force_login(w.other_tto)  # the TTO of another hospital: the match is not theirs
    assert client.post(f"/matches/{w.match.pk}/read/").status_code == 404
    assert client.post(f"/api/v1/matches/{w.match.pk}/read/").status_code == 404
    client.force_login(w.manager)  # a manager sees the match but has neither messages nor these notices
    assert client.post(f"/matches/{w.match.pk}/read/").status_code == 302
    assert markers(w) == before


def test_the_api_thread_is_read_only_and_read_is_a_post(w, client):
    unread_world(w)
    before = markers(w)
    client.force_login(w.tto)
    for _ in range(2):
        assert client.get(f"/api/v1/matches/{w.match.pk}/messages/").status_code == 200
        assert client.get(f"/api/v1/matches/{w.match.pk}/history/").status_code == 200
    assert markers(w) == before
    response = client.post(f"/api/v1/matches/{w.match.pk}/read/")
    assert response.status_code == 200 and response.json() == {"marked": 4}
    assert all(v is not None for group in markers(w).values() for v in group.values())
    assert client.post(f"/api/v1/matches/{w.match.pk}/read/").json() == {"marked": 0}


def test_the_api_thread_and_history_come_a_page_at_a_time(w, client):
    unread_world(w, messages=3)
    client.force_login(w.startup)
    url = f"/api/v1/matches/{w.match.pk}/messages/"
    first = client.get(url, {"page_size": 2}).json()
    assert first["count"] == 3 and [m["body"] for m in first["results"]] == ["Hello 0", "Hello 1"]
    assert first["next"] and first["previous"] is None
    second = client.get(url, {"page_size": 2, "page": 2}).json()
    assert [m["body"] for m in second["results"]] == ["Hello 2"] and second["next"] is None
    assert client.get(url, {"page": 0}).status_code == 400
    assert client.get(url, {"page": -1}).status_code == 400
    assert client.get(url, {"page": 3, "page_size": 2}).status_code == 404

    history = f"/api/v1/matches/{w.match.pk}/history/"
    events = MatchEvent.objects.filter(match=w.match).count()
    assert events >= 3
    full = client.get(history, {"page_size": 1000}).json()  # capped at 100: all of them here
    assert full["count"] == events and len(full["results"]) == events
    one = client.get(history, {"page_size": 1}).json()
    assert one["count"] == events and len(one["results"]) == 1 and one["next"]
    assert one["results"][0]["id"] == full["results"][0]["id"]  # oldest first, page by page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_page_marks_itself_read_once_shown_in_a_browser(page, live_server):
    from tests.e2e.helpers import sign_in

    w = build_world()
    unread_world(w)
    sign_in(page, live_server.url, w.tto.email)
    page.goto(f"{live_server.url}/matches/{w.match.pk}/")
    page.locator("#cl-mark-read[data-read='1']").wait_for(state="attached")
    assert not page.locator("#cl-mark-read").is_visible()
    assert all(v is not None for group in markers(w).values() for v in group.values())
