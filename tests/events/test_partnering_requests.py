"""Meeting requests with a message and suggested times; accepted-but-unscheduled requests stay
visible; the organiser's grid and the phone agenda show times and tables; plurals in messages."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from core.errors import DomainError
from events import partnering, registration
from events.models import Meeting, MeetingRequest
from events.scheduling import Placement, prefer_slots
from tests.factories import EventFactory, OrganizationFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair():
    manager, cluster = cluster_manager()
    # 05:00 UTC = 14:00 in Seoul, a few days ahead.
    start = (timezone.now() + timedelta(days=3)).replace(hour=5, minute=0, second=0, microsecond=0)
    event = EventFactory(cluster=cluster, kind="partnering", capacity=None, starts_at=start)
    people = [verified_member(OrganizationFactory()) for _ in range(4)]
    regs = [registration.event_register(user=p, event_id=event.pk) for p in people]
    partnering.partnering_configure(user=manager, event_id=event.pk, first_slot_at=start + timedelta(minutes=30),
                                    slot_minutes=20, slots=4, tables=1)
    return manager, event, people, regs


def _url(event):
    return reverse("events:partnering", args=[event.pk])


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_request_keeps_message_and_suggested_slots(fair):
    _m, event, people, regs = fair
    req = partnering.meeting_request_create(user=people[0], event_id=event.pk, recipient_id=regs[1].pk,
                                            message="  We build the assay you need.  ", suggested_slots=[3, 1, 3])
    req.refresh_from_db()
    assert req.message == "We build the assay you need." and req.suggested_slots == [1, 3]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"message": "x" * 501}, "Keep the message to 500 characters (it has 501)."),
        ({"message": "hi\x00there"}, "The message contains a NUL character; remove it and send again."),
        ({"suggested_slots": [0, 1, 2, 3]}, "Suggest at most 3 times."),
        ({"suggested_slots": [4]}, "Suggest only times of this event's meeting slots."),
        ({"suggested_slots": [-1]}, "Suggest only times of this event's meeting slots."),
    ],
)
def test_request_refuses_long_messages_nul_and_bad_slots(fair, kwargs, error):
    _m, event, people, regs = fair
    with pytest.raises(DomainError) as exc:
        partnering.meeting_request_create(user=people[0], event_id=event.pk, recipient_id=regs[1].pk, **kwargs)
    assert exc.value.message == error
    assert not MeetingRequest.objects.exists()


def test_exactly_500_characters_is_accepted(fair):
    _m, event, people, regs = fair
    req = partnering.meeting_request_create(user=people[0], event_id=event.pk, recipient_id=regs[1].pk,
                                            message="가" * 500)
    assert len(req.message) == 500


def test_recipient_sees_message_and_suggested_times_on_the_page(client, fair):
    _m, event, people, regs = fair
    client.force_login(people[0])
    client.post(_url(event), {"action": "request", "recipient": regs[1].pk, "message": "Trial sites in Osong?",
                              "suggested_slots": ["1", "2"]})
    client.force_login(people[1])
    html = client.get(_url(event)).content.decode()
    # Slots 1 and 2: 14:30 + 20 and + 40 minutes in Seoul.
    assert "Trial sites in Osong?" in html and "14:50, 15:10" in html


def test_page_refuses_a_nul_message_with_a_clear_error(client, fair):
    _m, event, people, regs = fair
    client.force_login(people[0])
    response = client.post(_url(event), {"action": "request", "recipient": regs[1].pk, "message": "a\x00b"})
    assert response.status_code == 302 and not MeetingRequest.objects.exists()
    assert any("Null characters are not allowed" in m for m in _messages(response))


def test_api_takes_and_returns_message_and_suggested_slots(fair):
    _m, event, people, regs = fair
    api = APIClient()
    api.force_authenticate(people[0])
    url = "/api/v1/events/meeting-requests/"
    made = api.post(url, {"event": event.pk, "recipient": regs[1].pk, "message": "Hello",
                          "suggested_slots": [2, 0]}, format="json")
    assert made.status_code == 201
    assert made.json()["message"] == "Hello" and made.json()["suggested_slots"] == [0, 2]
    too_many = api.post(url, {"event": event.pk, "recipient": regs[2].pk, "suggested_slots": [0, 1, 2, 3]},
                        format="json")
    assert too_many.status_code == 400 and "suggested_slots" in too_many.json()
    nul = api.post(url, {"event": event.pk, "recipient": regs[2].pk, "message": "a\x00b"}, format="json")
    assert nul.status_code == 400 and "message" in nul.json()
    long = api.post(url, {"event": event.pk, "recipient": regs[2].pk, "message": "x" * 501}, format="json")
    assert long.status_code == 400 and "message" in long.json()


def _accept(people, regs, event, i, j, **kw):
    req = partnering.meeting_request_create(user=people[i], event_id=event.pk, recipient_id=regs[j].pk, **kw)
    return partnering.meeting_request_decide(user=people[j], request_id=req.pk, accept=True)


def test_scheduler_puts_the_meeting_in_a_free_suggested_slot(fair):
    pytest.importorskip("events.scheduling")
    manager, event, people, regs = fair
    req = _accept(people, regs, event, 0, 1, suggested_slots=[2])
    assert partnering.meetings_schedule(user=manager, event_id=event.pk) == 1
    assert Meeting.objects.get(request=req).slot == 2  # without the wish: slot 0


def test_a_busy_suggested_slot_falls_back_to_a_free_one(fair):
    pytest.importorskip("events.scheduling")
    manager, event, people, regs = fair
    first = _accept(people, regs, event, 0, 1, suggested_slots=[1])
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    assert Meeting.objects.get(request=first).slot == 1
    # One table: slot 1 is taken, so the second meeting cannot have it; it still gets a slot.
    second = _accept(people, regs, event, 2, 3, suggested_slots=[1])
    assert partnering.meetings_schedule(user=manager, event_id=event.pk) == 1
    assert Meeting.objects.get(request=second).slot != 1


def test_prefer_slots_moves_only_free_wishes_and_never_fixed_meetings():
    fixed = Placement("a", "b", 0, 0)
    new = Placement("c", "d", 1, 0)
    other = Placement("e", "f", 2, 0)
    moved = prefer_slots(
        4, 1, {"a": None, "b": None, "c": None, "d": None, "e": None, "f": [2]},
        [fixed, new, other], {fixed.pair},
        {fixed.pair: [3], new.pair: [0, 3], other.pair: [3]},
    )
    # fixed stays; c–d: slot 0 is taken, 3 is free → 3; e–f: 3 now taken and f is only free at 2 → stays.
    assert moved == [fixed, Placement("c", "d", 3, 0), other]


def test_accepted_request_waits_for_a_slot_on_both_pages_until_scheduled(client, fair):
    pytest.importorskip("events.scheduling")
    manager, event, people, regs = fair
    _accept(people, regs, event, 0, 1)
    for person in (people[0], people[1]):
        client.force_login(person)
        html = client.get(_url(event)).content.decode()
        assert 'id="waiting"' in html and "accepted, waiting for a slot" in html
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    for person in (people[0], people[1]):
        client.force_login(person)
        assert 'id="waiting"' not in client.get(_url(event)).content.decode()


def test_organiser_grid_and_phone_agenda_show_time_and_table(client, fair):
    pytest.importorskip("events.scheduling")
    manager, event, people, regs = fair
    _accept(people, regs, event, 0, 1, suggested_slots=[3])
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    client.force_login(manager)
    html = client.get(_url(event)).content.decode()
    grid = html[html.index('id="organiser-grid"'):]
    grid = grid[:grid.index("</table>")]
    # Slot 3 starts 14:30 + 60 min = 15:30 in Seoul; the first (only) table is "Table 1".
    assert "<td>15:30</td><td>Table 1</td>" in grid
    assert "<td>4</td>" not in grid and "<td>1</td>" not in grid
    client.force_login(people[0])
    html = client.get(_url(event)).content.decode()
    assert 'data-testid="agenda-when">15:30 · Table 1</td>' in html


def test_schedule_message_uses_singular_and_plural(client, fair):
    pytest.importorskip("events.scheduling")
    manager, event, people, regs = fair
    client.force_login(manager)
    _accept(people, regs, event, 0, 1)
    one = client.post(_url(event), {"action": "schedule"})
    assert "1 meeting was added to the agendas." in _messages(one)
    _accept(people, regs, event, 2, 3)
    _accept(people, regs, event, 0, 2)
    two = client.post(_url(event), {"action": "schedule"})
    assert "2 meetings were added to the agendas." in _messages(two)



def test_grid_summary_and_seats_use_singular_forms(client):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, kind="partnering", capacity=1)
    partnering.partnering_configure(user=manager, event_id=event.pk, first_slot_at=event.starts_at,
                                    slot_minutes=20, slots=1, tables=1)
    client.force_login(manager)
    html = " ".join(client.get(_url(event)).content.decode().split())
    assert "1 slot of 20 minutes from" in html and ", 1 table." in html
    detail = " ".join(client.get(reverse("events:detail", args=[event.pk])).content.decode().split())
    assert "1 of 1 seat left" in detail


def test_capacity_refusal_uses_the_singular_for_one_seat():
    from core.errors import Conflict
    from events import services

    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, capacity=5)
    registration.event_register(user=verified_member(), event_id=event.pk)
    registration.event_register(user=verified_member(), event_id=event.pk)
    with pytest.raises(Conflict) as exc:
        services.event_update(user=manager, event_id=event.pk, fields={"capacity": 1})
    assert exc.value.message == "2 people already hold a seat; the capacity cannot be lower."
    other = EventFactory(cluster=cluster, capacity=5)
    registration.event_register(user=verified_member(), event_id=other.pk)
    with pytest.raises(Conflict) as exc:
        services.event_update(user=manager, event_id=other.pk, fields={"capacity": 0})
    assert exc.value.message == "1 person already holds a seat; the capacity cannot be lower."
