"""The events list is kept per viewer (core.fragments) under a version read each request: every change the
list shows appears on the next view, a kept page costs fewer queries, and nobody sees another viewer's list."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events import registration, selectors, services
from events.models import Event
from taxonomy.models import Facet, FacetKind
from tests.factories import EventFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db

LIST = "/events/"


@pytest.fixture(autouse=True)
def _keep_pages(settings):
    settings.PAGE_CACHE_SECONDS = 60


def _get(client, path=LIST) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_test_cache_is_redis_when_the_run_has_one():
    if django_settings.REDIS_URL:
        assert django_settings.CACHES["default"]["BACKEND"].endswith("RedisCache")


def test_a_second_view_is_kept_costs_fewer_queries_and_is_the_same_page(client):
    EventFactory.create_batch(3)
    client.force_login(verified_member())
    first, first_queries = _get(client)
    again, again_queries = _get(client)
    assert again_queries < first_queries
    strip = lambda html: html.split('name="csrfmiddlewaretoken"')[0]  # noqa: E731 - tokens differ per response
    assert strip(first) == strip(again) and first.count('class="list-group-item list-group-item-action') == 3


def test_the_uncached_list_reads_a_constant_number_of_queries(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(verified_member())
    EventFactory.create_batch(2)
    _html, few = _get(client)
    for _ in range(3):
        event = EventFactory()
        event.topics.set(Facet.objects.exclude(kind=FacetKind.STAGE)[:3])
    html, more = _get(client)
    assert more == few and html.count("badge rounded-pill") >= 9


def _manager_with_event(**kw):
    manager, cluster = cluster_manager()
    return manager, EventFactory(cluster=cluster, **kw)


def test_an_edit_shows_at_once(client):
    manager, event = _manager_with_event(title_en="Oncology breakfast")
    client.force_login(verified_member())
    assert "Oncology breakfast" in _get(client)[0]
    services.event_update(user=manager, event_id=event.pk, fields={"title_en": "Gene therapy breakfast"})
    html = _get(client)[0]
    assert "Gene therapy breakfast" in html and "Oncology breakfast" not in html


def test_publishing_a_draft_and_cancelling_show_at_once(client):
    manager, event = _manager_with_event(title_en="Quiet draft", status="draft")
    client.force_login(verified_member())
    assert "Quiet draft" not in _get(client)[0]
    services.event_publish(user=manager, event_id=event.pk)
    html = _get(client)[0]
    assert "Quiet draft" in html and ">Cancelled</span>" not in html
    services.event_cancel(user=manager, event_id=event.pk, reason="Rain")
    assert ">Cancelled</span>" in _get(client)[0]


def test_a_deleted_event_leaves_at_once(client):
    EventFactory(title_en="Staying on")
    gone = EventFactory(title_en="Going away")
    client.force_login(verified_member())
    assert "Going away" in _get(client)[0]
    Event.objects.filter(pk=gone.pk).delete()
    html = _get(client)[0]
    assert "Going away" not in html and "Staying on" in html and "1 event" in html


def test_seats_left_follow_registrations_and_cancellations(client):
    """The seat counter moves by UPDATE (no auto_now): it sets updated_at so the kept list sees it."""
    event = EventFactory(capacity=2)
    viewer = verified_member()
    client.force_login(viewer)
    assert "2 of 2 seats left" in _get(client)[0]
    first = registration.event_register(user=verified_member(), event_id=event.pk)
    assert "1 of 2 seats left" in _get(client)[0]
    registration.event_register(user=verified_member(), event_id=event.pk)
    html = _get(client)[0]
    assert "0 of 2 seats left" in html and "Full: waiting list" in html
    registration.registration_cancel(user=first.user, registration_id=first.pk)
    html = _get(client)[0]
    assert "1 of 2 seats left" in html and "Full: waiting list" not in html


def test_seat_updates_move_updated_at():
    event = EventFactory(capacity=3)
    before = Event.objects.get(pk=event.pk).updated_at
    assert registration._take_seat(event.pk)
    taken = Event.objects.get(pk=event.pk).updated_at
    registration._release_seat(event.pk)
    assert before < taken < Event.objects.get(pk=event.pk).updated_at


def test_topic_cluster_name_and_taxonomy_label_changes_show_at_once(client):
    manager, event = _manager_with_event()
    a, b = Facet.objects.exclude(kind=FacetKind.STAGE).filter(is_active=True).order_by("id")[:2]
    services.event_update(user=manager, event_id=event.pk, fields={}, topics=[a])
    client.force_login(verified_member())
    assert f">{a.label_en}</span>" in _get(client)[0]
    services.event_update(user=manager, event_id=event.pk, fields={}, topics=[b])  # same number of links
    html = _get(client)[0]
    assert f"me-1\">{b.label_en}</span>" in html and f"me-1\">{a.label_en}</span>" not in html
    b.label_en = "Renamed technology"
    b.save()
    assert "me-1\">Renamed technology</span>" in _get(client)[0]
    event.cluster.name_en = "Renamed Valley"
    event.cluster.save()
    assert "Renamed Valley" in _get(client)[0]


def test_an_event_that_ends_changes_the_version():
    event = EventFactory()
    user = verified_member()
    before = selectors.event_list_version(user=user, now=event.ends_at - timedelta(minutes=1))
    after = selectors.event_list_version(user=user, now=event.ends_at + timedelta(minutes=1))
    assert before != after


def test_another_viewer_never_gets_the_first_viewers_list(client):
    manager, _event = _manager_with_event(title_en="Managers only draft", status="draft")
    client.force_login(manager)
    html = _get(client)[0]
    assert "Managers only draft" in html and reverse("events:create") in html
    other = Client()
    other.force_login(verified_member())
    html = _get(other)[0]
    assert "Managers only draft" not in html and reverse("events:create") not in html
    anonymous = _get(Client())[0]
    assert "Managers only draft" not in anonymous and reverse("events:mine") not in anonymous


def test_becoming_a_manager_shows_the_drafts_at_once(client):
    _manager, event = _manager_with_event(title_en="Draft for the new manager", status="draft")
    user = verified_member()
    client.force_login(user)
    assert "Draft for the new manager" not in _get(client)[0]
    event.cluster.managers.add(user)
    client.force_login(user)  # a new request reads the user's managed clusters afresh
    assert "Draft for the new manager" in _get(client)[0]


def test_filters_pages_and_the_month_view_are_kept_apart(client):
    for n in range(23):
        EventFactory(title_en=f"Numbered {n:02d}", starts_at=timezone.now() + timedelta(days=3, hours=n))
    client.force_login(verified_member())
    first, second = _get(client)[0], _get(client, LIST + "?page=2")[0]
    assert "Numbered 00" in first and "Numbered 00" not in second and "Numbered 22" in second
    assert "1 / 2" in first and "2 / 2" in second
    assert "2 / 2" in _get(client, LIST + "?page=99")[0]  # past the end: the last page, as Paginator.get_page
    assert "1 / 2" in _get(client, LIST + "?page=abc")[0]
    month = client.get(LIST + "?view=month")
    assert month.status_code == 200 and "cl-calendar" in month.content.decode()
    assert "cl-calendar" in _get(client, LIST + "?view=month")[0]  # kept: still the month page
    assert "cl-calendar" not in _get(client)[0]


def test_a_post_from_a_page_served_from_the_cache_passes_the_csrf_check():
    EventFactory()
    user = verified_member()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(LIST)
    html = client.get(LIST).content.decode()  # kept
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post(reverse("events:feed_reset"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_kept_rows_escape_markup_and_show_draft_seats_and_times(client):
    manager, event = _manager_with_event(title_en='<b>"Oncology" & friends</b>', title_ko="", venue="C&V <hall>",
                                         online_url="https://meet.example.kr/room", status="draft", capacity=1)
    Event.objects.filter(pk=event.pk).update(seats_taken=1)
    client.force_login(manager)
    html = _get(client)[0]
    assert f'href="/events/{event.pk}/"' in html
    assert '<h2 class="h5 mb-1">&lt;b&gt;&quot;Oncology&quot; &amp; friends&lt;/b&gt;</h2>' in html
    assert " · C&amp;V &lt;hall&gt; · Online</div>" in html
    assert '<span class="badge text-bg-secondary">Draft</span>' in html
    assert "Full: waiting list" not in html  # only a published event is shown as full
    assert "0 of 1 seat left" in html and "19:00</time>" in html
