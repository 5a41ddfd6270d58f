"""The door: check-in (and "held") only from shortly before the start, typed codes normalised,
and a searchable walk-in organisation picker."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from core.errors import Conflict
from events import checkin, partnering, registration
from events.models import Meeting, Registration
from tests.factories import EventFactory, OrganizationFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db


def _event(minutes_ahead: int, **kw):
    manager, cluster = cluster_manager()
    start = timezone.now() + timedelta(minutes=minutes_ahead)
    return manager, EventFactory(cluster=cluster, capacity=None, starts_at=start, **kw)


def _register(event):
    return registration.event_register(user=verified_member(), event_id=event.pk)


def test_checkin_is_refused_before_the_door_opens_with_the_time(settings):
    settings.EVENT_CHECKIN_OPENS_MINUTES = 120
    manager, event = _event(180)
    reg = _register(event)
    opens = timezone.localtime(event.starts_at - timedelta(minutes=120), timezone.get_fixed_timezone(9 * 60))
    with pytest.raises(Conflict) as exc:
        checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=reg.pk)
    assert exc.value.message == (
        f"Check-in opens 120 minutes before the event starts, at {opens:%Y-%m-%d %H:%M} (Korea time).")
    with pytest.raises(Conflict):
        checkin.checkin_by_code(user=manager, event_id=event.pk, code=reg.code)
    with pytest.raises(Conflict):
        checkin.walk_in_add(user=manager, event_id=event.pk, name="Kim")
    reg.refresh_from_db()
    assert reg.checked_in_at is None and not Registration.objects.filter(walk_in=True).exists()


def test_checkin_is_accepted_inside_the_window_and_after_the_start(settings):
    settings.EVENT_CHECKIN_OPENS_MINUTES = 120
    manager, event = _event(110)
    reg = _register(event)
    checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=reg.pk)
    reg.refresh_from_db()
    assert reg.checked_in_at is not None
    settings.EVENT_CHECKIN_OPENS_MINUTES = 100  # now 110 minutes ahead: closed again
    with pytest.raises(Conflict):
        checkin.walk_in_add(user=manager, event_id=event.pk, name="Lee")


def test_singular_minute_in_the_message(settings):
    settings.EVENT_CHECKIN_OPENS_MINUTES = 1
    manager, event = _event(60)
    with pytest.raises(Conflict) as exc:
        checkin.walk_in_add(user=manager, event_id=event.pk, name="Park")
    assert exc.value.message.startswith("Check-in opens 1 minute before the event starts")


def test_desk_page_shows_the_refusal_as_a_message(client, settings):
    settings.EVENT_CHECKIN_OPENS_MINUTES = 30
    manager, event = _event(24 * 60)
    reg = _register(event)
    client.force_login(manager)
    response = client.post(reverse("events:checkin", args=[event.pk]), {"code": reg.code})
    assert any(str(m).startswith("Check-in opens 30 minutes") for m in get_messages(response.wsgi_request))


def test_held_is_refused_before_the_window_but_no_show_is_not(settings):
    pytest.importorskip("events.scheduling")
    settings.EVENT_CHECKIN_OPENS_MINUTES = 120
    manager, event = _event(3 * 24 * 60, kind="partnering")
    people = [verified_member(OrganizationFactory()) for _ in range(2)]
    regs = [registration.event_register(user=p, event_id=event.pk) for p in people]
    partnering.partnering_configure(user=manager, event_id=event.pk, first_slot_at=event.starts_at,
                                    slot_minutes=20, slots=2, tables=1)
    req = partnering.meeting_request_create(user=people[0], event_id=event.pk, recipient_id=regs[1].pk)
    partnering.meeting_request_decide(user=people[1], request_id=req.pk, accept=True)
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    meeting = Meeting.objects.get()
    with pytest.raises(Conflict) as exc:
        partnering.meeting_outcome_record(user=people[0], meeting_id=meeting.pk, outcome="held")
    assert exc.value.message.startswith("A meeting can be recorded as held from 120 minutes before")
    partnering.meeting_outcome_record(user=manager, meeting_id=meeting.pk, outcome="no_show")
    meeting.refresh_from_db()
    assert meeting.outcome == "no_show"
    settings.EVENT_CHECKIN_OPENS_MINUTES = 4 * 24 * 60
    partnering.meeting_outcome_record(user=people[0], meeting_id=meeting.pk, outcome="held")
    meeting.refresh_from_db()
    assert meeting.outcome == "held"


@pytest.mark.parametrize("typed", ["ewew bqfxrc", "EWEW BQFXRC", " ewewbqfxrc\t", "EW EW\nBQ FX RC"])
def test_typed_codes_with_spaces_or_lower_case_match(typed):
    manager, event = _event(30)
    reg = _register(event)
    Registration.objects.filter(pk=reg.pk).update(nonce="EWEWBQFXRC")
    checkin.checkin_by_code(user=manager, event_id=event.pk, code=typed)
    reg.refresh_from_db()
    assert reg.checked_in_at is not None


def test_normalise_code():
    assert checkin.normalise_code(" ewew\u3000bqfxrc \n") == "EWEWBQFXRC"


def _org_options(html: str) -> str:
    start = html.index('id="walkin-org-select"')
    return html[start:html.index("</select>", start)]


def test_walk_in_picker_is_searched_on_the_server_in_korean_and_english(client):
    manager, event = _event(30)
    OrganizationFactory(name_en="Osong Bio Labs", name_ko="오송바이오랩")
    OrganizationFactory(name_en="Daegu Medtech", name_ko="대구메드텍")
    for i in range(5):
        OrganizationFactory(name_en=f"Filler {i}", name_ko=f"채움 {i}")
    client.force_login(manager)
    url = reverse("events:checkin", args=[event.pk])
    everything = _org_options(client.get(url).content.decode())
    assert "Osong Bio Labs" in everything and "Filler 4" in everything
    english = _org_options(client.get(url, {"org_q": "osong"}).content.decode())
    assert "Osong Bio Labs" in english and "Daegu Medtech" not in english and "Filler" not in english
    korean = _org_options(client.get(url, {"org_q": "메드"}).content.decode())
    assert "Daegu Medtech" in korean and "Osong Bio Labs" not in korean
    page = client.get(url).content.decode()
    # The search box drives htmx (no inline script), and the picker is the swap target.
    assert f'hx-get="{url}"' in page and 'hx-select="#walkin-org-select"' in page
    assert "<script>" not in page and "onclick" not in page


def test_walk_in_with_an_organisation_found_by_search(client):
    manager, event = _event(30)
    org = OrganizationFactory(name_en="Osong Bio Labs", name_ko="오송바이오랩")
    client.force_login(manager)
    url = reverse("events:checkin", args=[event.pk])
    client.post(url + "?org_q=오송", {"walk_in": "1", "name": "홍길동", "organization": org.pk})
    walk = Registration.objects.get(walk_in=True)
    assert walk.organization == org and walk.checked_in_at is not None


def test_desk_page_says_when_check_in_opens(client, settings):
    settings.EVENT_CHECKIN_OPENS_MINUTES = 120
    manager, event = _event(24 * 60)
    client.force_login(manager)
    url = reverse("events:checkin", args=[event.pk])
    opens = timezone.localtime(event.starts_at - timedelta(minutes=120), timezone.get_fixed_timezone(9 * 60))
    html = " ".join(client.get(url).content.decode().split())
    assert f"Check-in opens at {opens:%Y-%m-%d %H:%M} (Korea time)" in html
    settings.EVENT_CHECKIN_OPENS_MINUTES = 2 * 24 * 60
    assert 'id="door-closed"' not in client.get(url).content.decode()
