"""Compute a cluster's (or an alliance's) linkage indicators for a period: read (``selectors``), then the pure
``clusters.indicators`` package. Nothing is written yet (snapshots for trends come later)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clusters.indicators import IndicatorConfig, IndicatorReport, compute_indicators

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


def indicators_compute(*, scope: Scope, period: Period, config: IndicatorConfig | None = None) -> ScopeIndicators:
    """All indicators and the lifecycle stage of ``scope`` over ``period``, with the edge rows they used."""
    data, rows = cluster_data(scope, period)
    return ScopeIndicators(scope=scope, period=period, report=compute_indicators(data, config), edges=rows)
