"""The demo's topical-fit check with and without its partnership history, and with history gated by topical fit.

Run on a database holding the demo (`load_demo`): `python manage.py shell < scripts/eval/demo_history_gate.py`.
Fits the engine in memory on the demo's dataset (matching.proposals.dataset), ranks every demo need that has model
proposals and counts the needs whose best main proposal shares a therapeutic area with the need through a
supporting capability (what `check_demo_proposals` counts). Research only: nothing shipped imports this.
"""

import dataclasses
from collections import defaultdict

import numpy as np

from demo.history import APPROVAL_NOTES
from matching import engine
from matching.engine import scores
from matching.models import Listing, Match
from matching.proposals import dataset
from matching.proposals.services import rank_needs

base = dataset.build_dataset()
history = {tuple(sorted((str(a), str(b)))) for a, b in Match.objects.filter(
    events__action="approve", events__note__in=APPROVAL_NOTES).values_list("need__organization_id", "counterpart_id")}
need_ids = sorted(set(Listing.objects.filter(source="demo", side="need", matches__source="model")
                      .values_list("pk", flat=True)))
areas = defaultdict(set)
for listing_id, facet_id in Listing.therapeutic_areas.through.objects.values_list("listing_id", "facet_id"):
    areas[listing_id].add(facet_id)
GATE = {"tau": None, "parts": ("peers", "popularity")}
_query_parts = scores.Scorer.query_parts


def gated(self, *args, **kwargs):  # the history parts times min(1, topic / tau)
    parts = _query_parts(self, *args, **kwargs)
    if GATE["tau"] is not None:
        context = args[7] if len(args) > 7 else kwargs.get("context")
        topic = self.topic(parts, cross=context.get("cross_language") if isinstance(context, dict) else None)
        for name in GATE["parts"]:
            parts[name] = parts[name] * np.minimum(1.0, topic / GATE["tau"])
    return parts


scores.Scorer.query_parts = gated


def fit_share(links) -> str:
    model = engine.fit(dataclasses.replace(base, links=links), refit=True)
    ok = n = 0
    for need_id, rows in rank_needs(need_ids, model=model).items():
        rows = [r for r in rows if not r.get("explanation", {}).get("new_to_network")] or rows
        if rows:
            best = max(rows, key=lambda r: r["score"])
            n += 1
            ok += bool(areas[need_id] & set().union(*[areas[s] for s in best["supporting"]] or [set()]))
    return f"{ok}/{n} = {100 * ok / max(n, 1):.1f}%"


without = [link for link in base.links if tuple(sorted((link.a, link.b))) not in history]
print("no partnership history:", fit_share(without))
print("with the history:", fit_share(base.links))
for tau in (0.1, 0.2, 0.3):
    GATE["tau"] = tau
    print(f"history gated by topic, tau {tau}:", fit_share(base.links))
