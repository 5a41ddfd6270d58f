"""Event pages: Seoul time, who sees the online link and the participant list, calendars, the desk."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events import checkin, registration
from events.models import CalendarFeed, Registration
from taxonomy.models import Facet
from tests.factories import ClusterMembershipFactory, EventFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db


def register(user, event, **kw) -> Registration:
    return registration.event_register(user=user, event_id=event.pk, **kw)


def test_a_10_utc_event_shows_19_seoul_time(client):
    start = (timezone.now() + timedelta(days=30)).replace(hour=10, minute=0, second=0, microsecond=0)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    html = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert f"{start:%Y-%m-%d} " in html and "19:00</time> – 21:00" in html
    listing = client.get(reverse("events:list")).content.decode()
    assert "19:00" in listing


def test_month_view_places_an_evening_utc_event_on_the_next_seoul_day(client):
    start = datetime(2031, 3, 14, 16, 0, tzinfo=UTC)  # 01:00 on 15 March in Seoul
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=1))
    response = client.get(reverse("events:list"), {"view": "month", "month": "2031-03"})
    cells = [c for week in response.context["weeks"] for c in week if c["events"]]
    assert [(c["day"].day, [e.pk for e in c["events"]]) for c in cells] == [(15, [event.pk])]


def test_online_link_only_for_registrants(client):
    event = EventFactory(online_url="https://meet.example.kr/secret-room")
    assert "secret-room" not in client.get(reverse("events:detail", args=[event.pk])).content.decode()
    user = verified_member()
    client.force_login(user)
    assert "secret-room" not in client.get(reverse("events:detail", args=[event.pk])).content.decode()
    register(user, event)
    assert "secret-room" in client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "secret-room" in client.get(reverse("events:ics", args=[event.pk])).content.decode()
    client.logout()
    assert "secret-room" not in client.get(reverse("events:ics", args=[event.pk])).content.decode()


def test_participant_list_respects_opt_out_but_organisers_see_everyone(client):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster)
    shy, open_ = verified_member(), verified_member()
    register(shy, event, show_in_participant_list=False)
    register(open_, event)
    client.force_login(open_)
    names = [p.display_name for p in client.get(reverse("events:detail", args=[event.pk])).context["participants"]]
    assert names == [open_.full_name]
    client.force_login(manager)
    names = {p.display_name for p in client.get(reverse("events:detail", args=[event.pk])).context["participants"]}
    assert names == {shy.full_name, open_.full_name}
    client.force_login(verified_member())  # not registered: no list at all
    assert client.get(reverse("events:detail", args=[event.pk])).context["participants"] == []


def test_register_page_flow_and_qr_on_the_event_page(client):
    event = EventFactory()
    user = verified_member()
    client.force_login(user)
    org = user.memberships.get().organization
    response = client.post(reverse("events:register", args=[event.pk]), {"organization": org.pk, "show_in_participant_list": "on"})
    assert response.status_code == 302
    reg = Registration.objects.get(event=event, user=user)
    html = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "<svg" in html and reg.code in html
    client.post(reverse("events:registration_cancel", args=[reg.pk]))
    reg.refresh_from_db()
    assert reg.status == "cancelled"


def test_drafts_are_hidden_from_everyone_but_managers(client):
    manager, cluster = cluster_manager()
    draft = EventFactory(cluster=cluster, status="draft")
    assert client.get(reverse("events:detail", args=[draft.pk])).status_code == 404
    client.force_login(manager)
    assert client.get(reverse("events:detail", args=[draft.pk])).status_code == 200


def test_non_manager_cannot_open_create_or_checkin_pages(client):
    event = EventFactory()
    client.force_login(verified_member())
    assert client.get(reverse("events:create")).status_code == 403
    assert client.get(reverse("events:checkin", args=[event.pk])).status_code == 403
    assert client.post(reverse("events:action", args=[event.pk, "cancel"])).status_code == 403
    assert client.get(reverse("events:attendance_csv", args=[event.pk])).status_code == 403


def test_manager_creates_and_publishes_through_the_pages(client):
    manager, cluster = cluster_manager()
    client.force_login(manager)
    topic = Facet.objects.filter(kind="therapeutic_area").first()
    response = client.post(reverse("events:create"), {
        "cluster": cluster.pk, "kind": "seminar", "title_en": "Digital pathology seminar", "title_ko": "",
        "starts_at": "2031-05-02T19:00", "ends_at": "2031-05-02T21:00", "capacity": "40",
        "followup_to": "attended", "topics": [topic.pk] if topic else [], "questions_text": "*What do you seek?",
    })
    assert response.status_code == 302, response.context["form"].errors
    event = cluster.events.get()
    assert event.starts_at == datetime(2031, 5, 2, 10, 0, tzinfo=UTC)  # typed in Seoul time
    assert event.questions == [{"key": "q1", "label_en": "What do you seek?", "label_ko": "What do you seek?", "required": True}]
    client.post(reverse("events:action", args=[event.pk, "publish"]))
    event.refresh_from_db()
    assert event.status == "published"


def test_personal_feed_lists_registrations_and_reset_revokes_the_old_url(client):
    user = verified_member()
    event = EventFactory(title_en="Bio investor night")
    register(user, event)
    client.force_login(user)
    client.post(reverse("events:feed_reset"))
    old = CalendarFeed.objects.get(user=user).token
    client.logout()
    body = client.get(reverse("events:feed", args=[old])).content.decode()
    assert "BEGIN:VCALENDAR" in body and "SUMMARY:Bio investor night" in body
    client.force_login(user)
    client.post(reverse("events:feed_reset"))
    client.logout()
    assert client.get(reverse("events:feed", args=[old])).status_code == 404
    new = CalendarFeed.objects.get(user=user).token
    assert client.get(reverse("events:feed", args=[new])).status_code == 200


def test_checkin_page_checks_in_by_typed_code_and_exports_csv(client):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, starts_at=timezone.now() + timedelta(hours=1))  # check-in opens shortly before the start
    # An organisation of the manager's cluster: only those people's emails are in the export.
    reg = register(verified_member(ClusterMembershipFactory(cluster=cluster).organization), event, answers={})
    client.force_login(manager)
    client.post(reverse("events:checkin", args=[event.pk]), {"code": reg.code})
    reg.refresh_from_db()
    assert reg.checked_in_at is not None
    page = client.get(reverse("events:checkin", args=[event.pk]))
    assert page.context["arrived"] == 1
    csv = client.get(reverse("events:attendance_csv", args=[event.pk])).content.decode("utf-8-sig")
    assert reg.user.email in csv and csv.splitlines()[0].startswith("registration,name,email")
    client.post(reverse("events:checkin_undo", args=[event.pk, reg.pk]))
    reg.refresh_from_db()
    assert reg.checked_in_at is None


def _count(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("view", ["list", "month"])
def test_list_pages_run_a_constant_number_of_queries(client, view):
    manager, cluster = cluster_manager()
    topics = list(Facet.objects.all()[:2])
    start = datetime(2031, 7, 1, 1, 0, tzinfo=UTC)

    def make(n: int) -> None:
        for i in range(n):
            event = EventFactory(cluster=cluster, starts_at=start + timedelta(hours=i), ends_at=start + timedelta(hours=i + 1))
            event.topics.set(topics)

    client.force_login(manager)
    url = reverse("events:list")
    params = {"view": view, "month": "2031-07"}
    make(3)
    small = _count(client, url, **params)
    make(27)
    assert _count(client, url, **params) == small


def test_my_registrations_page_runs_a_constant_number_of_queries(client):
    user = verified_member()
    client.force_login(user)
    for _ in range(3):
        register(user, EventFactory())
    small = _count(client, reverse("events:mine"))
    for _ in range(27):
        register(user, EventFactory())
    assert _count(client, reverse("events:mine")) == small


def test_checkin_page_runs_a_constant_number_of_queries(client):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, capacity=None, starts_at=timezone.now() + timedelta(hours=1))
    client.force_login(manager)
    for _ in range(3):
        checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=register(verified_member(), event).pk)
    small = _count(client, reverse("events:checkin", args=[event.pk]))
    for _ in range(27):
        checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=register(verified_member(), event).pk)
    assert _count(client, reverse("events:checkin", args=[event.pk])) == small


def test_anonymous_list_hides_drafts(client):
    EventFactory(status="draft", title_en="Secret draft")
    EventFactory(title_en="Open meetup")
    html = client.get(reverse("events:list")).content.decode()
    assert "Open meetup" in html and "Secret draft" not in html
