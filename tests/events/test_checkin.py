"""Signed QR codes, the check-in desk and the co-attendance linkages it writes."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.utils import timezone

from clusters.models import Linkage
from core.errors import Conflict, DomainError, NotAllowed
from events import checkin, qr, registration
from events.models import Event
from tests.factories import EventFactory, OrganizationFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    manager, cluster = cluster_manager()
    # Starting within the hour: check-in opens EVENT_CHECKIN_OPENS_MINUTES before the start.
    return manager, EventFactory(cluster=cluster, capacity=50, starts_at=timezone.now() + timedelta(hours=1))


def registered(event, org=None):
    return registration.event_register(user=verified_member(org), event_id=event.pk)


def edges(event) -> dict[tuple[int, int], float]:
    ct = ContentType.objects.get_for_model(Event)
    return {
        (e.org_a_id, e.org_b_id): round(e.weight, 6)
        for e in Linkage.objects.filter(kind="co_attendance", source_type=ct, source_id=event.pk)
    }


def test_qr_token_checks_in_once(desk):
    manager, event = desk
    reg = registered(event)
    token = qr.checkin_token(reg)
    checkin.checkin_by_code(user=manager, event_id=event.pk, code=token)
    reg.refresh_from_db()
    assert reg.checked_in_at is not None and reg.checked_in_by == manager
    with pytest.raises(Conflict):
        checkin.checkin_by_code(user=manager, event_id=event.pk, code=token)


def test_typed_short_code_checks_in(desk):
    manager, event = desk
    reg = registered(event)
    checkin.checkin_by_code(user=manager, event_id=event.pk, code=f"  {reg.code.lower()} ")
    reg.refresh_from_db()
    assert reg.checked_in_at is not None


def test_forged_qr_token_is_refused(desk):
    manager, event = desk
    reg = registered(event)
    payload = {"e": event.pk, "r": reg.pk, "n": reg.nonce}
    forged = signing.dumps(payload, salt=qr.SALT, key="not-our-secret-key-1234567890123456789012345")
    tampered = qr.checkin_token(reg)[:-2] + "xx"
    other_salt = signing.dumps({"e": event.pk, "r": reg.pk, "n": reg.nonce}, salt="accounts.email-verification")
    for code in (forged, tampered, other_salt, "abc:def"):
        with pytest.raises(DomainError, match="not valid"):
            checkin.checkin_by_code(user=manager, event_id=event.pk, code=code)
    reg.refresh_from_db()
    assert reg.checked_in_at is None


def test_qr_token_of_another_event_is_refused(desk):
    manager, event = desk
    other = EventFactory(cluster=event.cluster)
    reg_other = registered(other)
    with pytest.raises(DomainError, match="another event"):
        checkin.checkin_by_code(user=manager, event_id=event.pk, code=qr.checkin_token(reg_other))
    with pytest.raises(DomainError):
        checkin.checkin_by_code(user=manager, event_id=event.pk, code=reg_other.code)


def test_only_organisers_check_in(desk):
    _manager, event = desk
    reg = registered(event)
    for outsider in (verified_member(), cluster_manager()[0]):
        with pytest.raises(NotAllowed):
            checkin.checkin_by_code(user=outsider, event_id=event.pk, code=reg.code)


def test_waitlisted_person_cannot_be_checked_in():
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, capacity=1)
    registered(event)
    waiting = registered(event)
    with pytest.raises(Conflict):
        checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=waiting.pk)


def test_co_attendance_weights_follow_arrivals_and_undo(desk):
    manager, event = desk
    a, b, c = OrganizationFactory(), OrganizationFactory(), OrganizationFactory()
    ra, ra2, rb, rc = registered(event, a), registered(event, a), registered(event, b), registered(event, c)
    checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=ra.pk)
    assert edges(event) == {}  # alone in the room
    checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=rb.pk)
    assert edges(event) == {tuple(sorted((a.pk, b.pk))): 1.0}
    checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=ra2.pk)
    assert len(edges(event)) == 1  # a colleague of A adds no pair and no second edge
    checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=rc.pk)
    assert edges(event) == {tuple(sorted(p)): 0.5 for p in ((a.pk, b.pk), (a.pk, c.pk), (b.pk, c.pk))}
    # Undoing C removes C's pairs and restores the weight of the rest.
    checkin.checkin_undo(user=manager, event_id=event.pk, registration_id=rc.pk)
    assert edges(event) == {tuple(sorted((a.pk, b.pk))): 1.0}
    # One of A's two people leaving changes nothing; the second one removes A.
    checkin.checkin_undo(user=manager, event_id=event.pk, registration_id=ra.pk)
    assert len(edges(event)) == 1
    checkin.checkin_undo(user=manager, event_id=event.pk, registration_id=ra2.pk)
    assert edges(event) == {}
    assert checkin.recompute_co_attendance(event) == 0


def test_walk_in_is_checked_in_and_counted(desk):
    manager, event = desk
    org_a, org_b = OrganizationFactory(), OrganizationFactory()
    reg = registered(event, org_a)
    checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=reg.pk)
    walk = checkin.walk_in_add(user=manager, event_id=event.pk, name="홍길동", organization=org_b)
    assert walk.walk_in and walk.checked_in_at is not None
    assert list(edges(event).values()) == [1.0]
    event.refresh_from_db()
    assert event.seats_taken == 1  # walk-ins do not take registered seats


def test_cancelling_a_walk_in_frees_no_registered_seat(desk):
    manager, event = desk
    registered(event)
    walk = checkin.walk_in_add(user=manager, event_id=event.pk, name="Walk In")
    registration.registration_cancel(user=manager, registration_id=walk.pk)
    event.refresh_from_db()
    assert event.seats_taken == 1
