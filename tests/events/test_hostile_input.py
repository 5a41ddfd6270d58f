"""Events under hostile input: dates outside any sane range, NUL bytes, rows stored out of range."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from events import partnering, registration
from events.models import Event, Meeting, MeetingRequest, PartneringSession, Registration
from tests.factories import EventFactory, UserFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db

NUL = "\x00"
SEOUL = ZoneInfo("Asia/Seoul")  # forms take times in Korea time
BAD_DATES = ["0001-01-01T00:00", "9999-12-31T23:00", "1899-05-01T10:00", "2200-05-01T10:00"]


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _event_post(cluster, **overrides) -> dict:
    start = (timezone.localtime(timezone=SEOUL) + timedelta(days=30)).replace(hour=10, minute=0, second=0, microsecond=0)
    data = {
        "cluster": cluster.pk, "kind": "meetup", "title_en": "Bio night", "title_ko": "",
        "starts_at": f"{start:%Y-%m-%dT%H:%M}", "ends_at": f"{start + timedelta(hours=2):%Y-%m-%dT%H:%M}",
        "venue": "Osong", "online_url": "", "capacity": "", "registration_deadline": "",
        "followup_to": "attended", "questions_text": "",
    }
    data.update(overrides)
    return data


def _store_out_of_range(event: Event, start: str, end: str) -> None:
    """Write dates the forms no longer accept, as older code did (a BC timestamp is one)."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE clusters_event SET starts_at = %s::timestamptz, ends_at = %s::timestamptz WHERE id = %s",
                       [start, end, event.pk])


# --- Dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["starts_at", "ends_at", "registration_deadline"])
@pytest.mark.parametrize("value", BAD_DATES)
def test_create_rejects_out_of_range_dates_with_a_form_error(client, field, value):
    manager, cluster = cluster_manager()
    client.force_login(manager)
    data = _event_post(cluster, **{field: value})
    if field == "starts_at":
        data["ends_at"] = value  # so only the range can be the complaint about the start
    response = client.post(reverse("events:create"), data)
    assert response.status_code == 200
    assert "between 2000 and 2100" in " ".join(response.context["form"].errors.get(field, []))
    assert not Event.objects.exists()


@pytest.mark.parametrize("value", BAD_DATES)
def test_edit_rejects_out_of_range_dates_and_the_event_stays_readable(client, value):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster)
    client.force_login(manager)
    response = client.post(reverse("events:edit", args=[event.pk]), _event_post(cluster, starts_at=value))
    assert response.status_code == 200 and "starts_at" in response.context["form"].errors
    for name in ("detail", "edit"):
        assert client.get(reverse(f"events:{name}", args=[event.pk])).status_code == 200


@pytest.mark.parametrize(("start", "end"), [
    ("0001-12-31 15:00:00+00 BC", "0001-01-01 02:00:00+00"),
    ("9999-12-31 10:00:00+00", "9999-12-31 12:00:00+00"),
    ("1500-01-01 10:00:00+00", "1500-01-01 12:00:00+00"),
])
def test_an_event_stored_out_of_range_breaks_no_page_and_can_be_repaired(client, start, end):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, status="draft")
    fine = EventFactory(cluster=cluster, starts_at=timezone.now() - timedelta(days=3),
                        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=1))
    _store_out_of_range(event, start, end)
    client.force_login(manager)

    listing = client.get(reverse("events:list"), {"past": "1"})
    assert listing.status_code == 200
    assert [e.pk for e in listing.context["page"]] == [fine.pk]
    assert [e.pk for e in listing.context["out_of_range"]] == [event.pk]  # the manager is told where to repair
    assert reverse("events:edit", args=[event.pk]) in listing.content.decode()
    assert client.get(reverse("events:list"), {"view": "month"}).status_code == 200
    api = APIClient()
    api.force_authenticate(manager)
    body = api.get("/api/v1/events/")
    assert body.status_code == 200 and event.pk not in [e["id"] for e in body.json()["results"]]
    assert api.get(f"/api/v1/events/{event.pk}/").status_code == 404

    detail = client.get(reverse("events:detail", args=[event.pk]))
    assert detail.status_code == 302 and detail["Location"] == reverse("events:edit", args=[event.pk])
    for action in ("publish", "copy"):
        response = client.post(reverse("events:action", args=[event.pk, action]))
        assert response.status_code == 302
        assert any("out of range" in m for m in _messages(response))
    assert Event.objects.count() == 2 and Event.objects.filter(pk=event.pk, status="draft").exists()

    edit = client.get(reverse("events:edit", args=[event.pk]))
    assert edit.status_code == 200
    assert "out of range" in edit.content.decode()
    data = _event_post(cluster)
    response = client.post(reverse("events:edit", args=[event.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert timezone.localtime(event.starts_at, SEOUL).strftime("%Y-%m-%dT%H:%M") == data["starts_at"]
    assert client.get(reverse("events:detail", args=[event.pk])).status_code == 200
    assert client.post(reverse("events:action", args=[event.pk, "publish"])).status_code == 302
    event.refresh_from_db()
    assert event.status == "published"


def test_an_out_of_range_event_is_not_shown_to_the_public(client):
    event = EventFactory()
    _store_out_of_range(event, "0001-12-31 15:00:00+00 BC", "0001-01-01 02:00:00+00")
    client.force_login(verified_member())
    assert client.get(reverse("events:list"), {"past": "1"}).status_code == 200
    assert client.get(reverse("events:detail", args=[event.pk])).status_code == 404
    assert client.get(reverse("events:mine")).status_code == 200


def test_copying_an_event_near_the_end_of_the_range_gives_a_clear_error(client):
    manager, cluster = cluster_manager()
    start = datetime(2100, 12, 28, 1, 0, tzinfo=UTC)
    event = EventFactory(cluster=cluster, starts_at=start, ends_at=start + timedelta(hours=2),
                         registration_deadline=start - timedelta(days=1))
    client.force_login(manager)
    response = client.post(reverse("events:action", args=[event.pk, "copy"]))
    assert response.status_code == 302 and response["Location"] == reverse("events:detail", args=[event.pk])
    assert any("between 2000 and 2100" in m for m in _messages(response))
    assert Event.objects.count() == 1


def test_copying_a_9999_event_stored_earlier_does_not_overflow(client):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster)
    _store_out_of_range(event, "9999-12-31 10:00:00+00", "9999-12-31 12:00:00+00")
    client.force_login(manager)
    response = client.post(reverse("events:action", args=[event.pk, "copy"]))
    assert response.status_code == 302 and Event.objects.count() == 1


@pytest.fixture
def fair():
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, kind="partnering", capacity=None)
    people = [verified_member() for _ in range(2)]
    regs = [registration.event_register(user=u, event_id=event.pk) for u in people]
    return manager, event, people, regs


@pytest.mark.parametrize("value", ["9999-12-31T23:00", "0001-01-01T00:00", "2101-01-01T00:00", NUL, "tomorrow"])
def test_partnering_grid_out_of_range_is_refused(client, fair, value):
    manager, event, people, _regs = fair
    client.force_login(manager)
    url = reverse("events:partnering", args=[event.pk])
    response = client.post(url, {"action": "configure", "first_slot_at": value, "slot_minutes": "20",
                                 "slots": "200", "tables": "5"})
    assert response.status_code == 302 and _messages(response)
    assert not PartneringSession.objects.exists()
    assert client.get(url).status_code == 200
    client.force_login(people[0])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("first", ["0001-12-31 15:00:00+00 BC", "9999-12-31 20:00:00+00"])
def test_a_partnering_grid_stored_out_of_range_can_be_set_again(client, fair, first):
    manager, event, people, regs = fair
    partnering.partnering_configure(user=manager, event_id=event.pk, first_slot_at=event.starts_at, slot_minutes=1440,
                                    slots=200, tables=2)
    asked = partnering.meeting_request_create(user=people[0], event_id=event.pk, recipient_id=regs[1].pk)
    partnering.meeting_request_decide(user=people[1], request_id=asked.pk, accept=True)
    assert partnering.meetings_schedule(user=manager, event_id=event.pk) == 1
    meeting = Meeting.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE clusters_partneringsession SET first_slot_at = %s::timestamptz", [first])
    url = reverse("events:partnering", args=[event.pk])
    client.force_login(people[0])
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "outcome", "meeting": meeting.pk, "outcome": "held"})
    assert response.status_code == 302
    api = APIClient()
    api.force_authenticate(people[0])
    listed = api.get("/api/v1/events/meetings/")
    assert listed.status_code == 200 and [m["starts_at"] for m in listed.json()["results"]] == [None]
    recorded = api.post(f"/api/v1/events/meetings/{meeting.pk}/outcome/", {"outcome": "no_show"}, format="json")
    assert recorded.status_code == 200 and recorded.json()["starts_at"] is None
    client.force_login(manager)
    page = client.get(url)
    assert page.status_code == 200 and "out of range" in page.content.decode()
    assert client.get(reverse("events:agenda_csv", args=[event.pk])).status_code == 200
    good = timezone.localtime(event.starts_at, SEOUL).strftime("%Y-%m-%dT%H:%M")
    client.post(url, {"action": "configure", "first_slot_at": good, "slot_minutes": "20", "slots": "4", "tables": "2"})
    assert PartneringSession.objects.get(event=event).first_slot_at == event.starts_at


@pytest.mark.parametrize("value", [
    "0001-01-01T00:00:00+09:00", "9999-12-31T23:00:00-09:00", "2030-01-01T00:00:00+16:00",
    "2030-01-01T00:00:00-20:00", "2030-01-01T00:00:00+24:00", "1999-12-31T00:00:00Z", "2030-13-01", NUL,
])
@pytest.mark.parametrize("param", ["starts_after", "starts_before"])
def test_api_date_filters_refuse_out_of_range_values_with_400(value, param):
    manager, cluster = cluster_manager()
    EventFactory(cluster=cluster, status="draft")
    api = APIClient()
    api.force_authenticate(manager)
    response = api.get("/api/v1/events/", {param: value})
    assert response.status_code == 400
    assert param in response.json()


def test_api_date_filters_still_filter():
    early = EventFactory(starts_at=datetime(2031, 1, 1, 1, tzinfo=UTC), ends_at=datetime(2031, 1, 1, 3, tzinfo=UTC))
    late = EventFactory(starts_at=datetime(2031, 6, 1, 1, tzinfo=UTC), ends_at=datetime(2031, 6, 1, 3, tzinfo=UTC))
    api = APIClient()
    ids = [e["id"] for e in api.get("/api/v1/events/", {"starts_after": "2031-03-01T00:00:00+15:59"}).json()["results"]]
    assert ids == [late.pk]
    ids = [e["id"] for e in api.get("/api/v1/events/", {"starts_before": "2031-03-01"}).json()["results"]]
    assert ids == [early.pk]


# --- NUL bytes --------------------------------------------------------------------------------


def test_nul_in_event_list_filters_and_paths_is_not_a_500(client):
    EventFactory()
    for params in ({"cluster": NUL}, {"kind": NUL}, {"topic": NUL}, {"month": NUL, "view": "month"},
                   {"view": NUL}, {"page": NUL}, {"past": NUL}):
        assert client.get(reverse("events:list"), params).status_code == 200, params
    assert client.get("/events/feed/a%00b.ics").status_code == 404
    assert client.get("/events/qr/a%00b.svg").status_code == 404
    api = APIClient()
    for params in ({"cluster": NUL}, {"topic": NUL}, {"kind": NUL}, {"status": NUL}, {"ordering": NUL},
                   {"upcoming": NUL}):
        assert api.get("/api/v1/events/", params).status_code in (200, 400), params


def test_nul_in_event_forms_gives_form_errors(client):
    manager, cluster = cluster_manager()
    client.force_login(manager)
    for field in ("title_en", "description_en", "venue", "questions_text", "online_url", "starts_at"):
        response = client.post(reverse("events:create"), _event_post(cluster, **{field: f"a{NUL}b"}))
        assert response.status_code == 200 and field in response.context["form"].errors, field
    event = EventFactory(cluster=cluster)
    response = client.post(reverse("events:action", args=[event.pk, "cancel"]), {"reason": f"rain{NUL}"})
    assert response.status_code == 302 and any("reason" in m.lower() for m in _messages(response))
    event.refresh_from_db()
    assert event.status == "published"  # nothing happened on a garbled reason


def test_nul_in_registration_answers_is_refused(client):
    event = EventFactory(questions=[{"key": "q1", "label_en": "Why?", "required": True}])
    user = verified_member()
    client.force_login(user)
    org = user.memberships.get().organization
    response = client.post(reverse("events:register", args=[event.pk]), {"organization": org.pk, "answer_q1": NUL})
    assert response.status_code == 302 and not Registration.objects.exists()
    api = APIClient()
    api.force_authenticate(user)
    response = api.post(f"/api/v1/events/{event.pk}/register/", {"answers": {"q1": NUL}}, format="json")
    assert response.status_code == 400
    response = api.post(f"/api/v1/events/{event.pk}/register/", {"answers": {NUL: "x", "q1": "fine"}}, format="json")
    assert response.status_code == 201


def test_nul_at_the_checkin_desk_is_not_a_500(client):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster)
    client.force_login(manager)
    url = reverse("events:checkin", args=[event.pk])
    assert client.get(url, {"q": f"Kim{NUL}"}).status_code == 200
    for data in ({"code": NUL}, {"code": f"AB{NUL}CD"}, {"code": f"1:{NUL}"}, {"registration": NUL},
                 {"walk_in": "1", "name": f"Kim{NUL}"}, {"walk_in": "1", "name": "Kim", "organization": NUL}):
        response = client.post(url, data)
        assert response.status_code == 302, data
        assert _messages(response), data
    assert not Registration.objects.exists()


def test_nul_in_partnering_posts_is_not_a_500(client, fair):
    manager, event, people, regs = fair
    url = reverse("events:partnering", args=[event.pk])
    client.force_login(people[0])
    posts = [
        {"action": NUL}, {"action": "request", "recipient": regs[1].pk, "message": f"hi{NUL}"},
        {"action": "request", "recipient": NUL}, {"action": "accept", "request": NUL},
        {"action": "availability", "slots": [NUL]}, {"action": "outcome", "meeting": NUL, "outcome": "held"},
    ]
    for data in posts:
        response = client.post(url, data)
        assert response.status_code == 302 and _messages(response), data
    assert not MeetingRequest.objects.exists()
    client.force_login(manager)
    for data in ({"action": "configure", "first_slot_at": "2031-01-01T10:00", "slot_minutes": NUL, "slots": "4",
                  "tables": "2"}, {"action": "schedule", "x": NUL}):
        assert client.post(url, data).status_code == 302
    api = APIClient()
    api.force_authenticate(people[0])
    response = api.post("/api/v1/events/meeting-requests/",
                        {"event": event.pk, "recipient": regs[1].pk, "message": f"hi{NUL}"}, format="json")
    assert response.status_code == 400 and "message" in response.json()


@pytest.mark.parametrize(("model", "field"), [(Event, "starts_at"), (Event, "ends_at"),
                                              (Event, "registration_deadline"), (PartneringSession, "first_slot_at")])
def test_the_admin_keeps_dates_in_the_same_range(rf, model, field):
    from django.contrib import admin

    request = rf.get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    form_field = admin.site._registry[model].get_form(request).base_fields[field]
    with pytest.raises(ValidationError, match="between 2000 and 2100"):
        form_field.clean(["0001-01-01", "00:00"])
