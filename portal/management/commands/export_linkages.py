"""export_linkages [--cluster SLUG | --alliance SLUG] [--period 2026-Q3]

CSV on stdout, plain UTF-8 (no BOM, no formula escaping), one row per linkage, oldest first, columns
``org_a,org_b,kind,weight,occurred_at,a_kind,b_kind,a_region,b_region``: exactly the edges
``compute_indicators`` reads for the same arguments (both use ``portal.indicators.selectors.cluster_edges``).
Without ``--cluster`` every cluster's edges follow each other (a linkage may appear once per cluster).
"""

from __future__ import annotations

import csv

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.utils.translation import gettext as _

from portal.indicators.periods import parse_period
from portal.indicators.selectors import cluster_edges, resolve_scopes

COLUMNS = ["org_a", "org_b", "kind", "weight", "occurred_at", "a_kind", "b_kind", "a_region", "b_region"]


class _Raw:
    """A file-like view of the command's stdout that adds no line endings of its own."""

    def __init__(self, out: OutputWrapper) -> None:
        self.out = out

    def write(self, text: str) -> None:
        self.out.write(text, ending="")


class Command(BaseCommand):
    help = "Write the linkages the indicators read as CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--cluster", help="cluster slug (default: every cluster)")
        scope.add_argument("--alliance", help="alliance slug: its clusters' members together")
        parser.add_argument("--period", default="", help="2026-Q3, 2026-07 or 2026 (default: the last 12 months)")

    def handle(self, *args: object, **opts: object) -> None:
        try:
            period = parse_period(str(opts["period"] or ""))
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        scopes = resolve_scopes(cluster=opts["cluster"], alliance=opts["alliance"])
        if scopes is None:
            raise CommandError(_("No cluster or alliance with the slug “%(slug)s”.")
                               % {"slug": opts["cluster"] or opts["alliance"]})
        writer = csv.writer(_Raw(self.stdout), lineterminator="\n")
        writer.writerow(COLUMNS)
        for scope in scopes:
            for r in cluster_edges(scope, period):
                writer.writerow([r.org_a, r.org_b, r.kind, repr(r.weight), r.occurred_at.isoformat(),
                                 r.a_kind, r.b_kind, r.a_region, r.b_region])
