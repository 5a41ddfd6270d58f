import zoneinfo

from django.conf import settings
from django.utils import timezone


class TimezoneMiddleware:
    """Times are stored in UTC and shown in Seoul time."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.tz = zoneinfo.ZoneInfo(settings.DISPLAY_TIME_ZONE)

    def __call__(self, request):
        timezone.activate(self.tz)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
