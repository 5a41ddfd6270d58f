"""The permission matrix: roles × actions, over the HTML pages and the API.

Roles: the startup's member, another firm, the hospital's TTO reviewer, another hospital's TTO, the
hospital's admin who is not TTO, the cluster manager, anonymous."""

import pytest
from django.test import Client

from matching.models import Match, MatchStatus
from matching.review import services as review
from tests.factories import PASSWORD

from ..review_world import build_world

S = MatchStatus
ROLES = ["startup", "other_firm_user", "tto", "other_tto", "hospital_admin", "manager", "anonymous"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return build_world()


def client_for(w, role: str) -> Client:
    c = Client()
    if role != "anonymous":
        c.force_login(getattr(w, role))
    return c


def to_state(w, state: str) -> None:
    if state in ("introduced", "connected"):
        review.match_approve(user=w.tto, match_id=w.match.pk)
    if state == "connected":
        review.match_accept(user=w.startup, match_id=w.match.pk)
        review.match_accept(user=w.tto, match_id=w.match.pk)


VISIBLE = {
    "proposed": {"startup", "tto", "manager"},  # before an introduction: the firm, the reviewer, the manager
    "introduced": {"startup", "tto", "hospital_admin", "manager"},
    "connected": {"startup", "tto", "hospital_admin", "manager"},
}


@pytest.mark.parametrize("state", list(VISIBLE))
@pytest.mark.parametrize("role", ROLES)
def test_who_sees_a_match_in_html_and_api(w, role, state):
    to_state(w, state)
    c = client_for(w, role)
    page = c.get(f"/matches/{w.match.pk}/")
    api = c.get(f"/api/v1/matches/{w.match.pk}/")
    history = c.get(f"/api/v1/matches/{w.match.pk}/history/")
    listed = c.get("/api/v1/matches/?status=all")
    if role == "anonymous":
        assert page.status_code == 302 and "/accounts/login/" in page["Location"]
        assert api.status_code in (401, 403) and history.status_code in (401, 403)
    elif role in VISIBLE[state]:
        assert page.status_code == 200 and api.status_code == 200 and history.status_code == 200
        assert [r["id"] for r in listed.json()["results"]] == [w.match.pk]
    else:
        assert page.status_code == 404 and api.status_code == 404 and history.status_code == 404
        assert listed.json()["count"] == 0


# (state before, action, extra POST data, roles allowed, state after)
ACTIONS = [
    ("proposed", "approve", {}, {"tto"}, S.INTRODUCED),
    ("proposed", "decline", {"reason": "too_early"}, {"tto"}, S.DECLINED),
    ("proposed", "request", {}, {"startup"}, S.PROPOSED),
    ("introduced", "accept", {}, {"startup", "tto"}, S.INTRODUCED),
    ("introduced", "reject", {}, {"startup", "tto"}, S.CLOSED),
    ("introduced", "withdraw", {}, {"startup"}, S.CLOSED),
    ("connected", "met", {}, {"startup", "tto", "hospital_admin", "manager"}, S.MET),
]


def _changed(w, before: str, after: str) -> bool:
    m = Match.objects.get(pk=w.match.pk)
    if after == before == S.PROPOSED:
        return m.source == "requested"
    if after == before == S.INTRODUCED:
        return bool(m.need_side_accepted_at or m.counterpart_accepted_at)
    return m.status == after


@pytest.mark.parametrize(("state", "action", "data", "allowed", "after"), ACTIONS, ids=[a[1] for a in ACTIONS])
@pytest.mark.parametrize("role", ROLES)
def test_action_matrix_over_the_api(w, role, state, action, data, allowed, after):
    to_state(w, state)
    resp = client_for(w, role).post(f"/api/v1/matches/{w.match.pk}/transition/", {"action": action, **data})
    if role in allowed:
        assert resp.status_code == 200, resp.content
        assert _changed(w, state, after)
        return
    if role == "anonymous":
        assert resp.status_code in (401, 403)
    elif role in VISIBLE[state]:
        assert resp.status_code == 403, resp.content
        assert resp.json()["detail"]  # a message saying who may do it
    else:
        assert resp.status_code == 404
    assert not _changed(w, state, after)
    assert Match.objects.get(pk=w.match.pk).status == state


@pytest.mark.parametrize(("state", "action", "data", "allowed", "after"), ACTIONS, ids=[a[1] for a in ACTIONS])
@pytest.mark.parametrize("role", ROLES)
def test_action_matrix_over_the_pages(w, role, state, action, data, allowed, after):
    to_state(w, state)
    resp = client_for(w, role).post(f"/matches/{w.match.pk}/transition/", {"action": action, **data}, follow=True)
    if role in allowed:
        assert resp.status_code == 200 and _changed(w, state, after)
        return
    if role == "anonymous":
        assert resp.redirect_chain and "/accounts/login/" in resp.redirect_chain[-1][0]
    elif role in VISIBLE[state]:
        assert resp.status_code == 200 and "alert" in resp.text  # the error is shown on the page
    else:
        assert resp.status_code == 404
    assert Match.objects.get(pk=w.match.pk).status == state and not _changed(w, state, after)


def test_illegal_steps_answer_409_with_a_message_and_bad_input_400(w):
    c = client_for(w, "tto")
    url = f"/api/v1/matches/{w.match.pk}/transition/"
    assert c.post(url, {"action": "decline"}).status_code == 400  # no reason
    assert c.post(url, {"action": "fly"}).status_code == 400
    assert c.post(url, {"action": "approve"}).status_code == 200
    resp = c.post(url, {"action": "approve"})
    assert resp.status_code == 409 and "reload" in resp.json()["detail"]


@pytest.mark.parametrize("role", ROLES)
def test_messages_are_for_the_two_sides_only(w, role):
    to_state(w, "connected")
    c = client_for(w, role)
    url = f"/api/v1/matches/{w.match.pk}/messages/"
    post = c.post(url, {"body": "hello"})
    get = c.get(url)
    page = c.post(f"/matches/{w.match.pk}/messages/", {"body": "page hello"})
    if role in ("startup", "tto", "hospital_admin"):
        assert post.status_code == 201 and get.status_code == 200 and page.status_code == 302
        assert w.match.messages.count() == 2
    else:
        assert post.status_code in (401, 403, 404) and get.status_code in (401, 403, 404)
        assert w.match.messages.count() == 0


@pytest.mark.parametrize("role", ROLES)
def test_review_queue_and_managers_overview(w, role):
    c = client_for(w, role)
    queue = c.get("/matches/review/")
    manage = c.get("/matches/manage/")
    if role == "anonymous":
        assert queue.status_code == 302 and manage.status_code == 302
        return
    if role in ("tto", "other_tto"):
        assert queue.status_code == 200
        assert (w.need.title in queue.text) == (role == "tto")
    else:
        assert queue.status_code == 403
    assert manage.status_code == (200 if role == "manager" else 403)


def test_hospital_admin_reviews_only_without_a_tto(w):
    c = client_for(w, "hospital_admin")
    assert c.get("/matches/review/").status_code == 403
    w.hospital.memberships.update(is_tto=False)
    assert c.get("/matches/review/").status_code == 200
    assert c.post(f"/api/v1/matches/{w.match.pk}/transition/", {"action": "approve"}).status_code == 200


def test_login_form_still_works_for_the_matrix_roles(w):
    c = Client()
    assert c.login(username=w.tto.email, password=PASSWORD)
