"""The model is fitted as a worker or an in-process server starts, not inside the first save."""

import importlib
import sys

import pytest

from matching.proposals import dataset
from tests.matching.proposals.test_run_fencing import build


@pytest.fixture(autouse=True)
def _fresh_model():
    dataset.clear_model_cache()
    yield
    dataset.clear_model_cache()


@pytest.mark.django_db(transaction=True)  # the warm-up thread reads through its own connection
def test_warm_up_fits_the_model_in_a_thread_and_a_later_ranking_reuses_it():
    build(needs=2)
    assert dataset.cached_fingerprint() == ""
    dataset.warm_in_background().join(timeout=120)
    assert dataset.cached_fingerprint() == dataset.fingerprint()
    warm = dataset._cache["model"]
    assert dataset.get_model() is warm  # the first save finds the model ready


def load_wsgi() -> None:
    sys.modules.pop("config.wsgi", None)
    importlib.import_module("config.wsgi")


@pytest.mark.django_db(transaction=True)
def test_the_wsgi_application_warms_the_model_when_tasks_run_in_process(settings, monkeypatch):
    started = []
    monkeypatch.setattr(dataset, "warm_in_background", lambda: started.append(True))
    settings.MATCH_WARM_ON_START, settings.CELERY_TASK_ALWAYS_EAGER = True, True
    load_wsgi()
    assert started == [True]
    settings.CELERY_TASK_ALWAYS_EAGER = False  # with a broker the worker warms itself
    load_wsgi()
    assert started == [True]


def test_the_worker_warms_on_start(settings, monkeypatch):
    from config import celery

    started = []
    monkeypatch.setattr(dataset, "warm_in_background", lambda: started.append(True))
    settings.MATCH_WARM_ON_START = True
    celery.warm_matching_model()
    settings.MATCH_WARM_ON_START = False
    celery.warm_matching_model()
    assert started == [True]
