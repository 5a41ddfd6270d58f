"""Proposed partners: rank needs with the engine and upsert the results as ``Match`` rows.

Rules (DESIGN.md, issue 3):
- at most ``MATCH_PROPOSALS_PER_NEED`` proposals per need, each above ``MATCH_MIN_SCORE``;
- in a full round no organisation is proposed more than ``MATCH_EXPOSURE_CAP`` times (0 = no cap);
- a row a person acted on (any status but ``proposed``, or a requested/brokered one) is never
  dropped, duplicated or overwritten; a declined/dismissed pair comes back only once the need was
  edited after it was proposed;
- a need's stale untouched proposals are replaced in one transaction;
- no evidence a person can check (terms, facets, capacity, partner paths), no proposal.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from accounts.models import Organization

from . import dataset, engine
from .engine.exposure import apply_exposure_cap
from .models import Listing, ListingSide, Match, MatchRun, MatchSource, MatchStatus

REOPENABLE = (MatchStatus.DECLINED, MatchStatus.DISMISSED)
# What a person can check; a candidate with none of these (a bare similarity) is not proposed.
EVIDENCE_KEYS = ("terms", "shared_facets", "capacity", "partner_paths", "similar_organisations_partnered")


def per_need() -> int:
    return int(getattr(settings, "MATCH_PROPOSALS_PER_NEED", 5))


def min_score() -> float:
    return float(getattr(settings, "MATCH_MIN_SCORE", 0.05))


def exposure_cap() -> int:
    return int(getattr(settings, "MATCH_EXPOSURE_CAP", 0))


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

    @classmethod
    def from_dict(cls, d: dict) -> Ranked:
        return cls(int(d["org_id"]), float(d["score"]), d["parts"], d["explanation"], [int(x) for x in d["supporting"]])


def _blocked(need: Listing, rows: list[Match]) -> set[int]:
    """Counterparts the model may not propose (again) for this need."""
    out = set()
    for m in rows:
        if m.source != MatchSource.MODEL:
            out.add(m.counterpart_id)
        elif m.status in REOPENABLE:
            edited = m.need_updated_at is None or need.updated_at > m.need_updated_at
            if not edited:
                out.add(m.counterpart_id)
        elif m.status != MatchStatus.PROPOSED:
            out.add(m.counterpart_id)
    return out


def _to_ranked(cands: list[engine.Candidate], blocked: set[int], depth: int) -> list[Ranked]:
    out = []
    threshold = min_score()
    for c in cands:
        oid = int(c.org_id)
        if oid in blocked or c.score < threshold or not any(c.explanation.get(k) for k in EVIDENCE_KEYS):
            continue
        out.append(Ranked(oid, c.score, c.parts, c.explanation, [int(x) for x in c.supporting_listing_ids]))
        if len(out) >= depth:
            break
    return out


def rank_need(model: engine.Model, need: Listing, *, depth: int | None = None, in_corpus: bool = True) -> list[Ranked]:
    """Best candidates for one need, those a person already decided left out, best first."""
    depth = depth or per_need()
    rows = list(need.matches.all())
    blocked = _blocked(need, rows)
    kinds = dataset.candidate_kinds(
        need_types=[f.slug for f in need.partnership_types.all()], need_org_kind=need.organization.kind
    )
    top = depth + len(blocked) + 5  # room for the ones filtered out below
    key = str(need.pk)
    if in_corpus and key in model.listing_index:
        cands = model.rank_for_need(key, top=top, kinds=kinds)
    else:  # new or edited since the fit: vectorised on its own, no refit
        cands = model.rank_for_listing(dataset.engine_listing(need), top=top, kinds=kinds)
    return _to_ranked(cands, blocked, depth)


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
    if not cap:
        return {k: v[:n] for k, v in results.items()}
    by_org = {k: {r.org_id: r for r in v} for k, v in results.items()}
    chosen = apply_exposure_cap({str(k): [str(r.org_id) for r in v] for k, v in results.items()}, cap, n)
    return {int(k): [by_org[int(k)][int(o)] for o in v] for k, v in chosen.items()}


def _valid_listing_ids(results: dict[int, list[Ranked]]) -> set[int]:
    wanted = {lid for v in results.values() for r in v for lid in r.supporting}
    return set(Listing.objects.filter(pk__in=wanted).values_list("pk", flat=True))


def save_proposals(results: dict[int, list[Ranked]], *, run: MatchRun | None = None,
                   model_version: str = engine.MODEL_VERSION) -> dict[str, int]:
    """Upsert the proposals of these needs in one transaction; returns counts."""
    counts = {"created": 0, "updated": 0, "removed": 0, "kept": 0, "reopened": 0}
    with transaction.atomic():
        needs = {n.pk: n for n in Listing.objects.select_for_update().filter(pk__in=list(results))}
        orgs = set(Organization.objects.filter(pk__in={r.org_id for v in results.values() for r in v})
                   .values_list("pk", flat=True))
        valid_listings = _valid_listing_ids(results)
        existing: dict[int, dict[int, Match]] = {}
        for m in Match.objects.filter(need_id__in=list(needs)):
            existing.setdefault(m.need_id, {})[m.counterpart_id] = m
        for need_id, ranked in results.items():
            need = needs.get(need_id)
            if need is None:
                continue  # deleted meanwhile
            rows = existing.get(need_id, {})
            blocked = _blocked(need, list(rows.values()))
            keep = [r for r in ranked if r.org_id in orgs and r.org_id not in blocked][: per_need()]
            wanted = {r.org_id for r in keep}
            stale = [m.pk for oid, m in rows.items()
                     if m.source == MatchSource.MODEL and m.status == MatchStatus.PROPOSED and oid not in wanted]
            if stale:  # count Match rows only, not the supporting-listing links that go with them
                counts["removed"] += Match.objects.filter(pk__in=stale).delete()[1].get("matching.Match", 0)
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
                    counts["reopened" if m.status in REOPENABLE else "updated"] += 1
                    if m.status in REOPENABLE:  # the need was edited since: propose afresh
                        values.update(decided_by=None, decided_at=None)
                    for k, v in values.items():
                        setattr(m, k, v)
                    m.save()
                m.supporting_listings.set([lid for lid in r.supporting if lid in valid_listings])
    return counts


def rerank_listing(*, listing_id: int) -> dict[str, int]:
    """A changed listing re-ranks itself: a need its own proposals; a capability the needs it serves.

    A need uses the warm model (``rank_for_listing``, no refit). A changed capability changes the
    corpus, so the model is refitted for the new fingerprint and the needs that share a
    partnership type with it (at most 200) are re-ranked.
    """
    listing = Listing.objects.select_related("organization").filter(pk=listing_id).first()
    if listing is None or not dataset.is_rankable(listing):
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
