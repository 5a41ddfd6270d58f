"""The range of dates an event may use, and checks that keep every date inside it.

Fixed calendar years rather than a window around today: a valid event stays valid however old it
gets, and tests do not drift with the clock. 2000–2100 covers any real event (past ones for the
indicators included) and keeps every derived time — Seoul time, a copy a week later, the last
slot of the largest meeting grid — far from the limits of Python (years 1–9999) and of
PostgreSQL's time-zone arithmetic, where the 500s came from.
"""

from datetime import UTC, datetime, timedelta
from functools import reduce
from operator import or_
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext

MIN_YEAR, MAX_YEAR = 2000, 2100
EARLIEST = datetime(MIN_YEAR, 1, 1, tzinfo=UTC)
LATEST = datetime(MAX_YEAR + 1, 1, 1, tzinfo=UTC)  # exclusive
# PostgreSQL refuses UTC offsets of 16 hours or more ("time zone displacement out of range").
MAX_OFFSET = timedelta(hours=15, minutes=59)

# The fields of an event a person types in; the rest are set by the application.
EVENT_DATE_FIELDS = ("starts_at", "ends_at", "registration_deadline")


def out_of_range_message() -> str:
    return gettext("Choose a date between %(min)s and %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR}


def in_range(value: datetime) -> bool:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    offset = value.utcoffset()
    if offset is not None and abs(offset) > MAX_OFFSET:
        return False
    # The year as typed (in its own zone) and the stored UTC time must both be in range; the first
    # test also spares converting year 1 or 9999 to UTC, which may overflow.
    return MIN_YEAR <= value.year <= MAX_YEAR and EARLIEST <= value < LATEST


def validate_in_range(value: datetime | None) -> None:
    """Form and serializer validator for every date of an event."""
    if value is None:
        return
    offset = value.utcoffset()
    if offset is not None and abs(offset) > MAX_OFFSET:
        raise ValidationError(gettext("Use a UTC offset between -15:59 and +15:59."), code="bad_offset")
    if not in_range(value):
        raise ValidationError(out_of_range_message(), code="out_of_range")


def shifted(value: datetime, delta: timedelta) -> datetime | None:
    """``value + delta`` when the result is still in range, else None (never an OverflowError)."""
    try:
        result = value + delta
    except OverflowError:
        return None
    return result if in_range(result) else None


def in_range_q(*fields: str) -> Q:
    """Rows whose given date columns are all in range (or empty); compared in SQL, so rows that
    Python could not even load (BC timestamps) are filtered out before they are read."""
    condition = Q()
    for field in fields:
        condition &= Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": EARLIEST, f"{field}__lt": LATEST})
    return condition


def out_of_range_q(*fields: str) -> Q:
    """Rows with at least one of the given date columns set and outside the range."""
    return reduce(or_, (Q(**{f"{field}__lt": EARLIEST}) | Q(**{f"{field}__gte": LATEST}) for field in fields))


def event_in_range_q(prefix: str = "") -> Q:
    return in_range_q(*(prefix + name for name in EVENT_DATE_FIELDS))


def event_out_of_range_q() -> Q:
    return out_of_range_q(*EVENT_DATE_FIELDS)


def display_time(value: datetime, fmt: str = "") -> str:
    """A stored (UTC) time in the display time zone (Seoul), whatever zone is active: for CSV files
    and messages built outside a request. Without ``fmt``: ISO 8601 to the minute, with the offset."""
    local = value.astimezone(ZoneInfo(settings.DISPLAY_TIME_ZONE))
    return local.strftime(fmt) if fmt else local.isoformat(timespec="minutes")
