"""Linkage indicators and lifecycle stages: plain data in, numbers out (no Django).

Public API::

    compute_indicators(ClusterData, IndicatorConfig | None) -> IndicatorReport   # values, details, stage
    classify_stage(values, thresholds | None) -> {"startup_genome": {...}, "scanbalt": {...}}
    Org, Edge, EventStat, Attendance, MatchRecord, ClusterData                  # the input types

Graphs: G (partnership, mentoring, meeting, introduction ties between members, weighted by kind and
recency) and Gc (co-attendance). The catalogue is ``INDICATORS.md``; each function's docstring gives the
definition it implements. Every value is a number or None, never NaN, for any cluster, empty included.
"""

from .compute import IndicatorConfig, IndicatorReport, compute_indicators
from .stage import DEFAULT_THRESHOLDS, SCHEMES, Rule, classify_stage
from .types import Attendance, ClusterData, Edge, EventStat, MatchRecord, Org

__all__ = [
    "DEFAULT_THRESHOLDS",
    "SCHEMES",
    "Attendance",
    "ClusterData",
    "Edge",
    "EventStat",
    "IndicatorConfig",
    "IndicatorReport",
    "MatchRecord",
    "Org",
    "Rule",
    "classify_stage",
    "compute_indicators",
]
