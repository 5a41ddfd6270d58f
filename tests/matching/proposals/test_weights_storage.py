"""Adopted weights live in the database: a cache flush or a Redis outage does not revert the model."""

import pytest
from django.db import IntegrityError, transaction

from matching import engine
from matching.models import (
    LearnedWeights,
    Listing,
    Match,
    MatchStatus,
    WeightsSource,
)
from matching.proposals import dataset, learned_weights, learning, runs
from taxonomy.models import Facet, FacetKind
from tests.conftest import _clear_own_cache_keys
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory, cluster_manager
from tests.test_redis_outage import CLOSED, redis_cache_at

pytestmark = pytest.mark.django_db

ADOPTED = {**engine.DEFAULT_WEIGHTS, "peers": 0.25, "capacity": 2.0}
NEED_TEXT = "We need a phase 1 site for our oncology antibody that can start within 8 weeks."
CAP_TEXT = "Early-phase clinical trial unit for oncology studies with a dedicated ward and research nurses."


@pytest.fixture(autouse=True)
def _fresh_model():
    dataset.clear_model_cache()  # a fresh process: nothing fitted in memory
    yield
    dataset.clear_model_cache()


def _listing(org, side: str, title: str, text: str) -> Listing:
    obj = Listing.objects.create(organization=org, side=side, title=title, description=text, language="en")
    obj.partnership_types.set(Facet.objects.filter(kind=FacetKind.PARTNERSHIP_TYPE, slug="clinical_trial"))
    obj.therapeutic_areas.set(Facet.objects.filter(kind=FacetKind.THERAPEUTIC_AREA, slug="oncology"))
    return obj


@pytest.fixture
def world():
    firm = OrganizationFactory(name_en="Alpha Bio", kind="firm")
    MembershipFactory(user=UserFactory(), organization=firm, role="admin")
    need = _listing(firm, "need", "Phase 1 oncology trial site", NEED_TEXT)
    for i, phases in enumerate((["1", "2"], ["1"], ["2", "3"])):
        h = OrganizationFactory(name_en=f"Hospital {i}", kind="hospital", trial_phases=phases, irb_days=14 + 10 * i,
                                trials_per_year=30)
        _listing(h, "capability", f"Oncology trial unit {i}", CAP_TEXT)
    manager, _cluster = cluster_manager()
    return {"need": need, "manager": manager}


@pytest.fixture
def refit_adopts(monkeypatch):
    """The refit from decisions wins (the held-out rule itself is tested in test_learning_from_decisions)."""
    def won(rows, current):
        return {"method": "test", "adopted": True, "decisions": len(rows), "held_out_auc_current": 0.6,
                "held_out_auc_refit": 0.8, "weights": ADOPTED}
    monkeypatch.setattr(learning, "weights_from_decisions", won)


def assert_live_model_uses_adopted(world, version: str) -> None:
    model = dataset.get_model()
    assert model.weights == ADOPTED
    assert model.version == version
    run = runs.run_inline(user=world["manager"])
    rows = Match.objects.filter(need=world["need"], status=MatchStatus.PROPOSED)
    assert rows.exists() and {m.model_version for m in rows} == {version} == {run.model_version}


def test_an_adopting_refit_stores_the_weights_and_a_cache_flush_changes_nothing(world, refit_adopts):
    info = learning.refit_from_decisions()
    row = LearnedWeights.objects.get(is_active=True)
    assert (row.weights, row.source) == (ADOPTED, WeightsSource.DECISIONS)
    assert row.version == learned_weights.version_for(ADOPTED) == f"{engine.MODEL_VERSION}+w{learned_weights.tag_for(ADOPTED)}"
    assert row.metrics["from_decisions"]["held_out_auc_refit"] == 0.8 and row.metrics["at"] == info["at"]

    _clear_own_cache_keys()  # a flush (of this run's keys only)
    assert learned_weights.active() == (ADOPTED, learned_weights.tag_for(ADOPTED))
    assert learning.last_refit()["weights"] == ADOPTED  # the report of the adoption that stands
    assert_live_model_uses_adopted(world, row.version)


def test_with_the_cache_down_the_live_model_still_uses_the_adopted_weights(world, settings):
    learned_weights.adopt(weights=ADOPTED, source=WeightsSource.DECISIONS, metrics={"weights": ADOPTED})
    redis_cache_at(settings, CLOSED)
    assert learned_weights.active()[0] == ADOPTED
    assert learning.last_refit()["weights"] == ADOPTED
    assert_live_model_uses_adopted(world, learned_weights.version_for(ADOPTED))


def test_an_adopting_refit_commits_with_the_cache_down(world, refit_adopts, settings, django_capture_on_commit_callbacks):
    redis_cache_at(settings, CLOSED)
    with django_capture_on_commit_callbacks(execute=True):
        learning.refit_from_decisions()
    assert LearnedWeights.objects.get(is_active=True).weights == ADOPTED
    assert_live_model_uses_adopted(world, learned_weights.version_for(ADOPTED))


def test_a_new_adoption_replaces_the_cached_weights_and_keeps_the_old_row(django_capture_on_commit_callbacks):
    first = {**ADOPTED, "peers": 0.5}
    with django_capture_on_commit_callbacks(execute=True):
        learned_weights.adopt(weights=first, source=WeightsSource.LINKS, metrics={})
    assert learned_weights.active()[0] == first  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        learned_weights.adopt(weights=ADOPTED, source=WeightsSource.DECISIONS, metrics={})
    assert learned_weights.active()[0] == ADOPTED
    assert list(LearnedWeights.objects.values_list("weights", "is_active")) == [(ADOPTED, True), (first, False)]


def test_a_refit_that_does_not_win_brings_the_hand_set_weights_back(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        learned_weights.adopt(weights=ADOPTED, source=WeightsSource.DECISIONS, metrics={})
    with django_capture_on_commit_callbacks(execute=True):
        info = learning.refit_from_decisions()  # an empty world: nothing to learn from
    assert info["refit"]["adopted"] is False
    assert learned_weights.active() == (None, "")
    assert LearnedWeights.objects.get().is_active is False  # kept as history
    assert dataset.get_model().version == engine.MODEL_VERSION


def test_at_most_one_set_is_active():
    LearnedWeights.objects.create(version="a", weights={}, source=WeightsSource.LINKS, is_active=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        LearnedWeights.objects.create(version="b", weights={}, source=WeightsSource.LINKS, is_active=True)
