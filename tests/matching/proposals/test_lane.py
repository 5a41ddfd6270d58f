"""The newcomer lane on the product side: besides a need's N proposals, up to two organisations without
a known partner (placed by the engine's lane) are proposed on their capabilities alone and shown so."""

import pytest
from django.test import override_settings
from django.urls import reverse

from matching.models import Match, MatchStatus
from matching.proposals import services as proposals

from .test_stable_rounds import build_world, ranked

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_world()


def lane(world, i: int, score: float) -> proposals.Ranked:
    r = ranked(world, (i, score))[0]
    r.explanation = {**r.explanation, "new_to_network": True}
    return r


@override_settings(MATCH_PROPOSALS_PER_NEED=2, MATCH_EXPOSURE_CAP=0)
def test_lane_entries_are_proposed_besides_the_n_and_survive_the_cap(world):
    need, h = world["need"], world["hospitals"]
    results = {need.pk: [*ranked(world, (0, 1.0), (1, 0.9), (2, 0.8)), lane(world, 3, 0.2)]}
    capped = proposals.cap_round(results)
    assert [r.org_id for r in capped[need.pk]] == [h[0].pk, h[1].pk, h[3].pk]  # 2 main, then the lane

    proposals.save_proposals(capped)
    live = Match.objects.filter(need=need, status=MatchStatus.PROPOSED)
    assert set(live.values_list("counterpart_id", flat=True)) == {h[0].pk, h[1].pk, h[3].pk}
    assert live.get(counterpart=h[3]).explanation["new_to_network"] is True


@override_settings(MATCH_PROPOSALS_PER_NEED=2, MATCH_EXPOSURE_CAP=0)
def test_the_firm_sees_the_newcomer_marked_as_new_to_the_network(world, client):
    need = world["need"]
    proposals.save_proposals({need.pk: [*ranked(world, (0, 1.0)), lane(world, 3, 0.2)]})
    client.force_login(world["user"])
    page = client.get(reverse("listings:proposals")).content.decode()
    card = page.split("Hospital 3")[1].split("</article>")[0]
    assert "New to the network" in card and "proposed on its capabilities alone" in card
    assert "New to the network" not in page.split("Hospital 0")[1].split("</article>")[0]


def test_to_ranked_keeps_at_most_two_lane_entries_besides_the_depth():
    class Cand:
        def __init__(self, org_id, score, new=False):
            self.org_id, self.score, self.parts = org_id, score, {}
            self.explanation = {"terms": [{"en": "oncology"}], **({"new_to_network": True} if new else {})}
            self.supporting_listing_ids = []

    cands = [Cand(1, 1.0), Cand(2, 0.9), Cand(3, 0.8), Cand(10, 0.3, True), Cand(11, 0.2, True), Cand(12, 0.1, True)]
    with override_settings(MATCH_MIN_SCORE=0.0):
        out = proposals._to_ranked(cands, set(), 2)
    assert [r.org_id for r in out] == [1, 2, 10, 11]
