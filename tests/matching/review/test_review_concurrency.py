"""Two people acting on one match at once, each on their own database connection (threads), end in
one consistent state: one wins, the other gets a Conflict, and the history has no double steps.
Runs on PostgreSQL (row locks + conditional UPDATE) and on SQLite (the shared-cache test database
serialises writers; a locked-out writer is reported as a Conflict)."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connections

from clusters.models import Linkage
from core.errors import Conflict, NotAllowed
from matching.models import Match, MatchStatus
from matching.review import services as review
from tests.factories import MembershipFactory, UserFactory

from ..review_world import build_world

S = MatchStatus
pytestmark = pytest.mark.django_db(transaction=True)


def race(*calls) -> list[object]:
    """Run the calls at the same moment on separate connections; return each result or exception."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i, fn):
        try:
            barrier.wait(timeout=10)
            results[i] = fn()
        except Exception as exc:  # collected for the assertions
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def test_two_reviewers_approve_and_decline_at_once(db):
    w = build_world()
    colleague = UserFactory()
    MembershipFactory(user=colleague, organization=w.hospital, is_tto=True)
    results = race(lambda: review.match_approve(user=w.tto, match_id=w.match.pk),
                   lambda: review.match_decline(user=colleague, match_id=w.match.pk, category="no_capacity"))
    wins = [r for r in results if isinstance(r, Match)]
    lost = [r for r in results if isinstance(r, Conflict)]
    assert len(wins) == 1 and len(lost) == 1, results
    m = Match.objects.get(pk=w.match.pk)
    events = list(m.events.values_list("from_status", "to_status"))
    if m.status == S.INTRODUCED:
        assert events == [("proposed", "approved"), ("approved", "introduced")] and m.decline_category == ""
    else:
        assert m.status == S.DECLINED and events == [("proposed", "declined")] and m.introduced_at is None


def test_two_reviewers_approving_at_once_introduce_once(db):
    w = build_world()
    colleague = UserFactory()
    MembershipFactory(user=colleague, organization=w.hospital, is_tto=True)
    results = race(lambda: review.match_approve(user=w.tto, match_id=w.match.pk),
                   lambda: review.match_approve(user=colleague, match_id=w.match.pk))
    assert sorted(type(r).__name__ for r in results) == ["Conflict", "Match"], results
    m = Match.objects.get(pk=w.match.pk)
    assert m.status == S.INTRODUCED and m.events.filter(to_status="introduced").count() == 1


def test_both_sides_accepting_at_once_connect_once_with_one_edge(db):
    w = build_world()
    review.match_approve(user=w.tto, match_id=w.match.pk)
    results = race(lambda: review.match_accept(user=w.startup, match_id=w.match.pk),
                   lambda: review.match_accept(user=w.tto, match_id=w.match.pk))
    assert not [r for r in results if isinstance(r, NotAllowed)], results
    m = Match.objects.get(pk=w.match.pk)
    if any(isinstance(r, Conflict) for r in results):  # the loser may retry: its answer is still needed
        loser = w.startup if m.need_side_accepted_at is None else w.tto
        review.match_accept(user=loser, match_id=m.pk)
        m.refresh_from_db()
    assert m.status == S.CONNECTED and m.need_side_accepted_at and m.counterpart_accepted_at
    assert m.events.filter(to_status="connected").count() == 1
    ct = ContentType.objects.get_for_model(Match)
    assert Linkage.objects.filter(source_type=ct, source_id=m.pk, kind="introduction").count() == 1
