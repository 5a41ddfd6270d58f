"""The admin never shows calendar secrets; feeds die with their accounts."""

import pytest
from django.urls import reverse

from events import registration
from events.models import CalendarFeed
from tests.factories import EventFactory, UserFactory, verified_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_never_shows_a_calendar_feed_token(staff_client):
    feed = CalendarFeed.objects.create(user=UserFactory(), token="s3cret-feed-token-value")
    for url in (reverse("admin:events_calendarfeed_changelist"),
                reverse("admin:events_calendarfeed_change", args=[feed.pk])):
        response = staff_client.get(url)
        assert response.status_code == 200
        assert "s3cret-feed-token-value" not in response.content.decode()


def test_a_deactivated_accounts_calendar_link_stops_working(client):
    user = verified_member()
    registration.event_register(user=user, event_id=EventFactory().pk)
    CalendarFeed.objects.create(user=user, token="feed-of-a-leaver")
    url = reverse("events:feed", args=["feed-of-a-leaver"])
    assert client.get(url).status_code == 200
    user.is_active = False
    user.save()
    assert client.get(url).status_code == 404
