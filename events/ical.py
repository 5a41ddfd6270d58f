"""iCalendar (RFC 5545) text for events, written by hand: the format is small and stable."""

from collections.abc import Iterable
from datetime import UTC, datetime

from django.conf import settings
from django.urls import reverse

from .models import Event, EventStatus

PRODID = "-//ClusterLink//Events//EN"


def _escape(text: str) -> str:
    # A lone CR ends a line for some calendar programs too: it must not start a new property.
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    raw = line.encode()
    if len(raw) <= 75:
        return line
    parts, chunk = [], b""
    for char in line:
        encoded = char.encode()
        if len(chunk) + len(encoded) > (75 if not parts else 74):
            parts.append(chunk.decode())
            chunk = b""
        chunk += encoded
    parts.append(chunk.decode())
    return "\r\n ".join(parts)


def _utc(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _vevent(event: Event, *, show_online_link: bool) -> list[str]:
    url = settings.SITE_URL + reverse("events:detail", args=[event.pk])
    description = event.description
    if show_online_link and event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    location = event.venue or (event.online_url if show_online_link else "")
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@clusterlink",
        f"DTSTAMP:{_utc(event.updated_at)}",
        f"DTSTART:{_utc(event.starts_at)}",
        f"DTEND:{_utc(event.ends_at)}",
        f"SEQUENCE:{event.sequence}",
        f"SUMMARY:{_escape(event.title)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{url}",
        "STATUS:CANCELLED" if event.status == EventStatus.CANCELLED else "STATUS:CONFIRMED",
    ]
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    lines.append("END:VEVENT")
    return lines


def calendar(events: Iterable[tuple[Event, bool]], *, name: str = "ClusterLink") -> str:
    """A VCALENDAR of (event, show_online_link) pairs; CRLF line ends as the RFC asks."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{_escape(name)}"]
    for event, show_link in events:
        lines.extend(_vevent(event, show_online_link=show_link))
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
