"""Assemble one dashboard (cluster or alliance, period, region) for a viewer's access level.

``full`` (managers and platform admins): every indicator, the funnel, mixing, trends, the event scorecard and
the network. ``summary`` (members of the cluster's organisations): the stage, the member mix, events and
density, with no organisation named. The indicators are computed live for the period asked; trends come from
the stored monthly snapshots.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from clusters.indicators import compute_indicators
from clusters.indicators.funnel import MATCH_KINDS
from clusters.indicators.mixing import ORG_KINDS
from clusters.models import Alliance, Cluster
from core.cachesafe import CACHE_ERRORS, cache_get_or
from core.dates import today as local_today
from portal.indicators.periods import Period
from portal.indicators.selectors import cluster_data
from portal.indicators.services import indicator_config
from portal.indicators.snapshots import latest_snapshot_at, monthly_trend, scope_of

from . import selectors
from .labels import (
    COUNT,
    MATCH_SOURCES,
    SECTIONS,
    SUMMARY_INDICATORS,
    format_value,
    indicator_definition,
    indicator_format,
    indicator_label,
    kind_label,
    place_label,
)
from .network import network
from .scorecard import event_scorecard
from .stageview import stage_table, stage_view, trend_chart, trend_table
from .tables import Column, Table

FULL, SUMMARY = "full", "summary"
HEAT_LEVELS = 5
KEY_FIGURES = ("members", "active_share", "events_per_month", "show_up_rate", "repeat_participation", "density",
               "largest_component_share", "degree_centralization", "cross_region_share", "global_connectedness",
               "firm_hospital_coverage", "match_acceptance_rate", "match_conversion_rate", "gatekeepers",
               "new_tie_yield", "ei_index_kind")


@dataclass
class Dashboard:
    subject: Cluster | Alliance
    access: str
    period: Period
    region: str
    values: dict[str, Any]
    stage: list[dict[str, Any]]
    tables: dict[str, Table] = field(default_factory=dict)
    charts: dict[str, Any] = field(default_factory=dict)
    heatmaps: list[dict[str, Any]] = field(default_factory=list)
    snapshot_at: Any = None

    @property
    def scope_kind(self) -> str:
        return "alliance" if isinstance(self.subject, Alliance) else "cluster"

    @property
    def figures(self) -> list[dict[str, str]]:
        """The key figures in words: label, definition, formatted value."""
        return [{"label": indicator_label(n), "definition": indicator_definition(n),
                 "value": format_value(self.values.get(n), indicator_format(n))} for n in KEY_FIGURES]

    def meta(self) -> dict[str, Any]:
        return {"scope": self.scope_kind, "slug": self.subject.slug, "name": self.subject.name,
                "period": self.period.label, "region": self.region, "access": self.access}


def indicator_table(values: dict[str, Any], names: tuple[str, ...] | None = None, *, key: str = "indicators",
                    title: str = "") -> Table:
    columns = [Column("section", _("Section")), Column("indicator", _("Indicator code"), machine=True),
               Column("label", _("Indicator")), Column("value", _("Value"), fmt="number"),
               Column("definition", _("Definition"))]
    rows = []
    for section, members in SECTIONS:
        for name in members:
            if names is None or name in names:
                value = values.get(name)
                rows.append([str(section), name, indicator_label(name),
                             (value, format_value(value, indicator_format(name))), indicator_definition(name)])
    return Table(key, title or _("All indicators"), columns, rows)


def _mix(values: dict[str, Any]) -> tuple[Table, dict]:
    rows = [[k, kind_label(k), values.get(f"members_{k}") or 0] for k in ORG_KINDS]
    table = Table("member_mix", _("Member mix"), [
        Column("kind", _("Kind code"), machine=True), Column("kind_label", _("Kind")),
        Column("members", _("Members"), indicator_definition("members"), COUNT)], rows)
    return table, {"labels": [r[1] for r in rows], "data": [r[2] for r in rows]}


def _matrix(key: str, title: str, matrix: dict[str, dict[str, int]], label, ei: Any, ei_name: str,
            header: str) -> tuple[Table, dict]:
    codes = sorted(set(matrix) | {c for row in matrix.values() for c in row})
    columns = [Column("row", _("Code"), machine=True), Column("label", header)] + [
        Column(c, label(c), fmt=COUNT) for c in codes]
    rows = [[r, label(r)] + [matrix.get(r, {}).get(c, 0) for c in codes] for r in codes]
    top = max((v for row in rows for v in row[2:]), default=0)
    heat = {
        "key": key, "title": title, "columns": [label(c) for c in codes],
        "rows": [{"label": row[1], "cells": [{"value": v, "level": (round(v / top * HEAT_LEVELS) if top else 0)}
                                             for v in row[2:]]} for row in rows],
        "ei": format_value(ei, "number"), "ei_label": indicator_label(ei_name), "ei_definition": indicator_definition(ei_name),
    }
    note = _("Each tie counted once per direction (twice in all). %(name)s: %(value)s.") % {
        "name": indicator_label(ei_name), "value": format_value(ei, "number")}
    return Table(key, title, columns, rows, note=note), heat


def _funnel(subject: Cluster | Alliance, period: Period, values: dict[str, Any]) -> tuple[list[Table], dict]:
    scope = scope_of(subject)
    by_source = selectors.funnel_by_source(scope, period)
    steps = [("proposed", _("Proposed")), ("accepted", _("Accepted")), ("connected", _("Connected")),
             ("partnership", _("Partnership"))]
    defs = {"proposed": _("Matches proposed in the period with a member on either side."),
            "accepted": _("Of those, approved by the reviewing side."),
            "connected": _("Of those, accepted by both sides (contacts exchanged)."),
            "partnership": _("Of those, with a confirmed partnership by now.")}
    step_columns = [Column(k, str(lbl), str(defs[k]), COUNT) for k, lbl in steps]
    rows = []
    for source in MATCH_KINDS:
        counts = by_source.get(source, {})
        rows.append([source, str(MATCH_SOURCES[source])] + [counts.get(k, 0) for k, _l in steps])
    rows.append(["all", _("All matches")] + [sum(r[i] for r in rows) for i in range(2, 6)])
    source_columns = [Column("source", _("Source code"), machine=True), Column("source_label", _("Source"))]
    funnel = Table("funnel", _("Linkage funnel"), [*source_columns, *step_columns], rows,
        note=_("Median days from acceptance to partnership: %(days)s.") % {
            "days": format_value(values.get("partnership_lag_days_median"), "days")})
    monthly = Table("funnel_monthly", _("Linkage funnel by month"), [Column("month", _("Month")), *step_columns],
                    [[r["month"]] + [r[k] for k, _l in steps] for r in selectors.funnel_by_month(scope, period)])
    chart = {"steps": [str(lbl) for _k, lbl in steps],
             "series": [{"label": r[1], "data": r[2:6]} for r in rows[:-1]]}
    return [funnel, monthly], chart


def build_dashboard(*, subject: Cluster | Alliance, access: str, period: Period, region: str = "",
                    today: date | None = None) -> Dashboard:
    """Everything the page, the exports and the API show, computed once."""
    scope = scope_of(subject)
    config = indicator_config(scope)
    data, _rows = cluster_data(scope, period)
    report = compute_indicators(data, config)
    values = report.values
    board = Dashboard(subject=subject, access=access, period=period, region=region, values=values,
                      stage=stage_view(report.stage))
    mix_table, mix_chart = _mix(values)
    board.charts["mix"] = mix_chart
    tables = [stage_table(report.stage), mix_table]
    if access != FULL:
        tables.insert(0, indicator_table(values, SUMMARY_INDICATORS, key="summary", title=_("Summary")))
        board.tables = {t.key: t for t in tables}
        return board
    tables.insert(0, indicator_table(values))
    funnel_tables, board.charts["funnel"] = _funnel(subject, period, values)
    tables += funnel_tables
    for key, title, matrix, label, ei_name, header in (
        ("kind_matrix", _("Kind × kind ties"), report.details["kind_matrix"], kind_label, "ei_index_kind", _("Kind")),
        ("region_matrix", _("Region × region ties"), report.details["region_matrix"], place_label, "ei_index_region",
         _("Region")),
    ):
        table, heat = _matrix(key, title, matrix, label, values.get(ei_name), ei_name, header)
        tables.append(table)
        board.heatmaps.append(heat)
    points = monthly_trend(subject, today=today)
    tables.append(trend_table(points))
    board.charts["trend"] = trend_chart(points, config.stage_thresholds)
    events, board.charts["events"] = event_scorecard(scope, period, data.edges)
    tables.append(events)
    board.charts["network"], network_tables = network(data, report.details, period, config, region=region)
    tables += network_tables
    board.tables = {t.key: t for t in tables}
    board.snapshot_at = latest_snapshot_at(subject)
    return board


def board_version(*, subject: Cluster | Alliance, access: str, period: Period, region: str = "") -> list:
    """Everything a board is built from: scope, access level, period, region, language, the cluster's own stage
    rules, the last snapshot time, the day and the data's version (``selectors.data_version``)."""
    rules = json.dumps(getattr(subject, "stage_thresholds", None) or {}, sort_keys=True)
    # Clusters and alliances have no updated_at: their names, slug and (an alliance's) clusters are read here.
    members = sorted(subject.clusters.values_list("pk", flat=True)) if isinstance(subject, Alliance) else []
    return [type(subject).__name__, subject.pk, subject.slug, subject.name_ko, subject.name_en, members, access,
            period.label, region,
            translation.get_language() or "", rules, latest_snapshot_at(subject), local_today(),
            selectors.data_version()]


def cached_dashboard(*, subject: Cluster | Alliance, access: str, period: Period, region: str = "",
                     version: list | None = None) -> Dashboard:
    """``build_dashboard``, kept up to ``DASHBOARD_CACHE_SECONDS`` (0: always computed live).

    Computing the indicators and the network live costs about a second at 5,000 organisations
    (scripts/bench/load.sh), so a board is kept. The key holds everything the board is built from
    (``board_version``, read again unless the caller passes it), so a held meeting, a new member or "update now"
    show at once and a kept board is never older than its data. Without a cache (Redis down) the board is
    computed live.
    """
    seconds = settings.DASHBOARD_CACHE_SECONDS
    if seconds <= 0:
        return build_dashboard(subject=subject, access=access, period=period, region=region)
    parts = version if version is not None else board_version(subject=subject, access=access, period=period,
                                                              region=region)
    key = "dashboard:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    board = cache_get_or(key)
    if board is None:
        board = build_dashboard(subject=subject, access=access, period=period, region=region)
        with contextlib.suppress(*CACHE_ERRORS):  # a cache that is down only costs the next request the same work
            cache.set(key, board, seconds)
    return board
