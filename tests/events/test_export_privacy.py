"""Exports follow the pages' privacy rule: a person's email only for those who may see their contacts."""

import csv
import io

import pytest
from django.urls import reverse

from events import registration
from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    EventFactory,
    OrganizationFactory,
    UserFactory,
    cluster_manager,
    verified_member,
)

pytestmark = pytest.mark.django_db


def _emails_by_name(response) -> dict[str, str]:
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    return {row["name"]: row["email"] for row in rows}


@pytest.fixture
def world():
    manager, home = cluster_manager()
    elsewhere = ClusterFactory()
    ours, theirs = OrganizationFactory(), OrganizationFactory()
    ClusterMembershipFactory(organization=ours, cluster=home)
    ClusterMembershipFactory(organization=theirs, cluster=elsewhere)
    event = EventFactory(cluster=home)
    insider, outsider = verified_member(ours), verified_member(theirs)
    for user in (insider, outsider):
        registration.event_register(user=user, event_id=event.pk)
    return {"manager": manager, "event": event, "insider": insider, "outsider": outsider,
            "ours": ours, "theirs": theirs}


def test_attendance_csv_hides_the_email_of_people_whose_organisation_is_outside_my_clusters(client, world):
    client.force_login(world["manager"])
    emails = _emails_by_name(client.get(reverse("events:attendance_csv", args=[world["event"].pk])))
    assert emails[world["insider"].full_name] == world["insider"].email
    assert emails[world["outsider"].full_name] == ""
    assert world["outsider"].email not in str(emails)


def test_the_csv_agrees_with_the_organisation_pages(client, world):
    client.force_login(world["manager"])
    theirs = client.get(reverse("organizations:detail", args=[world["theirs"].pk])).content.decode()
    ours = client.get(reverse("organizations:detail", args=[world["ours"].pk])).content.decode()
    assert world["outsider"].email not in theirs and world["insider"].email in ours


def test_a_person_visible_through_another_of_their_organisations_keeps_the_email(client, world):
    world["outsider"].memberships.create(organization=world["ours"])  # also a member of an organisation of ours
    client.force_login(world["manager"])
    emails = _emails_by_name(client.get(reverse("events:attendance_csv", args=[world["event"].pk])))
    assert emails[world["outsider"].full_name] == world["outsider"].email


def test_a_platform_admin_sees_every_email(client, world):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    emails = _emails_by_name(client.get(reverse("events:attendance_csv", args=[world["event"].pk])))
    assert emails[world["outsider"].full_name] == world["outsider"].email


# --- The API schema describes what the events API returns (a hidden link is null) -------------


def _json_schema(node):
    """OpenAPI 3.0 → JSON Schema: ``nullable: true`` becomes "or null"."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node


def test_event_responses_match_the_schema_whether_the_link_is_shown_or_hidden(client):
    import jsonschema

    spec = client.get("/api/schema/", {"format": "json"}).json()
    schema = {"$ref": "#/components/schemas/PaginatedEventList", "components": _json_schema(spec["components"])}
    manager, cluster = cluster_manager()
    EventFactory(cluster=cluster, online_url="https://meet.example.kr/room")
    EventFactory(cluster=cluster, online_url="")
    anonymous = client.get("/api/v1/events/").json()
    assert [e["online_url"] for e in anonymous["results"]] == [None, None]
    jsonschema.validate(anonymous, schema)
    client.force_login(manager)
    managed = client.get("/api/v1/events/").json()
    assert [e["online_url"] for e in managed["results"]] == ["https://meet.example.kr/room", None]
    jsonschema.validate(managed, schema)
