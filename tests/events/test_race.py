"""The last seat, taken at once by people on separate database connections (threads).

On PostgreSQL (DATABASE_URL set) these are two real server connections in READ COMMITTED; on
SQLite they share the test database and its write lock. Either way the conditional UPDATE of the
seat counter leaves exactly one person registered and the other waitlisted.
"""

import threading
import time

import pytest
from django.db import OperationalError, connection, connections

from events import registration
from events.models import Event, Registration
from tests.factories import EventFactory, verified_member

pytestmark = [pytest.mark.sqlite_pass, pytest.mark.django_db(transaction=True)]


def _race(event_id: int, users: list) -> list[str]:
    barrier = threading.Barrier(len(users))
    results: list[str] = []
    errors: list[BaseException] = []

    def attempt(user) -> None:
        try:
            barrier.wait(timeout=10)
            for _ in range(500):
                try:
                    reg = registration.event_register(user=user, event_id=event_id)
                    results.append(reg.status)
                    return
                except OperationalError:  # SQLite's "database is locked": a client retries
                    if connection.vendor != "sqlite":
                        raise
                    time.sleep(0.005)
            results.append("gave up")
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors, errors
    return results


def test_last_seat_race_ends_with_one_registered_and_one_waitlisted():
    for _round in range(5):
        event = EventFactory(capacity=1)
        users = [verified_member(), verified_member()]
        results = _race(event.pk, users)
        assert sorted(results) == ["registered", "waitlisted"]
        event.refresh_from_db()
        assert event.seats_taken == 1
        assert Registration.objects.filter(event=event, status="registered").count() == 1


def test_many_at_once_never_overbook():
    event = EventFactory(capacity=3)
    results = _race(event.pk, [verified_member() for _ in range(8)])
    assert sorted(results) == ["registered"] * 3 + ["waitlisted"] * 5
    assert Event.objects.get(pk=event.pk).seats_taken == 3


def test_the_same_person_twice_at_once_gets_one_registration():
    event = EventFactory(capacity=5)
    user = verified_member()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt() -> None:
        try:
            barrier.wait(timeout=10)
            for _ in range(500):
                try:
                    registration.event_register(user=user, event_id=event.pk)
                    outcomes.append("ok")
                    return
                except OperationalError:
                    time.sleep(0.005)
            outcomes.append("gave up")
        except Exception as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["Conflict", "ok"]
    assert Event.objects.get(pk=event.pk).seats_taken == 1
