"""Does the demo world answer its own needs? For every need with model proposals, whether the best
one (highest score) shares a therapeutic area with the need through a capability that supports it.

A plain report over the current database, a fixed handful of queries (no query per row), so the
``check_demo_proposals`` command and the tests read the same figures.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from matching.models import CloseReason, Listing, ListingVisibility, Match, MatchSource, MatchStatus
from matching.proposals.reasons import NEED, facet_labels, reasons_for, top_group

# Proposals the system withdrew (need closed, replaced by a round) are no longer proposals.
_WITHDRAWN = (CloseReason.NEED_CLOSED, CloseReason.REPLACED, CloseReason.NO_LONGER_SUPPORTED)


def _best_per_need(rows: list[tuple[int, int, float]]) -> dict[int, int]:
    """need id -> match id of its highest score (the lower id on a tie, as Match.Meta orders them)."""
    best: dict[int, tuple[float, int]] = {}
    for pk, need_id, score in rows:
        have = best.get(need_id)
        if have is None or (-score, pk) < (-have[0], have[1]):
            best[need_id] = (score, pk)
    return {need_id: pk for need_id, (_score, pk) in best.items()}


def proposal_fit(*, source: str | None = None) -> dict[str, Any]:
    """Needs with model proposals, how many have a best proposal sharing a therapeutic area through
    a supporting capability (count and %), and the ones that do not, with what they were given.

    ``source`` limits the needs to listings of that source (``"demo"``); ``None`` takes every need.
    """
    matches = Match.objects.filter(source=MatchSource.MODEL).exclude(
        status=MatchStatus.CLOSED, close_reason__in=_WITHDRAWN)
    if source is not None:
        matches = matches.filter(need__source=source)
    best = _best_per_need(list(matches.values_list("pk", "need_id", "score")))
    need_areas: dict[int, set[str]] = defaultdict(set)
    for listing_id, slug in Listing.therapeutic_areas.through.objects.filter(
            listing_id__in=list(best)).values_list("listing_id", "facet__slug"):
        need_areas[listing_id].add(slug)
    support_areas: dict[int, set[str]] = defaultdict(set)
    for match_id, slug in Match.supporting_listings.through.objects.filter(
            match_id__in=list(best.values())).values_list("match_id", "listing__therapeutic_areas__slug"):
        if slug:
            support_areas[match_id].add(slug)
    failed = {pk: need_id for need_id, pk in best.items() if not need_areas[need_id] & support_areas[pk]}
    failures = [
        {"need_id": row["need_id"], "need_title": row["need__title"], "counterpart": row["counterpart__name_en"],
         "counterpart_kind": row["counterpart__kind"], "need_areas": sorted(need_areas[row["need_id"]]),
         "supporting_areas": sorted(support_areas[row["pk"]]), "score": row["score"],
         "score_parts": row["score_parts"]}
        for row in Match.objects.filter(pk__in=list(failed)).order_by("need_id").values(
            "pk", "need_id", "need__title", "counterpart__name_en", "counterpart__kind", "score", "score_parts")
    ]
    n, fit = len(best), len(best) - len(failed)
    led = first_reason_leads(list(best.values()))
    return {"needs_with_proposals": n, "best_shares_area": fit,
            "percent": round(100.0 * fit / n, 1) if n else 0.0, "failures": failures,
            "first_reason_is_top_part": led, "first_reason_percent": round(100.0 * led / n, 1) if n else 0.0}


def first_reason_leads(match_ids: list[int]) -> int:
    """Of these matches, how many show the firm, as their first reason, the part that contributed most
    to the score (a fixed handful of queries: rows, their supporting listings, the facets)."""
    rows = list(Match.objects.filter(pk__in=match_ids).select_related("need", "counterpart")
                .prefetch_related("supporting_listings"))
    best_caps = {int(c) for m in rows if str(c := (m.explanation or {}).get("best_pair", {}).get("capability", "")).isdigit()}
    confidential = set(Listing.objects.filter(pk__in=best_caps, visibility=ListingVisibility.CONFIDENTIAL)
                       .values_list("pk", "organization_id"))
    labels, led = facet_labels(), 0
    for m in rows:
        # The firm reads its own need; another organisation's confidential capability stays hidden from it.
        hidden = {lid for lid, org in confidential if org != m.need.organization_id}
        hidden |= {s.pk for s in m.supporting_listings.all()
                   if s.visibility == ListingVisibility.CONFIDENTIAL and s.organization_id != m.need.organization_id}
        reasons = reasons_for(m, hidden_ids=hidden, facet_labels=labels, side=NEED)
        led += bool(reasons) and reasons[0].group == top_group(m)
    return led
