"""Indicator periods: ``2026-Q3`` (a quarter), ``2026-07`` (a month), ``2026`` (a year) or, by default, the
last 12 months ending today. Boundaries are midnights in the display time zone (Seoul); ``end`` is exclusive."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

_QUARTER = re.compile(r"^([0-9]{4})-Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^([0-9]{4})$")
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class Period:
    """``label`` as given (``2026-Q3``), or ``first-day/last-day`` for the rolling default."""

    label: str
    start: datetime
    end: datetime


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.DISPLAY_TIME_ZONE)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=_zone())


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (day.day, 30, 29, 28):  # 29 February a year on is 28 February
        try:
            return date(year, month, last)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - some day 28..31 always exists


def _checked_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(_("Give a period between %(min)s and %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR})
    return year


def parse_period(text: str | None, *, today: date | None = None) -> Period:
    """The period a text names; None or empty: the 12 months ending ``today`` (default: today in Seoul).

    Raises ValueError with a translated message for anything else.
    """
    text = (text or "").strip()
    if not text:
        today = today or timezone.now().astimezone(_zone()).date()
        first = _add_months(today, -12) + timedelta(days=1)
        return Period(f"{first.isoformat()}/{today.isoformat()}", _midnight(first), _midnight(today + timedelta(days=1)))
    if match := _QUARTER.match(text):
        year, quarter = _checked_year(int(match[1])), int(match[2])
        first = date(year, 3 * quarter - 2, 1)
        return Period(f"{year}-Q{quarter}", _midnight(first), _midnight(_add_months(first, 3)))
    if match := _MONTH.match(text):
        first = date(_checked_year(int(match[1])), int(match[2]), 1)
        return Period(text, _midnight(first), _midnight(_add_months(first, 1)))
    if match := _YEAR.match(text):
        first = date(_checked_year(int(match[1])), 1, 1)
        return Period(text, _midnight(first), _midnight(date(first.year + 1, 1, 1)))
    raise ValueError(_("Give the period as 2026-Q3, 2026-07 or 2026 (or nothing for the last 12 months)."))
