"""Who sees which dashboard: the one rule the pages, the exports and the API share."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.regions import Region
from clusters.models import Alliance, Cluster
from portal.indicators.periods import Period, _add_months, parse_period
from portal.indicators.snapshots import month_period, quarter_period, scope_of, today_local

from . import selectors
from .build import FULL, SUMMARY

SUBJECTS = {"cluster": Cluster, "alliance": Alliance}


def subject_or_404(kind: str, slug: str) -> Cluster | Alliance:
    model = SUBJECTS.get(kind)
    subject = model.objects.filter(slug=slug).first() if model else None
    if subject is None:
        raise Http404(_("No such cluster or alliance."))
    return subject


def access_level(user, subject: Cluster | Alliance) -> str | None:
    """``full`` for platform admins and the cluster's managers (any of an alliance's clusters), ``summary``
    for people of the cluster's verified member organisations, None for anyone else."""
    if not user.is_authenticated:
        return None
    if selectors.is_manager_of(user, subject):
        return FULL
    if selectors.is_member_of(user, subject, scope_of(subject)):
        return SUMMARY
    return None


def required_access(user, subject: Cluster | Alliance) -> str:
    level = access_level(user, subject)
    if level is None:
        raise PermissionDenied(_("Only the cluster's managers and its member organisations see its dashboard."))
    return level


def period_choices(today: date | None = None) -> list[tuple[str, str]]:
    """The period filter: the last 12 months (default), the last four quarters, the last twelve months."""
    today = today or today_local()
    first = today.replace(day=1)
    quarter_first = first.replace(month=(first.month - 1) // 3 * 3 + 1)
    quarters = [quarter_period(_add_months(quarter_first, -3 * i)).label for i in range(4)]
    months = [month_period(_add_months(first, -i)).label for i in range(12)]
    return [("", _("Last 12 months"))] + [(q, q) for q in quarters] + [(m, m) for m in months]


def period_from(text: str | None) -> Period:
    """The period a filter names (ValueError with a translated message when it is not one)."""
    return parse_period(text or "")


def region_from(text: str | None) -> str:
    """A region code of the filter, or "" for every region (an unknown code is ignored)."""
    text = (text or "").strip()
    return text if text in Region.values else ""
