"""Portal services: the weekly indicators digest to each cluster's managers.

``send_indicator_digests`` is the beat task's body (Mondays, Seoul morning). Per cluster and manager it sends
the latest monthly snapshot's figures (with when they were computed), the lifecycle stage and the change
against the previous monthly snapshot, in the manager's language. Each email is recorded as an
``IndicatorDigest`` row keyed by cluster, manager and ISO week before it is sent, inside one transaction:
a second run in the same week sends nothing, and a failed send rolls its row back for the retry.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template import Context
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation

from clusters.models import Cluster
from core.emails import render_html
from core.tasks import send_email
from portal.dashboard.labels import SCHEMES, format_value, indicator_format, indicator_label, stage_label
from portal.models import IndicatorDigest, IndicatorSnapshot, PeriodKind

DIGEST_FIGURES = ("members", "active_share", "events_per_month", "show_up_rate", "density",
                  "largest_component_share", "degree_centralization", "cross_region_share",
                  "firm_hospital_coverage", "match_acceptance_rate", "match_conversion_rate", "gatekeepers")


def iso_week(now: datetime) -> str:
    """``2026-W49``: the ISO week of ``now`` in Seoul time (the week the managers live in)."""
    year, week, _day = timezone.localtime(now, timezone=_display_zone()).isocalendar()
    return f"{year:04d}-W{week:02d}"


def _display_zone() -> ZoneInfo:
    return ZoneInfo(getattr(settings, "DISPLAY_TIME_ZONE", settings.TIME_ZONE))


def latest_snapshots(cluster: Cluster) -> tuple[IndicatorSnapshot | None, IndicatorSnapshot | None]:
    """The cluster's latest monthly snapshot and the one before it (None where missing)."""
    rows = list(IndicatorSnapshot.objects.filter(cluster=cluster, period_kind=PeriodKind.MONTH)
                .order_by("-period_start")[:2])
    return (rows[0] if rows else None), (rows[1] if len(rows) > 1 else None)


def _change(now: Any, before: Any, fmt: str) -> str:
    if now is None or before is None:
        return ""
    diff = float(now) - float(before)
    if abs(diff) < 1e-9:
        return "±0"
    sign = "+" if diff > 0 else "−"
    if fmt == "share":
        return f"{sign}{abs(diff) * 100:.1f} pp"
    text = format_value(abs(diff), fmt)
    return f"{sign}{text}"


def digest_context(cluster: Cluster) -> dict[str, Any]:
    """What one digest shows (call inside the recipient's language): figures, stage, change, computed at."""
    latest, previous = latest_snapshots(cluster)
    figures, stages = [], []
    if latest is not None:
        for name in DIGEST_FIGURES:
            fmt = indicator_format(name)
            now = latest.indicators.get(name)
            before = previous.indicators.get(name) if previous else None
            figures.append({"label": indicator_label(name), "value": format_value(now, fmt),
                            "previous": format_value(before, fmt) if previous else "",
                            "change": _change(now, before, fmt)})
        for scheme, result in (latest.stage or {}).items():
            stages.append({"scheme": str(SCHEMES.get(scheme, scheme)), "stage": stage_label(result.get("stage"))})
    return {
        "cluster": cluster, "latest": latest, "previous": previous, "figures": figures, "stages": stages,
        "url": settings.SITE_URL + reverse("dashboard:cluster", args=[cluster.slug]),
    }


def _render(name: str, context: dict) -> str:
    # Plain text, not HTML: no escaping (as core.emails renders its text templates).
    return str.__str__(get_template(name).template.render(Context(context, autoescape=False)))


def render_digest(*, cluster: Cluster, user, language: str) -> tuple[str, str, str]:
    """Subject, text and HTML of one digest in ``language``, times in Seoul."""
    with translation.override(language), timezone.override(_display_zone()):
        context = {"user": user, **digest_context(cluster)}
        subject = " ".join(_render("portal/emails/indicator_digest_subject.txt", context).split())
        text = _render("portal/emails/indicator_digest_body.txt", context)
        html = render_html(subject=subject, text=text)
    return subject, text, html


def send_indicator_digests(*, now: datetime | None = None) -> int:
    """One email per cluster and active manager with an address, once per ISO week; returns how many were sent."""
    week = iso_week(now or timezone.now())
    sent = 0
    for cluster in Cluster.objects.prefetch_related("managers").order_by("pk"):
        for user in cluster.managers.all():
            if not (user.is_active and user.email):
                continue
            try:
                with transaction.atomic():
                    IndicatorDigest.objects.create(cluster=cluster, user=user, week=week)
                    subject, text, html = render_digest(cluster=cluster, user=user,
                                                        language=user.language or settings.LANGUAGE_CODE)
                    send_email(to=[user.email], subject=subject, text=text, html=html)
            except IntegrityError:
                continue  # already sent this week
            sent += 1
    return sent
