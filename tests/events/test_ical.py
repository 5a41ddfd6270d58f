"""Calendar files (events/ical.py, written with the icalendar library) read back as they were meant:
hostile text stays inside its property, lines fold within 75 octets on character boundaries, times are UTC."""

from datetime import UTC

import icalendar
import pytest

from events import ical
from events.models import EventStatus
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

HOSTILE = "임상 설명회,\r\nBEGIN:VEVENT;X=1\rEND:VCALENDAR\\ " + "가나다라마바사아자차카타파하" * 10


def test_hostile_text_stays_inside_its_property_and_reads_back(settings):
    settings.SITE_URL = "https://clusterlink.example.kr"
    event = EventFactory(title_ko=HOSTILE, title_en=HOSTILE, description_ko=HOSTILE, description_en=HOSTILE, venue="Room 1; Hall, B", online_url="https://meet.example.kr/x")
    cancelled = EventFactory(status=EventStatus.CANCELLED)
    text = ical.calendar([(event, True), (cancelled, False)], name="내 행사, ClusterLink")

    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")  # CRLF only, no bare LF or CR
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))  # folded (RFC 5545 3.1)
    lines = text.split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 2 and lines.count("END:VCALENDAR") == 1  # none smuggled in by the text

    cal = icalendar.Calendar.from_ical(text)
    first, second = cal.walk("VEVENT")
    expected = HOSTILE.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    assert str(first["SUMMARY"]) == expected
    assert str(first["DESCRIPTION"]) == expected + "\n\nhttps://meet.example.kr/x"
    assert str(first["LOCATION"]) == "Room 1; Hall, B"
    assert first.decoded("DTSTART") == event.starts_at.astimezone(UTC)
    assert str(first["URL"]) == f"https://clusterlink.example.kr/events/{event.pk}/"
    assert str(second["STATUS"]) == "CANCELLED"
    assert str(cal["X-WR-CALNAME"]) == "내 행사, ClusterLink"


def test_the_online_link_is_left_out_unless_shown():
    event = EventFactory(venue="", online_url="https://meet.example.kr/secret-room")
    hidden = icalendar.Calendar.from_ical(ical.calendar([(event, False)])).walk("VEVENT")[0]
    assert "secret-room" not in hidden.to_ical().decode()
    shown = icalendar.Calendar.from_ical(ical.calendar([(event, True)])).walk("VEVENT")[0]
    assert str(shown["LOCATION"]) == "https://meet.example.kr/secret-room"
