"""The events API: list and detail, register and cancel, my registrations, offers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import OrganizationStatus
from events import registration
from taxonomy.models import Facet
from tests.factories import EventFactory, OrganizationFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_list_hides_drafts_and_online_links_from_the_public(api):
    EventFactory(status="draft")
    event = EventFactory(online_url="https://meet.example.kr/room")
    body = api.get("/api/v1/events/").json()
    assert [e["id"] for e in body["results"]] == [event.pk]
    assert body["results"][0]["online_url"] is None
    assert body["results"][0]["starts_at"].endswith("+09:00")  # rendered in Seoul time


def test_register_and_cancel_through_the_api(api):
    event = EventFactory(capacity=1, online_url="https://meet.example.kr/room")
    user, other = verified_member(), verified_member()
    api.force_authenticate(user)
    response = api.post(f"/api/v1/events/{event.pk}/register/", {"show_in_participant_list": False}, format="json")
    assert response.status_code == 201 and response.json()["status"] == "registered"
    assert api.post(f"/api/v1/events/{event.pk}/register/", {}, format="json").status_code == 409
    assert api.get(f"/api/v1/events/{event.pk}/").json()["online_url"] == "https://meet.example.kr/room"
    assert [r["event"] for r in api.get("/api/v1/events/registrations/").json()["results"]] == [event.pk]
    api.force_authenticate(other)
    assert api.post(f"/api/v1/events/{event.pk}/register/", {}, format="json").json()["status"] == "waitlisted"
    api.force_authenticate(user)
    assert api.post(f"/api/v1/events/{event.pk}/cancel-registration/").json()["status"] == "cancelled"
    api.force_authenticate(other)
    mine = api.get("/api/v1/events/registrations/").json()["results"][0]
    assert mine["status"] == "offered"
    assert api.post(f"/api/v1/events/registrations/{mine['id']}/accept/").json()["status"] == "registered"


def test_unverified_organisation_gets_403_and_anonymous_401(api):
    event = EventFactory()
    assert api.post(f"/api/v1/events/{event.pk}/register/", {}, format="json").status_code in (401, 403)
    api.force_authenticate(verified_member(OrganizationFactory(status=OrganizationStatus.PENDING)))
    assert api.post(f"/api/v1/events/{event.pk}/register/", {}, format="json").status_code == 403


def test_filters_by_cluster_kind_and_topic(api):
    _, cluster = cluster_manager()
    topic = Facet.objects.first()
    wanted = EventFactory(cluster=cluster, kind="seminar")
    wanted.topics.add(topic)
    EventFactory(cluster=cluster, kind="meetup")
    EventFactory(kind="seminar")
    body = api.get("/api/v1/events/", {"cluster": cluster.slug, "kind": "seminar", "topic": topic.slug}).json()
    assert [e["id"] for e in body["results"]] == [wanted.pk]


def test_list_endpoints_run_a_constant_number_of_queries(api):
    user = verified_member()
    api.force_authenticate(user)
    topics = list(Facet.objects.all()[:2])

    def add(n):
        for _ in range(n):
            event = EventFactory()
            event.topics.set(topics)
            registration.event_register(user=user, event_id=event.pk)

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert api.get(url, {"page_size": 50}).status_code == 200
        return len(ctx.captured_queries)

    add(3)
    count("/api/v1/events/")  # warms the per-user caches kept on the authenticated user object
    small = (count("/api/v1/events/"), count("/api/v1/events/registrations/"))
    add(27)
    assert (count("/api/v1/events/"), count("/api/v1/events/registrations/")) == small
