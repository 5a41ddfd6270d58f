"""CSV exports for Korean Excel: a UTF-8 BOM, times in Seoul with the offset, slots and tables
numbered from 1 as the pages show them, and formula escaping kept."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events import checkin, partnering, registration
from events.models import Registration
from tests.factories import EventFactory, OrganizationFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db


def _rows(response) -> list[list[str]]:
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM Korean Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_attendance_csv_has_a_bom_seoul_times_korean_names_and_escaped_formulas(client):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, capacity=None, starts_at=timezone.now() + timedelta(minutes=30))
    user = verified_member(OrganizationFactory(name_en="=Evil", name_ko="한글기관"))
    reg = registration.event_register(user=user, event_id=event.pk)
    # 2026-03-02 01:05 UTC is 10:05 in Seoul.
    Registration.objects.filter(pk=reg.pk).update(created_at=datetime(2026, 3, 2, 1, 5, tzinfo=UTC))
    checkin.walk_in_add(user=manager, event_id=event.pk, name="김철수")
    client.force_login(manager)
    rows = _rows(client.get(reverse("events:attendance_csv", args=[event.pk])))
    by_name = {r[1]: r for r in rows[1:]}
    assert by_name[user.full_name][6] == "2026-03-02T10:05+09:00"
    assert by_name[user.full_name][3] in ("'=Evil", "한글기관")
    walk = by_name["김철수"]
    assert walk[7].endswith("+09:00")
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_agenda_csv_numbers_slots_and_tables_from_one_in_seoul_time(client):
    pytest.importorskip("events.scheduling")
    manager, cluster = cluster_manager()
    start = (timezone.now() + timedelta(days=2)).replace(hour=5, minute=0, second=0, microsecond=0)
    event = EventFactory(cluster=cluster, capacity=None, kind="partnering", starts_at=start)
    people = [verified_member(OrganizationFactory()) for _ in range(2)]
    regs = [registration.event_register(user=p, event_id=event.pk) for p in people]
    partnering.partnering_configure(user=manager, event_id=event.pk, first_slot_at=start, slot_minutes=20,
                                    slots=3, tables=1)
    req = partnering.meeting_request_create(user=people[0], event_id=event.pk, recipient_id=regs[1].pk,
                                            suggested_slots=[0])
    partnering.meeting_request_decide(user=people[1], request_id=req.pk, accept=True)
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    client.force_login(manager)
    rows = _rows(client.get(reverse("events:agenda_csv", args=[event.pk])))
    assert rows[0][:3] == ["slot", "starts_at", "table"]
    # The first slot (0 inside) is "1", at 14:00 in Seoul, at table "1".
    assert rows[1][0] == "1" and rows[1][1] == f"{start:%Y-%m-%d}T14:00+09:00" and rows[1][2] == "1"
