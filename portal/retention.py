"""Retention (Celery beat ``portal.purge_expired_records``, daily): records about people that are kept only for a
configurable time, as Korea's PIPA and the GDPR expect.

- Email log: ``IndicatorDigest`` (which weekly digest went to whom) after ``RETENTION_EMAIL_LOG_DAYS``. The
  project keeps no other log of sent mail (``core.emails`` sends and forgets).
- Notifications: matching's in-app ``Notification`` and the saved-search ``SavedSearchNotice`` after
  ``RETENTION_NOTIFICATION_DAYS``. A purged notice must not make its item "new" again: each affected saved
  search's high-water mark (``baseline_id``) moves up to the highest purged item, and ``portal.alerts`` no
  longer counts organisations verified before the window as news.
- Sign-in records: the project stores none in the database (failed sign-ins are counted in the cache with a
  15-minute expiry, ``accounts.throttle``); expired Django sessions are cleared here (``clearsessions``).

Idempotent: every step deletes by age, so a redelivery or a second run the same day deletes nothing more.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Greatest
from django.utils import timezone

from matching.models import Notification

from .models import IndicatorDigest, SavedSearch, SavedSearchNotice

BATCH = 5000  # rows per DELETE, so a first run over years of history does not hold long locks


def _delete_in_batches(qs) -> int:
    total = 0
    while True:
        ids = list(qs.values_list("pk", flat=True)[:BATCH])
        if not ids:
            return total
        total += qs.model.objects.filter(pk__in=ids).delete()[1].get(qs.model._meta.label, 0)


def _purge_saved_search_notices(cutoff) -> int:
    expired = SavedSearchNotice.objects.filter(created_at__lt=cutoff)
    with transaction.atomic():
        # Raise each search's high-water mark first (same transaction), so nothing purged is announced again.
        highest = expired.order_by().values("saved_search_id").annotate(top=Max("object_id"))
        for row in highest:  # one UPDATE per saved search that had old notices (a daily, bounded set)
            SavedSearch.objects.filter(pk=row["saved_search_id"]).update(
                baseline_id=Greatest("baseline_id", row["top"])
            )
        return _delete_in_batches(expired)


def purge_expired_records(*, now=None) -> dict[str, int]:
    """Delete what is past its retention time; how many rows of each kind went."""
    now = now or timezone.now()
    email_cutoff = now - timedelta(days=settings.RETENTION_EMAIL_LOG_DAYS)
    notice_cutoff = now - timedelta(days=settings.RETENTION_NOTIFICATION_DAYS)
    return {
        "email_log": _delete_in_batches(IndicatorDigest.objects.filter(sent_at__lt=email_cutoff)),
        "notifications": _delete_in_batches(Notification.objects.filter(created_at__lt=notice_cutoff)),
        "saved_search_notices": _purge_saved_search_notices(notice_cutoff),
        "sessions": _delete_in_batches(Session.objects.filter(expire_date__lt=now)),
    }
