"""Ranking metrics with the exact definitions of shared/eval/score_partners.py.

Each ranking is de-duplicated and stripped of the query, non-candidates and the firm's known
partners; recall@k, recall@50, MRR and nDCG@k (binary relevance) are averaged over firms with >= 1
test link, a missing firm scoring 0, and rounded to 4 places as the scorer prints them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

CANDIDATE_KINDS = frozenset({"hospital", "university"})


def split_links(kinds: Mapping[str, str], links: Iterable[tuple[str, str, str]]
                ) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(known, test) as firm -> institutions, from (a, b, split) triples; any non-test split is known."""
    known: dict[str, set[str]] = defaultdict(set)
    test: dict[str, set[str]] = defaultdict(set)
    for a, b, split in links:
        if kinds.get(a) != "firm" and kinds.get(b) == "firm":
            a, b = b, a
        (test if split == "test" else known)[a].add(b)
    return known, test


def clean(ranked: list[str], query: str, candidates: set[str], known: set[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for oid in ranked:
        if oid in seen or oid == query or oid not in candidates or oid in known:
            continue
        seen.add(oid)
        out.append(oid)
    return out


def score_one(ranked: list[str], relevant: set[str], k: int) -> dict[str, float]:
    hits = [1 if oid in relevant else 0 for oid in ranked]
    first = next((i for i, h in enumerate(hits) if h), None)
    dcg = sum(h / math.log2(i + 2) for i, h in enumerate(hits[:k]))
    idcg = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), k)))
    return {
        f"recall@{k}": sum(hits[:k]) / len(relevant),
        "recall@50": sum(hits[:50]) / len(relevant),
        "mrr": 0.0 if first is None else 1.0 / (first + 1),
        f"ndcg@{k}": dcg / idcg,
    }


def evaluate_rankings(kinds: Mapping[str, str], known: Mapping[str, set[str]],
                      test: Mapping[str, set[str]], rankings: Mapping[str, list[str]],
                      k: int = 10) -> dict[str, object]:
    """Same output dict as score_partners.py prints."""
    if k < 1:
        raise ValueError("k must be >= 1")
    candidates = {oid for oid, kind in kinds.items() if kind in CANDIDATE_KINDS}
    firms = sorted(f for f, rel in test.items() if rel and kinds.get(f) == "firm")
    keys = [f"recall@{k}", "recall@50", "mrr", f"ndcg@{k}"]
    totals = dict.fromkeys(keys, 0.0)
    missing = 0
    for firm in firms:
        if firm not in rankings:
            missing += 1
            continue
        ranked = clean(rankings[firm], firm, candidates, known.get(firm, set()))
        for key, val in score_one(ranked, test[firm], k).items():
            totals[key] += val
    n = len(firms)
    result: dict[str, object] = {"queries": n}
    result.update({key: round(totals[key] / n, 4) if n else None for key in keys})
    if missing:
        result["missing_queries"] = missing
    return result


def top_share(rankings: Mapping[str, list[str]], k: int = 10, n_top: int = 10) -> float:
    """Share of all top-k slots taken by the n_top most-proposed organisations (exposure)."""
    counts: dict[str, int] = defaultdict(int)
    slots = 0
    for ranked in rankings.values():
        for oid in ranked[:k]:
            counts[oid] += 1
            slots += 1
    if not slots:
        return 0.0
    return sum(sorted(counts.values(), reverse=True)[:n_top]) / slots
