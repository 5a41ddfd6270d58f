"""Simulated decisions for the refit from decisions (``learning.weights_from_decisions``); no database.

Two questions, each over many seeded trials per number of decisions:

- ``noise``: labels independent of the score parts. Any adoption is a false one; the rate should be
  at most the test's 5 %.
- ``signal``: labels drawn from a logistic model of the parts under known weights that differ from
  the current ones. The adoption rate is the rule's power; the Spearman rank correlation of the
  adopted weights with the true ones says how close they land (the current weights' correlation
  is the baseline to beat).

Score parts are drawn to look like the engine's: the topical parts share a latent fit and lie in
[0, 1], history parts are mostly zero, capacity lies in [-1, 1]. ``old_rule`` is the rule before the
significance test (30 decisions, adopt on any held-out gain of 0.01), kept to measure against.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from scipy.stats import spearmanr
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from .. import engine

Rows = list[tuple[dict, int]]
Rule = Callable[[Rows, dict[str, float]], dict]

YES_RATE = 0.35  # share of proposals people say yes to
# Weights the simulated people decide by: topical fit and capacity count, history barely does.
TRUE_WEIGHTS = {"text": 0.6, "text_max": 0.2, "embed": 0.8, "facets": 0.4, "peers": 0.2, "copartner": 0.0,
                "popularity": 0.0, "capacity": 1.0, "region": 0.1, "activity": 0.1}
HISTORY = {"peers": 0.6, "copartner": 0.9, "popularity": 0.3, "region": 0.5}  # part: share of zeros


def _clip01(x: np.ndarray) -> np.ndarray:
    return np.clip(x, 0.0, 1.0)


def simulate_parts(rng: np.random.Generator, n: int, names: list[str]) -> np.ndarray:
    """n proposals' score parts (columns in ``names`` order), shaped like the engine's."""
    fit = rng.beta(2.0, 3.0, n)  # the latent topical fit the text parts all see, each with its own noise
    cols = []
    for name in names:
        if name in ("text", "text_max", "embed"):
            col = _clip01(fit + rng.normal(0.0, 0.15, n))
        elif name == "facets":
            col = _clip01(0.7 * fit + rng.normal(0.0, 0.2, n))
        elif name in HISTORY:
            col = rng.beta(1.0, 4.0, n) * (rng.random(n) >= HISTORY[name])
        elif name == "capacity":
            col = rng.uniform(-0.5, 1.0, n) * fit * (rng.random(n) < 0.5)
        else:  # activity, or a part added later
            col = rng.beta(2.0, 4.0, n)
        cols.append(col)
    return np.column_stack(cols)


def _rows(X: np.ndarray, y: np.ndarray, names: list[str]) -> Rows:
    return [({n: float(v) for n, v in zip(names, row, strict=True)}, int(label)) for row, label in zip(X, y, strict=True)]


def noise_rows(rng: np.random.Generator, n: int, names: list[str], yes_rate: float = YES_RATE) -> Rows:
    """Decisions whose yes / no has nothing to do with the parts."""
    X = simulate_parts(rng, n, names)
    return _rows(X, rng.random(n) < yes_rate, names)


def signal_rows(rng: np.random.Generator, n: int, names: list[str], true: dict[str, float], strength: float,
                yes_rate: float = YES_RATE) -> tuple[Rows, float]:
    """Decisions drawn from a logistic model of the parts under ``true`` weights; also the true model's AUC.

    ``strength`` is the change in log-odds per standard deviation of the true score.
    """
    X = simulate_parts(rng, n, names)
    z = X @ np.array([true.get(name, 0.1) for name in names])
    z = (z - z.mean()) / (z.std() or 1.0)
    logit = strength * z + np.log(yes_rate / (1 - yes_rate))
    y = rng.random(n) < 1.0 / (1.0 + np.exp(-logit))
    oracle = roc_auc_score(y, z) if 0 < y.sum() < n else 0.5
    return _rows(X, y, names), float(oracle)


def old_rule(rows: Rows, current: dict[str, float]) -> dict:
    """The rule as it was: 30 decisions, the newest 30 % held out, adopt on any AUC gain of 0.01."""
    info: dict = {"adopted": False, "decisions": len(rows)}
    if len(rows) < 30:
        return info
    names = sorted(current)
    X = np.array([[float(parts.get(n, 0.0)) for n in names] for parts, _ in rows])
    y = np.array([label for _, label in rows])
    cut = int(len(rows) * 0.7)
    if len(set(y[:cut])) < 2 or len(set(y[cut:])) < 2:
        return info
    learned = np.clip(LogisticRegression(max_iter=1000).fit(X[:cut], y[:cut]).coef_[0], 0, None)
    if learned.sum() <= 0:
        return info
    learned *= sum(current.values()) / learned.sum()
    w_now = np.array([current[n] for n in names])
    if roc_auc_score(y[cut:], X[cut:] @ learned) >= roc_auc_score(y[cut:], X[cut:] @ w_now) + 0.01:
        info.update(adopted=True, weights={n: float(w) for n, w in zip(names, learned, strict=True)})
    return info


def _rho(weights: dict[str, float], true: dict[str, float]) -> float:
    names = sorted(weights)
    rho = spearmanr([weights[n] for n in names], [true.get(n, 0.1) for n in names]).statistic
    return float(rho) if np.isfinite(rho) else 0.0


def run_trials(rule: Rule, *, scenario: str, size: int, trials: int, seed: int = 0, strength: float = 1.0,
               current: dict[str, float] | None = None, true: dict[str, float] | None = None) -> dict:
    """One table row: ``trials`` seeded runs of ``rule`` on ``size`` simulated decisions."""
    current = dict(current or engine.DEFAULT_WEIGHTS)
    true = dict(true or TRUE_WEIGHTS)
    names = sorted(current)
    adopted, rhos, oracles = 0, [], []
    for t in range(trials):
        rng = np.random.default_rng([seed, size, t])
        if scenario == "noise":
            rows = noise_rows(rng, size, names)
        else:
            rows, oracle = signal_rows(rng, size, names, true, strength)
            oracles.append(oracle)
        info = rule(rows, current)
        if info.get("adopted"):
            adopted += 1
            rhos.append(_rho(info["weights"], true))
    row = {"scenario": scenario, "decisions": size, "trials": trials, "adopted": adopted,
           "adoption_rate": round(adopted / trials, 4) if trials else 0.0}
    if scenario == "signal":
        row.update(strength=strength, true_auc=round(float(np.mean(oracles)), 4),
                   rho_adopted=round(float(np.mean(rhos)), 4) if rhos else None,
                   rho_current=round(_rho(current, true), 4))
    return row


def run_bench(rule: Rule, *, sizes: Iterable[int], trials: int, seed: int = 0, strength: float = 1.0) -> list[dict]:
    """The noise rows, then the signal rows, one per size."""
    return [run_trials(rule, scenario=scenario, size=size, trials=trials, seed=seed, strength=strength)
            for scenario in ("noise", "signal") for size in sizes]


def format_table(rows: list[dict]) -> str:
    """A plain-text table of ``run_bench`` rows."""
    head = f"{'scenario':<8} {'decisions':>9} {'trials':>6} {'adopted':>7} {'rate':>6} {'true AUC':>8} " \
           f"{'rho adopted':>11} {'rho current':>11}"
    lines = [head, "-" * len(head)]
    for r in rows:
        def cell(key: str, width: int, r: dict = r) -> str:
            v = r.get(key)
            return f"{'—' if v is None else f'{v:.3f}':>{width}}"
        lines.append(f"{r['scenario']:<8} {r['decisions']:>9} {r['trials']:>6} {r['adopted']:>7} "
                     f"{r['adoption_rate'] * 100:>5.1f}% {cell('true_auc', 8)} {cell('rho_adopted', 11)} "
                     f"{cell('rho_current', 11)}")
    return "\n".join(lines)
