"""iCalendar (RFC 5545) text for events, written with the ``icalendar`` library: escaping, line
folding on UTF-8 boundaries and CRLF endings are its job, not hand-written code."""

from collections.abc import Iterable
from datetime import UTC

import icalendar
from django.conf import settings
from django.urls import reverse

from .models import Event, EventStatus

PRODID = "-//ClusterLink//Events//EN"


def _clean(text: str) -> str:
    # A lone CR or a NUL would end a line or break parsers in some calendar programs: the text keeps
    # its line breaks as LF only, which the library writes as an escaped \n.
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


def _vevent(event: Event, *, show_online_link: bool) -> icalendar.Event:
    url = settings.SITE_URL + reverse("events:detail", args=[event.pk])
    description = event.description
    if show_online_link and event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    location = event.venue or (event.online_url if show_online_link else "")
    vevent = icalendar.Event()
    vevent.add("uid", f"event-{event.pk}@clusterlink")
    vevent.add("dtstamp", event.updated_at.astimezone(UTC))
    vevent.add("dtstart", event.starts_at.astimezone(UTC))
    vevent.add("dtend", event.ends_at.astimezone(UTC))
    vevent.add("sequence", event.sequence)
    vevent.add("summary", _clean(event.title))
    vevent.add("description", _clean(description))
    vevent.add("url", url)
    vevent.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    if location:
        vevent.add("location", _clean(location))
    return vevent


def calendar(events: Iterable[tuple[Event, bool]], *, name: str = "ClusterLink") -> str:
    """A VCALENDAR of (event, show_online_link) pairs; CRLF line ends as the RFC asks."""
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # An X- property is written as given (no escaping): a calendar's name is one line, or a title's CR is a 500.
    cal.add("x-wr-calname", " ".join(_clean(str(name)).split("\n")))
    for event, show_link in events:
        cal.add_component(_vevent(event, show_online_link=show_link))
    return cal.to_ical().decode()
