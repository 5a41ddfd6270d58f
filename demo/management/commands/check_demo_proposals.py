"""check_demo_proposals [--json] [--all]

A report, exit code 0 whatever it finds: of the needs with model proposals, how many have a best
proposal (highest score) that shares a therapeutic area with the need through one of its supporting
capabilities, and which do not (need title, best counterpart, areas, score parts).
With ``--json``: one object ``{"needs_with_proposals", "best_shares_area", "percent", "failures": [...]}``.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from demo.checks import proposal_fit
from demo.world import DEMO_SOURCE


class Command(BaseCommand):
    help = "Report how many demo needs get a best proposal that shares a therapeutic area through a capability."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="one JSON object")
        parser.add_argument("--all", action="store_true", help="every need, not only the demo's")

    def handle(self, *args: object, **opts: object) -> None:
        report = proposal_fit(source=None if opts["all"] else DEMO_SOURCE)
        if opts["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
            return
        self.stdout.write(_("Needs with model proposals: %(n)d") % {"n": report["needs_with_proposals"]})
        self.stdout.write(_("Best proposal shares a therapeutic area through a supporting capability: "
                            "%(k)d (%(p).1f%%)") % {"k": report["best_shares_area"], "p": report["percent"]})
        self.stdout.write(_("Best proposal's first reason is the part that contributed most: %(k)d (%(p).1f%%)")
                          % {"k": report["first_reason_is_top_part"], "p": report["first_reason_percent"]})
        if report["failures"]:
            self.stdout.write(_("Needs whose best proposal does not share an area:"))
        for f in report["failures"]:
            parts = ", ".join(f"{k} {v:.3f}" for k, v in sorted(f["score_parts"].items()) if isinstance(v, int | float))
            self.stdout.write(f"- {f['need_title']}  →  {f['counterpart']} ({f['counterpart_kind']})")
            self.stdout.write(_("    need areas: %(need)s; supporting capabilities' areas: %(have)s")
                              % {"need": ", ".join(f["need_areas"]) or "–", "have": ", ".join(f["supporting_areas"]) or "–"})
            self.stdout.write(_("    score %(score).3f: %(parts)s") % {"score": f["score"], "parts": parts})
