"""Learning from decisions: a periodic refit of the engine's weights through its public API
(``engine.fit(..., refit=True)``, which adopts new weights only when they win on held-out
organisations). Nothing in ``matching/engine`` changes.

Two refits, the first that wins is adopted:

1. From decisions directly: every decided proposal is a labelled pair — yes (approved, introduced
   and later) or no (declined by the reviewer, dismissed by the firm, declined by either side) —
   with the score parts it was proposed with, ordered by when it was decided. Nothing is refitted
   below ``MATCH_REFIT_MIN_DECISIONS``. A LogisticRegression on those parts learns from the older
   half and is scored against the hand-set weights on the newest half (a split by decision
   time, as new proposals will come). It is adopted only when its ROC AUC gain there is unlikely to
   be chance — the lower end of a one-sided 97.5 % interval from a paired bootstrap over the held-out
   decisions is above zero — and the gain itself exceeds ``MIN_GAIN``. On random labels 30 to 50 %
   of refits used to win by luck; ``manage.py bench_learning`` measures the rule.
2. Through the engine's own refit, on the real known links only: accepted pairs are not added as
   links, so the organisations proposed most do not become more proposed for it.

The winner becomes a ``LearnedWeights`` row (``matching.learned_weights``), the live model's weights;
a refit where neither wins retires the active row, so the hand-set weights stand again, as the
managers' page reports (``last_refit``, with a plain-words summary in the reader's language).
"""

from __future__ import annotations

import logging

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, DateTimeField, F, Q, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from sklearn.linear_model import LogisticRegression

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
# Half the decisions are held out: with the newest 30 % only, the bootstrap on the minimum's 90
# held-out decisions was too narrow (7 % of random-label refits passed a 5 % test) and weaker.
MIN_GAIN, TEST_SHARE = 0.01, 0.5
# The significance test: bootstrap resamples, one-sided confidence, and a fixed seed so the same
# decisions always get the same verdict.
# 97.5 %, not 95 %: the percentile bootstrap is a little narrow, and at 95 % random labels were adopted in
# 4.5-5.5 % of refits (bench_learning, 200 trials a size), at the edge of the 5 % budget; at 97.5 %, 1.5-2 %.
RESAMPLES, CONFIDENCE, SEED = 2000, 0.975, 20_240_917
YES = Q(status__in=(S.APPROVED, *POSITIVE))
NO = Q(status__in=(S.DECLINED, S.DISMISSED)) | Q(
    status=S.CLOSED, close_reason__in=(CloseReason.DECLINED_BY_FIRM, CloseReason.DECLINED_BY_COUNTERPART))
# When the yes or no was said: a side declining an introduction says its "no" when it declines
# (``decided_at`` is the reviewer's earlier approval); every other decision at ``decided_at``, which the
# services always set. A decision without that time (a status set by hand in the admin or by a data
# fix) cannot be placed in time: it is left out, and counted in the report.
DECISION_TIME = Case(
    When(status=S.CLOSED, then=Coalesce("need_side_declined_at", "counterpart_declined_at")),
    default=F("decided_at"), output_field=DateTimeField())


def min_decisions() -> int:
    """Decisions needed before any refit from decisions (the one place the setting is read)."""
    return settings.MATCH_REFIT_MIN_DECISIONS


def _decisions():
    return Match.objects.filter(YES | NO).annotate(decision_time=DECISION_TIME)


def decision_rows() -> list[tuple[dict, int]]:
    """(score parts, 1 = yes / 0 = no) for every decided proposal, oldest decision first (ties by pk)."""
    rows = (_decisions().filter(decision_time__isnull=False).order_by("decision_time", "pk")
            .values_list("score_parts", "status"))
    return [(parts or {}, int(status in (S.APPROVED, *POSITIVE))) for parts, status in rows]


def weighted_auc(pos: np.ndarray, neg: np.ndarray, pos_counts: np.ndarray, neg_counts: np.ndarray) -> np.ndarray:
    """ROC AUC per row of counts: how often a yes outscores a no (ties count half), each decision
    counted as often as its resample drew it. ``pos_counts`` is resamples x yes, ``neg_counts`` x no."""
    order = np.argsort(neg, kind="stable")
    sorted_neg = neg[order]
    cum = np.zeros((neg_counts.shape[0], len(neg) + 1))
    np.cumsum(neg_counts[:, order], axis=1, out=cum[:, 1:])
    below = cum[:, np.searchsorted(sorted_neg, pos, "left")]
    ties = cum[:, np.searchsorted(sorted_neg, pos, "right")] - below
    return (pos_counts * (below + 0.5 * ties)).sum(axis=1) / (pos_counts.sum(axis=1) * neg_counts.sum(axis=1))


def _draw_counts(rng: np.random.Generator, n: int, resamples: int) -> np.ndarray:
    """resamples x n: how often each of n items is drawn in n draws with replacement."""
    picks = rng.integers(0, n, size=(resamples, n)) + n * np.arange(resamples)[:, None]
    return np.bincount(picks.ravel(), minlength=resamples * n).reshape(resamples, n)


def auc_gain_test(y: np.ndarray, before: np.ndarray, after: np.ndarray, *, resamples: int = RESAMPLES,
                  seed: int = SEED) -> dict[str, float]:
    """The ROC AUC gain of scores ``after`` over ``before`` on the same decisions, with a paired bootstrap.

    Each resample draws the yes and the no decisions with replacement (as many of each as there are,
    so every resample can be scored) and scores both sets of weights on it; the gains' (1 - CONFIDENCE)
    quantile is the lower end of a one-sided CONFIDENCE interval, the share of gains at or below zero a
    one-sided p-value.
    """
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    pos_counts, neg_counts = _draw_counts(rng, len(pos), resamples), _draw_counts(rng, len(neg), resamples)
    once_pos, once_neg = np.ones((1, len(pos))), np.ones((1, len(neg)))
    auc_before = float(weighted_auc(before[pos], before[neg], once_pos, once_neg)[0])
    auc_after = float(weighted_auc(after[pos], after[neg], once_pos, once_neg)[0])
    gains = (weighted_auc(after[pos], after[neg], pos_counts, neg_counts)
             - weighted_auc(before[pos], before[neg], pos_counts, neg_counts))
    return {"auc_before": auc_before, "auc_after": auc_after, "gain": auc_after - auc_before,
            "lower": float(np.quantile(gains, 1 - CONFIDENCE)), "upper": float(np.quantile(gains, CONFIDENCE)),
            "p_value": float((1 + np.sum(gains <= 0)) / (resamples + 1))}


def _verdict(info: dict, code: str, reason: str, **more: object) -> dict:
    return {**info, **more, "reason_code": code, "reason": reason}


def weights_from_decisions(rows: list[tuple[dict, int]], current: dict[str, float], *,
                           needed: int | None = None, seed: int = SEED) -> dict:
    """Refit part weights on older decisions; adopt only if they rank the newest ones better beyond chance.

    ``rows`` are oldest first; ``needed`` defaults to ``MATCH_REFIT_MIN_DECISIONS``. The report says
    why the weights were or were not adopted (``reason_code``, ``reason``) with every figure behind it;
    ``gain_interval`` is the bootstrap's 2.5th to 97.5th percentile, so its lower end is the one-sided
    97.5 % bound the verdict rests on.
    """
    needed = min_decisions() if needed is None else needed
    info: dict = {"method": "LogisticRegression on decisions' score parts, paired bootstrap of the held-out AUC",
                  "adopted": False, "decisions": len(rows), "min_decisions": needed, "min_gain": MIN_GAIN}
    if len(rows) < max(needed, 2):
        return _verdict(info, "too_few", f"{len(rows)} decisions, {needed} needed")
    names = sorted(current)
    X = np.array([[float(parts.get(n, 0.0)) for n in names] for parts, _ in rows])
    y = np.array([label for _, label in rows])
    cut = int(len(rows) * (1 - TEST_SHARE))
    info.update(train=cut, test=len(rows) - cut)
    if len(set(y[:cut])) < 2 or len(set(y[cut:])) < 2:
        return _verdict(info, "one_class", "the older or the newest decisions are all yes or all no")
    clf = LogisticRegression(max_iter=1000).fit(X[:cut], y[:cut])
    learned = np.clip(clf.coef_[0], 0, None)  # a part that lowers the odds is switched off, not inverted
    if learned.sum() <= 0:
        return _verdict(info, "no_part", "no part predicts a yes")
    learned *= sum(current.values()) / learned.sum()  # same overall scale as the current weights
    w_now = np.array([current[n] for n in names])
    test = auc_gain_test(y[cut:], X[cut:] @ w_now, X[cut:] @ learned, seed=seed)
    info.update(held_out_auc_current=round(test["auc_before"], 4), held_out_auc_refit=round(test["auc_after"], 4),
                gain=round(test["gain"], 4), gain_interval=[round(test["lower"], 4), round(test["upper"], 4)],
                confidence=CONFIDENCE, p_value=round(test["p_value"], 4), resamples=RESAMPLES, seed=seed,
                refit_weights={n: round(float(w), 4) for n, w in zip(names, learned, strict=True)})
    if test["lower"] <= 0:
        return _verdict(info, "not_significant",
                        f"the gain could be chance: {100 * CONFIDENCE:g}% lower bound {test['lower']:.4f} is not above 0")
    if test["gain"] <= MIN_GAIN:
        return _verdict(info, "gain_too_small", f"gain {test['gain']:.4f} does not exceed {MIN_GAIN}")
    return _verdict(info, "adopted", "the refitted weights rank the newest decisions better, beyond chance",
                    adopted=True, weights=info["refit_weights"])


def decision_counts() -> dict[str, int]:
    """How many human decisions there are to learn from (for the refit's report)."""
    return {
        "approved_or_later": Match.objects.filter(status__in=POSITIVE).count(),
        "declined": Match.objects.filter(status=S.DECLINED).count(),
        "dismissed": Match.objects.filter(status=S.DISMISSED).count(),
        "closed": Match.objects.filter(status=S.CLOSED).count(),
        "without_decision_time": _decisions().filter(decision_time__isnull=True).count(),
    }


def refit_from_decisions() -> dict:
    """Refit both ways, adopt the first that wins (or go back to the hand-set weights), report."""
    data = dataset.build_dataset()  # the real known links: accepted proposals are not fed back as links
    model = engine.fit(data, refit=True)
    from_decisions = weights_from_decisions(decision_rows(), dict(engine.DEFAULT_WEIGHTS))
    refit, weights, source = dict(model.weights_info), dict(model.weights), WeightsSource.LINKS
    if from_decisions["adopted"]:
        refit, weights, source = from_decisions, from_decisions["weights"], WeightsSource.DECISIONS
    info = learned_weights.jsonable({
        "at": timezone.now().isoformat(), "model_version": model.version, "known_links": len(data.links),
        "source": str(source) if refit.get("adopted") else "", "decisions": decision_counts(), "refit": refit,
        "from_decisions": from_decisions, "weights": weights})
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


def _pct(auc: float) -> str:
    return f"{round(100 * auc)}"


def explain(report: dict) -> list[str]:
    """The refit from decisions in plain words, in the active language (for the managers' page)."""
    d = report.get("from_decisions") or {}
    code, n = d.get("reason_code"), d.get("decisions", 0)
    if code is None:  # a report from before the significance test: nothing more to say
        return []
    if code == "too_few":
        return [_("Not refitted from decisions: %(n)s decisions so far, %(needed)s needed before a refit is "
                  "tried.") % {"n": n, "needed": d.get("min_decisions")}]
    lines = [_("Learned from %(n)s decisions: the older %(train)s to fit new weights, the newest %(test)s to "
               "test them.") % {"n": n, "train": d.get("train"), "test": d.get("test")}]
    if code == "one_class":
        return [*lines, _("Not adopted: the older or the newest decisions are all yes or all no, so the weights "
                          "cannot be compared.")]
    if code == "no_part":
        return [*lines, _("Not adopted: no part of the score predicts a yes.")]
    low, high = d.get("gain_interval") or [0.0, 0.0]
    lines += [
        _("On the newest decisions, the hand-set weights rank a yes above a no %(now)s%% of the time, the "
          "refitted weights %(new)s%% (ROC AUC %(auc_now)s against %(auc_new)s).") % {
            "now": _pct(d["held_out_auc_current"]), "new": _pct(d["held_out_auc_refit"]),
            "auc_now": f"{d['held_out_auc_current']:.2f}", "auc_new": f"{d['held_out_auc_refit']:.2f}"},
        _("Gain %(gain)s (likely between %(low)s and %(high)s); with %(conf)s%% confidence it is at least %(low)s "
          "(p = %(p)s).") % {
            "gain": f"{d['gain']:+.3f}", "conf": f"{100 * d.get('confidence', CONFIDENCE):g}",
            "low": f"{low:+.3f}", "high": f"{high:+.3f}", "p": f"{d.get('p_value', 1.0):.3f}"},
    ]
    if code == "not_significant":
        return [*lines, _("Not adopted: a gain this size could be chance.")]
    if code == "gain_too_small":
        return [*lines, _("Not adopted: the gain is real but smaller than the %(min)s required.") % {
            "min": d.get("min_gain", MIN_GAIN)}]
    return [*lines, _("Adopted: the refitted weights rank the newest decisions better, and the gain is unlikely "
                      "to be chance. New proposals are scored with them.")]


def last_refit() -> dict | None:
    """The last refit's report with its summary in words; after a cache flush, the report of the
    adoption that stands (if any)."""
    report = cache_get_or(REPORT_KEY)
    if report is None and (row := learned_weights.active_row()) is not None:
        report = row.metrics
    if not isinstance(report, dict) or not report:
        return None
    return {**report, "summary": explain(report)}
