"""Hospital capacity facts vs what a need asks for (trial phase, start-up time, volume, equipment).

A need's requirements are read from its text ("a phase 1 site that can start within 8 weeks",
"제1상 ... 8주 이내"); the organisation facts come from the exchange keys trial_phases,
trials_per_year, irb_days and equipment.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .types import Organization

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_PHASE_EN = re.compile(r"\bphase\s*(i{1,3}|iv|[1-4])(?:\s*[/-]\s*(i{1,3}|iv|[1-4]))?\b", re.I)
_PHASE_KO = re.compile(r"제?\s*([1-4])\s*(?:/\s*([1-4])\s*)?상")
_WINDOW = re.compile(
    r"(\d+(?:\.\d+)?)\s*(days?|weeks?|months?|일|주|개월|달)\s*(?:이내|안에|내)?", re.I)
_WITHIN_HINT = re.compile(r"within|start|begin|initiat|activat|이내|안에|개시|시작", re.I)
_UNIT_DAYS = {"day": 1, "days": 1, "일": 1, "week": 7, "weeks": 7, "주": 7,
              "month": 30, "months": 30, "개월": 30, "달": 30}


@dataclass(frozen=True)
class Requirements:
    phases: frozenset[str] = frozenset()
    start_within_days: float | None = None

    @property
    def empty(self) -> bool:
        return not self.phases and self.start_within_days is None


def _phase(tok: str | None) -> str | None:
    if not tok:
        return None
    return _ROMAN.get(tok.lower(), tok)


def parse_requirements(text: str) -> Requirements:
    phases: set[str] = set()
    for m in list(_PHASE_EN.finditer(text)) + list(_PHASE_KO.finditer(text)):
        phases.update(p for p in (_phase(m.group(1)), _phase(m.group(2))) if p)
    window = None
    if _WITHIN_HINT.search(text):
        for m in _WINDOW.finditer(text):
            days = float(m.group(1)) * _UNIT_DAYS[m.group(2).lower()]
            window = days if window is None else min(window, days)
    return Requirements(frozenset(phases), window)


def org_phases(org: Organization) -> set[str]:
    out = set()
    for p in org.trial_phases:
        for tok in re.findall(r"i{1,3}|iv|[1-4]", p.lower()):
            out.add(_ROMAN.get(tok, tok))
    return out


def capacity_fit(req: Requirements, org: Organization) -> tuple[float, list[str]]:
    """Score in [-1, 1] and the facts (as sentences) behind it; 0 when nothing is known."""
    score, facts = 0.0, []
    have = org_phases(org)
    if req.phases and have:
        if req.phases & have:
            score += 0.5
            facts.append(f"runs phase {'/'.join(sorted(req.phases & have))} trials (asked: phase "
                         f"{'/'.join(sorted(req.phases))})")
        else:
            score -= 0.5
            facts.append(f"runs phase {'/'.join(sorted(have))} trials, not the phase "
                         f"{'/'.join(sorted(req.phases))} asked for")
    if req.start_within_days is not None and org.irb_days is not None:
        gap = req.start_within_days - org.irb_days
        # ethics approval is the long pole of start-up: inside the window scores, outside costs
        part = max(-0.5, min(0.5, gap / max(req.start_within_days, 1.0)))
        score += part
        verdict = "within" if gap >= 0 else "beyond"
        facts.append(f"ethics board turnaround {org.irb_days:g} days, {verdict} the "
                     f"{req.start_within_days:g}-day start window")
    if org.trials_per_year:
        score += 0.1 * min(1.0, math.log1p(org.trials_per_year) / math.log1p(200))
        facts.append(f"{org.trials_per_year:g} trials a year")
    if org.equipment:
        facts.append("equipment open to outside use: " + ", ".join(org.equipment[:5]))
    return max(-1.0, min(1.0, score)), facts
