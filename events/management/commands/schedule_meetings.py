"""``schedule_meetings --data FILE``: the partnering scheduler on a JSON Lines instance.

Touches no database: it parses the file, runs :mod:`events.scheduling` (the same code the
pages use) and prints one JSON line per meeting, then a summary line.
"""

from __future__ import annotations

import json
import sys
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.scheduling import DEFAULT_TIME_LIMIT, METHODS, ScheduleInputError, parse_jsonl, read_instance, schedule_instance


class Command(BaseCommand):
    help = (
        "Schedule 1:1 partnering meetings from a JSON Lines file (settings, attendee, request, "
        "fixed lines; .gz accepted; '-' reads stdin) and print the meetings as JSON Lines."
    )
    # Offline tool: it must run against an empty, unmigrated database.
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", required=True, metavar="FILE", help="JSON Lines instance")
        parser.add_argument(
            "--method",
            choices=METHODS,
            default="auto",
            help="auto (default): heuristic, then the exact model when small enough; "
            "greedy: the baseline only; heuristic: no integer programme; exact: always try it",
        )
        parser.add_argument(
            "--time-limit",
            type=float,
            default=DEFAULT_TIME_LIMIT,
            metavar="SECONDS",
            help=f"overall budget; the search stops earlier once it stalls (default {DEFAULT_TIME_LIMIT:g})",
        )
        parser.add_argument("--seed", type=int, default=0, help="seed of the local search (default 0)")

    def handle(self, *args: object, **options: object) -> None:
        started = time.perf_counter()
        path = str(options["data"])
        try:
            inst = parse_jsonl(sys.stdin.buffer) if path == "-" else read_instance(path)
        except ScheduleInputError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        if float(options["time_limit"]) <= 0:
            raise CommandError("--time-limit must be positive")
        sched = schedule_instance(inst, method=str(options["method"]), time_limit=float(options["time_limit"]), seed=int(options["seed"]))
        write = self.stdout.write
        for pl in sched.placements:
            write(json.dumps({"from": pl.a, "to": pl.b, "slot": pl.slot, "table": pl.table}, ensure_ascii=False))
        summary = {
            "requests": sched.requests,
            "scheduled": sched.scheduled,
            "weight": round(sched.weight, 6),
            "seconds": round(time.perf_counter() - started, 3),
        }
        write(json.dumps({"summary": summary}))
        if int(options["verbosity"]) >= 2:
            greedy = int(sched.stats.get("greedy", 0))
            self.stderr.write(
                f"method={sched.method} optimal={sched.optimal} greedy={greedy} "
                f"upper_bound={sched.upper_bound} variables={int(sched.stats.get('variables', 0))}"
            )
