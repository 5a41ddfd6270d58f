"""The lifecycle stage and the trends in words: which rule decided the stage, what would move the cluster to
the next one, and the monthly trend lines (from snapshots) with the stage thresholds as bands."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from clusters.indicators import DEFAULT_THRESHOLDS, SCHEMES
from portal.indicators.snapshots import TrendPoint

from .labels import (
    OPS,
    TREND_INDICATORS,
    format_value,
    indicator_definition,
    indicator_format,
    indicator_label,
    rule_label,
    stage_label,
)
from .labels import (
    SCHEMES as SCHEME_LABELS,
)
from .tables import Column, Table


def _check_view(check: Mapping[str, Any]) -> dict[str, Any]:
    fmt = indicator_format(check["indicator"])
    return {
        "rule": rule_label(check["rule"]), "indicator": indicator_label(check["indicator"]),
        "definition": indicator_definition(check["indicator"]), "op": OPS.get(check["op"], check["op"]),
        "threshold": format_value(check["threshold"], fmt), "value": format_value(check["value"], fmt),
        "met": bool(check["met"]),
    }


def stage_view(stage: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Per scheme: the stage reached, the rule that decided it and every rule of the next stage, in words."""
    out = []
    for scheme, result in stage.items():
        out.append({
            "scheme": str(SCHEME_LABELS.get(scheme, scheme)),
            "stage": stage_label(result["stage"]),
            "decided_by": rule_label(result["decided_by"]),
            "next_stage": stage_label(result["next_stage"]) if result["next_stage"] else "",
            "met": [_check_view(c) for c in result["met"]],
            "to_next": [_check_view(c) for c in result["to_next"]],
        })
    return out


def stage_table(stage: Mapping[str, Any]) -> Table:
    """One row per rule checked (the stage reached and the next one), codes for the exports."""
    columns = [
        Column("scheme", _("Scheme"), machine=True), Column("scheme_label", _("Scheme")),
        Column("stage", _("Stage code"), machine=True), Column("stage_label", _("Stage reached")),
        Column("rule", _("Rule code"), machine=True), Column("rule_label", _("Rule")),
        Column("for_stage", _("For stage")), Column("indicator", _("Indicator code"), machine=True),
        Column("indicator_label", _("Indicator")), Column("op", _("Test")), Column("threshold", _("Threshold")),
        Column("value", _("Value")), Column("met", _("Met")),
    ]
    rows = []
    for scheme, result in stage.items():
        for for_stage, checks in ((result["stage"], result["met"]), (result["next_stage"], result["to_next"])):
            for c in checks:
                fmt = indicator_format(c["indicator"])
                rows.append([
                    scheme, str(SCHEME_LABELS.get(scheme, scheme)), result["stage"], stage_label(result["stage"]),
                    c["rule"], rule_label(c["rule"]), stage_label(for_stage), c["indicator"],
                    indicator_label(c["indicator"]), OPS.get(c["op"], c["op"]),
                    (c["threshold"], format_value(c["threshold"], fmt)), (c["value"], format_value(c["value"], fmt)),
                    bool(c["met"]),
                ])
    return Table("stage", _("Lifecycle stage: rules checked"), columns, rows,
                 note=_("A cluster climbs a ladder while every rule of the next stage holds; the first rule that "
                        "fails decides its stage."))


def threshold_bands(indicator: str, thresholds: Mapping[str, float] | None = None) -> list[dict[str, Any]]:
    """Stage thresholds on one indicator, for the trend charts: value and which stage it opens."""
    thresholds = thresholds or {}
    bands = []
    for scheme, ladder in SCHEMES.items():
        for stage, rules in ladder:
            for rule in rules:
                if rule.indicator == indicator:
                    bands.append({"value": thresholds.get(rule.code, DEFAULT_THRESHOLDS[rule.code]),
                                  "label": f"{SCHEME_LABELS[scheme]}: {stage_label(stage)} {OPS[rule.op]}"})
    return bands


def trend_table(points: list[TrendPoint]) -> Table:
    columns = [Column("month", _("Month"))] + [
        Column(name, indicator_label(name), indicator_definition(name), indicator_format(name))
        for name in TREND_INDICATORS
    ]
    rows = [[p.label] + [(p.values or {}).get(name) for name in TREND_INDICATORS] for p in points]
    return Table("trend", _("Trends, last 12 months"), columns, rows,
                 note=_("From the monthly snapshots computed every night; a month without a snapshot is empty."))


def trend_chart(points: list[TrendPoint], thresholds: Mapping[str, float] | None = None) -> dict[str, Any]:
    return {
        "months": [p.label for p in points],
        "series": [
            {"key": name, "label": indicator_label(name), "definition": indicator_definition(name),
             "share": indicator_format(name) == "share",
             "data": [(p.values or {}).get(name) for p in points], "bands": threshold_bands(name, thresholds)}
            for name in TREND_INDICATORS
        ],
    }
