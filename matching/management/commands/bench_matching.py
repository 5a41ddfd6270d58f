"""bench_matching [--from FILE] [--sizes 10000,30000,100000] [--json]: engine scale benchmark.

Per size one JSON line: listings, mean_tokens, vocab, nnz_per_row, tokenise_ms, embed_ms, fit_s,
topk_all_s, rerank_p50_ms, rerank_p95_ms (a corpus need), edit_rerank_p50_ms, edit_rerank_p95_ms (an edited
listing as a save re-ranks it: tokenise, embed, rank against the warm model with history), peak_rss_mb,
baseline_topk_s (see matching/engine/bench.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from matching.engine.bench import SAMPLE, run_bench


class Command(BaseCommand):
    help = "Synthetic scale benchmark of the matching engine (no database)."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="source", default=None,
                            help="exchange file whose listing texts are resampled (default: bundled sample)")
        parser.add_argument("--sizes", default="10000,30000,100000")
        parser.add_argument("--json", action="store_true", help="JSON lines only (the default output too)")
        parser.add_argument("--no-baseline", action="store_true", help="skip the sklearn NearestNeighbors baseline")

    def handle(self, *args: object, **opts: object) -> None:
        try:
            sizes = [int(s) for s in str(opts["sizes"]).split(",") if s.strip()]
        except ValueError:
            raise CommandError("--sizes must be comma-separated integers") from None
        if not sizes or min(sizes) < 10:
            raise CommandError("--sizes must list sizes of at least 10 listings")
        source = Path(opts["source"]) if opts["source"] else SAMPLE
        if not source.exists():
            raise CommandError(f"{source}: no such file")
        try:
            for row in run_bench(sizes, source, baseline=not opts["no_baseline"]):
                self.stdout.write(json.dumps(row))
                self.stdout.flush()
        except RuntimeError as exc:
            raise CommandError(str(exc)) from None
