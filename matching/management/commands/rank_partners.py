"""rank_partners --data FILE [--top K] [--exposure-cap N] [--lane-positions P,...]: firm -> institution ranking.

Prints one JSON line per firm, {"query": id, "ranked": [id, ...]}, best first. Touches no database;
caches go to files under $CLUSTERLINK_CACHE_DIR.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from matching.engine.exchange import ExchangeError
from matching.engine.offline import rank_file


def _positions(raw: str) -> tuple[int, ...]:
    if raw.strip().lower() in ("", "none"):
        return ()
    try:
        out = tuple(int(x) for x in raw.split(","))
    except ValueError:
        raise CommandError(f"--lane-positions: integers separated by commas, not {raw!r}") from None
    if any(p < 1 for p in out):
        raise CommandError("--lane-positions: positions are 1-based")
    return out


class Command(BaseCommand):
    help = "Rank hospitals and universities for every firm of an exchange file (no database)."
    requires_system_checks: list[str] = []  # offline: must run against an empty, unmigrated database
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", required=True, help="exchange-format JSON Lines (.gz allowed)")
        parser.add_argument("--top", type=int, default=50, help="candidates per firm (default 50)")
        parser.add_argument("--exposure-cap", type=int, default=0,
                            help="propose one organisation to at most N firms (0 = no cap)")
        parser.add_argument("--no-refit", action="store_true", help="keep the hand-set weights")
        parser.add_argument("--no-embeddings", action="store_true", help="skip the multilingual encoder")
        parser.add_argument("--lane-positions", default=None,
                            help="1-based positions of the new-to-the-network lane, comma-separated "
                                 "(default: the engine's LANE_POSITIONS; 'none' = no lane)")
        parser.add_argument("--timings", action="store_true", help="print timings and weights to stderr")

    def handle(self, *args: object, **opts: object) -> None:
        lane = {} if opts["lane_positions"] is None else {"lane_positions": _positions(opts["lane_positions"])}
        try:
            run = rank_file(opts["data"], top=opts["top"], exposure_cap=opts["exposure_cap"],
                            refit=not opts["no_refit"], use_embeddings=not opts["no_embeddings"], **lane)
        except ExchangeError as exc:
            raise CommandError(str(exc)) from None
        out = self.stdout
        for query, ranked in run.rankings.items():
            out.write(json.dumps({"query": query, "ranked": ranked}))
        for warning in run.model.warnings[:20]:
            print(f"warning: {warning}", file=sys.stderr)
        if opts["timings"]:
            info = {"seconds": {k: round(v, 2) for k, v in run.seconds.items()},
                    "model": run.model.timings, "weights": run.model.weights,
                    "refit": run.model.weights_info}
            print(json.dumps(info, default=str), file=sys.stderr)
