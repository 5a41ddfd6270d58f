"""All indicators of one cluster and period in one call: ``compute_indicators(data) -> IndicatorReport``."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import attendance, funnel, mixing, reach, structure
from .graph import (
    DEFAULT_HALF_LIFE_DAYS,
    DEFAULT_KIND_WEIGHTS,
    build_coattendance_graph,
    build_tie_graph,
    distinct_pairs,
)
from .stage import classify_stage
from .types import ClusterData, Number


@dataclass(frozen=True)
class IndicatorConfig:
    """Tunable parts; the defaults are the package's."""

    kind_weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_KIND_WEIGHTS))
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS
    exact_max_nodes: int = structure.EXACT_BETWEENNESS_MAX_NODES
    pivots: int = structure.DEFAULT_PIVOTS
    seed: int = structure.DEFAULT_SEED
    coverage_kinds: tuple[str, ...] = ("partnership",)
    local_window_days: int = reach.LOCAL_WINDOW_DAYS
    stage_thresholds: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class IndicatorReport:
    """``values``: name → number or None; ``details``: lists and matrices for pages; ``stage``: see
    ``stage.classify_stage``; ``sampled``: betweenness was estimated from pivots."""

    values: dict[str, Number]
    details: dict[str, Any]
    stage: dict[str, Any]
    sampled: bool


def _clean(value: Any) -> Number:
    """Python int/float or None: NaN and infinities become None, numpy scalars plain numbers."""
    if value is None or isinstance(value, bool):
        return None if value is None else int(value)
    if isinstance(value, int):
        return value
    number = float(value)
    return number if math.isfinite(number) else None


def compute_indicators(data: ClusterData, config: IndicatorConfig | None = None) -> IndicatorReport:
    """Every indicator this package implements (1–20) for ``data``; never raises on an empty cluster."""
    config = config or IndicatorConfig()
    orgs = {o.id: o for o in data.orgs}
    edges = [e for e in data.edges if e.a in orgs and e.b in orgs and (orgs[e.a].member or orgs[e.b].member)]
    member_ids = {o.id for o in data.orgs if o.member}
    values: dict[str, Number] = {}
    details: dict[str, Any] = {}
    pairs = distinct_pairs(edges)  # tie pairs, shared by mixing, reach and gatekeepers
    partners: dict[int, set[int]] = {}
    for a, b in pairs:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)

    values.update(mixing.member_mix(data.orgs, edges))
    members = len(member_ids)
    values["newcomers"] = data.newcomers
    values["newcomer_outside_share"] = data.newcomers_outside / members if members else None

    values.update(attendance.event_cadence(data.events, start=data.start, end=data.end, members=members))
    values.update(attendance.show_up(data.events))
    values.update(attendance.repeat_participation(data.attendance))
    values.update(attendance.triple_helix(data.attendance, orgs))

    values.update(reach.local_connectedness(orgs, edges, as_of=data.end, window_days=config.local_window_days))
    values.update(reach.global_connectedness(orgs, edges, partners=partners))
    values.update(reach.firm_hospital_coverage(orgs, edges, kinds=config.coverage_kinds))
    values.update(reach.mentoring_reach(orgs, edges, scaled_mentor_orgs=data.scaled_mentor_orgs))

    values.update(funnel.match_acceptance(data.matches))
    values.update(funnel.match_conversion(data.matches))
    values.update(funnel.new_tie_yield(edges))

    graph = build_tie_graph(data.orgs, edges, as_of=data.end, kind_weights=config.kind_weights,
                            half_life_days=config.half_life_days)
    values.update(structure.cohesion(graph))
    values["degree_centralization"] = structure.degree_centralization(graph)
    values.update(structure.clustering(graph))
    broker_values, details["brokers"] = structure.brokers(
        graph, pivots=config.pivots, seed=config.seed, exact_max_nodes=config.exact_max_nodes)
    values.update(broker_values)
    gate_values, details["gatekeepers"] = structure.gatekeepers(graph, partners, member_ids)
    values.update(gate_values)
    community_values, details["communities"] = structure.communities(graph, orgs, seed=config.seed)
    values.update(community_values)

    for part in (mixing.kind_mixing(orgs, edges, pairs=pairs), mixing.region_mixing(orgs, edges, pairs=pairs)):
        values.update(part[0])
        details.update(part[1])

    co_attendance = structure.cohesion(build_coattendance_graph(data.orgs, edges))
    values["co_attendance_density"] = co_attendance["density"]
    values["co_attendance_largest_component_share"] = co_attendance["largest_component_share"]

    values = {name: _clean(value) for name, value in values.items()}
    return IndicatorReport(
        values=values, details=details, stage=classify_stage(values, config.stage_thresholds),
        sampled=values["sampled_pivots"] is not None,
    )
