"""Indicator snapshots: the stored indicators of a cluster or alliance per month and quarter (for trends).

``snapshot`` computes one scope and period and upserts its row; ``snapshot_all`` does every cluster and
alliance for the current and previous month and quarter (the nightly beat task); ``monthly_trend`` reads
the last months back without recomputing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from clusters.models import Alliance, Cluster
from portal.models import IndicatorSnapshot, PeriodKind

from .periods import Period, _add_months, _zone, parse_period
from .selectors import Scope
from .services import ScopeIndicators, indicators_compute

TREND_MONTHS = 12


def today_local() -> date:
    return timezone.now().astimezone(_zone()).date()


def month_period(day: date) -> Period:
    return parse_period(f"{day.year:04d}-{day.month:02d}")


def quarter_period(day: date) -> Period:
    return parse_period(f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}")


def period_kind(period: Period) -> str:
    """``month`` or ``quarter`` from the label; ValueError for a year or a rolling period (never snapshotted)."""
    if "-Q" in period.label.upper():
        return PeriodKind.QUARTER
    if len(period.label) == 7 and period.label[4] == "-":
        return PeriodKind.MONTH
    raise ValueError(f"only months and quarters are snapshotted, not {period.label!r}")


def snapshot_periods(today: date) -> list[Period]:
    """The current and previous month and quarter of ``today``."""
    first = today.replace(day=1)
    quarter_first = first.replace(month=(first.month - 1) // 3 * 3 + 1)
    return [month_period(first), month_period(_add_months(first, -1)),
            quarter_period(quarter_first), quarter_period(_add_months(quarter_first, -3))]


def scope_of(subject: Cluster | Alliance) -> Scope:
    """The indicator scope of a cluster (its members) or an alliance (its clusters' members)."""
    if isinstance(subject, Alliance):
        rows = list(subject.clusters.values_list("pk", "regions"))
        return Scope(slug=subject.slug, cluster_ids=tuple(sorted(pk for pk, _r in rows)),
                     regions=frozenset(r for _pk, regions in rows for r in regions or ()))
    return Scope(slug=subject.slug, cluster_ids=(subject.pk,), regions=frozenset(subject.regions or ()))


def _owner(subject: Cluster | Alliance) -> dict:
    return {"alliance": subject} if isinstance(subject, Alliance) else {"cluster": subject}


def snapshot(subject: Cluster | Alliance, period: Period) -> IndicatorSnapshot:
    """Compute ``subject``'s indicators over ``period`` (a month or a quarter) and upsert its snapshot row.

    Idempotent: the row is keyed by scope, period kind and start, so running it again overwrites it.
    """
    kind = period_kind(period)
    result: ScopeIndicators = indicators_compute(scope=scope_of(subject), period=period)
    with transaction.atomic():
        row, _created = IndicatorSnapshot.objects.update_or_create(
            **_owner(subject), period_kind=kind, period_start=period.start,
            defaults={"period_label": period.label, "period_end": period.end, "indicators": result.report.values,
                      "stage": result.report.stage, "computed_at": timezone.now()},
        )
    return row


def snapshot_now(subject: Cluster | Alliance, *, today: date | None = None) -> list[IndicatorSnapshot]:
    """The "update now" button: the current and previous month and quarter of one scope."""
    return [snapshot(subject, p) for p in snapshot_periods(today or today_local())]


def snapshot_all(*, today: date | None = None) -> int:
    """Every cluster and alliance for the current and previous month and quarter; returns the rows written."""
    periods = snapshot_periods(today or today_local())
    subjects: list[Cluster | Alliance] = [*Cluster.objects.order_by("pk"), *Alliance.objects.order_by("pk")]
    return sum(1 for subject in subjects for period in periods if snapshot(subject, period))


@dataclass(frozen=True)
class TrendPoint:
    label: str
    values: dict | None  # None: no snapshot for that month yet
    computed_at: object = None


def monthly_trend(subject: Cluster | Alliance, *, months: int = TREND_MONTHS, today: date | None = None) -> list[TrendPoint]:
    """The last ``months`` monthly snapshots of ``subject``, oldest first, one query; gaps stay None."""
    first = (today or today_local()).replace(day=1)
    labels = [f"{d.year:04d}-{d.month:02d}" for d in (_add_months(first, -i) for i in range(months - 1, -1, -1))]
    rows = {
        label: (values, at)
        for label, values, at in IndicatorSnapshot.objects.filter(
            **_owner(subject), period_kind=PeriodKind.MONTH, period_label__in=labels,
        ).values_list("period_label", "indicators", "computed_at")
    }
    return [TrendPoint(label, *rows.get(label, (None, None))) for label in labels]


def latest_snapshot_at(subject: Cluster | Alliance):
    """When the scope's snapshots were last computed, or None."""
    return (IndicatorSnapshot.objects.filter(**_owner(subject)).order_by("-computed_at")
            .values_list("computed_at", flat=True).first())
