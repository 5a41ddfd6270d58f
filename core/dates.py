"""The platform's calendar day: Seoul's, whatever time zone is active.

Times are stored in UTC and requests show them in Seoul time (``TimezoneMiddleware``), so
``timezone.localdate()`` would be Seoul's day inside a request and UTC's in a task or a shell: between
15:00 and 24:00 UTC the two disagree. Every rule about "today" (a date not in the future, a listing
still open) reads this instead.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def today() -> date:
    """Today in the platform's time zone (``DISPLAY_TIME_ZONE``)."""
    return timezone.localdate(timezone=ZoneInfo(settings.DISPLAY_TIME_ZONE))


def local_date(value) -> date:
    """The platform's calendar day of an aware datetime."""
    return timezone.localdate(value, timezone=ZoneInfo(settings.DISPLAY_TIME_ZONE))
