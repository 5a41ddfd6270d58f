"""Weights the refit from decisions adopted become the live model's, under a version of their own."""

import pytest
from django.core.cache import cache

from matching import engine
from matching.models import LearnedWeights, WeightsSource
from matching.proposals import dataset, learned_weights
from matching.proposals.learning import REPORT_KEY

from ..review_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_model():
    dataset.clear_model_cache()
    yield
    dataset.clear_model_cache()


def test_live_model_keeps_default_weights_while_the_refit_is_not_adopted():
    build_world()
    cache.set(REPORT_KEY, {"refit": {"adopted": False}, "weights": {"peers": 9.0}}, None)
    LearnedWeights.objects.create(version="retired", weights={"peers": 9.0}, source=WeightsSource.LINKS)
    model = dataset.get_model()
    assert model.version == engine.MODEL_VERSION
    assert model.weights.get("peers") != 9.0


def test_live_model_uses_adopted_weights_and_names_them_in_its_version():
    build_world()
    adopted = {**engine.DEFAULT_WEIGHTS, "peers": 0.25, "capacity": 2.0}
    learned_weights.adopt(weights=adopted, source=WeightsSource.DECISIONS, metrics={"refit": {"adopted": True}})
    model = dataset.get_model()
    weights, tag = learned_weights.active()
    assert model.weights == weights == adopted
    assert model.version == f"{engine.MODEL_VERSION}+w{tag}"
    assert len(tag) == 8
