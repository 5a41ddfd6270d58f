"""The daily refit on the database: decisions in the order they were made, no accepted pair fed back
as a known link, nothing refitted below the minimum, and a real signal adopted (as the managers see)."""

import random
from datetime import UTC, datetime, timedelta

import pytest

from matching import engine
from matching.models import CloseReason, KnownLink, LearnedWeights, Match, MatchStatus, WeightsSource
from matching.proposals import dataset, learning
from matching.review import services as review
from tests.factories import OrganizationFactory

from ..review_world import build_world, make_listing

S = MatchStatus
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_model():
    dataset.clear_model_cache()
    yield
    dataset.clear_model_cache()


def _need(firm, i: int):
    return make_listing(firm, "need", f"Need {i}", "Oncology phase 1 site needed.", visibility="members")


def test_decisions_are_ordered_by_when_they_were_made_not_last_updated():
    firm = OrganizationFactory(kind="firm")
    need = _need(firm, 0)
    orgs = [OrganizationFactory(kind="hospital") for _ in range(6)]

    def decided(org, status, peers, at, **extra):
        return Match.objects.create(need=need, counterpart=org, status=status, score_parts={"peers": peers},
                                    decided_at=at, **extra)

    first = decided(orgs[0], S.DECLINED, 0.1, T0 + timedelta(days=1))
    decided(orgs[1], S.INTRODUCED, 0.2, T0 + timedelta(days=2))
    # approved on day 0, then declined by the firm on day 3: its "no" was said on day 3
    decided(orgs[2], S.CLOSED, 0.3, T0, close_reason=CloseReason.DECLINED_BY_FIRM,
            need_side_declined_at=T0 + timedelta(days=3))
    decided(orgs[3], S.DISMISSED, 0.4, T0 + timedelta(days=2))  # same time as 0.2: after it by pk
    decided(orgs[4], S.DECLINED, 0.5, None)  # no decision time (set by hand): left out, counted
    decided(orgs[5], S.PROPOSED, 0.6, None)  # not decided
    # the first decision is the one touched last (a note, a re-save): it stays the oldest
    Match.objects.filter(pk=first.pk).update(updated_at=T0 + timedelta(days=30))

    assert learning.decision_rows() == [({"peers": 0.1}, 0), ({"peers": 0.2}, 1), ({"peers": 0.4}, 0),
                                        ({"peers": 0.3}, 0)]
    assert learning.decision_counts()["without_decision_time"] == 1


def test_accepted_pairs_are_not_added_as_known_links():
    w = build_world()
    other = OrganizationFactory(kind="hospital")
    KnownLink.objects.create(org_a=w.firm, org_b=other, source="test")  # the one real link
    review.match_approve(user=w.tto, match_id=w.match.pk)
    assert Match.objects.get(pk=w.match.pk).status == S.INTRODUCED

    info = learning.refit_from_decisions()
    assert "positives_added" not in info
    links = dataset.build_dataset().links
    assert info["known_links"] == len(links) == 1  # the engine refit saw the real link only
    assert {frozenset((ln.a, ln.b)) for ln in links} == {frozenset((str(w.firm.pk), str(other.pk)))}
    assert KnownLink.objects.count() == 1


def test_too_few_decisions_refit_nothing_and_the_managers_page_says_why(client, settings):
    settings.MATCH_REFIT_MIN_DECISIONS = 300
    w = build_world()
    review.match_approve(user=w.tto, match_id=w.match.pk)

    info = learning.refit_from_decisions()
    d = info["from_decisions"]
    assert (d["adopted"], d["reason_code"], d["reason"]) == (False, "too_few", "1 decisions, 300 needed")
    assert info["decisions"]["approved_or_later"] == 1 and info["source"] == ""
    assert not LearnedWeights.objects.filter(is_active=True).exists()

    client.force_login(w.manager)
    page = client.get("/matches/manage/").text
    assert "Not refitted from decisions: 1 decisions so far, 300 needed before a refit is tried." in page
    assert "The hand-set weights were kept" in page


def test_a_real_signal_with_enough_decisions_is_adopted_and_shown(client, settings):
    settings.MATCH_REFIT_MIN_DECISIONS = 120
    w = build_world()
    needs = [_need(w.firm, i) for i in range(15)]
    hospitals = [OrganizationFactory(kind="hospital") for _ in range(10)]
    # people decide by the part the hand-set weights count least; the others are noise
    signal = min(engine.DEFAULT_WEIGHTS, key=engine.DEFAULT_WEIGHTS.get)
    rng = random.Random(7)
    rows = []
    for i, (need, org) in enumerate((n, o) for n in needs for o in hospitals):
        yes = rng.random() < 0.4
        parts = {name: rng.random() for name in engine.DEFAULT_WEIGHTS}
        parts[signal] = (0.6 if yes else 0.2) + 0.3 * rng.random()
        rows.append(Match(need=need, counterpart=org, status=S.INTRODUCED if yes else S.DECLINED, score_parts=parts,
                          decided_at=T0 + timedelta(hours=i)))
    Match.objects.bulk_create(rows)

    info = learning.refit_from_decisions()
    d = info["from_decisions"]
    assert (d["adopted"], d["decisions"], d["train"], d["test"]) == (True, 150, 75, 75)
    assert d["gain_interval"][0] > 0 and d["gain"] > learning.MIN_GAIN
    assert info["source"] == WeightsSource.DECISIONS
    row = LearnedWeights.objects.get(is_active=True)
    assert row.source == WeightsSource.DECISIONS and max(row.weights, key=row.weights.get) == signal

    client.force_login(w.manager)
    page = client.get("/matches/manage/").text
    assert "The weights refitted from people's decisions on proposals were adopted." in page
    assert "Learned from 150 decisions: the older 75 to fit new weights, the newest 75 to test them." in page
    assert "Adopted: the refitted weights rank the newest decisions better" in page
