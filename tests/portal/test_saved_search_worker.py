"""The beat task by its name, on a real Celery worker (Redis broker, the test database): a new listing
is announced once, and a redelivery of the task sends no second email."""

import pytest

from config.celery import app
from portal.models import SavedSearchNotice
from portal.searches import services
from tests.conftest import wait_for_files
from tests.portal.saved_world import build_world, make_listing

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_beat_task_runs_on_the_worker_and_never_sends_twice(celery_worker):
    w = build_world()
    services.saved_search_create(user=w.other, kind="listing", name="Oncology", params={"therapeutic_area": "oncology"})
    new = make_listing(w.hospital, title="Fresh oncology need")

    first = app.send_task("portal.saved_search_alerts").get(timeout=60)
    second = app.send_task("portal.saved_search_alerts").get(timeout=60)

    assert first == {"notices": 1, "emails": 1} and second == {"notices": 0, "emails": 0}
    files = wait_for_files(celery_worker, 1)
    assert len(files) == 1 and new.title in files[0].read_text()
    assert SavedSearchNotice.objects.get().object_id == new.pk
