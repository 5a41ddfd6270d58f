"""Object-level permissions on pages and the API: each side sees only its own panels and seats."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from mentoring import panels
from mentoring.models import PanelSeat, ProgrammeStatus, SeatStatus
from tests.factories import UserFactory, cluster_manager
from tests.mentoring.world import managed_programme, mentor, programme, seat, startup

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.mentoring.urls_for_tests")]


@pytest.fixture
def world():
    manager, prog = managed_programme(status=ProgrammeStatus.PUBLISHED)
    mine, other = mentor(name="Mentor Mine"), mentor(name="Mentor Other")
    admin_a, a = startup(name="Alpha Startup")
    admin_b, b = startup(name="Beta Startup")
    seat_a, seat_b = seat(prog, a, mine), seat(prog, b, other)
    draft = seat(prog, a, other, status=SeatStatus.PROPOSED)
    return {"manager": manager, "prog": prog, "mine": mine, "other": other, "admin_a": admin_a, "a": a,
            "admin_b": admin_b, "b": b, "seat_a": seat_a, "seat_b": seat_b, "draft": draft}


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def seat_ids(user) -> set[int]:
    return {row["id"] for row in api(user).get("/api/v1/mentoring/seats/").json()["results"]}


def test_another_startup_cannot_see_a_panel(client, world):
    assert seat_ids(world["admin_b"]) == {world["seat_b"].pk}
    assert api(world["admin_b"]).get(f"/api/v1/mentoring/seats/{world['seat_a'].pk}/").status_code == 404
    client.force_login(world["admin_b"])
    html = client.get(reverse("mentoring:my_panels")).content.decode()
    assert "Beta Startup" in html and "Alpha Startup" not in html
    assert client.get(reverse("mentoring:log_session", args=[world["seat_a"].pk])).status_code == 404


def test_a_startup_never_sees_the_managers_drafts(world):
    assert seat_ids(world["admin_a"]) == {world["seat_a"].pk}  # not the proposed seat


def test_a_mentor_cannot_see_or_answer_another_mentors_startups(client, world):
    assert seat_ids(world["mine"].user) == {world["seat_a"].pk}
    other_seat = world["seat_b"].pk
    assert api(world["mine"].user).post(f"/api/v1/mentoring/seats/{other_seat}/accept/").status_code == 404
    client.force_login(world["mine"].user)
    client.post(reverse("mentoring:seat_answer", args=[other_seat, "accept"]))
    assert PanelSeat.objects.get(pk=other_seat).status == SeatStatus.PUBLISHED
    assert "Beta Startup" not in client.get(reverse("mentoring:my_seats")).content.decode()


def test_the_programmes_manager_sees_every_seat_and_another_clusters_manager_none(client, world):
    assert seat_ids(world["manager"]) == {world["seat_a"].pk, world["seat_b"].pk, world["draft"].pk}
    outsider, _cluster = cluster_manager()
    assert seat_ids(outsider) == set()
    client.force_login(outsider)
    prog = world["prog"]
    assert client.get(reverse("mentoring:manage_programme", args=[prog.pk])).status_code == 403
    assert client.post(reverse("mentoring:programme_action", args=[prog.pk, "close"])).status_code == 403
    assert client.get(reverse("mentoring:programme_edit", args=[prog.pk])).status_code == 403
    prog.refresh_from_db()
    assert prog.status == ProgrammeStatus.PUBLISHED


def test_sessions_are_visible_to_the_two_sides_and_the_manager_only(world):
    panels.seat_accept(user=world["mine"].user, seat_id=world["seat_a"].pk)
    made = api(world["mine"].user).post("/api/v1/mentoring/sessions/", {
        "seat": world["seat_a"].pk, "held_on": "2024-05-02", "duration_minutes": 40, "topics": "Go-to-market",
    }, format="json")
    assert made.status_code == 201
    session_id = made.json()["id"]
    for user, visible in [(world["mine"].user, True), (world["admin_a"], True), (world["manager"], True),
                          (world["admin_b"], False), (world["other"].user, False)]:
        assert (api(user).get(f"/api/v1/mentoring/sessions/{session_id}/").status_code == 200) is visible
    refused = api(world["admin_b"]).post("/api/v1/mentoring/sessions/", {
        "seat": world["seat_a"].pk, "held_on": "2024-05-02", "topics": "Spying"}, format="json")
    assert refused.status_code == 400


def test_the_mentor_directory_is_for_members_of_verified_organisations(client, world):
    loner = UserFactory()
    assert api(loner).get("/api/v1/mentoring/mentors/").json()["results"] == []
    client.force_login(loner)
    assert client.get(reverse("mentoring:directory")).status_code == 403
    assert client.get(reverse("mentoring:mentor", args=[world["mine"].pk])).status_code == 404
    names = {row["name"] for row in api(world["admin_a"]).get("/api/v1/mentoring/mentors/").json()["results"]}
    assert names == {"Mentor Mine", "Mentor Other"}


def test_draft_programmes_are_hidden_from_everyone_but_their_managers(world):
    manager, draft = managed_programme(status=ProgrammeStatus.DRAFT, name="Secret draft")
    anonymous = {row["id"] for row in APIClient().get("/api/v1/mentoring/programmes/").json()["results"]}
    assert draft.pk not in anonymous and world["prog"].pk in anonymous
    assert draft.pk in {row["id"] for row in api(manager).get("/api/v1/mentoring/programmes/").json()["results"]}
    assert programme().pk  # another cluster's published programme is irrelevant here
