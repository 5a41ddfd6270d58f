"""bench_learning [--sizes 300,1000,3000] [--trials 200] [--strength 1.0] [--rule new|old] [--json]

How the refit from decisions behaves on simulated decisions (no database): the share of refits
adopted when the labels are noise (false adoptions; the target is at most 5 %), and when they follow
known weights (power) with the Spearman correlation of the adopted weights to the true ones.
``--rule old`` measures the rule before the significance test (see matching/proposals/learning_bench.py).
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from matching.proposals import learning
from matching.proposals.learning_bench import format_table, old_rule, run_bench


class Command(BaseCommand):
    help = "Simulated decisions: how often the refit from decisions adopts weights by luck, and how often rightly."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sizes", default="300,1000,3000", help="comma-separated numbers of decisions")
        parser.add_argument("--trials", type=int, default=200, help="seeded trials per size and scenario")
        parser.add_argument("--strength", type=float, default=1.0,
                            help="log-odds per standard deviation of the true score in the signal scenario")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--rule", choices=("new", "old"), default="new",
                            help="new: the significance test with MATCH_REFIT_MIN_DECISIONS; old: the rule before it")
        parser.add_argument("--json", action="store_true", help="one JSON object per row instead of the table")

    def handle(self, *args: object, **opts: object) -> None:
        try:
            sizes = [int(s) for s in str(opts["sizes"]).split(",") if s.strip()]
        except ValueError:
            raise CommandError("--sizes must be comma-separated integers") from None
        if not sizes or min(sizes) < 10:
            raise CommandError("--sizes must list sizes of at least 10 decisions")
        if int(opts["trials"]) < 1:
            raise CommandError("--trials must be at least 1")
        rule = old_rule if opts["rule"] == "old" else learning.weights_from_decisions
        rows = run_bench(rule, sizes=sizes, trials=int(opts["trials"]), seed=int(opts["seed"]),
                         strength=float(opts["strength"]))
        for row in rows:
            row["rule"] = opts["rule"]
        if opts["json"]:
            for row in rows:
                self.stdout.write(json.dumps(row))
            return
        needed = 30 if opts["rule"] == "old" else learning.min_decisions()
        self.stdout.write(f"rule: {opts['rule']} (no refit below {needed} decisions)")
        self.stdout.write(format_table(rows))
