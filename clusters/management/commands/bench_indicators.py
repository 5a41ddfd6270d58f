"""bench_indicators [--orgs 5000] [--linkages 100000] [--seed 7] [--ties-only] [--trace] [--json]

Times every linkage indicator on a synthetic cluster (fixed seed, no database): seconds and peak memory.
The budget is 10 s for 5,000 organisations and 100,000 linkages.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusters.indicators.bench import run_bench

BUDGET_S = 10.0


class Command(BaseCommand):
    help = "Synthetic scale benchmark of the linkage indicators (no database)."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--orgs", type=int, default=5000)
        parser.add_argument("--linkages", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--ties-only", action="store_true",
                            help="every linkage a tie of G (no co-attendance): the harsh case")
        parser.add_argument("--trace", action="store_true",
                            help="also measure the peak of Python allocations in a second, traced run")
        parser.add_argument("--json", action="store_true", help="one JSON line instead of the summary")

    def handle(self, *args: object, **opts: object) -> None:
        if int(opts["orgs"]) < 2 or int(opts["linkages"]) < 0:
            raise CommandError("--orgs must be at least 2 and --linkages not negative")
        row = run_bench(int(opts["orgs"]), int(opts["linkages"]), seed=int(opts["seed"]),
                        trace=bool(opts["trace"]), ties_only=bool(opts["ties_only"]))
        row["within_budget"] = row["compute_s"] < BUDGET_S
        if opts["json"]:
            self.stdout.write(json.dumps(row))
            return
        self.stdout.write(
            f"{row['orgs']} organisations ({row['members']} members), {row['linkages']} linkages"
            f"{' (ties only)' if row['ties_only'] else ''}: {row['indicators']} indicators in {row['compute_s']:.2f} s"
            f" (data generated in {row['generate_s']:.2f} s); peak RSS {row['peak_rss_mb']} MB"
            + (f", traced Python peak {row['traced_peak_mb']} MB" if "traced_peak_mb" in row else "")
            + (f"; betweenness sampled with {row['sampled_pivots']} pivots" if row["sampled_pivots"] else "; exact")
            + ("" if row["within_budget"] else f"; OVER the {BUDGET_S:.0f} s budget")
        )
