"""Stable rounds: a recompute keeps a live proposal unless a clearly stronger one replaces it, closes
(never deletes) the ones it takes out, says by what, and shows it to the firm and to the managers."""

from dataclasses import dataclass

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from matching.models import CloseReason, Match, MatchEvent, MatchRun, MatchRunStatus, MatchStatus
from matching.proposals import run_steps
from matching.proposals import services as proposals
from matching.proposals.rounds import Replacement, stable_choice
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory, cluster_manager

from .test_proposals import listing

# --- the rule, on plain candidates -----------------------------------------------------------------


@dataclass
class C:
    org_id: int
    score: float


def test_a_live_proposal_stays_when_the_newcomer_is_only_marginally_stronger():
    top = [C(3, 1.20), C(2, 1.05)]  # the round's best two: 2 is new
    pool = [*top, C(1, 1.00)]  # 1 is live and just below the cut
    keep, out = stable_choice(top, pool, {1, 3}, n=2, margin=0.10)
    assert [c.org_id for c in keep] == [3, 1]  # 1.05 is within 10 % of 1.00: the live one stays
    assert out == []


def test_a_live_proposal_gives_way_to_a_clearly_stronger_one_and_says_so():
    top = [C(3, 1.20), C(2, 1.50)]
    keep, out = stable_choice(sorted(top, key=lambda c: -c.score), [*top, C(1, 1.00)], {1, 3}, n=2, margin=0.10)
    assert [c.org_id for c in keep] == [2, 3]
    assert out == [Replacement(org_id=1, new_score=1.00, by=2)]


def test_a_weaker_candidate_pushed_up_by_the_cap_never_replaces_a_stronger_live_one():
    # The exposure cap left the live organisation 1 (score 1.4) out of the top for a weaker newcomer 2.
    top = [C(3, 1.6), C(2, 0.9)]
    keep, out = stable_choice(top, [C(3, 1.6), C(1, 1.4), C(2, 0.9)], {1, 3}, n=2, margin=0.10)
    assert {c.org_id for c in keep} == {1, 3}
    assert out == []


def test_an_edited_need_is_ranked_afresh_and_a_live_proposal_no_longer_found_is_recorded():
    top = [C(2, 1.05), C(4, 1.0)]
    keep, out = stable_choice(top, [*top, C(1, 1.0)], {1, 5}, n=2, margin=0.10, hold=False)
    assert [c.org_id for c in keep] == [2, 4]
    assert {r.org_id: (r.new_score, r.by) for r in out} == {5: (None, 4), 1: (1.0, 2)}


def test_an_empty_round_takes_every_live_proposal_out_with_nothing_in_its_place():
    keep, out = stable_choice([], [], {7}, n=5, margin=0.1)
    assert keep == [] and out == [Replacement(org_id=7, new_score=None, by=None)]


# --- in the database -------------------------------------------------------------------------------


def build_world() -> dict:
    firm = OrganizationFactory(name_en="Alpha Bio", kind="firm")
    user = UserFactory()
    MembershipFactory(user=user, organization=firm, role="admin")
    need = listing(firm, "need", "Phase 1 oncology trial site", "A phase 1 oncology site.")
    hospitals = [OrganizationFactory(name_en=f"Hospital {i}", kind="hospital") for i in range(4)]
    caps = [listing(h, "capability", f"Oncology unit {i}", "Phase 1 oncology unit.") for i, h in enumerate(hospitals)]
    manager, _cluster = cluster_manager()
    return {"firm": firm, "user": user, "need": need, "hospitals": hospitals, "caps": caps, "manager": manager}


@pytest.fixture
def world(db):
    return build_world()


def ranked(world, *pairs) -> list[proposals.Ranked]:
    """Candidates (hospital index, score), each with a shared term as evidence and its capability."""
    return [proposals.Ranked(world["hospitals"][i].pk, score, {"text": score}, {"terms": [{"en": "oncology", "ko": "종양"}]},
                             [world["caps"][i].pk]) for i, score in pairs]


def live(need) -> dict[int, Match]:
    return {m.counterpart_id: m for m in Match.objects.filter(need=need, status=MatchStatus.PROPOSED)}


def _finish(run: MatchRun, need, cands: list[proposals.Ranked]) -> MatchRun:
    """The chord callback of a full recompute, fed one chunk's candidates."""
    MatchRun.objects.filter(pk=run.pk).update(status=MatchRunStatus.RUNNING, chunks_total=1)
    chunk = {"ranked": {str(need.pk): [c.as_dict() for c in cands]}, "model_version": "t", "weights_info": {},
             "fingerprint": "f"}
    return run_steps.finish_run(run_id=run.pk, chunk_results=[chunk])


@override_settings(MATCH_PROPOSALS_PER_NEED=2, MATCH_EXPOSURE_CAP=0, MATCH_KEEP_MARGIN=0.10)
def test_a_recompute_keeps_a_stronger_live_proposal_and_replaces_only_for_a_clearly_stronger_one(world):
    need, h = world["need"], world["hospitals"]
    proposals.save_proposals({need.pk: ranked(world, (0, 1.0), (1, 0.9))})
    assert set(live(need)) == {h[0].pk, h[1].pk}

    # A full recompute: hospital 2 is marginally above hospital 1 (0.95 vs 0.9): nothing changes.
    run = _finish(MatchRun.objects.create(created_by=world["manager"]), need, ranked(world, (0, 1.0), (2, 0.95), (1, 0.9)))
    assert run.status == MatchRunStatus.DONE
    assert set(live(need)) == {h[0].pk, h[1].pk}
    assert run.changes == [] and run.counts["removed"] == 0

    # The next recompute: hospital 3 is clearly stronger than hospital 1: hospital 1 is replaced, not deleted.
    run = _finish(MatchRun.objects.create(created_by=world["manager"]), need, ranked(world, (3, 1.3), (0, 1.0), (1, 0.9)))
    assert set(live(need)) == {h[0].pk, h[3].pk}
    gone = Match.objects.get(need=need, counterpart=h[1])
    assert (gone.status, gone.close_reason) == (MatchStatus.CLOSED, CloseReason.REPLACED)
    assert gone.replaced_by.counterpart_id == h[3].pk and gone.replaced_at is not None
    assert MatchEvent.objects.filter(match=gone, action="replace", to_status=MatchStatus.CLOSED).count() == 1
    assert run.counts["removed"] == 1 and run.counts["replaced"] == 1
    assert run.changes == [{"need": need.pk, "removed": h[1].pk, "removed_match": gone.pk, "old_score": 0.9,
                            "new_score": 0.9, "by": h[3].pk, "by_match": gone.replaced_by_id, "by_score": 1.3,
                            "reason": CloseReason.REPLACED}]


@override_settings(MATCH_PROPOSALS_PER_NEED=2, MATCH_EXPOSURE_CAP=1, MATCH_KEEP_MARGIN=0.10)
def test_the_exposure_cap_does_not_swap_a_live_proposal_for_a_weaker_one(world):
    need, h = world["need"], world["hospitals"]
    proposals.save_proposals({need.pk: ranked(world, (0, 1.0), (1, 0.9))})
    other = listing(world["firm"], "need", "Another oncology need", "Oncology.")
    # In this round hospital 1 is already proposed once to the other need, so the cap (1) leaves it out
    # of this need's top two for the weaker hospital 2.
    run = MatchRun.objects.create(created_by=world["manager"])
    MatchRun.objects.filter(pk=run.pk).update(status=MatchRunStatus.RUNNING, chunks_total=1)
    chunk = {"ranked": {str(other.pk): [c.as_dict() for c in ranked(world, (1, 2.0))],
                        str(need.pk): [c.as_dict() for c in ranked(world, (0, 1.0), (1, 0.9), (2, 0.5))]},
             "model_version": "t", "weights_info": {}, "fingerprint": "f"}
    run = run_steps.finish_run(run_id=run.pk, chunk_results=[chunk])
    assert set(live(need)) == {h[0].pk, h[1].pk}  # 0.5 is not "clearly stronger" than 0.9
    assert run.counts["removed"] == 0


@override_settings(MATCH_PROPOSALS_PER_NEED=2, MATCH_EXPOSURE_CAP=0)
def test_a_replaced_pair_may_be_proposed_again_later(world):
    need, h = world["need"], world["hospitals"]
    proposals.save_proposals({need.pk: ranked(world, (0, 1.0), (1, 0.9))})
    proposals.save_proposals({need.pk: ranked(world, (3, 2.0), (0, 1.0))})
    assert Match.objects.get(need=need, counterpart=h[1]).close_reason == CloseReason.REPLACED
    counts = proposals.save_proposals({need.pk: ranked(world, (1, 5.0), (3, 2.0))})
    again = Match.objects.get(need=need, counterpart=h[1])
    assert again.status == MatchStatus.PROPOSED and counts["reopened"] == 1
    assert Match.objects.filter(need=need, counterpart=h[1]).count() == 1  # one row per pair, reused


@override_settings(MATCH_PROPOSALS_PER_NEED=2, MATCH_EXPOSURE_CAP=0)
def test_the_firm_and_the_managers_see_what_a_round_replaced(world, client):
    need = world["need"]
    proposals.save_proposals({need.pk: ranked(world, (0, 1.0), (1, 0.9))})
    _finish(MatchRun.objects.create(created_by=world["manager"]), need, ranked(world, (3, 1.5), (0, 1.0)))

    client.force_login(world["user"])
    page = client.get(reverse("listings:proposals")).content.decode()
    assert 'id="replaced-proposals"' in page
    assert "Hospital 1" in page and "was replaced by" in page and "Hospital 3" in page

    outsider = UserFactory()
    MembershipFactory(user=outsider, organization=OrganizationFactory(kind="firm"), role="admin")
    client.force_login(outsider)
    assert "replaced-proposals" not in client.get(reverse("listings:proposals")).content.decode()

    client.force_login(world["manager"])
    runs_page = client.get(reverse("listings:match_runs")).content.decode()
    assert 'id="run-changes"' in runs_page
    row = runs_page.split('id="run-changes"')[1]
    assert "Phase 1 oncology trial site" in row and "Hospital 1" in row and "Hospital 3" in row and "1.50" in row


def test_replacements_older_than_a_month_are_not_shown(world, client):
    need, h = world["need"], world["hospitals"]
    with override_settings(MATCH_PROPOSALS_PER_NEED=1, MATCH_EXPOSURE_CAP=0):
        proposals.save_proposals({need.pk: ranked(world, (0, 1.0))})
        proposals.save_proposals({need.pk: ranked(world, (3, 2.0))})
    Match.objects.filter(need=need, counterpart=h[0]).update(replaced_at=timezone.now() - timezone.timedelta(days=40))
    client.force_login(world["user"])
    assert "replaced-proposals" not in client.get(reverse("listings:proposals")).content.decode()
