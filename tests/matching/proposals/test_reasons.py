"""Reasons are true: ordered by what contributed to the score, written from the reader's side, never
resting on what the reader may not see; a candidate with nothing checkable is not proposed."""

import pytest
from django.utils import translation

from matching.models import Match
from matching.proposals.reasons import COUNTERPART, NEED, contributions, facet_labels, reasons_for, top_group
from matching.proposals.services import has_checkable_evidence
from tests.factories import OrganizationFactory

from .test_proposals import listing

pytestmark = pytest.mark.django_db
WEIGHTS = {"text": 0.1, "text_max": 0.05, "embed": 0.1, "facets": 0.03, "peers": 1.0, "copartner": 0.0,
           "popularity": 0.5, "capacity": 0.1, "region": 0.1, "activity": 0.03}
TERMS = [{"en": "oncology", "ko": "종양", "bridged": False}, {"en": "antibody", "ko": "항체", "bridged": True}]
PEERS = ["Gamma Bio (needs like yours) partnered with it", "Delta Pharma (needs like yours) partnered with it"]


def match(*, parts: dict, explanation: dict, phases=("1",), irb_days=14) -> Match:
    firm = OrganizationFactory(name_en="Alpha Bio", kind="firm")
    hospital = OrganizationFactory(name_en="Hanbit Hospital", kind="hospital", trial_phases=list(phases),
                                   irb_days=irb_days, region="seoul")
    need = listing(firm, "need", "Phase 1 oncology site", "We need a phase 1 site for an oncology antibody.")
    cap = listing(hospital, "capability", "Phase 1 unit", "Early-phase unit.")
    exp = {"best_pair": {"need": need.pk, "capability": cap.pk}, **explanation}
    return Match.objects.create(need=need, counterpart=hospital, score=1.0, score_parts=parts, explanation=exp)


def test_reasons_are_ordered_by_what_contributed_most():
    m = match(parts={"peers": 0.9, "text": 0.2, "embed": 0.1, "facets": 0.5, "capacity": 0.3},
              explanation={"terms": TERMS, "shared_facets": ["oncology"], "similar_organisations_partnered": PEERS})
    reasons = reasons_for(m, hidden_ids=set(), facet_labels=facet_labels(), side=NEED, weights=WEIGHTS)
    assert [r.kind for r in reasons] == ["peers", "terms", "capacity", "facets"]
    assert reasons[0].title == "2 organisations with needs like yours partnered with it"
    assert reasons[0].items == ["Gamma Bio", "Delta Pharma"]
    assert top_group(m, WEIGHTS) == "history" == reasons[0].group
    contrib = contributions(m, WEIGHTS)
    assert contrib["history"] == pytest.approx(0.9) and contrib["text"] == pytest.approx(0.03)

    text_first = match(parts={"text": 1.0, "embed": 1.0, "facets": 0.2, "peers": 0.01},
                       explanation={"terms": TERMS, "shared_facets": ["oncology"], "similar_organisations_partnered": PEERS})
    kinds = [r.kind for r in reasons_for(text_first, hidden_ids=set(), facet_labels=facet_labels(), weights=WEIGHTS)]
    assert kinds[0] == "terms" and kinds.index("peers") > kinds.index("terms")


def test_the_hospital_reviewer_reads_each_reason_from_its_own_side():
    m = match(parts={"text": 1.0, "peers": 0.5, "capacity": 0.5},
              explanation={"terms": TERMS, "similar_organisations_partnered": PEERS})
    firm_view = {r.kind: r for r in reasons_for(m, hidden_ids=set(), facet_labels={}, side=NEED, weights=WEIGHTS)}
    tto_view = {r.kind: r for r in reasons_for(m, hidden_ids=set(), facet_labels={}, side=COUNTERPART, weights=WEIGHTS)}
    manager_view = {r.kind: r for r in reasons_for(m, hidden_ids=set(), facet_labels={}, side="", weights=WEIGHTS)}
    assert firm_view["terms"].title == "Shared terms in your need and their capability"
    assert tto_view["terms"].title == "Shared terms in their need and your capability"
    assert manager_view["terms"].title == "Shared terms in the need and the capability"
    assert tto_view["peers"].title == "2 organisations with needs like theirs partnered with you"
    assert "Runs phase 1 trials (you asked for phase 1)" in firm_view["capacity"].items
    assert "You run phase 1 trials (they asked for phase 1)" in tto_view["capacity"].items
    assert not any("you asked" in item for r in tto_view.values() for item in r.items)


def test_korean_reasons_are_translated_from_the_readers_side():
    m = match(parts={"text": 1.0, "peers": 0.5}, explanation={"terms": TERMS, "similar_organisations_partnered": PEERS})
    with translation.override("ko"):
        reasons = reasons_for(m, hidden_ids=set(), facet_labels={}, side=COUNTERPART, weights=WEIGHTS)
    text = " ".join(r.title for r in reasons)
    assert "needs like" not in text and "Shared terms" not in text
    assert any("\uac00" <= ch <= "\ud7a3" for ch in text)


def test_no_needs_like_yours_without_a_peer_signal_and_no_history_reason_for_an_empty_part():
    m = match(parts={"text": 1.0, "peers": 0.0, "popularity": 0.0},
              explanation={"terms": TERMS, "similar_organisations_partnered": PEERS,
                           "known_partnerships": "Hanbit Hospital has 12 known partnership(s) on record"})
    kinds = {r.kind for r in reasons_for(m, hidden_ids=set(), facet_labels={}, weights=WEIGHTS)}
    assert "peers" not in kinds and "popularity" not in kinds

    popular = match(parts={"text": 0.1, "popularity": 0.8},
                    explanation={"terms": TERMS, "known_partnerships": "Hanbit Hospital has 12 known partnership(s) on record"})
    first = reasons_for(popular, hidden_ids=set(), facet_labels={}, weights=WEIGHTS)[0]
    assert (first.kind, first.items) == ("popularity", ["It has 12 partnerships on record"])


def test_a_confidential_best_capability_is_explained_by_what_the_reader_may_see():
    m = match(parts={"text": 1.0, "facets": 0.5}, explanation={"terms": TERMS, "shared_facets": ["oncology", "no-such-slug"]})
    cap_id = m.explanation["best_pair"]["capability"]
    reasons = reasons_for(m, hidden_ids={cap_id}, facet_labels=facet_labels(), weights=WEIGHTS)
    assert "terms" not in {r.kind for r in reasons}
    facets = next(r for r in reasons if r.kind == "facets")
    assert "no-such-slug" not in facets.items and len(facets.items) == 1  # no raw slug, ever


def test_a_candidate_with_nothing_checkable_is_not_proposed():
    assert not has_checkable_evidence({"capacity": 1.0}, {"capacity": ["runs phase 1 trials"]})
    assert not has_checkable_evidence({"peers": 0.0}, {"similar_organisations_partnered": PEERS})
    assert has_checkable_evidence({"peers": 0.4}, {"similar_organisations_partnered": PEERS})
    assert has_checkable_evidence({}, {"terms": TERMS})
    assert has_checkable_evidence({}, {"shared_facets": ["oncology"]})
