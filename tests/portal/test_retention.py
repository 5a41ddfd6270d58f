"""Retention: email logs, notifications and expired sessions go after their configured time, once; a purged
saved-search notice never makes its item "new" again."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts.models import Organization
from config.celery import app
from matching.models import Notification
from portal import alerts
from portal.models import IndicatorDigest, SavedSearch, SavedSearchNotice
from portal.retention import purge_expired_records
from portal.searches import services
from tests.factories import ClusterFactory, OrganizationFactory, UserFactory
from tests.portal.saved_world import build_world, make_listing


def _aged(model, pk, days, field="created_at"):
    model.objects.filter(pk=pk).update(**{field: timezone.now() - timedelta(days=days)})


def _session(expired: bool) -> str:
    store = SessionStore()
    store["x"] = 1
    store.create()
    if expired:
        Session.objects.filter(pk=store.session_key).update(expire_date=timezone.now() - timedelta(minutes=1))
    return store.session_key


@pytest.mark.django_db
def test_only_records_past_their_retention_are_deleted_and_a_second_run_deletes_nothing(settings):
    settings.RETENTION_EMAIL_LOG_DAYS, settings.RETENTION_NOTIFICATION_DAYS = 90, 30
    user, cluster = UserFactory(), ClusterFactory()
    old_digest = IndicatorDigest.objects.create(cluster=cluster, user=user, week="2026-W01")
    new_digest = IndicatorDigest.objects.create(cluster=cluster, user=user, week="2026-W40")
    _aged(IndicatorDigest, old_digest.pk, 91, "sent_at")
    _aged(IndicatorDigest, new_digest.pk, 89, "sent_at")
    old_note = Notification.objects.create(user=user, key="old", kind="message")
    new_note = Notification.objects.create(user=user, key="new", kind="message")
    _aged(Notification, old_note.pk, 31)
    _aged(Notification, new_note.pk, 29)
    saved = SavedSearch.objects.create(user=user, kind="listing", name="s", baseline_id=5)
    old_found = SavedSearchNotice.objects.create(saved_search=saved, user=user, object_id=70, title="old")
    new_found = SavedSearchNotice.objects.create(saved_search=saved, user=user, object_id=80, title="new")
    _aged(SavedSearchNotice, old_found.pk, 31)
    expired, live = _session(expired=True), _session(expired=False)

    first = purge_expired_records()

    assert first == {"email_log": 1, "notifications": 1, "saved_search_notices": 1, "sessions": 1}
    assert list(IndicatorDigest.objects.values_list("pk", flat=True)) == [new_digest.pk]
    assert list(Notification.objects.values_list("pk", flat=True)) == [new_note.pk]
    assert list(SavedSearchNotice.objects.values_list("pk", flat=True)) == [new_found.pk]
    assert list(Session.objects.values_list("pk", flat=True)) == [live]
    assert expired != live
    saved.refresh_from_db()
    assert saved.baseline_id == 70  # raised to the highest purged item, never lowered
    assert purge_expired_records() == {"email_log": 0, "notifications": 0, "saved_search_notices": 0, "sessions": 0}


@pytest.mark.django_db
def test_a_purged_listing_notice_is_not_announced_again():
    w = build_world()
    saved = services.saved_search_create(user=w.other, kind="listing", name="Oncology",
                                         params={"therapeutic_area": "oncology"})
    new = make_listing(w.hospital, title="Fresh oncology need")
    assert alerts.notify_saved_search(saved) == 1
    _aged(SavedSearchNotice, SavedSearchNotice.objects.get().pk, django_settings.RETENTION_NOTIFICATION_DAYS + 1)

    assert purge_expired_records()["saved_search_notices"] == 1
    assert alerts.notify_saved_search(SavedSearch.objects.get(pk=saved.pk)) == 0
    assert SavedSearch.objects.get(pk=saved.pk).baseline_id == new.pk
    newer = make_listing(w.hospital, title="Newer oncology need")  # later items are still news
    assert alerts.notify_saved_search(SavedSearch.objects.get(pk=saved.pk)) == 1
    assert SavedSearchNotice.objects.get().object_id == newer.pk


@pytest.mark.django_db
def test_a_purged_directory_notice_is_not_announced_again():
    days = django_settings.RETENTION_NOTIFICATION_DAYS
    user = UserFactory()
    saved = services.saved_search_create(user=user, kind="organization", name="Everyone", params={})
    SavedSearch.objects.filter(pk=saved.pk).update(created_at=timezone.now() - timedelta(days=days + 200))
    # Existed before the search (below its baseline) but verified after it was saved: announced by verification.
    org = Organization.objects.filter(pk__lte=saved.baseline_id).order_by("pk").first() or OrganizationFactory()
    Organization.objects.filter(pk=org.pk).update(verified_at=timezone.now() - timedelta(days=days + 100))
    SavedSearch.objects.filter(pk=saved.pk).update(baseline_id=org.pk)
    saved = SavedSearch.objects.get(pk=saved.pk)
    SavedSearchNotice.objects.create(saved_search=saved, user=user, object_id=org.pk, title="old news",
                                     created_at=timezone.now() - timedelta(days=days + 99))

    assert purge_expired_records()["saved_search_notices"] == 1
    assert org.pk not in [pk for pk, _t in alerts.find_new(SavedSearch.objects.get(pk=saved.pk))]
    # An organisation verified inside the window is still news.
    Organization.objects.filter(pk=org.pk).update(verified_at=timezone.now() - timedelta(days=1))
    assert org.pk in [pk for pk, _t in alerts.find_new(SavedSearch.objects.get(pk=saved.pk))]


def test_the_daily_beat_entry_names_the_task():
    entry = django_settings.CELERY_BEAT_SCHEDULE["purge-expired-records"]
    assert entry["task"] == "portal.purge_expired_records"
    assert django_settings.RETENTION_EMAIL_LOG_DAYS == 365 and django_settings.RETENTION_NOTIFICATION_DAYS == 365


@pytest.mark.django_db(transaction=True)
def test_the_beat_task_runs_on_a_real_worker(celery_worker):
    user = UserFactory()
    old = Notification.objects.create(user=user, key="old-on-worker", kind="message")
    _aged(Notification, old.pk, django_settings.RETENTION_NOTIFICATION_DAYS + 1)
    result = app.send_task("portal.purge_expired_records").get(timeout=60)
    assert result["notifications"] == 1 and not Notification.objects.filter(pk=old.pk).exists()
    assert app.send_task("portal.purge_expired_records").get(timeout=60)["notifications"] == 0
