"""Celery application.

With REDIS_URL set, Redis is broker and result backend; without it the settings make
tasks run in-process (``task_always_eager``) so a first run needs no services.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("clusterlink")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Matching keeps its tasks with each capability rather than in one root ``tasks`` module.
app.autodiscover_tasks(["matching.proposals", "matching.review"])
app.autodiscover_tasks(["matching.review"], related_name="notice_tasks")
