"""``assign_mentors --data FILE``: the cohort optimiser on a JSON Lines instance.

Touches no database (it runs with the database down): it parses the whole file first, so a
bad line prints nothing on stdout, then runs :mod:`mentoring.assignment` and prints one JSON
line per seat, then a summary line.
"""

from __future__ import annotations

import json
import sys
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mentoring.assignment import AssignmentInputError, assign, parse_jsonl, read_instance


class Command(BaseCommand):
    help = (
        "Assign mentor panels to startups from a JSON Lines file (settings, startup, mentor, "
        "conflict, score lines; .gz accepted; '-' reads stdin): the most seats, then the best total fit."
    )
    # Offline tool: no system or migration checks, so it runs without a reachable database.
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", required=True, metavar="FILE", help="JSON Lines instance ('-' for stdin)")

    def handle(self, *args: object, **options: object) -> None:
        started = time.perf_counter()
        path = str(options["data"])
        try:
            inst = parse_jsonl(sys.stdin.buffer) if path == "-" else read_instance(path)
        except AssignmentInputError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        result = assign(inst)
        lines = [json.dumps({"startup": seat.startup, "mentor": seat.mentor}, ensure_ascii=False) for seat in result.seats]
        summary = {
            "seats": len(result.seats),
            "total_score": round(result.total_score, 6),
            "short_panels": result.short_panels,
            "seconds": round(time.perf_counter() - started, 3),
        }
        lines.append(json.dumps({"summary": summary}))
        self.stdout.write("\n".join(lines))
