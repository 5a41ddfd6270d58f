"""A synthetic cluster (fixed seed) and the timing of ``compute_indicators`` on it; used by ``bench_indicators``."""

from __future__ import annotations

import random
import resource
import sys
import time
import tracemalloc
from datetime import UTC, datetime, timedelta

from .compute import compute_indicators
from .types import Attendance, ClusterData, Edge, EventStat, MatchRecord, Org

KINDS = (("firm", 0.6), ("hospital", 0.08), ("university", 0.12), ("investor", 0.08), ("service", 0.08), ("public", 0.04))
REGIONS = (("seoul", 0.4), ("gyeonggi", 0.25), ("chungbuk", 0.15), ("daegu", 0.1), ("incheon", 0.05), ("abroad", 0.05))
# Check-ins dominate the log; partnerships are rare.
EDGE_KINDS = (("co_attendance", 0.5), ("meeting", 0.2), ("introduction", 0.15), ("mentoring", 0.1), ("partnership", 0.05))
# The harsh variant: every linkage is a tie of G.
TIES_ONLY = (("meeting", 0.4), ("introduction", 0.3), ("mentoring", 0.2), ("partnership", 0.1))
COMMUNITY = 50


def _pick(rng: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def synthetic_cluster(
    orgs: int = 5000, linkages: int = 100_000, *, seed: int = 7, end: datetime | None = None,
    edge_kinds: tuple[tuple[str, float], ...] = EDGE_KINDS,
) -> ClusterData:
    """``orgs`` organisations (90% members) in communities of 50, ``linkages`` edges over the year before
    ``end`` (70% inside a community), 200 events with registrations and check-ins, 5,000 reviewed matches."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    end = end or datetime(2026, 7, 1, tzinfo=UTC)
    start = end - timedelta(days=365)
    people = []
    for i in range(orgs):
        region = _pick(rng, REGIONS)
        people.append(Org(id=i + 1, kind=_pick(rng, KINDS), region=region,
                          country=rng.choice(("US", "DE", "JP")) if region == "abroad" else "KR", member=rng.random() < 0.9))
    edges = []
    for _ in range(linkages):
        a = rng.randrange(orgs)
        b = (a // COMMUNITY) * COMMUNITY + rng.randrange(COMMUNITY) if rng.random() < 0.7 else rng.randrange(orgs)
        b = min(b, orgs - 1)
        if a == b:
            b = (a + 1) % orgs
        kind = _pick(rng, edge_kinds)
        weight = 1 / rng.randint(5, 60) if kind == "co_attendance" else 1.0
        at = start + timedelta(seconds=rng.randrange(365 * 86400))
        edges.append(Edge(a=min(a, b) + 1, b=max(a, b) + 1, kind=kind, weight=weight, occurred_at=at,
                          source="meeting" if kind == "meeting" and rng.random() < 0.7 else ""))
    events, attendance = [], []
    for event_id in range(1, 201):
        registered = rng.randint(10, 120)
        events.append(EventStat(id=event_id, starts_at=start + timedelta(days=rng.randrange(365)),
                                registered=registered, checked_in=rng.randint(0, registered)))
        attendance.extend(Attendance(event_id=event_id, org_id=rng.randrange(orgs) + 1) for _ in range(30))
    matches = []
    for _ in range(5000):
        decided = start + timedelta(days=rng.randrange(365))
        accepted = rng.random() < 0.6
        partnered = decided + timedelta(days=rng.randint(10, 200)) if accepted and rng.random() < 0.2 else None
        matches.append(MatchRecord(kind=rng.choice(("model", "requested", "brokered")), decided_at=decided,
                                   accepted=accepted, partnership_at=partnered))
    return ClusterData(start=start, end=end, orgs=tuple(people), edges=tuple(edges), events=tuple(events),
                       attendance=tuple(attendance), matches=tuple(matches), newcomers=120, newcomers_outside=20)


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


def run_bench(orgs: int = 5000, linkages: int = 100_000, *, seed: int = 7, trace: bool = False,
              ties_only: bool = False) -> dict:
    """Time ``compute_indicators`` on the synthetic cluster. With ``trace`` a second, traced run measures the
    peak of Python allocations (tracemalloc slows the run, so the timing comes from the untraced one)."""
    started = time.perf_counter()
    data = synthetic_cluster(orgs, linkages, seed=seed, edge_kinds=TIES_ONLY if ties_only else EDGE_KINDS)
    generated = time.perf_counter()
    report = compute_indicators(data)
    computed = time.perf_counter()
    row = {
        "orgs": orgs, "linkages": linkages, "ties_only": ties_only, "members": report.values["members"],
        "generate_s": round(generated - started, 3), "compute_s": round(computed - generated, 3),
        "sampled_pivots": report.values["sampled_pivots"], "peak_rss_mb": round(_peak_rss_mb(), 1),
        "indicators": len(report.values),
    }
    if trace:
        tracemalloc.start()
        compute_indicators(data)
        row["traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    return row
