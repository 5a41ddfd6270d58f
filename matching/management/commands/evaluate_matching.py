"""evaluate_matching --data FILE [--k 10]: rank as rank_partners does, score the file's test links.

Prints the keys and values of shared/eval/score_partners.py (queries, recall@k, recall@50, mrr,
ndcg@k) on stdout; the exposure share and timings on stderr.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from matching.engine.exchange import ExchangeError
from matching.engine.offline import evaluate_file


class Command(BaseCommand):
    help = "recall@k, recall@50, MRR and nDCG@k of rank_partners on an exchange file's test links."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", required=True)
        parser.add_argument("--k", type=int, default=10)
        parser.add_argument("--top", type=int, default=50, help="ranking depth, as rank_partners --top")
        parser.add_argument("--exposure-cap", type=int, default=0)
        parser.add_argument("--no-refit", action="store_true")
        parser.add_argument("--no-embeddings", action="store_true")

    def handle(self, *args: object, **opts: object) -> None:
        if opts["k"] < 1:
            raise CommandError("--k must be >= 1")
        try:
            result = evaluate_file(opts["data"], k=opts["k"], top=opts["top"],
                                   exposure_cap=opts["exposure_cap"], refit=not opts["no_refit"],
                                   use_embeddings=not opts["no_embeddings"])
        except ExchangeError as exc:
            raise CommandError(str(exc)) from None
        # stdout carries exactly the scorer's keys; the extras (exposure, timings) go to stderr
        extras = {k: result.pop(k) for k in ("top10_share_of_10_most_proposed", "seconds") if k in result}
        self.stdout.write(json.dumps(result))
        self.stderr.write(json.dumps(extras))
