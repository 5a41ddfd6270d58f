"""Learning from decisions: a periodic refit of the engine's weights through its public API
(``engine.fit(..., refit=True)``, which adopts new weights only when they win on held-out
organisations). Nothing in ``matching/engine`` changes.

Two refits, the first that wins is adopted:

1. From decisions directly: every decided proposal is a labelled pair — yes (approved, introduced
   and later) or no (declined by the reviewer, dismissed by the firm, declined by either side) —
   with the score parts it was proposed with. A LogisticRegression on those parts learns from the
   older decisions and is scored against the current weights on the newest ones (a split by
   time, as new proposals will come); it replaces them only if its ROC AUC there is higher by
   ``MIN_GAIN``. Both figures are kept.
2. Through the engine's own refit (``engine.fit(..., refit=True)``), with the pairs people said
   yes to added to the known links it learns from.

The winner becomes a ``LearnedWeights`` row (``matching.learned_weights``), the live model's weights;
a refit where neither wins retires the active row, so the hand-set weights stand again, as the
managers' page reports.
"""

from __future__ import annotations

import logging

import numpy as np
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from core.cachesafe import CACHE_ERRORS, cache_get_or

from .. import engine
from ..models import (
    CloseReason,
    Match,
    MatchStatus,
    WeightsSource,
)
from . import dataset, learned_weights

logger = logging.getLogger(__name__)

S = MatchStatus
# The last refit's report (adopted or not) for the managers' page; the weights themselves are in the
# database (``matching.learned_weights``), so losing this key loses a report, never the live weights.
REPORT_KEY = "matching:refit_from_decisions"
POSITIVE = (S.INTRODUCED, S.CONNECTED, S.MET, S.PARTNERSHIP)
MIN_DECISIONS, MIN_GAIN, TEST_SHARE = 30, 0.01, 0.3


def decision_rows() -> list[tuple[dict, int]]:
    """(score parts, 1 = yes / 0 = no) for every decided proposal, oldest decision first."""
    yes = Q(status__in=(S.APPROVED, *POSITIVE))
    no = Q(status__in=(S.DECLINED, S.DISMISSED)) | Q(
        status=S.CLOSED, close_reason__in=(CloseReason.DECLINED_BY_FIRM, CloseReason.DECLINED_BY_COUNTERPART)
    )
    rows = Match.objects.filter(yes | no).order_by("updated_at", "pk").values_list("score_parts", "status")
    return [(parts or {}, int(status in (S.APPROVED, *POSITIVE))) for parts, status in rows]


def weights_from_decisions(rows: list[tuple[dict, int]], current: dict[str, float]) -> dict:
    """Refit part weights on older decisions; adopt only if they rank the newest ones better."""
    info: dict = {"method": "LogisticRegression on decisions' score parts", "adopted": False, "decisions": len(rows)}
    if len(rows) < MIN_DECISIONS:
        return {**info, "reason": f"{len(rows)} decisions, {MIN_DECISIONS} needed"}
    names = sorted(current)
    X = np.array([[float(parts.get(n, 0.0)) for n in names] for parts, _ in rows])
    y = np.array([label for _, label in rows])
    cut = int(len(rows) * (1 - TEST_SHARE))
    if len(set(y[:cut])) < 2 or len(set(y[cut:])) < 2:
        return {**info, "reason": "the older or the newest decisions are all yes or all no"}
    clf = LogisticRegression(max_iter=1000).fit(X[:cut], y[:cut])
    learned = np.clip(clf.coef_[0], 0, None)  # a part that lowers the odds is switched off, not inverted
    if learned.sum() <= 0:
        return {**info, "reason": "no part predicts a yes"}
    learned *= sum(current.values()) / learned.sum()  # same overall scale as the current weights
    w_now = np.array([current[n] for n in names])
    auc_now, auc_new = roc_auc_score(y[cut:], X[cut:] @ w_now), roc_auc_score(y[cut:], X[cut:] @ learned)
    info.update(held_out_auc_current=round(float(auc_now), 4), held_out_auc_refit=round(float(auc_new), 4),
                train=cut, test=len(rows) - cut)
    if auc_new >= auc_now + MIN_GAIN:
        info.update(adopted=True, weights={n: round(float(w), 4) for n, w in zip(names, learned, strict=True)})
    return info


def decision_counts() -> dict[str, int]:
    """How many human decisions there are to learn from (for the refit's report)."""
    return {
        "approved_or_later": Match.objects.filter(status__in=POSITIVE).count(),
        "declined": Match.objects.filter(status=S.DECLINED).count(),
        "dismissed": Match.objects.filter(status=S.DISMISSED).count(),
        "closed": Match.objects.filter(status=S.CLOSED).count(),
    }


def refit_from_decisions() -> dict:
    """Refit both ways, adopt the first that wins (or go back to the hand-set weights), report."""
    data = dataset.build_dataset()
    have = {frozenset((ln.a, ln.b)) for ln in data.links}
    pairs = {frozenset((str(a), str(b))) for a, b in
             Match.objects.filter(status__in=POSITIVE).values_list("need__organization_id", "counterpart_id")}
    added = [p for p in pairs - have if all(x in data.orgs for x in p) and len(p) == 2]
    links = [*data.links, *(engine.Link(a=min(p), b=max(p), kind="partnership", split="known") for p in added)]
    model = engine.fit(engine.Dataset(orgs=data.orgs, listings=data.listings, links=links), refit=True)
    from_decisions = weights_from_decisions(decision_rows(), dict(engine.DEFAULT_WEIGHTS))
    refit, weights, source = dict(model.weights_info), dict(model.weights), WeightsSource.LINKS
    if from_decisions["adopted"]:
        refit, weights, source = from_decisions, from_decisions["weights"], WeightsSource.DECISIONS
    info = learned_weights.jsonable({
        "at": timezone.now().isoformat(), "model_version": model.version, "positives_added": len(added),
        "decisions": decision_counts(), "refit": refit, "from_decisions": from_decisions, "weights": weights})
    with transaction.atomic():
        if refit.get("adopted"):
            learned_weights.adopt(weights=weights, source=source, metrics=info)
        else:  # as the report says: the hand-set weights are kept
            learned_weights.retire()
    _keep_report(info)
    return info


def _keep_report(info: dict) -> None:
    try:
        cache.set(REPORT_KEY, info, None)
    except CACHE_ERRORS as exc:
        logger.warning("Cache unavailable, the refit report is not kept: %s", exc)


def last_refit() -> dict | None:
    """The last refit's report; after a cache flush, the report of the adoption that stands (if any)."""
    report = cache_get_or(REPORT_KEY)
    if report is None and (row := learned_weights.active_row()) is not None:
        report = row.metrics
    return report
