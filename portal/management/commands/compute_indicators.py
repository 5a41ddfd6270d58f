"""compute_indicators [--cluster SLUG | --alliance SLUG] [--period 2026-Q3] [--json]

With ``--json``: ``{"cluster": "<slug>", "period": "...", "indicators": {"<name>": value, ...}, "stage": {...}}``,
one object per line, one line per cluster (exactly one object with ``--cluster``); nothing else goes to
stdout, progress goes to stderr. Without ``--json``: a readable table per cluster.
Periods: ``2026-Q3``, ``2026-07``, ``2026``; default the last 12 months ending today.
"""

from __future__ import annotations

import json
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from portal.indicators.periods import parse_period
from portal.indicators.selectors import resolve_scopes
from portal.indicators.services import ScopeIndicators, indicators_compute


def _format(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


class Command(BaseCommand):
    help = "Compute the linkage indicators and lifecycle stage of one cluster, one alliance or every cluster."

    def add_arguments(self, parser: CommandParser) -> None:
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--cluster", help="cluster slug (default: every cluster)")
        scope.add_argument("--alliance", help="alliance slug: its clusters' members together")
        parser.add_argument("--period", default="", help="2026-Q3, 2026-07 or 2026 (default: the last 12 months)")
        parser.add_argument("--json", action="store_true", help="one JSON object per cluster")

    def handle(self, *args: object, **opts: object) -> None:
        try:
            period = parse_period(str(opts["period"] or ""))
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        scopes = resolve_scopes(cluster=opts["cluster"], alliance=opts["alliance"])
        if scopes is None:
            raise CommandError(_("No cluster or alliance with the slug “%(slug)s”.")
                               % {"slug": opts["cluster"] or opts["alliance"]})
        for scope in scopes:
            started = time.perf_counter()
            result = indicators_compute(scope=scope, period=period)
            self.stderr.write(f"{scope.slug} {period.label}: {len(result.edges)} linkages, "
                              f"{time.perf_counter() - started:.2f} s")
            if opts["json"]:
                self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, allow_nan=False))
            else:
                self._table(result)

    def _table(self, result: ScopeIndicators) -> None:
        out = self.stdout
        out.write(f"{result.scope.slug}  {result.period.label}")
        values = result.report.values
        width = max((len(name) for name in values), default=0)
        for name, value in values.items():
            out.write(f"  {name.ljust(width)}  {_format(value)}")
        for scheme, stage in result.report.stage.items():
            out.write(_("  %(scheme)s: %(stage)s (decided by %(rule)s)")
                      % {"scheme": scheme, "stage": stage["stage"], "rule": stage["decided_by"]})
            for check in stage["to_next"]:
                if not check["met"]:
                    out.write(f"    {check['indicator']} {check['op']} {check['threshold']}: {_format(check['value'])}")
        out.write("")
