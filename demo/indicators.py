"""load_demo stage: twelve months of indicator snapshots for every cluster and alliance, so the
dashboard's trends move from the first look (the nightly beat task keeps them current afterwards)."""

from __future__ import annotations

from datetime import date

from portal.indicators.snapshots import month_period, period_kind, quarter_period, snapshot, today_local
from portal.models import IndicatorSnapshot

from .world import World

MONTHS = 12


def _months_before(first: date, n: int) -> date:
    index = first.year * 12 + first.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


def build_snapshots(world: World) -> int:
    """Monthly snapshots of the last twelve months and quarterly ones of the last four quarters.

    Only missing ones: a re-run changes nothing (the nightly task keeps the current ones up to date)."""
    first = today_local().replace(day=1)
    months = [month_period(_months_before(first, i)) for i in range(MONTHS - 1, -1, -1)]
    quarter_first = first.replace(month=(first.month - 1) // 3 * 3 + 1)
    quarters = [quarter_period(_months_before(quarter_first, 3 * i)) for i in range(3, -1, -1)]
    subjects = [*(world.clusters[s] for s in sorted(world.clusters)), *(world.alliances[s] for s in sorted(world.alliances))]
    written = 0
    for subject in subjects:
        owner = {"alliance" if subject in world.alliances.values() else "cluster": subject}
        have = set(IndicatorSnapshot.objects.filter(**owner).values_list("period_kind", "period_start"))
        for period in (*months, *quarters):
            if (period_kind(period), period.start) not in have:
                snapshot(subject, period)
                written += 1
    world.stdout.write(f"Demo indicator snapshots: {written} (monthly and quarterly, every cluster and alliance).\n")
    return written
