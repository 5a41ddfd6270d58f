"""Learning from decisions: a periodic refit of the engine's weights through its public API
(``engine.fit(..., refit=True)``, which adopts new weights only when they win on held-out
organisations — the matching issue's rule). Nothing in ``matching/engine`` changes.

Positive labels: pairs a person said yes to (a reviewer's approval, an accepted introduction, a
request by the firm itself) join the known links the refit learns from. The engine's refit samples
its own negatives, so declines and dismissals are counted and reported with the result but not fed
in as labels; they reach the model through the acceptance figures managers watch per version.
"""

from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone

from . import dataset, engine
from .models import Match, MatchStatus
from .review import decision_counts

S = MatchStatus
CACHE_KEY = "matching:refit_from_decisions"
POSITIVE = (S.INTRODUCED, S.CONNECTED, S.MET, S.PARTNERSHIP)


def refit_from_decisions() -> dict:
    data = dataset.build_dataset()
    have = {frozenset((ln.a, ln.b)) for ln in data.links}
    pairs = {frozenset((str(a), str(b))) for a, b in
             Match.objects.filter(status__in=POSITIVE).values_list("need__organization_id", "counterpart_id")}
    added = [p for p in pairs - have if all(x in data.orgs for x in p) and len(p) == 2]
    links = [*data.links, *(engine.Link(a=min(p), b=max(p), kind="partnership", split="known") for p in added)]
    model = engine.fit(engine.Dataset(orgs=data.orgs, listings=data.listings, links=links), refit=True)
    info = {"at": timezone.now().isoformat(), "model_version": model.version, "positives_added": len(added),
            "decisions": decision_counts(), "refit": dict(model.weights_info), "weights": dict(model.weights)}
    cache.set(CACHE_KEY, info, None)
    return info


def last_refit() -> dict | None:
    return cache.get(CACHE_KEY)
