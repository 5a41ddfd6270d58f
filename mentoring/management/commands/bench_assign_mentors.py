"""``bench_assign_mentors``: the cohort optimiser against the greedy baseline on generated cohorts.

Touches no database. Default: 200 startups x 300 mentors, panels of 3, capacities 1-3, ~2%
conflicts, fixed seed; one dense case (every pair scored) and one sparse case (10% scored).
"""

from __future__ import annotations

import json
from dataclasses import asdict

from django.core.management.base import BaseCommand, CommandParser

from mentoring.assignment.bench import run_case


class Command(BaseCommand):
    help = "Time the exact mentor panel optimiser against the greedy baseline (seconds, seats, total fit)."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--startups", type=int, default=200)
        parser.add_argument("--mentors", type=int, default=300)
        parser.add_argument("--panel", type=int, default=3)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--densities", type=float, nargs="+", default=[1.0, 0.1], help="shares of pairs scored")
        parser.add_argument("--json", action="store_true", help="one JSON line per case")

    def handle(self, *args: object, **options: object) -> None:
        write = self.stdout.write
        if not options["json"]:
            write(
                "| case | startups x mentors | scored pairs | seats asked / capacity "
                "| optimum seats / fit (s) | greedy seats / fit (s) |"
            )
            write("|---|---|---|---|---|---|")
        for density in options["densities"]:  # type: ignore[attr-defined]
            row = run_case(
                f"density {density:g}",
                int(options["startups"]),
                int(options["mentors"]),
                density=float(density),
                panel=int(options["panel"]),
                seed=int(options["seed"]),
            )
            if options["json"]:
                write(json.dumps(asdict(row)))
                continue
            write(
                f"| {row.case} | {row.startups} x {row.mentors} | {row.pairs} | {row.seats_demanded} / {row.mentor_capacity} "
                f"| {row.optimum_seats} / {row.optimum_fit:.3f} ({row.optimum_seconds:.3f}) "
                f"| {row.greedy_seats} / {row.greedy_fit:.3f} ({row.greedy_seconds:.3f}) |"
            )
