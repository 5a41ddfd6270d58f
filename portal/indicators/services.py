"""Compute a cluster's (or an alliance's) linkage indicators for a period: read (``selectors``), then the pure
``clusters.indicators`` package. Nothing is written yet (snapshots for trends come later)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from clusters.indicators import IndicatorConfig, IndicatorReport, compute_indicators
from clusters.models import Cluster

from .periods import Period
from .selectors import EdgeRow, Scope, cluster_data


@dataclass(frozen=True)
class ScopeIndicators:
    scope: Scope
    period: Period
    report: IndicatorReport
    edges: list[EdgeRow]

    def as_json(self) -> dict[str, Any]:
        """The ``compute_indicators --json`` object: cluster, period, indicators (name → number or None), stage."""
        return {"cluster": self.scope.slug, "period": self.period.label, "indicators": self.report.values,
                "stage": self.report.stage}


def stage_thresholds(scope: Scope | None = None) -> dict[str, float]:
    """The thresholds in force: the package defaults, overridden by ``INDICATOR_STAGE_THRESHOLDS``, then by
    the cluster's own (a one-cluster scope; an alliance keeps the platform's)."""
    thresholds = dict(settings.INDICATOR_STAGE_THRESHOLDS)
    if scope is not None and len(scope.cluster_ids) == 1:  # an alliance's scope carries the alliance's slug
        own = (Cluster.objects.filter(pk=scope.cluster_ids[0], slug=scope.slug)
               .values_list("stage_thresholds", flat=True).first())
        thresholds.update(own or {})
    return thresholds


def indicator_config(scope: Scope | None = None) -> IndicatorConfig:
    """The package defaults with the stage thresholds in force for ``scope``."""
    return IndicatorConfig(stage_thresholds=stage_thresholds(scope))


def indicators_compute(*, scope: Scope, period: Period, config: IndicatorConfig | None = None) -> ScopeIndicators:
    """All indicators and the lifecycle stage of ``scope`` over ``period``, with the edge rows they used."""
    data, rows = cluster_data(scope, period)
    report = compute_indicators(data, config or indicator_config(scope))
    return ScopeIndicators(scope=scope, period=period, report=report, edges=rows)
