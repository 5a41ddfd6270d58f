"""Hostile input on the match pages and the matches/listings API: a NUL byte (which PostgreSQL text
columns refuse), an unknown enum value, an impossible date or id. Each route is called as the role
that may use it; the answer is never a 500, it names the problem, and nothing is written."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from matching.models import (
    Listing,
    Match,
    MatchEvent,
    MatchMessage,
    MatchNote,
    MatchStatus,
    Partnership,
)
from matching.review import services as review
from tests.factories import ClusterMembershipFactory, OrganizationFactory
from tests.matching.review_world import build_world

pytestmark = pytest.mark.django_db

NUL = "bad\x00value"
NULL_MESSAGE = "Null characters are not allowed."


@pytest.fixture
def w():
    return build_world()


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _connect(w) -> None:
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    review.match_accept(user=w.tto, match_id=w.match.pk)


def _snapshot() -> tuple:
    return (MatchEvent.objects.count(), MatchMessage.objects.count(), MatchNote.objects.count(),
            Partnership.objects.count(), Match.objects.count(), Listing.objects.count(),
            sorted(Match.objects.values_list("pk", "status", "assigned_to_id", "decision_reason")))


def _flash(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def _post_refused(client: Client, url: str, data: dict, expect: str = NULL_MESSAGE) -> str:
    before = _snapshot()
    response = client.post(url, data)
    assert response.status_code in (302, 400), response.status_code
    assert _snapshot() == before  # nothing written
    flash = _flash(response)
    assert "\x00" not in flash  # the message does not echo the bad input
    text = flash + response.content.decode()
    assert expect in text, text
    return text


# --- the match pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    {"action": "approve", "note": NUL},
    {"action": "decline", "reason": "outside_field", "note": NUL},
    {"action": "decline", "reason": NUL},
    {"action": NUL},
])
def test_transition_as_the_reviewer(w, data):
    expect = NULL_MESSAGE if data.get("note") else "Choose one of the"
    _post_refused(_client(w.tto), f"/matches/{w.match.pk}/transition/", data, expect)
    assert Match.objects.get(pk=w.match.pk).status == MatchStatus.PROPOSED


@pytest.mark.parametrize(("data", "expect"), [
    ({"action": "partnership_record", "kind": NUL, "date": "2025-01-02"}, NULL_MESSAGE),
    ({"action": "partnership_record", "kind": "clinical_trial", "date": NUL}, "Enter a valid date"),
    ({"action": "partnership_record", "kind": "clinical_trial", "date": "2025-13-45"}, "Enter a valid date"),
    ({"action": "met", "note": NUL}, NULL_MESSAGE),
    ({"action": "partnership_record", "kind": "x" * 61, "date": "2025-01-02"}, "at most 60 characters"),
])
def test_transition_of_a_connected_match_by_the_firm(w, data, expect):
    _connect(w)
    _post_refused(_client(w.startup), f"/matches/{w.match.pk}/transition/", data, expect)


def test_transition_next_with_a_nul_falls_back_to_the_match(w):
    response = _client(w.tto).post(f"/matches/{w.match.pk}/transition/",
                                   {"action": "approve", "next": "/matches/\x00evil"})
    assert response.status_code == 302
    assert "\x00" not in response["Location"]


def test_message_by_the_firm(w):
    _connect(w)
    _post_refused(_client(w.startup), f"/matches/{w.match.pk}/messages/", {"body": NUL})
    _post_refused(_client(w.tto), f"/matches/{w.match.pk}/messages/", {"body": "x" * 5001}, "at most 5000 characters")


def test_internal_note_by_the_reviewer(w):
    _post_refused(_client(w.tto), f"/matches/{w.match.pk}/notes/", {"body": NUL})
    _post_refused(_client(w.tto), f"/matches/{w.match.pk}/notes/", {"body": "x" * 4001}, "at most 4000 characters")


@pytest.mark.parametrize(("data", "expect"), [
    ({"assignee": "", "note": NUL}, NULL_MESSAGE),
    ({"assignee": NUL, "note": "look"}, "Enter a whole number"),
    ({"assignee": "9" * 25, "note": "look"}, "Choose a colleague"),
])
def test_assignment_by_the_reviewer(w, data, expect):
    if data["assignee"] == "":
        data = {**data, "assignee": str(w.hospital_admin.pk)}
    _post_refused(_client(w.tto), f"/matches/{w.match.pk}/assign/", data, expect)


@pytest.mark.parametrize(("data", "expect"), [
    ({"action": "decline", "reason": "outside_field", "note": NUL}, NULL_MESSAGE),
    ({"action": "decline", "reason": NUL}, "Choose one of the decline reasons"),
    ({"action": "decline"}, "Choose a reason for declining"),
    ({"action": NUL}, "Choose one of the offered actions"),
    ({"action": "approve", "ids": ["²"]}, "Tick"),
])
def test_bulk_review_by_the_reviewer(w, data, expect):
    data = {"ids": [str(w.match.pk)], **data}
    _post_refused(_client(w.tto), "/matches/review/bulk/", data, expect)


def test_introduction_request_by_a_member_and_brokering_by_a_manager(w):
    other = OrganizationFactory(kind="hospital", name_en="Third Hospital")
    ClusterMembershipFactory(organization=other, cluster=w.cluster)
    data = {"need": str(w.need.pk), "counterpart": str(other.pk)}
    _post_refused(_client(w.startup), "/matches/request/", {**data, "note": NUL})
    _post_refused(_client(w.startup), "/matches/request/", {**data, "need": NUL}, "Choose one of the open needs")
    _post_refused(_client(w.startup), "/matches/request/", {**data, "counterpart": "9" * 25},
                  "Introductions are to other verified organisations")
    _post_refused(_client(w.manager), "/matches/request/", {**data, "broker": "1", "note": NUL})
    _post_refused(_client(w.startup), "/matches/request/", {**data, "note": NUL, "next": "/organizations/\x00"})


def test_daily_digest_setting_with_a_nul_is_not_a_500(w):
    response = _client(w.startup).post("/matches/settings/digest/", {"daily_digest": NUL})
    assert response.status_code == 302


@pytest.mark.parametrize("query", [
    {"region": NUL}, {"therapeutic_area": NUL}, {"partnership_type": NUL}, {"stage": NUL}, {"region": "atlantis"},
])
def test_review_queue_filters_by_the_reviewer(w, query):
    response = _client(w.tto).get("/matches/review/", query)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not response.context["rows"]


def test_review_queue_page_and_assigned_with_a_nul(w):
    response = _client(w.tto).get("/matches/review/", {"page": NUL, "assigned": NUL})
    assert response.status_code == 200


# --- listings and proposals pages -----------------------------------------------------------------


@pytest.mark.parametrize("query", [{"q": NUL}, {"side": NUL}, {"partnership_type": NUL}, {"technology": "nope"}])
@pytest.mark.parametrize("htmx", [False, True])
def test_listing_search_as_a_member(w, query, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    response = _client(w.startup).get("/listings/", query, headers=headers)
    assert response.status_code == (200 if htmx else 400)
    body = response.content.decode()
    assert ("Null characters are not allowed" in body) or ("Select a valid choice" in body)
    assert not list(response.context["page"])


def test_listing_search_anonymously(w):
    response = Client().get("/listings/", {"q": NUL})
    assert response.status_code == 400


@pytest.mark.parametrize("query", [{"org": NUL}, {"region": NUL}, {"partnership_type": NUL}, {"org": "9" * 25}])
def test_proposal_filters_of_the_firm(w, query):
    response = _client(w.startup).get("/listings/proposals/", query)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not response.context["rows"]


def test_proposal_dismissal_by_the_firm(w):
    _post_refused(_client(w.startup), f"/listings/proposals/{w.match.pk}/dismiss/", {"reason": NUL}, "Say why")


def test_listing_create_and_edit_by_a_member(w):
    client = _client(w.startup)
    before = Listing.objects.count()
    response = client.post("/listings/new/", {"side": "need", "title": NUL, "description": "d", "language": "en",
                                              "visibility": "members", "status": "open"})
    assert response.status_code == 400 and NULL_MESSAGE in response.content.decode()
    assert Listing.objects.count() == before
    response = client.post(f"/listings/{w.need.pk}/edit/", {"side": "need", "title": "t", "description": NUL,
                                                            "language": "en", "visibility": "members",
                                                            "status": "open", "departments": NUL})
    assert response.status_code == 400 and NULL_MESSAGE in response.content.decode()
    assert "\x00" not in Listing.objects.get(pk=w.need.pk).description


# --- the API --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("param", "value"), [
    ("status", NUL), ("status", "proposed,bogus"), ("source", NUL), ("source", "psychic"), ("region", NUL),
    ("region", "atlantis"), ("partnership_type", NUL), ("partnership_type", "no-such-type"), ("organization", NUL),
    ("organization", "abc"),
])
@pytest.mark.parametrize("role", ["startup", "tto", "manager"])
def test_matches_api_filters(w, role, param, value):
    response = _client(getattr(w, role)).get("/api/v1/matches/", {param: value})
    assert response.status_code == 400, response.content
    assert param in response.json()
    assert response.json()[param][0]


def test_matches_api_valid_filters_still_work(w):
    client = _client(w.tto)
    for query in ({"status": "proposed,declined"}, {"status": "all"}, {"source": "model"}, {"region": w.hospital.region},
                  {"partnership_type": "clinical_trial"}, {"organization": str(w.firm.pk)}, {"organization": "9" * 25}):
        response = client.get("/api/v1/matches/", query)
        assert response.status_code == 200, (query, response.content)
    assert client.get("/api/v1/matches/", {"source": "model"}).json()["count"] == 1
    assert client.get("/api/v1/matches/", {"organization": "9" * 25}).json()["count"] == 0


@pytest.mark.parametrize(("role", "url", "data"), [
    ("tto", "transition/", {"action": "approve", "note": NUL}),
    ("tto", "transition/", {"action": "partnership_record", "kind": NUL, "date": "2025-01-01"}),
    ("startup", "dismiss/", {"reason": NUL}),
])
def test_matches_api_writes(w, role, url, data):
    before = _snapshot()
    response = _client(getattr(w, role)).post(f"/api/v1/matches/{w.match.pk}/{url}", data, content_type="application/json")
    assert response.status_code == 400
    assert _snapshot() == before


def test_matches_api_message(w):
    _connect(w)
    client = _client(w.startup)
    before = _snapshot()
    for body in (NUL, "x" * 5001):
        response = client.post(f"/api/v1/matches/{w.match.pk}/messages/", {"body": body}, content_type="application/json")
        assert response.status_code == 400 and response.json()["body"]
    assert _snapshot() == before


@pytest.mark.parametrize("query", [
    {"search": NUL}, {"partnership_type": NUL}, {"therapeutic_area": NUL}, {"technology": NUL}, {"stage": NUL},
    {"organization": NUL}, {"side": NUL}, {"status": NUL}, {"visibility": NUL}, {"language": NUL},
])
def test_listings_api_filters(w, query):
    response = _client(w.startup).get("/api/v1/listings/", query)
    assert response.status_code == 400
    assert response.json()


def test_listings_api_huge_organisation_and_odd_ordering(w):
    client = _client(w.startup)
    assert client.get("/api/v1/listings/", {"organization": "9" * 25}).status_code == 400
    assert client.get("/api/v1/listings/", {"ordering": NUL}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("field,value", [
    ("stage", "a\x00b"), ("therapeutic_areas", ["onc\x00ology"]), ("technologies", ["x" * 5000]), ("partnership_types", [7]),
])
def test_listing_api_refuses_facet_slugs_that_cannot_exist(field, value):
    """A slug with a NUL byte used to reach PostgreSQL as a lookup (500); now it is "not found" (400)."""
    from rest_framework.test import APIClient

    from tests.factories import MembershipFactory, OrganizationFactory

    member = MembershipFactory(organization=OrganizationFactory(kind="firm")).user
    client = APIClient()
    client.force_authenticate(member)
    org_id = member.memberships.first().organization_id
    body = {"organization": org_id, "side": "need", "title": "Phase 1 site", "description": "We need a site.", field: value}
    response = client.post("/api/v1/listings/", body, format="json")

    assert response.status_code == 400
    assert field in response.json()
