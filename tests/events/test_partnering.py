"""Partnering events: requests, scheduling through events.scheduling, agendas, outcomes, linkages."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from clusters.models import Linkage
from core.errors import Conflict, NotAllowed
from events import partnering, registration
from events.models import Meeting, MeetingRequest
from tests.factories import EventFactory, OrganizationFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair():
    manager, cluster = cluster_manager()
    # Starting within the hour, so meetings may be recorded as held (EVENT_CHECKIN_OPENS_MINUTES).
    event = EventFactory(cluster=cluster, kind="partnering", capacity=None, starts_at=timezone.now() + timedelta(hours=1))
    people = [verified_member(OrganizationFactory()) for _ in range(4)]
    regs = [registration.event_register(user=p, event_id=event.pk) for p in people]
    return manager, event, people, regs


def _grid(manager, event, slots=3, tables=1):
    return partnering.partnering_configure(
        user=manager, event_id=event.pk, first_slot_at=event.starts_at, slot_minutes=20, slots=slots, tables=tables
    )


def _accepted(people, regs, event, i, j):
    req = partnering.meeting_request_create(user=people[i], event_id=event.pk, recipient_id=regs[j].pk)
    return partnering.meeting_request_decide(user=people[j], request_id=req.pk, accept=True)


def test_request_needs_registration_and_is_once_per_pair(fair):
    _manager, event, people, regs = fair
    with pytest.raises(NotAllowed):
        partnering.meeting_request_create(user=verified_member(), event_id=event.pk, recipient_id=regs[0].pk)
    partnering.meeting_request_create(user=people[0], event_id=event.pk, recipient_id=regs[1].pk)
    with pytest.raises(Conflict):
        partnering.meeting_request_create(user=people[0], event_id=event.pk, recipient_id=regs[1].pk)
    # Asking back accepts the open request instead of making a second one.
    mutual = partnering.meeting_request_create(user=people[1], event_id=event.pk, recipient_id=regs[0].pk)
    assert mutual.status == "accepted" and MeetingRequest.objects.count() == 1
    with pytest.raises(NotAllowed):
        partnering.meeting_request_decide(user=people[2], request_id=mutual.pk, accept=False)


def test_schedule_never_double_books_and_keeps_published_meetings(fair):
    pytest.importorskip("events.scheduling")
    manager, event, people, regs = fair
    _grid(manager, event, slots=3, tables=1)
    _accepted(people, regs, event, 0, 1)
    _accepted(people, regs, event, 2, 3)
    assert partnering.meetings_schedule(user=manager, event_id=event.pk) == 2
    first = {m.request_id: (m.slot, m.table) for m in Meeting.objects.all()}
    assert len({slot for slot, _t in first.values()}) == 2  # one table: two different slots
    # A late request between people who already meet: the published meetings stay put.
    _accepted(people, regs, event, 0, 2)
    assert partnering.meetings_schedule(user=manager, event_id=event.pk) == 1
    meetings = list(Meeting.objects.all())
    assert {m.request_id: (m.slot, m.table) for m in meetings if m.request_id in first} == first
    seen = set()
    for m in meetings:
        for who in (m.a_id, m.b_id):
            assert (m.slot, who) not in seen
            seen.add((m.slot, who))
    assert len({(m.slot, m.table) for m in meetings}) == len(meetings)
    assert partnering.meetings_schedule(user=manager, event_id=event.pk) == 0


def test_schedule_honours_availability(fair):
    pytest.importorskip("events.scheduling")
    manager, event, people, regs = fair
    _grid(manager, event, slots=4, tables=2)
    partnering.availability_set(user=people[0], event_id=event.pk, slots=[2])
    _accepted(people, regs, event, 0, 1)
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    assert Meeting.objects.get().slot == 2


def test_only_managers_schedule(fair):
    _manager, event, people, _regs = fair
    with pytest.raises(NotAllowed):
        partnering.meetings_schedule(user=people[0], event_id=event.pk)


def test_held_meeting_writes_one_linkage_and_no_show_removes_it(fair):
    pytest.importorskip("events.scheduling")
    manager, event, people, regs = fair
    _grid(manager, event)
    _accepted(people, regs, event, 0, 1)
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    meeting = Meeting.objects.get()
    ct = ContentType.objects.get_for_model(Meeting)
    edges = Linkage.objects.filter(kind="meeting", source_type=ct, source_id=meeting.pk)
    partnering.meeting_outcome_record(user=people[0], meeting_id=meeting.pk, outcome="held", follow_up_wanted=True)
    partnering.meeting_outcome_record(user=people[1], meeting_id=meeting.pk, outcome="held")
    assert edges.count() == 1
    edge = edges.get()
    assert {edge.org_a_id, edge.org_b_id} == {regs[0].organization_id, regs[1].organization_id}
    partnering.meeting_outcome_record(user=manager, meeting_id=meeting.pk, outcome="no_show")
    assert edges.count() == 0
    with pytest.raises(NotAllowed):
        partnering.meeting_outcome_record(user=people[2], meeting_id=meeting.pk, outcome="held")


def test_partnering_page_shows_agenda_in_seoul_time_and_csv(client, fair):
    pytest.importorskip("events.scheduling")
    manager, event, people, regs = fair
    _grid(manager, event, slots=2, tables=2)
    _accepted(people, regs, event, 0, 1)
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    client.force_login(people[0])
    html = client.get(reverse("events:partnering", args=[event.pk])).content.decode()
    meeting = Meeting.objects.get()
    seoul = (event.starts_at + timedelta(minutes=20 * meeting.slot, hours=9)).strftime("%H:%M")
    assert people[1].full_name in html and seoul in html
    client.force_login(verified_member())
    assert client.get(reverse("events:partnering", args=[event.pk])).status_code == 403
    client.force_login(manager)
    csv = client.get(reverse("events:agenda_csv", args=[event.pk])).content.decode("utf-8-sig")
    assert people[0].full_name in csv and people[1].full_name in csv


def test_request_through_the_page(client, fair):
    _manager, event, people, regs = fair
    client.force_login(people[2])
    client.post(reverse("events:partnering", args=[event.pk]), {"action": "request", "recipient": regs[3].pk})
    client.force_login(people[3])
    req = MeetingRequest.objects.get()
    client.post(reverse("events:partnering", args=[event.pk]), {"action": "accept", "request": req.pk})
    req.refresh_from_db()
    assert req.status == "accepted"


def test_partnering_api_request_accept_agenda_and_outcome(fair):
    pytest.importorskip("events.scheduling")
    from rest_framework.test import APIClient

    manager, event, people, regs = fair
    _grid(manager, event)
    api = APIClient()
    api.force_authenticate(people[0])
    made = api.post("/api/v1/events/meeting-requests/", {"event": event.pk, "recipient": regs[1].pk}, format="json")
    assert made.status_code == 201
    api.force_authenticate(people[1])
    assert api.post(f"/api/v1/events/meeting-requests/{made.json()['id']}/accept/").json()["status"] == "accepted"
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    agenda = api.get("/api/v1/events/meetings/").json()["results"]
    assert len(agenda) == 1 and agenda[0]["starts_at"].endswith("+09:00")
    done = api.post(f"/api/v1/events/meetings/{agenda[0]['id']}/outcome/", {"outcome": "held"}, format="json")
    assert done.json()["outcome"] == "held"
    api.force_authenticate(people[2])
    assert api.get("/api/v1/events/meetings/").json()["results"] == []
