"""The mentoring API: directory filters, seat answers, session logging and feedback."""

import pytest
from rest_framework.test import APIClient

from clusters.models import Linkage, LinkageKind
from mentoring.models import MentorProfile, PanelSeat, ProgrammeStatus, SeatStatus
from tests.mentoring.world import managed_programme, mentor, programme, seat, startup

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.mentoring.urls_for_tests")]


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_directory_filters_by_area_language_and_words():
    admin, _org = startup()
    onco = mentor(name="Onco Kim", slugs=("oncology",), languages="ko,en")
    neuro = mentor(name="Neuro Park", slugs=("neurology",), languages="ko")
    mentor(name="Pending Lee", slugs=("oncology",), status="pending")
    client = api(admin)
    ids = lambda params: [r["id"] for r in client.get("/api/v1/mentoring/mentors/", params).json()["results"]]  # noqa: E731
    assert set(ids({})) == {onco.pk, neuro.pk}
    assert ids({"area": "oncology"}) == [onco.pk]
    assert ids({"language": "en"}) == [onco.pk]
    assert ids({"q": "park"}) == [neuro.pk]
    assert client.get("/api/v1/mentoring/mentors/", {"language": "xx"}).status_code == 400
    row = client.get(f"/api/v1/mentoring/mentors/{onco.pk}/").json()
    assert row["languages"] == ["ko", "en"] and row["therapeutic_areas"] == ["oncology"]
    assert "email" not in row and "phone" not in row


def test_accept_decline_and_capacity_over_the_api():
    _manager, prog = managed_programme(status=ProgrammeStatus.PUBLISHED)
    profile = mentor(capacity=1)
    _admin, org = startup()
    first, second = seat(prog, org, profile), seat(programme(status=ProgrammeStatus.PUBLISHED), org, profile)
    client = api(profile.user)
    accepted = client.post(f"/api/v1/mentoring/seats/{first.pk}/accept/")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert client.post(f"/api/v1/mentoring/seats/{second.pk}/accept/").status_code == 409
    assert client.post(f"/api/v1/mentoring/seats/{first.pk}/accept/").status_code == 409
    declined = client.post(f"/api/v1/mentoring/seats/{second.pk}/decline/", {"reason": "Full"}, format="json")
    assert declined.status_code == 200 and declined.json()["status"] == "declined"
    assert MentorProfile.objects.get(pk=profile.pk).seats_taken == 1
    assert PanelSeat.objects.get(pk=second.pk).decline_reason == "Full"


def test_session_create_and_feedback_over_the_api():
    _manager, prog = managed_programme(status=ProgrammeStatus.PUBLISHED)
    profile = mentor()
    admin, org = startup()
    s = seat(prog, org, profile, status=SeatStatus.ACCEPTED)
    made = api(admin).post("/api/v1/mentoring/sessions/", {"seat": s.pk, "held_on": "2024-03-01",
                                                             "duration_minutes": 90, "topics": "Reimbursement"},
                           format="json")
    assert made.status_code == 201, made.content
    session_id = made.json()["id"]
    assert Linkage.objects.filter(kind=LinkageKind.MENTORING).count() == 1
    bad = api(admin).post(f"/api/v1/mentoring/sessions/{session_id}/feedback/", {"rating": 6}, format="json")
    assert bad.status_code == 400
    ok = api(admin).post(f"/api/v1/mentoring/sessions/{session_id}/feedback/", {"rating": 5, "note": "Great"},
                         format="json")
    assert ok.status_code == 200 and ok.json()["startup_rating"] == 5 and ok.json()["mentor_rating"] is None
    too_early = api(admin).post("/api/v1/mentoring/sessions/", {"seat": s.pk, "held_on": "1999-12-31",
                                                                  "topics": "Y2K"}, format="json")
    assert too_early.status_code == 400


def test_anonymous_callers_read_programmes_but_not_seats():
    _manager, prog = managed_programme(status=ProgrammeStatus.OPEN)
    listed = api().get("/api/v1/mentoring/programmes/").json()["results"]
    assert [p["id"] for p in listed] == [prog.pk] and listed[0]["status"] == "open"
    assert api().get("/api/v1/mentoring/seats/").status_code == 401
    assert api().get("/api/v1/mentoring/programmes/", {"status": "nope"}).status_code == 400


# --- the mentoring operations fuzzed against their schema, as test_api_schema does for the wired API ---


@pytest.mark.parametrize("signed_in", [True, False], ids=["signed-in", "anonymous"])
def test_mentoring_operations_conform_to_the_schema(signed_in):
    import schemathesis
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from schemathesis.generation import GenerationMode

    from config.wsgi import application
    from tests.test_api_schema import Tally, _fuzz_operation, auth_headers

    _manager, prog = managed_programme(status=ProgrammeStatus.PUBLISHED)
    _member, org = startup()
    profile = mentor(capacity=3)  # the caller: a mentor with a seat waiting and one accepted
    waiting = seat(prog, org, profile)
    accepted = seat(prog, startup()[1], profile, status=SeatStatus.ACCEPTED)
    session = api(profile.user).post("/api/v1/mentoring/sessions/", {"seat": accepted.pk, "held_on": "2024-01-02",
                                                                       "topics": "Fundraising"}, format="json").json()
    from mentoring.requests import request_create

    asked = request_create(user=_member, mentor_id=profile.pk, organization_id=org.pk, message="Help")
    from tests.mentoring.test_office_hours import book, publish

    slot = publish(profile, capacity=2)
    booking = book(_member, org, slot)
    ids = {"/api/v1/mentoring/seats/": waiting.pk, "/api/v1/mentoring/sessions/": session["id"],
           "/api/v1/mentoring/programmes/": prog.pk, "/api/v1/mentoring/mentors/": profile.pk,
           "/api/v1/mentoring/requests/": asked.pk, "/api/v1/mentoring/office-hours/": slot.pk,
           "/api/v1/mentoring/office-hour-bookings/": booking.pk}
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
        tally = Tally()
        for result in schema.get_all_operations():
            operation = result.ok()
            if not operation.path.startswith("/api/v1/mentoring/"):
                continue
            fixed = next((pk for prefix, pk in ids.items() if operation.path.startswith(prefix) and "{id}" in operation.path), None)
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                _fuzz_operation(operation, headers=auth_headers(profile.user) if signed_in else None,
                                fixed={"id": fixed} if fixed else None, mode=mode, tally=tally)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert len(tally.cases) == 27  # 12, the six of direct requests and the nine of office hours
    assert not tally.failures, "\n\n".join(f"== {k}\n{v}" for k, v in sorted(tally.failures.items()))
