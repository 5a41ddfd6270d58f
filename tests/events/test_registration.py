"""Registration, waiting list, held offers and their expiry; permissions of events."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import OrganizationStatus
from core.errors import Conflict, NotAllowed
from events import registration, services
from events.models import Event, EventStatus, Registration, RegistrationStatus
from events.tasks import expire_event_offers
from tests.factories import (
    EventFactory,
    OrganizationFactory,
    UserFactory,
    cluster_manager,
    verified_member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def register(user, event, **kw) -> Registration:
    return registration.event_register(user=user, event_id=event.pk, **kw)


def test_event_register_takes_a_seat_then_waitlists_when_full(run_on_commit):
    event = EventFactory(capacity=1)
    first, second = verified_member(), verified_member()
    with run_on_commit():
        a = register(first, event)
        b = register(second, event)
    event.refresh_from_db()
    assert (a.status, b.status, event.seats_taken) == ("registered", "waitlisted", 1)
    subjects = [m.subject for m in mail.outbox]
    assert subjects == [f"You are registered: {event.title_en}", f"On the waiting list: {event.title_en}"]
    assert a.code in mail.outbox[0].body and "/events/qr/" in mail.outbox[0].body


def test_event_register_twice_is_a_conflict():
    event, user = EventFactory(), verified_member()
    register(user, event)
    with pytest.raises(Conflict):
        register(user, event)
    assert Registration.objects.filter(event=event).count() == 1
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_event_register_refuses_unverified_organisation_and_anonymous():
    event = EventFactory()
    pending = verified_member(OrganizationFactory(status=OrganizationStatus.PENDING))
    with pytest.raises(NotAllowed):
        register(pending, event)
    with pytest.raises(NotAllowed):
        register(UserFactory(), event)  # no organisation at all
    assert not Registration.objects.exists()


def test_event_register_refuses_drafts_and_closed_registration():
    user = verified_member()
    with pytest.raises(Conflict):
        register(user, EventFactory(status=EventStatus.DRAFT))
    with pytest.raises(Conflict):
        register(user, EventFactory(registration_deadline=timezone.now() - timedelta(hours=1)))


def test_cancellation_offers_the_seat_to_the_first_waiting_and_holds_it(run_on_commit, settings):
    settings.EVENT_OFFER_HOLD_HOURS = 24
    event = EventFactory(capacity=1)
    holder, first_waiting, second_waiting = verified_member(), verified_member(), verified_member()
    seat = register(holder, event)
    w1, w2 = register(first_waiting, event), register(second_waiting, event)
    mail.outbox.clear()
    with run_on_commit():
        registration.registration_cancel(user=holder, registration_id=seat.pk)
    w1.refresh_from_db()
    w2.refresh_from_db()
    event.refresh_from_db()
    assert (w1.status, w2.status, event.seats_taken) == ("offered", "waitlisted", 1)
    assert abs((w1.offer_expires_at - timezone.now()) - timedelta(hours=24)) < timedelta(minutes=1)
    assert [m.to for m in mail.outbox] == [[first_waiting.email]]
    # Nobody can jump the queue while the seat is held.
    assert register(verified_member(), event).status == "waitlisted"
    registration.offer_accept(user=first_waiting, registration_id=w1.pk)
    w1.refresh_from_db()
    assert w1.status == "registered" and w1.offer_expires_at is None


def test_expired_offer_is_released_to_the_next_person_and_then_freed(run_on_commit):
    event = EventFactory(capacity=1)
    holder, waiting = verified_member(), verified_member()
    seat = register(holder, event)
    w = register(waiting, event)
    registration.registration_cancel(user=holder, registration_id=seat.pk)
    w.refresh_from_db()
    assert w.status == "offered"
    Registration.objects.filter(pk=w.pk).update(offer_expires_at=timezone.now() - timedelta(minutes=1))
    with run_on_commit():
        assert expire_event_offers.delay().get() == 1
    w.refresh_from_db()
    event.refresh_from_db()
    assert w.status == "cancelled"
    assert event.seats_taken == 0  # nobody else waited: the seat is free again
    assert expire_event_offers.delay().get() == 0  # idempotent
    with pytest.raises(Conflict):
        registration.offer_accept(user=waiting, registration_id=w.pk)
    assert register(verified_member(), event).status == "registered"


def test_raising_capacity_offers_seats_to_the_waiting_list():
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, capacity=1)
    register(verified_member(), event)
    waiting = [register(verified_member(), event) for _ in range(3)]
    services.event_update(user=manager, event_id=event.pk, fields={"capacity": 3})
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == ["offered", "offered", "waitlisted"]
    event.refresh_from_db()
    assert event.seats_taken == 3
    with pytest.raises(Conflict):
        services.event_update(user=manager, event_id=event.pk, fields={"capacity": 2})


def test_seat_counter_never_exceeds_capacity_even_when_called_directly():
    event = EventFactory(capacity=1)
    assert registration._take_seat(event.pk) is True
    assert registration._take_seat(event.pk) is False
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_only_managers_of_the_cluster_create_and_publish():
    manager, cluster = cluster_manager()
    other_manager, _ = cluster_manager()
    fields = {
        "title_en": "Seoul AI pathology meetup", "starts_at": timezone.now() + timedelta(days=3),
        "ends_at": timezone.now() + timedelta(days=3, hours=2), "capacity": 30,
    }
    for outsider in (verified_member(), other_manager):
        with pytest.raises(NotAllowed):
            services.event_create(user=outsider, cluster=cluster, fields=fields)
    event = services.event_create(user=manager, cluster=cluster, fields=fields)
    assert event.status == "draft"
    with pytest.raises(NotAllowed):
        services.event_publish(user=other_manager, event_id=event.pk)
    with pytest.raises(NotAllowed):
        services.event_cancel(user=verified_member(), event_id=event.pk)
    services.event_publish(user=manager, event_id=event.pk)
    copy = services.event_copy(user=manager, event_id=event.pk)
    assert (copy.status, copy.starts_at - event.starts_at, copy.copied_from_id) == ("draft", timedelta(days=7), event.pk)


def test_changing_time_or_cancelling_emails_registrants_with_a_new_calendar_sequence(run_on_commit):
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster)
    attendee = verified_member()
    register(attendee, event)
    mail.outbox.clear()
    with run_on_commit():
        services.event_update(user=manager, event_id=event.pk, fields={"title_en": "Renamed"})
    assert mail.outbox == []  # a new title is not news
    with run_on_commit():
        services.event_update(user=manager, event_id=event.pk, fields={"starts_at": event.starts_at + timedelta(hours=1)})
    assert [m.subject for m in mail.outbox] == ["Changed: Renamed"]
    assert f"/events/{event.pk}/event.ics" in mail.outbox[0].body
    with run_on_commit():
        services.event_cancel(user=manager, event_id=event.pk, reason="Typhoon warning")
    assert mail.outbox[-1].subject == "Cancelled: Renamed" and "Typhoon warning" in mail.outbox[-1].body
    event.refresh_from_db()
    assert (event.sequence, event.status) == (2, "cancelled")


def test_unique_active_registration_is_a_database_constraint():
    from django.db import IntegrityError, transaction

    event, user = EventFactory(), verified_member()
    Registration.objects.create(event=event, user=user, status=RegistrationStatus.CANCELLED, nonce="A")
    Registration.objects.create(event=event, user=user, status=RegistrationStatus.REGISTERED, nonce="B")
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, user=user, status=RegistrationStatus.WAITLISTED, nonce="C")


def test_overbooking_is_a_database_constraint():
    from django.db import IntegrityError, transaction

    event = EventFactory(capacity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(seats_taken=2)


def test_confirmation_email_attaches_the_calendar_entry_and_the_qr_code(run_on_commit):
    event, user = EventFactory(capacity=5), verified_member()
    with run_on_commit():
        register(user, event)
    [message] = mail.outbox
    attachments = {name: (content, mimetype) for name, content, mimetype in message.attachments}
    ics, ics_type = attachments["event.ics"]
    assert ics_type == "text/calendar"
    assert f"UID:event-{event.pk}@clusterlink" in ics
    assert "STATUS:CONFIRMED" in ics
    png, png_type = attachments["check-in-qr.png"]
    assert png_type == "image/png"
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_cancelling_an_event_mails_an_updated_calendar_entry(run_on_commit):
    event, user = EventFactory(capacity=5), verified_member()
    manager, _cluster = cluster_manager(event.cluster)
    register(user, event)
    mail.outbox.clear()
    with run_on_commit():
        services.event_cancel(user=manager, event_id=event.pk, reason="Venue flooded")
    [message] = [m for m in mail.outbox if m.to == [user.email]]
    [(name, ics, mimetype)] = message.attachments
    assert (name, mimetype) == ("event.ics", "text/calendar")
    assert "STATUS:CANCELLED" in ics
    assert "SEQUENCE:" in ics and "SEQUENCE:0" not in ics
