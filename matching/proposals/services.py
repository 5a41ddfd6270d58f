"""Proposed partners: rank needs with the engine and upsert the results as ``Match`` rows.

Rules:
- at most ``MATCH_PROPOSALS_PER_NEED`` proposals per need, each above ``MATCH_MIN_SCORE``;
- in a full round no organisation is proposed more than ``MATCH_EXPOSURE_CAP`` times (0 = no cap);
- a row a person acted on (any status but ``proposed``, or a requested/brokered one) is never
  dropped, duplicated or overwritten; a declined/dismissed pair comes back only once the need was
  edited after it was proposed;
- a need's stale untouched proposals are replaced in one transaction;
- no evidence a person can check (terms, facets, capacity, partner paths), no proposal;
- a need that is closed, a draft or past its date has no undecided proposals: they are withdrawn
  (closed with reason ``need_closed``), and come back only if the need is opened again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organization, User
from accounts.selectors import member_org_ids
from core.errors import Conflict, NotAllowed

from .. import engine
from ..engine.exposure import apply_exposure_cap
from ..models import (
    CloseReason,
    Listing,
    ListingSide,
    Match,
    MatchEvent,
    MatchRun,
    MatchSource,
    MatchStatus,
)
from ..visibility import is_open, open_listing_q
from . import dataset
from .rounds import Replacement, stable_choice

REOPENABLE = (MatchStatus.DECLINED, MatchStatus.DISMISSED)
# The page's "new to the network" section: organisations without a known partner that the engine's
# lane placed (explanation "new_to_network"), proposed on their capabilities alone, besides the N.
LANE_PER_NEED = 2
LANE_REACH = 16  # the engine's lane holds merged positions 12, 14, ...: rank at least this deep
# What a person can check about the candidate's field; a candidate with none of these (a bare
# similarity, or capacity facts alone, which only refine among on-topic candidates) is not proposed.
EVIDENCE_KEYS = ("terms", "shared_facets", "partner_paths")


def has_checkable_evidence(parts: dict, explanation: dict) -> bool:
    """Shared terms or tags, a known partner path, or partners with similar needs that really count."""
    if any(explanation.get(k) for k in EVIDENCE_KEYS):
        return True
    return bool(explanation.get("similar_organisations_partnered")) and float(parts.get("peers") or 0) > 0


def per_need() -> int:
    return settings.MATCH_PROPOSALS_PER_NEED


def min_score() -> float:
    return settings.MATCH_MIN_SCORE


def exposure_cap() -> int:
    return settings.MATCH_EXPOSURE_CAP


def keep_margin() -> float:
    return settings.MATCH_KEEP_MARGIN


@dataclass
class Ranked:
    """A candidate as it travels between tasks (JSON-serialisable via ``as_dict``)."""

    org_id: int
    score: float
    parts: dict
    explanation: dict
    supporting: list[int]

    def as_dict(self) -> dict:
        return {"org_id": self.org_id, "score": self.score, "parts": self.parts, "explanation": self.explanation,
                "supporting": self.supporting}

    @property
    def in_lane(self) -> bool:
        return bool(self.explanation.get("new_to_network"))

    @classmethod
    def from_dict(cls, d: dict) -> Ranked:
        return cls(int(d["org_id"]), float(d["score"]), d["parts"], d["explanation"], [int(x) for x in d["supporting"]])





# Closed by the system, not by a person: such a pair may be proposed again.
SYSTEM_CLOSED = (CloseReason.NEED_CLOSED, CloseReason.REPLACED, CloseReason.NO_LONGER_SUPPORTED)


def _withdrawn_by_system(m: Match) -> bool:
    """A model proposal closed only because its need closed or a round replaced it: nobody decided."""
    return m.source == MatchSource.MODEL and m.status == MatchStatus.CLOSED and m.close_reason in SYSTEM_CLOSED


def _blocked(need: Listing, rows: list[Match]) -> set[int]:
    """Counterparts the model may not propose (again) for this need."""
    out = set()
    for m in rows:
        if m.source != MatchSource.MODEL:
            out.add(m.counterpart_id)
        elif _withdrawn_by_system(m):
            continue
        elif m.status in REOPENABLE:
            edited = m.need_updated_at is None or need.updated_at > m.need_updated_at
            if not edited:
                out.add(m.counterpart_id)
        elif m.status != MatchStatus.PROPOSED:
            out.add(m.counterpart_id)
    return out


def _to_ranked(cands: list[engine.Candidate], blocked: set[int], depth: int,
               weights: dict[str, float] | None = None) -> list[Ranked]:
    """Candidates a person may check, best first; each keeps the part weights that ranked it, so its
    reasons can be ordered by what really contributed."""
    kept = {k: round(float(v), 4) for k, v in (weights or {}).items()}
    out, lane = [], []
    threshold = min_score()
    for c in cands:
        oid = int(c.org_id)
        if oid in blocked or c.score < threshold or not has_checkable_evidence(c.parts, c.explanation):
            continue
        exp = {**c.explanation, "weights": kept} if kept else c.explanation
        ranked = Ranked(oid, c.score, c.parts, exp, [int(x) for x in c.supporting_listing_ids])
        if ranked.in_lane:
            if len(lane) < LANE_PER_NEED:
                lane.append(ranked)
        elif len(out) < depth:
            out.append(ranked)
        if len(out) >= depth and len(lane) >= LANE_PER_NEED:
            break
    return out + lane


def rank_need(model: engine.Model, need: Listing, *, depth: int | None = None, in_corpus: bool = True) -> list[Ranked]:
    """Best candidates for one need, those a person already decided left out, best first."""
    depth = depth or per_need()
    rows = list(need.matches.all())
    blocked = _blocked(need, rows)
    kinds = dataset.candidate_kinds(
        need_types=[f.slug for f in need.partnership_types.all()], need_org_kind=need.organization.kind
    )
    top = max(depth + len(blocked) + 5, LANE_REACH + len(blocked))  # room for the filtered-out and the lane
    key = str(need.pk)
    if in_corpus and key in model.listing_index:
        cands = model.rank_for_need(key, top=top, kinds=kinds)
    else:  # new or edited since the fit: vectorised on its own, no refit
        cands = model.rank_for_listing(dataset.engine_listing(need), top=top, kinds=kinds)
    return _to_ranked(cands, blocked, depth, weights=dict(model.weights))


def _need_rows(need_ids: list[int]):
    return (Listing.objects.filter(pk__in=need_ids, side=ListingSide.NEED)
            .select_related("organization").prefetch_related("partnership_types", "matches")
            .order_by("pk"))


def rank_needs(need_ids: list[int], *, model: engine.Model | None = None) -> dict[int, list[dict]]:
    """What a chunk task computes: {need id: [candidate dicts]}, a few deeper than N for the cap."""
    model = model or dataset.get_model()
    depth = per_need() * 4 if exposure_cap() else per_need()  # room for the cap to pick others
    return {need.pk: [r.as_dict() for r in rank_need(model, need, depth=depth)] for need in _need_rows(need_ids)}


def cap_round(results: dict[int, list[Ranked]]) -> dict[int, list[Ranked]]:
    """The exposure cap across one round, then at most N per need."""
    n, cap = per_need(), exposure_cap()
    lanes = {k: [r for r in v if r.in_lane][:LANE_PER_NEED] for k, v in results.items()}
    main = {k: [r for r in v if not r.in_lane] for k, v in results.items()}
    if not cap:
        return {k: v[:n] + lanes[k] for k, v in main.items()}
    by_org = {k: {r.org_id: r for r in v} for k, v in main.items()}
    chosen = apply_exposure_cap({str(k): [str(r.org_id) for r in v] for k, v in main.items()}, cap, n)
    return {int(k): [by_org[int(k)][int(o)] for o in v] + lanes[int(k)] for k, v in chosen.items()}


def _valid_listing_ids(results: dict[int, list[Ranked]]) -> set[int]:
    wanted = {lid for v in results.values() for r in v for lid in r.supporting}
    return set(Listing.objects.filter(pk__in=wanted).values_list("pk", flat=True))


def save_proposals(results: dict[int, list[Ranked]], *, run: MatchRun | None = None,
                   model_version: str = engine.MODEL_VERSION,
                   pool: dict[int, list[Ranked]] | None = None) -> dict[str, int]:
    """Upsert the proposals of these needs in one transaction; returns counts.

    ``results`` holds each need's chosen candidates (the first N count), ``pool`` its deeper list when
    the choice was cut by the exposure cap. Live proposals follow the stable-round rule (``rounds``):
    one that leaves is closed as replaced (by what, with both scores), never deleted; a run keeps the
    list as its recompute summary. A need closed (or expired) since it was ranked gets nothing; its
    undecided proposals are withdrawn.
    """
    counts = {"created": 0, "updated": 0, "removed": 0, "replaced": 0, "kept": 0, "reopened": 0, "withdrawn": 0}
    changes: list[dict] = []
    with transaction.atomic():
        needs = {n.pk: n for n in Listing.objects.select_for_update().filter(pk__in=list(results))}
        every = [r for v in (*results.values(), *(pool or {}).values()) for r in v]
        orgs = set(Organization.objects.filter(pk__in={r.org_id for r in every}).values_list("pk", flat=True))
        valid_listings = _valid_listing_ids(results)
        existing: dict[int, dict[int, Match]] = {}
        for m in Match.objects.filter(need_id__in=list(needs)):
            existing.setdefault(m.need_id, {})[m.counterpart_id] = m
        not_open = [pk for pk, n in needs.items() if not is_open(n)]
        counts["withdrawn"] += withdraw_proposals(need_ids=not_open)
        for need_id, ranked in results.items():
            need = needs.get(need_id)
            if need is None or need_id in not_open:
                continue  # deleted or closed meanwhile
            rows = existing.get(need_id, {})
            blocked = _blocked(need, list(rows.values()))
            allowed = [r for r in ranked if r.org_id in orgs and r.org_id not in blocked and not r.in_lane]
            lane = [r for r in ranked if r.org_id in orgs and r.org_id not in blocked and r.in_lane][:LANE_PER_NEED]
            deeper = [r for r in (pool or {}).get(need_id, [])
                      if r.org_id in orgs and r.org_id not in blocked and not r.in_lane]
            live = {oid: m for oid, m in rows.items() if m.source == MatchSource.MODEL and m.status == MatchStatus.PROPOSED}
            edited = any(m.need_updated_at is None or need.updated_at > m.need_updated_at for m in live.values())
            keep, leaving = stable_choice(allowed[: per_need()], [*allowed, *deeper], set(live), n=per_need(),
                                          margin=keep_margin(), hold=not edited)
            lane = [r for r in lane if r.org_id not in {k.org_id for k in keep}]
            keep = [*keep, *lane]  # the newcomer section, besides the N
            leaving = [g for g in leaving if g.org_id not in {r.org_id for r in lane}]
            counts["kept"] += sum(1 for oid, m in rows.items() if oid in blocked)
            for r in keep:
                values = {"score": r.score, "score_parts": r.parts, "explanation": r.explanation,
                          "model_version": model_version, "need_updated_at": need.updated_at, "run": run,
                          "status": MatchStatus.PROPOSED, "source": MatchSource.MODEL}
                m = rows.get(r.org_id)
                if m is None:
                    m = Match.objects.create(need=need, counterpart_id=r.org_id, **values)
                    counts["created"] += 1
                else:
                    again = m.status in REOPENABLE or _withdrawn_by_system(m)
                    counts["reopened" if again else "updated"] += 1
                    if again:  # the need was edited or opened again since: propose afresh
                        values.update(decided_by=None, decided_at=None, close_reason="")
                    for k, v in values.items():
                        setattr(m, k, v)
                    m.save()
                m.supporting_listings.set([lid for lid in r.supporting if lid in valid_listings])
                rows[r.org_id] = m
            for gone in leaving:
                changes.append(_replace(live[gone.org_id], gone, rows, run=run))
                counts["removed"] += 1
                counts["replaced"] += gone.by is not None
        if run is not None:
            MatchRun.objects.filter(pk=run.pk).update(changes=changes[:MAX_CHANGES_KEPT])
    return counts


MAX_CHANGES_KEPT = 1000  # a run's summary keeps this many replacements (the counts have them all)


def _replace(m: Match, gone: Replacement, rows: dict[int, Match], *, run: MatchRun | None) -> dict:
    """Close one live proposal a round took out, say by which match, and describe it for the summary."""
    by = rows.get(gone.by) if gone.by is not None else None
    reason = CloseReason.REPLACED if by is not None else CloseReason.NO_LONGER_SUPPORTED
    now = timezone.now()
    Match.objects.filter(pk=m.pk, status=MatchStatus.PROPOSED).update(
        status=MatchStatus.CLOSED, close_reason=reason, replaced_by=by, replaced_at=now, updated_at=now)
    MatchEvent.objects.create(match=m, actor=None, action="replace", from_status=MatchStatus.PROPOSED,
                              to_status=MatchStatus.CLOSED, reason=reason)
    return {"need": m.need_id, "removed": m.counterpart_id, "removed_match": m.pk, "old_score": round(m.score, 4),
            "new_score": None if gone.new_score is None else round(gone.new_score, 4),
            "by": by.counterpart_id if by else None, "by_match": by.pk if by else None,
            "by_score": round(by.score, 4) if by else None, "reason": reason}


def rerank_listing(*, listing_id: int) -> dict[str, int]:
    """A changed listing re-ranks itself: a need its own proposals; a capability the needs it serves.

    A need uses the warm model (``rank_for_listing``, no refit). A changed capability changes the
    corpus, so the model is refitted for the new fingerprint and the needs that share a
    partnership type with it (at most 200) are re-ranked.
    """
    listing = Listing.objects.select_related("organization").filter(pk=listing_id).first()
    if listing is None:
        return {}
    if listing.side == ListingSide.NEED and not is_open(listing):
        return {"withdrawn": withdraw_proposals(need_ids=[listing.pk])}
    if not dataset.is_rankable(listing):
        return {}
    if listing.side == ListingSide.NEED:
        model = dataset.get_model(fresh=False)
        ids = [listing.pk]
        results = {need.pk: rank_need(model, need, in_corpus=False) for need in _need_rows(ids)}
    else:
        model = dataset.get_model()
        types = list(listing.partnership_types.values_list("pk", flat=True))
        sharing = set(Listing.objects.filter(partnership_types__in=types).values_list("pk", flat=True))
        ids = [i for i in dataset.need_listing_ids() if i in sharing][:200]
        results = {k: [Ranked.from_dict(d) for d in v] for k, v in rank_needs(ids, model=model).items()}
    return save_proposals(results, model_version=model.version)


def withdraw_proposals(*, need_ids: Iterable[int] | None = None, actor: User | None = None) -> int:
    """Close the undecided proposals of needs that are no longer open (all such needs when ``need_ids``
    is None), one ``MatchEvent`` each; returns how many. Call it in the transaction that closes the need.

    Nobody is notified: the pair was never introduced, it only leaves the reviewers' queue.
    """
    closed = Listing.objects.filter(side=ListingSide.NEED).exclude(open_listing_q())
    if need_ids is not None:
        closed = closed.filter(pk__in=list(need_ids))
    with transaction.atomic():
        ids = list(Match.objects.select_for_update().filter(need__in=closed, status=MatchStatus.PROPOSED)
                   .order_by("pk").values_list("pk", flat=True))
        if not ids:
            return 0
        Match.objects.filter(pk__in=ids).update(status=MatchStatus.CLOSED, close_reason=CloseReason.NEED_CLOSED,
                                                updated_at=timezone.now())
        MatchEvent.objects.bulk_create([
            MatchEvent(match_id=pk, actor=actor, action="withdraw", from_status=MatchStatus.PROPOSED,
                       to_status=MatchStatus.CLOSED, reason=CloseReason.NEED_CLOSED) for pk in ids
        ])
    return len(ids)


@transaction.atomic
def match_dismiss(*, user: User, match: Match, reason: str) -> Match:
    """The need's organisation sets a proposal aside, saying why (the refit from decisions learns from it).

    A dismissed pair is not proposed again until the need is edited.
    """
    if not user.is_authenticated or match.need.organization_id not in member_org_ids(user):
        raise NotAllowed(_("Only active members of the organisation can change its listings."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why you dismiss this proposal.")})
    updated = Match.objects.filter(pk=match.pk, status=MatchStatus.PROPOSED).update(
        status=MatchStatus.DISMISSED, decided_by=user, decided_at=timezone.now(), decision_reason=reason.strip()[:2000],
        updated_at=timezone.now(),
    )
    if not updated:
        raise Conflict(_("Only a proposal that is still open can be dismissed."))
    match.refresh_from_db()
    return match
