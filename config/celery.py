"""Celery application.

With REDIS_URL set, Redis is broker and result backend; without it the settings make
tasks run in-process (``task_always_eager``) so a first run needs no services.
"""

import os

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("clusterlink")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Matching keeps its tasks with each capability rather than in one root ``tasks`` module.
app.autodiscover_tasks(["matching.proposals", "matching.review"])
app.autodiscover_tasks(["matching.review"], related_name="notice_tasks")


@worker_ready.connect
def warm_matching_model(**_kwargs) -> None:
    """Fit the matching model as the worker starts, not inside the first re-rank a user waits for."""
    from django.conf import settings

    if settings.MATCH_WARM_ON_START:
        from matching.proposals.dataset import warm_in_background  # the app registry is ready only now

        warm_in_background()
