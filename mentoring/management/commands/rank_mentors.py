"""rank_mentors --data FILE [--top K]: offline mentor ranking for every need of an exchange file.

Prints one JSON line per need listing, {"query": id, "ranked": [[mentor id, score], ...]}, best
first; --top 0 lists every mentor. Scores are absolute, so a mentor's scores for different needs
compare. Touches no database; embeddings are cached in files under $CLUSTERLINK_CACHE_DIR.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from matching.engine.exchange import ExchangeError
from mentoring.ranking import rank_mentor_file, ranking_line


class Command(BaseCommand):
    help = "Rank mentors for every need listing of an exchange file (no database)."
    # Offline tool: no system or migration checks, so it runs with the database unreachable.
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", required=True, metavar="FILE",
                            help="exchange-format JSON Lines with mentor and need records (.gz allowed)")
        parser.add_argument("--top", type=int, default=10, help="mentors per need (default 10; 0 = every mentor)")
        parser.add_argument("--no-embeddings", action="store_true",
                            help="lexical and facet signals only (no sentence encoder)")
        parser.add_argument("--timings", action="store_true", help="print timings and the encoder to stderr")

    def handle(self, *args: object, **opts: object) -> None:
        if int(opts["top"]) < 0:
            raise CommandError(_("--top must be 0 (every mentor) or a positive number."))
        try:
            run = rank_mentor_file(str(opts["data"]), top=int(opts["top"]),
                                   use_embeddings=not opts["no_embeddings"])
        except ExchangeError as exc:
            raise CommandError(str(exc)) from None
        lines = [ranking_line(need, ranked) for need, ranked in run.rankings]
        if lines:
            self.stdout.write("\n".join(lines))
        for warning in run.warnings[:20]:
            print(f"warning: {warning}", file=sys.stderr)
        if opts["timings"]:
            info = {"seconds": {k: round(v, 2) for k, v in run.seconds.items()},
                    "model": run.model.timings, "version": run.model.version, "weights": run.model.weights}
            print(json.dumps(info), file=sys.stderr)
