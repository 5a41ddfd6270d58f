"""load_demo stage: matches in every state of the review lifecycle, moved there by the real services
(so history, linkages and read states are what the pages would show after real use).

The TTO login's hospital keeps a queue of proposals, some stale for the managers' list; the
startup login's firm has an introduction waiting for its answer, a connected match with
a conversation, and matches that met, became a partnership, were declined or expired.
Idempotent: once any demo match has history, the stage writes nothing.
"""

from __future__ import annotations

import datetime
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from accounts.models import User
from matching.models import (
    Match,
    MatchEvent,
    MatchRun,
    MatchRunStatus,
    MatchSource,
    MatchStatus,
)
from matching.proposals import dataset
from matching.proposals.services import per_need as review_per_need
from matching.review import conversation, notify_queue
from matching.review import rules as review_rules
from matching.review import services as review

from .data import read
from .people import LOGINS
from .world import DEMO_DOMAIN, DEMO_SOURCE, World

S = MatchStatus
# The startup's conversation with the TTO: [side that writes ("need" or "counterpart"), text].
MESSAGES: list[list[str]] = read("review")["messages"]
# The organisations of the story: the TTO login's hospital and the startup login's firm.
_LOGIN_ORG: dict[str, str] = {x["email"]: x.get("org", "") for x in LOGINS}


def _person(local: str) -> User | None:
    return User.objects.filter(email=f"{local}@{DEMO_DOMAIN}").first()


def _reviewer(match: Match) -> User | None:
    ids = review_rules.reviewer_user_ids(match.counterpart_id)
    return User.objects.filter(pk__in=ids).order_by("pk").first()


def _member(org_id: int) -> User | None:
    return User.objects.filter(memberships__organization_id=org_id, memberships__status="active").order_by("pk").first()


def _candidates() -> list[Match]:
    return list(Match.objects.filter(status=S.PROPOSED, source=MatchSource.MODEL, need__organization__source=DEMO_SOURCE,
                                     counterpart__kind__in=review_rules.REVIEW_KINDS)
                .select_related("need__organization", "counterpart").order_by("-score", "pk"))


def _connect(match: Match, reviewer: User, firm_user: User) -> None:
    review.match_approve(user=reviewer, match_id=match.pk, note="")
    review.match_accept(user=firm_user, match_id=match.pk)
    review.match_accept(user=reviewer, match_id=match.pk)


def build_review(world: World) -> dict[str, int]:
    if MatchEvent.objects.filter(match__need__organization__source=DEMO_SOURCE).exists():
        world.stdout.write("Demo review states are up to date.\n")  # a re-run writes nothing
        return {}
    hospital, firm = world.orgs.get(_LOGIN_ORG["tto"]), world.orgs.get(_LOGIN_ORG["startup"])
    startup, tto, manager = _person("startup"), _person("tto"), _person("manager")
    if not (hospital and firm and startup and tto):
        return {}
    cands = _candidates()
    firm_first = [m for m in cands if m.need.organization_id == firm.pk and m.counterpart_id != hospital.pk]
    # (the startup's own proposal to the hospital is the connected story, not the TTO's queue)
    hospital_rows = [m for m in cands if m.counterpart_id == hospital.pk and m.need.organization_id != firm.pk]
    others = [m for m in cands if m.need.organization_id != firm.pk and m.counterpart_id != hospital.pk]
    done: dict[str, int] = {}
    with notify_queue.muted():  # the demo sends no email
        # Two of the startup's proposals move on; the rest stay on its proposals page.
        done.update(_firm_story(firm, hospital, startup, tto, firm_first[:2] + others[:2]))
        done.update(_tto_story(hospital, tto, hospital_rows))
        done.update(_others(others[2:], manager))
    _restamp_run()
    world.stdout.write(f"Demo review states: {done}.\n")
    return done


def _take(pool: list[Match]) -> Match | None:
    while pool:
        m = pool.pop(0)
        if Match.objects.filter(pk=m.pk, status=S.PROPOSED).exists() and _reviewer(m) and _member(m.need.organization_id):
            return m
    return None


def _firm_story(firm, hospital, startup: User, tto: User, pool: list[Match]) -> dict[str, int]:
    out = {}
    # Connected with the TTO's hospital, with a conversation: asked for by the startup from the hospital's profile.
    # (an existing proposal of the pair if there is one; else the need's weakest untouched proposal
    # makes room, as a recompute would, so a need keeps at most N matches)
    existing = Match.objects.filter(need__organization=firm, counterpart=hospital, status=S.PROPOSED).first()
    need = existing.need if existing else (
        firm.listings.filter(side="need", status="open").annotate(n=Count("matches")).order_by("n", "pk").first())
    if need is not None and existing is None and need.matches.count() >= review_per_need():
        weakest = need.matches.filter(status=S.PROPOSED, source=MatchSource.MODEL).order_by("score", "pk").first()
        if weakest is not None:
            pool[:] = [m for m in pool if m.pk != weakest.pk]
            weakest.delete()
    if need is not None:
        m = review.match_request(user=startup, need_id=need.pk, counterpart_id=hospital.pk,
                                 note="임상시험 협력을 요청드립니다.")
        review.match_approve(user=tto, match_id=m.pk)
        review.match_accept(user=tto, match_id=m.pk)
        for side, body in MESSAGES:
            conversation.message_send(user=startup if side == "need" else tto, match_id=m.pk, body=body)
        conversation.messages_mark_read(user=tto, match=m)
        out["connected"] = 1
    m = _take(pool)  # waiting for the startup's answer (the inbox screenshot)
    if m is not None:
        review.match_approve(user=_reviewer(m), match_id=m.pk)
        out["introduced"] = 1
    m = _take(pool)
    if m is not None:
        _connect(m, _reviewer(m), _member(m.need.organization_id))
        review.match_record_met(user=_member(m.need.organization_id), match_id=m.pk, note="")
        out["met"] = 1
    return out


def _tto_story(hospital, tto: User, rows: list[Match]) -> dict[str, int]:
    out = {"proposed": 0}
    # Keep most proposals in the queue; decline one so the history shows a reason; make some stale.
    for m in rows[:1]:
        review.match_decline(user=tto, match_id=m.pk, category="no_capacity", note="올해 병상 여력 없음")
        out["declined"] = 1
    stale = [m.pk for m in rows[1:4]]
    Match.objects.filter(pk__in=stale).update(created_at=timezone.now() - timedelta(days=21))
    out["proposed"] = max(0, len(rows) - 1)
    return out


def _others(pool: list[Match], manager: User | None) -> dict[str, int]:
    out = {}
    m = _take(pool)
    if m is not None:  # a partnership, recorded by the firm and confirmed by the hospital
        firm_user, reviewer = _member(m.need.organization_id), _reviewer(m)
        _connect(m, reviewer, firm_user)
        review.match_record_met(user=firm_user, match_id=m.pk)
        kind = (m.need.partnership_types.values_list("slug", flat=True).first()) or "co_development"
        conversation.partnership_record(user=firm_user, match_id=m.pk, kind=kind,
                                        started_on=datetime.date(2026, 10, 1), note="공동 임상 프로젝트 착수")
        conversation.partnership_confirm(user=reviewer, match_id=m.pk)
        out["partnership"] = 1
    m = _take(pool)
    if m is not None:  # an introduction nobody answered
        review.match_approve(user=_reviewer(m), match_id=m.pk)
        review.match_expire(match_id=m.pk)
        out["closed"] = 1
    m = _take(pool)
    if m is not None:  # the firm said no to the introduction
        review.match_approve(user=_reviewer(m), match_id=m.pk)
        review.match_reject(user=_member(m.need.organization_id), match_id=m.pk)
        out["closed"] = out.get("closed", 0) + 1
    for _i in range(3):  # more declines, so figures per model version and firm aggregates have data
        m = _take(pool)
        if m is not None:
            review.match_decline(user=_reviewer(m), match_id=m.pk, category=("too_early", "outside_field",
                                                                               "benefit_unclear")[_i])
            out["declined"] = out.get("declined", 0) + 1
    return out


def _restamp_run() -> None:
    """The introduction edges written above are history of pairs already decided (never re-proposed), so
    the last demo run still stands for the current data: re-stamp its fingerprint, else the next
    load_demo would recompute for nothing."""
    last = MatchRun.objects.filter(status=MatchRunStatus.DONE).order_by("-finished_at", "-id").first()
    if last is not None:
        MatchRun.objects.filter(pk=last.pk).update(fingerprint=dataset.fingerprint())
