"""A closed (or expired) need has no live proposals: closing withdraws them, approval refuses, and
neither a full recompute nor a listing's re-rank creates or keeps any."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.dates import today as local_today
from core.errors import Conflict, DomainError
from matching.listings import services
from matching.models import (
    CloseReason,
    Listing,
    ListingStatus,
    Match,
    MatchEvent,
    MatchSource,
    MatchStatus,
)
from matching.proposals import dataset, runs, tasks
from matching.proposals import services as proposals
from matching.review import services as review
from tests.factories import OrganizationFactory

from ..review_world import build_world, make_listing

S = MatchStatus
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_model():
    dataset.clear_model_cache()
    yield
    dataset.clear_model_cache()


@pytest.fixture
def w():
    return build_world()


def decided_sibling(w) -> Match:
    """A second proposal of the same need that a reviewer already declined (it must stay as it is)."""
    other = OrganizationFactory(name_en="Declining Hospital", kind="hospital")
    return Match.objects.create(need=w.need, counterpart=other, score=0.4, status=S.DECLINED,
                                decline_category="too_early", decided_at=timezone.now())


def assert_withdrawn(match: Match, actor=None) -> None:
    match.refresh_from_db()
    assert match.status == S.CLOSED and match.close_reason == CloseReason.NEED_CLOSED
    event = MatchEvent.objects.filter(match=match).last()
    assert (event.action, event.from_status, event.to_status) == ("withdraw", S.PROPOSED, S.CLOSED)
    assert event.actor_id == (actor.pk if actor else None)


# --- closing and expiring withdraw ---------------------------------------------------------------------


def test_closing_a_need_withdraws_its_undecided_proposals_only(w):
    declined = decided_sibling(w)
    services.listing_close(user=w.startup, listing=w.need)
    assert_withdrawn(w.match, actor=w.startup)
    declined.refresh_from_db()
    assert declined.status == S.DECLINED and not declined.close_reason


def test_closing_through_the_page_empties_the_reviewers_queue(w, client):
    client.force_login(w.tto)
    assert w.need.title in client.get("/matches/review/").text
    client.force_login(w.startup)
    resp = client.post(f"/listings/{w.need.pk}/close/")
    assert resp.status_code == 302
    assert_withdrawn(w.match, actor=w.startup)
    client.force_login(w.tto)
    assert w.need.title not in client.get("/matches/review/").text


def test_closing_through_the_api_then_approving_is_refused(w, client):
    client.force_login(w.startup)
    assert client.post(f"/api/v1/listings/{w.need.pk}/close/").status_code == 200
    assert_withdrawn(w.match, actor=w.startup)
    client.force_login(w.tto)
    resp = client.post(f"/api/v1/matches/{w.match.pk}/transition/", {"action": "approve"})
    assert resp.status_code == 409
    assert "closed" in resp.json()["detail"]
    w.match.refresh_from_db()
    assert w.match.status == S.CLOSED and not w.match.introduced_at


def test_setting_a_need_to_closed_in_the_edit_form_withdraws_too(w):
    services.listing_update(user=w.startup, listing=w.need, fields={"status": ListingStatus.CLOSED})
    assert_withdrawn(w.match, actor=w.startup)


def test_the_beat_task_withdraws_the_proposals_of_expired_needs(w):
    open_firm = OrganizationFactory(kind="firm")
    live_need = make_listing(open_firm, "need", "Still open", "Oncology phase 1 site needed.")
    live = Match.objects.create(need=live_need, counterpart=w.hospital, score=0.5, explanation={"x": 1})
    Listing.objects.filter(pk=w.need.pk).update(expires_on=local_today() - timedelta(days=1))
    assert tasks.expire_needs.delay().get() == 1
    assert_withdrawn(w.match)
    live.refresh_from_db()
    assert live.status == S.PROPOSED
    assert tasks.expire_needs.delay().get() == 0  # idempotent: nothing left to withdraw


# --- approval refuses a closed or expired need -----------------------------------------------------------


@pytest.mark.parametrize("change", [{"status": ListingStatus.CLOSED},
                                    {"expires_on": local_today() - timedelta(days=2)}])
def test_approving_a_proposal_of_a_closed_or_expired_need_is_refused(w, change):
    # Closed without the service (older data) or expired before the hourly sweep: still PROPOSED.
    Listing.objects.filter(pk=w.need.pk).update(**change)
    with pytest.raises(Conflict, match="closed or past its date"):
        review.match_approve(user=w.tto, match_id=w.match.pk)
    w.match.refresh_from_db()
    assert w.match.status == S.PROPOSED and not MatchEvent.objects.filter(match=w.match).exists()


def test_approving_on_the_page_shows_the_reason(w, client):
    Listing.objects.filter(pk=w.need.pk).update(status=ListingStatus.CLOSED)
    client.force_login(w.tto)
    resp = client.post(f"/matches/{w.match.pk}/transition/", {"action": "approve"}, follow=True)
    assert resp.status_code == 200
    assert "closed or past its date" in resp.text
    w.match.refresh_from_db()
    assert w.match.status == S.PROPOSED


def test_no_introduction_can_be_requested_or_brokered_for_a_closed_need(w):
    Listing.objects.filter(pk=w.need.pk).update(status=ListingStatus.CLOSED)
    other = OrganizationFactory(name_en="Gamma Clinic", kind="firm")
    with pytest.raises(DomainError):
        review.match_request(user=w.startup, need_id=w.need.pk, counterpart_id=other.pk)
    with pytest.raises(DomainError):
        review.match_broker(user=w.manager, need_id=w.need.pk, counterpart_id=other.pk)
    assert not Match.objects.filter(counterpart=other).exists()


# --- recomputes never create or keep proposals of closed needs ------------------------------------------


def test_a_full_recompute_withdraws_and_never_proposes_for_a_closed_need(w):
    first = runs.run_inline(user=w.manager)
    assert first.status == "done"
    assert Match.objects.filter(need=w.need, status=S.PROPOSED).exists()
    Listing.objects.filter(pk=w.need.pk).update(status=ListingStatus.CLOSED)  # bypassing the service
    run = runs.run_inline(user=w.manager)
    assert run.status == "done" and run.counts["withdrawn"] >= 1
    assert not Match.objects.filter(need=w.need, status=S.PROPOSED).exists()
    assert_withdrawn(w.match)


def test_the_swap_writes_nothing_for_a_need_closed_after_it_was_ranked(w):
    ranked = {w.need.pk: [proposals.Ranked(w.hospital.pk, 0.9, {"text": 0.9}, {"shared_facets": ["oncology"]},
                                           [w.capability.pk])]}
    Match.objects.filter(pk=w.match.pk).delete()
    Listing.objects.filter(pk=w.need.pk).update(status=ListingStatus.CLOSED)
    counts = proposals.save_proposals(ranked)
    assert counts["created"] == 0
    assert not Match.objects.filter(need=w.need).exists()


def test_reranking_a_closed_need_withdraws_and_creates_nothing(w):
    Listing.objects.filter(pk=w.need.pk).update(status=ListingStatus.CLOSED)
    assert tasks.rerank_listing.delay(listing_id=w.need.pk).get() == {"withdrawn": 1}
    assert_withdrawn(w.match)
    assert not Match.objects.filter(need=w.need, status=S.PROPOSED).exists()


def test_reopening_a_need_brings_its_withdrawn_proposals_back(w, django_capture_on_commit_callbacks):
    runs.run_inline(user=w.manager)
    with django_capture_on_commit_callbacks(execute=True):
        services.listing_close(user=w.startup, listing=w.need)
    assert not Match.objects.filter(need=w.need, status=S.PROPOSED).exists()
    with django_capture_on_commit_callbacks(execute=True):  # reopening re-ranks the need after commit
        services.listing_update(user=w.startup, listing=Listing.objects.get(pk=w.need.pk),
                                fields={"status": ListingStatus.OPEN})
    w.match.refresh_from_db()
    assert w.match.status == S.PROPOSED and not w.match.close_reason
    assert w.match.source == MatchSource.MODEL
