"""Score parts computed from a description reach only readers who may read that description: the
counterpart's reviewers of a confidential need get the parts computed from tags and the partnership
graph, never those computed from the need's text, until the match is connected. The match responses
also agree with the API schema (a match that is not closed has a null ``close_reason``)."""

from __future__ import annotations

import copy

import jsonschema
import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from matching.models import Match
from matching.review import services as review
from tests.matching.review_world import build_world

pytestmark = pytest.mark.django_db

# Distinctive values, so a page that printed them would be caught.
PARTS = {"text": 0.913571, "text_max": 0.824681, "embed": 0.735791, "peers": 0.646801, "capacity": 0.557911,
         "facets": 0.468021, "popularity": 0.379131, "copartner": 0.280241, "region": 0.191351}
NEED_TEXT_PARTS = {"text", "text_max", "embed", "peers", "capacity"}
CAPABILITY_TEXT_PARTS = {"text", "text_max", "embed"}
TEXT_FREE = set(PARTS) - NEED_TEXT_PARTS


@pytest.fixture
def w():
    world = build_world()
    world.match.score_parts = dict(PARTS)
    world.match.save(update_fields=["score_parts"])
    return world


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _api_parts(user, match_id: int) -> list[dict]:
    """score_parts of the match as the API detail, the list and a transition's answer give them."""
    client = _client(user)
    detail = client.get(f"/api/v1/matches/{match_id}/")
    assert detail.status_code == 200
    rows = client.get("/api/v1/matches/", {"status": "all"}).json()["results"]
    listed = [r for r in rows if r["id"] == match_id]
    assert len(listed) == 1
    return [detail.json()["score_parts"], listed[0]["score_parts"]]


def _pages(user, match_id: int, urls: tuple[str, ...]) -> str:
    client = _client(user)
    return "\n".join(client.get(url).content.decode() for url in (*urls, f"/matches/{match_id}/"))


def _connect(w) -> None:
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    review.match_accept(user=w.tto, match_id=w.match.pk)


def test_reviewer_of_a_confidential_need_gets_no_part_computed_from_its_text(w):
    assert w.need.visibility == "confidential"
    for parts in _api_parts(w.tto, w.match.pk):
        assert set(parts) == TEXT_FREE
        assert parts == {k: PARTS[k] for k in TEXT_FREE}
    html = _pages(w.tto, w.match.pk, ("/matches/review/",))
    for name in NEED_TEXT_PARTS:
        assert f"{PARTS[name]}"[:6] not in html


def test_a_manager_outside_the_need_gets_no_part_computed_from_its_text(w):
    for parts in _api_parts(w.manager, w.match.pk):
        assert set(parts) == TEXT_FREE


def test_the_firm_sees_every_part_when_it_may_read_the_capabilities(w):
    w.capability.visibility = "members"
    w.capability.save(update_fields=["visibility"])
    for parts in _api_parts(w.startup, w.match.pk):
        assert parts == PARTS


def test_the_firm_gets_no_part_compared_with_a_confidential_capability(w):
    assert w.capability.visibility == "confidential"
    for parts in _api_parts(w.startup, w.match.pk):
        assert set(parts) == set(PARTS) - CAPABILITY_TEXT_PARTS


def test_once_connected_each_side_may_see_every_part(w):
    _connect(w)
    assert Match.objects.get(pk=w.match.pk).status == "connected"
    for user in (w.tto, w.startup):
        for parts in _api_parts(user, w.match.pk):
            assert parts == PARTS


def test_a_transition_answer_applies_the_same_rule(w):
    response = _client(w.tto).post(f"/api/v1/matches/{w.match.pk}/transition/", {"action": "approve"},
                                   content_type="application/json")
    assert response.status_code == 200
    assert set(response.json()["score_parts"]) == TEXT_FREE


# --- the response agrees with the schema ----------------------------------------------------------


def _json_schema(node, components: dict):
    """An OpenAPI 3.0 schema as plain JSON Schema: references inlined, ``nullable`` as a null branch."""
    if isinstance(node, list):
        return [_json_schema(n, components) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return _json_schema(copy.deepcopy(components[node["$ref"].rsplit("/", 1)[-1]]), components)
    out = {k: _json_schema(v, components) for k, v in node.items() if k not in ("nullable", "readOnly", "writeOnly")}
    return {"anyOf": [out, {"type": "null"}]} if node.get("nullable") else out


@pytest.fixture(scope="module")
def match_schema(django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        spec = SchemaGenerator().get_schema(request=None, public=True)
    components = spec["components"]["schemas"]
    return _json_schema(components["Match"], components)


def test_match_responses_validate_against_the_schema(w, match_schema):
    client = _client(w.startup)
    open_match = client.get(f"/api/v1/matches/{w.match.pk}/").json()
    jsonschema.validate(open_match, match_schema)
    assert open_match["close_reason"] is None  # stored blank: not closed, and declared nullable

    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_withdraw(user=w.startup, match_id=w.match.pk)
    closed = client.get(f"/api/v1/matches/{w.match.pk}/").json()
    assert closed["close_reason"] == "withdrawn"
    jsonschema.validate(closed, match_schema)
    for row in client.get("/api/v1/matches/", {"status": "all"}).json()["results"]:
        jsonschema.validate(row, match_schema)
