"""Lifecycle stage: Startup Genome phase and ScanBalt stage, rule-based on the indicator values.

Each scheme is a ladder of stages; a cluster climbs from the first stage while every rule of the next stage
holds, and stops at the first stage one of whose rules fails (or a value is missing). The result is plain
data: stage and rule codes, thresholds and values, which the page translates and shows ("which rule
decided", "what would move the cluster on"). Thresholds are data too: pass ``{rule code: number}`` to
override any default below.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass

from .types import Number

_OPS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt}


@dataclass(frozen=True)
class Rule:
    """``indicator op threshold`` must hold; ``code`` names it and keys its threshold override."""

    code: str
    indicator: str
    op: str
    default: float


# Startup Genome's counts (Globalization ~2,000 startups) are for whole start-up ecosystems; a bio-medical
# cluster is about twenty times smaller, so the start-up count is scaled and connectedness does the rest.
STARTUP_GENOME: tuple[tuple[str, tuple[Rule, ...]], ...] = (
    ("activation", ()),
    ("globalization", (
        Rule("globalization.min_startups", "members_firm", ">=", 100),
        Rule("globalization.min_largest_component", "largest_component_share", ">=", 0.5),
        Rule("globalization.max_local_unconnected", "local_connectedness_none_share", "<=", 0.5),
    )),
    ("expansion", (
        Rule("expansion.min_global_connectedness", "global_connectedness", ">=", 0.25),
        Rule("expansion.min_outside_newcomers", "newcomer_outside_share", ">=", 0.05),
    )),
    ("integration", (
        Rule("integration.min_cross_region_share", "cross_region_share", ">=", 0.5),
        Rule("integration.min_gatekeepers", "gatekeepers", ">=", 1),
        Rule("integration.min_events_per_month", "events_per_month", ">=", 20),  # near-daily
    )),
)

SCANBALT: tuple[tuple[str, tuple[Rule, ...]], ...] = (
    ("scientific_fountain", ()),
    ("co_location", (
        Rule("co_location.min_firm_investor_share", "firm_investor_share", ">=", 0.5),
        Rule("co_location.min_events_per_month", "events_per_month", ">=", 2),
    )),
    ("mode3", (
        Rule("mode3.min_conversion", "match_conversion_rate", ">=", 0.2),
        Rule("mode3.min_ei_index_kind", "ei_index_kind", ">", 0),
        Rule("mode3.min_gatekeepers", "gatekeepers", ">=", 1),
        Rule("mode3.min_regions", "regions_linked", ">=", 3),
        Rule("mode3.min_countries", "countries_linked", ">=", 2),
    )),
)

SCHEMES = {"startup_genome": STARTUP_GENOME, "scanbalt": SCANBALT}
DEFAULT_THRESHOLDS: dict[str, float] = {r.code: r.default for ladder in SCHEMES.values() for _s, rules in ladder for r in rules}


def _check(rule: Rule, values: Mapping[str, Number], thresholds: Mapping[str, float]) -> dict:
    threshold = thresholds.get(rule.code, rule.default)
    value = values.get(rule.indicator)
    met = value is not None and _OPS[rule.op](value, threshold)
    return {"rule": rule.code, "indicator": rule.indicator, "op": rule.op, "threshold": threshold, "value": value,
            "met": met}


def classify_ladder(
    ladder: tuple[tuple[str, tuple[Rule, ...]], ...], values: Mapping[str, Number],
    thresholds: Mapping[str, float] | None = None,
) -> dict:
    """Climb ``ladder`` on ``values``. Returns ``stage``; ``decided_by`` = the first failing rule of the next
    stage, or ``<stage>.reached`` at the top; ``met`` = the rule checks of the stage reached; ``next_stage``
    and ``to_next`` = every rule check of the next stage (None and [] at the top)."""
    thresholds = thresholds or {}
    stage, met = ladder[0][0], []
    for index in range(1, len(ladder)):
        name, rules = ladder[index]
        checks = [_check(r, values, thresholds) for r in rules]
        failed = [c for c in checks if not c["met"]]
        if failed:
            return {"stage": stage, "decided_by": failed[0]["rule"], "met": met, "next_stage": name, "to_next": checks}
        stage, met = name, checks
    return {"stage": stage, "decided_by": f"{stage}.reached", "met": met, "next_stage": None, "to_next": []}


def classify_stage(values: Mapping[str, Number], thresholds: Mapping[str, float] | None = None) -> dict:
    """Both schemes: ``{"startup_genome": {...}, "scanbalt": {...}}`` (see ``classify_ladder``).

    Raises ValueError for a threshold code no rule has (a typo would otherwise be ignored silently).
    """
    unknown = sorted(set(thresholds or {}) - DEFAULT_THRESHOLDS.keys())
    if unknown:
        raise ValueError(f"unknown stage thresholds: {', '.join(unknown)}")
    return {name: classify_ladder(ladder, values, thresholds) for name, ladder in SCHEMES.items()}
