"""load_demo stage: eighteen months of partnering history, so the dashboards and the engine's history
are not thin on a first look.

Fourteen of the model's proposals between demo firms and hospitals or universities (a need and a
counterpart capability sharing a therapeutic area) go the product's whole way through the real
services: the reviewer approves, both sides accept (double opt-in), they meet, one side records a
partnership and the other confirms it. The services stamp "now"; afterwards the steps are re-dated
along a timeline that fills up towards today (a cluster that grows), and the meeting is recorded on
its past day through the service itself. The logins' own organisations keep their stories (review.py).

Deterministic: pairs are chosen by external ids, dates are fixed offsets from today. Written once:
a re-run finds the history's approvals (by their notes) and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from clusters.models import Linkage, LinkageKind
from matching.models import Listing, Match, MatchEvent, MatchSource, MatchStatus, Partnership
from matching.review import conversation, notify_queue
from matching.review import rules as review_rules
from matching.review import services as review

from .people import LOGINS
from .review import _member, _restamp_run, _reviewer
from .world import DEMO_SOURCE, World

# Days before today each partnership was confirmed: sparse a year and a half ago, two a month of late.
CONFIRMED_DAYS_AGO = (530, 470, 400, 340, 285, 235, 190, 150, 115, 90, 70, 50, 35, 20)
# The path from proposal to partnership, in days after the proposal.
APPROVED, FIRM_ACCEPTED, CONNECTED, MET = 5, 8, 12, 30
RECORDED_BEFORE_CONFIRMED = 3
PROPOSED_BEFORE_CONFIRMED = 75
MAX_PER_COUNTERPART = 2
# The reviewers' notes on approving: also how a re-run knows the history is written.
APPROVAL_NOTES = ("공동 연구 가능성이 높아 소개합니다.", "Our unit has capacity for this; happy to be introduced.")
PARTNERSHIP_NOTES = ("공동 연구 협약 체결", "Joint study agreement signed", "위탁 임상 계약 체결", "Co-development kick-off")
_LOGIN_ORGS = {x["org"] for x in LOGINS if x.get("org")}


@dataclass(frozen=True)
class Step:
    """When each step of one pair happened."""

    proposed: datetime
    approved: datetime
    firm_accepted: datetime
    connected: datetime
    met_on: date
    recorded: datetime
    confirmed: datetime


def _timeline(now: datetime, days_ago: int) -> Step:
    confirmed = (now - timedelta(days=days_ago)).replace(hour=6, minute=0, second=0, microsecond=0)  # 15:00 Seoul
    proposed = confirmed - timedelta(days=PROPOSED_BEFORE_CONFIRMED)
    return Step(
        proposed=proposed, approved=proposed + timedelta(days=APPROVED),
        firm_accepted=proposed + timedelta(days=FIRM_ACCEPTED), connected=proposed + timedelta(days=CONNECTED),
        met_on=timezone.localdate(proposed + timedelta(days=MET)),
        recorded=confirmed - timedelta(days=RECORDED_BEFORE_CONFIRMED), confirmed=confirmed,
    )


def _area_sharing(matches: list[Match]) -> list[tuple[Match, datetime | None]]:
    """Proposals whose need shares a therapeutic area with one of the capabilities supporting it, each with
    when its oldest supporting capability was listed."""
    ids = [m.pk for m in matches]
    need_areas: dict[int, set[int]] = {}
    for listing_id, facet_id in Listing.therapeutic_areas.through.objects.filter(
            listing_id__in={m.need_id for m in matches}).values_list("listing_id", "facet_id"):
        need_areas.setdefault(listing_id, set()).add(facet_id)
    support: dict[int, set[int]] = {}
    oldest: dict[int, datetime] = {}
    for match_id, facet_id, created in Match.supporting_listings.through.objects.filter(match_id__in=ids).values_list(
            "match_id", "listing__therapeutic_areas", "listing__created_at"):
        if facet_id:
            support.setdefault(match_id, set()).add(facet_id)
        oldest[match_id] = min(created, oldest.get(match_id, created))
    return [(m, oldest.get(m.pk)) for m in matches if need_areas.get(m.need_id, set()) & support.get(m.pk, set())]


def _candidates() -> list[tuple[Match, datetime | None]]:
    rows = list(Match.objects.filter(
        status=MatchStatus.PROPOSED, source=MatchSource.MODEL, need__organization__source=DEMO_SOURCE,
        need__organization__kind="firm", need__organization__status="verified",
        counterpart__source=DEMO_SOURCE, counterpart__kind__in=review_rules.REVIEW_KINDS,
        counterpart__status="verified",
    ).exclude(need__organization__external_id__in=_LOGIN_ORGS).exclude(counterpart__external_id__in=_LOGIN_ORGS)
        .select_related("need__organization", "counterpart"))
    # By natural keys, not ids: the same world picks the same pairs whatever the database's sequences.
    rows.sort(key=lambda m: (m.need.external_id, m.counterpart.external_id))
    return _area_sharing(rows)


def _choose(cands: list[tuple[Match, datetime | None]], steps: list[Step]) -> list[tuple[Match, Step]]:
    """One pair per step, oldest step first: a need listed (and a capability offered) before the
    proposal, one partnership per firm, at most two per counterpart."""
    chosen: list[tuple[Match, Step]] = []
    firms: set[int] = set()
    per_counterpart: dict[int, int] = {}
    for step in steps:
        for m, capability_since in cands:
            if (m.need.organization_id in firms or per_counterpart.get(m.counterpart_id, 0) >= MAX_PER_COUNTERPART
                    or m.need.created_at > step.proposed
                    or (capability_since is not None and capability_since > step.proposed)):
                continue
            if _reviewer(m) is None or _member(m.need.organization_id) is None:
                continue
            chosen.append((m, step))
            firms.add(m.need.organization_id)
            per_counterpart[m.counterpart_id] = per_counterpart.get(m.counterpart_id, 0) + 1
            break
    return chosen


def _partner(m: Match, step: Step, i: int) -> None:
    """The product's path, through its services; then each step re-dated to ``step``."""
    firm_user, reviewer = _member(m.need.organization_id), _reviewer(m)
    # The meeting service refuses a day before the proposal: the proposal is dated first.
    Match.objects.filter(pk=m.pk).update(created_at=step.proposed)
    review.match_approve(user=reviewer, match_id=m.pk, note=APPROVAL_NOTES[i % len(APPROVAL_NOTES)])
    review.match_accept(user=firm_user, match_id=m.pk)
    review.match_accept(user=reviewer, match_id=m.pk)
    review.match_record_met(user=firm_user, match_id=m.pk, met_on=step.met_on)
    kind = m.need.partnership_types.order_by("slug").values_list("slug", flat=True).first() or "co_development"
    conversation.partnership_record(user=firm_user, match_id=m.pk, kind=kind, started_on=timezone.localdate(step.recorded),
                                    note=PARTNERSHIP_NOTES[i % len(PARTNERSHIP_NOTES)])
    conversation.partnership_confirm(user=reviewer, match_id=m.pk)
    _redate(m, step)


def _redate(m: Match, step: Step) -> None:
    Match.objects.filter(pk=m.pk).update(
        decided_at=step.approved, introduced_at=step.approved, need_side_accepted_at=step.firm_accepted,
        counterpart_accepted_at=step.connected, connected_at=step.connected, updated_at=step.confirmed)
    met_at = timezone.make_aware(datetime.combine(step.met_on, time(12)))
    when = {"approve": step.approved, "introduce": step.approved, "met": met_at,
            "partnership_recorded": step.recorded, "partnership_confirmed": step.confirmed}
    events = MatchEvent.objects.filter(match_id=m.pk)
    for action, at in when.items():
        events.filter(action=action).update(created_at=at)
    accepts = list(events.filter(action="accept").order_by("pk").values_list("pk", flat=True))
    for pk, at in zip(accepts, (step.firm_accepted, step.connected), strict=False):
        MatchEvent.objects.filter(pk=pk).update(created_at=at)
    edges = Linkage.objects.filter(source_type=ContentType.objects.get_for_model(Match), source_id=m.pk)
    edges.filter(kind=LinkageKind.INTRODUCTION).update(occurred_at=step.connected)
    edges.filter(kind=LinkageKind.PARTNERSHIP).update(occurred_at=step.confirmed)
    Partnership.objects.filter(match_id=m.pk).update(created_at=step.recorded, confirmed_at=step.confirmed)


def build_history(world: World) -> int:
    """The partnerships of the last eighteen months (see the module docstring); returns how many were written."""
    if MatchEvent.objects.filter(action="approve", note__in=APPROVAL_NOTES,
                                 match__need__organization__source=DEMO_SOURCE).exists():
        world.stdout.write("Demo partnership history is up to date.\n")  # a re-run writes nothing
        return 0
    steps = [_timeline(world.now, days) for days in CONFIRMED_DAYS_AGO]
    chosen = _choose(_candidates(), steps)
    with notify_queue.muted():  # the demo sends no email
        for i, (m, step) in enumerate(chosen):
            _partner(m, step, i)
    # Partnership edges are the engine's history, so the data's fingerprint moved; the proposals were
    # ranked before this stage on purpose (the logins' stories above), so the last run stands for them.
    _restamp_run()
    world.stdout.write(f"Demo partnership history: {len(chosen)} partnerships over {CONFIRMED_DAYS_AGO[0] // 30} months.\n")
    return len(chosen)
