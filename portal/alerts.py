"""Saved-search alerts (Celery beat ``portal.saved_search_alerts``, daily): for each saved search, the listings
or organisations that are new since it was saved and that its owner may see, as in-app notices and one email
digest per person in their language.

"New" is the high-water mark of the search (ids above the newest one when it was saved; for the directory
also organisations verified after it was saved) minus what was already announced: a notice is unique per
search and item, so the same item is never announced twice, however often this runs or is redelivered.
Each person's unemailed notices go out in one email, marked emailed in the same transaction (a failed send
rolls back and is retried by the next run).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from smtplib import SMTPException

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template import Context
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from accounts.selectors import member_org_ids
from core.emails import render_html
from core.tasks import send_email
from portal.models import SavedSearch, SavedSearchKind, SavedSearchNotice
from portal.searches import queries

logger = logging.getLogger(__name__)
PER_RUN = 50  # at most this many new items per search and run; the rest follow the next day


def find_new(saved: SavedSearch) -> list[tuple[int, str]]:
    """(id, title) of the items new to ``saved`` that its owner may see now, newest first, never announced."""
    user = saved.user
    qs = queries.run(saved, user).prefetch_related(None)
    own = member_org_ids(user)  # one's own listings and organisation are no news
    if saved.kind == SavedSearchKind.LISTING:
        qs = qs.filter(pk__gt=saved.baseline_id).exclude(organization_id__in=own)
    else:
        # An organisation verified before the notice-retention window may have been announced by a notice
        # portal.retention has since purged: it is no news now (and must not be announced twice).
        verified_since = max(saved.created_at, timezone.now() - timedelta(days=settings.RETENTION_NOTIFICATION_DAYS))
        qs = qs.filter(Q(pk__gt=saved.baseline_id) | Q(verified_at__gt=verified_since)).exclude(pk__in=own)
    qs = qs.exclude(pk__in=SavedSearchNotice.objects.filter(saved_search=saved).values("object_id"))
    rows = list(qs.order_by("-pk")[:PER_RUN])
    with translation.override(user.language or settings.LANGUAGE_CODE):
        return [(row.pk, (row.title if saved.kind == SavedSearchKind.LISTING else row.name)[:300]) for row in rows]


def notify_saved_search(saved: SavedSearch, *, now: datetime | None = None) -> int:
    """Write the notices of one search (locked, so two runs at once cannot both announce); how many."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (SavedSearch.objects.select_for_update(skip_locked=True, of=("self",)).select_related("user")
                  .filter(pk=saved.pk).first())
        if locked is None:
            return 0
        new = find_new(locked)
        if not new:
            return 0
        SavedSearchNotice.objects.bulk_create(
            [SavedSearchNotice(saved_search=locked, user=locked.user, object_id=pk, title=title, created_at=now)
             for pk, title in new],
            ignore_conflicts=True,
        )
        SavedSearch.objects.filter(pk=locked.pk).update(last_notified_at=now)
    return len(new)


def _render(name: str, context: dict) -> str:
    # Plain text, not HTML: no escaping (as core.emails renders its text templates).
    return str.__str__(get_template(name).template.render(Context(context, autoescape=False)))


def render_digest(*, user: User, notices: list[SavedSearchNotice], language: str) -> tuple[str, str, str]:
    """Subject, text and HTML of one person's digest in ``language``, grouped by saved search."""
    with translation.override(language):
        groups: dict[int, dict] = {}
        for n in notices:
            s = n.saved_search
            group = groups.setdefault(s.pk, {"name": s.name, "kind": str(s.get_kind_display()), "items": [],
                                             "url": settings.SITE_URL + queries.search_url(s)})
            group["items"].append({"title": n.title, "url": settings.SITE_URL + queries.item_url(s.kind, n.object_id)})
        context = {"user": user, "groups": list(groups.values()), "count": len(notices),
                   "manage_url": settings.SITE_URL + reverse("portal:saved_searches")}
        subject = " ".join(_render("portal/emails/saved_search_digest_subject.txt", context).split())
        text = _render("portal/emails/saved_search_digest_body.txt", context)
        html = render_html(subject=subject, text=text)
    return subject, text, html


def send_digests(*, now: datetime | None = None) -> int:
    """One email per person with notices not yet emailed; returns how many emails were sent."""
    now = now or timezone.now()
    waiting = SavedSearchNotice.objects.filter(emailed_at__isnull=True).values("user_id")
    sent = 0
    for user in User.objects.filter(pk__in=waiting, is_active=True).exclude(email="").order_by("pk"):
        try:
            with transaction.atomic():
                rows = list(SavedSearchNotice.objects.select_for_update(skip_locked=True, of=("self",))
                            .select_related("saved_search").filter(user=user, emailed_at__isnull=True)
                            .order_by("saved_search__created_at", "saved_search_id", "-object_id"))
                if not rows:
                    continue
                subject, text, html = render_digest(user=user, notices=rows,
                                                    language=user.language or settings.LANGUAGE_CODE)
                send_email(to=[user.email], subject=subject, text=text, html=html)
                SavedSearchNotice.objects.filter(pk__in=[n.pk for n in rows]).update(emailed_at=now)
        except (SMTPException, OSError):
            logger.exception("saved-search digest to user %s failed; it is retried on the next run", user.pk)
            continue
        sent += 1
    return sent


def run_saved_search_alerts(*, now: datetime | None = None) -> dict[str, int]:
    """The beat task's body: notices for every saved search of an active person, then the email digests."""
    now = now or timezone.now()
    notices = 0
    for saved in SavedSearch.objects.filter(user__is_active=True).select_related("user").order_by("pk"):
        notices += notify_saved_search(saved, now=now)
    return {"notices": notices, "emails": send_digests(now=now)}
