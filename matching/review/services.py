"""The match lifecycle (DESIGN.md "Match states"): one service function per transition.

proposed → approved | declined → introduced → connected → met → partnership | closed (+ dismissed)

Every transition checks who may act, runs in one transaction, moves the row with a conditional
UPDATE on the expected from-state (so of two people acting at once exactly one wins, on
PostgreSQL and SQLite alike; the other gets a ``Conflict``), writes a ``MatchEvent`` and queues
its notifications after commit.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
from collections.abc import Iterable

from django.db import OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organization, User
from accounts.selectors import managed_cluster_ids, member_org_ids
from clusters.linkages import linkage_record
from clusters.models import ClusterMembership, LinkageKind
from core.dates import local_date
from core.dates import today as local_today
from core.errors import Conflict, DomainError, NotAllowed

from ..models import (
    CONNECTED_STATES,
    OPEN_STATES,
    CloseReason,
    DeclineReason,
    Listing,
    ListingSide,
    Match,
    MatchEvent,
    MatchSource,
    MatchStatus,
)
from ..visibility import is_open, open_listing_q
from .contacts import fill_default_contacts
from .notify_queue import queue_event_notifications
from .rules import needs_review, reviewer_user_ids

S = MatchStatus
SIDE_FIELDS = {"need": "need_side_accepted_at", "counterpart": "counterpart_accepted_at"}


# --- who may act ---------------------------------------------------------------------------------


def _reviewers(user: User, org_id: int) -> set[int]:
    """reviewer_user_ids memoised on the person for one request, so lists stay at constant queries."""
    memo = user.__dict__.setdefault("_reviewers_of", {})
    if org_id not in memo:
        memo[org_id] = reviewer_user_ids(org_id)
    return memo[org_id]


def is_reviewer(user: User, match: Match) -> bool:
    return user.is_authenticated and needs_review(match.counterpart) and user.pk in _reviewers(user, match.counterpart_id)


def acts_for_counterpart(user: User, match: Match) -> bool:
    """Accept/decline an introduction for the counterpart: its reviewers, or any member of a non-reviewing kind."""
    if not user.is_authenticated or match.counterpart_id not in member_org_ids(user):
        return False
    return not needs_review(match.counterpart) or user.pk in _reviewers(user, match.counterpart_id)


def acts_for_need(user: User, match: Match) -> bool:
    return user.is_authenticated and match.need.organization_id in member_org_ids(user)


def manages_match(user: User, match: Match) -> bool:
    """A manager of a cluster either organisation belongs to (or a superuser)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    clusters = managed_cluster_ids(user)
    return bool(clusters) and ClusterMembership.objects.filter(
        cluster_id__in=clusters, organization_id__in=(match.need.organization_id, match.counterpart_id)
    ).exists()


# --- the one way a match moves ---------------------------------------------------------------------


def atomic_transition(fn):
    """One transaction per transition. A writer locked out by another (SQLite's shared-cache test
    database reports "table is locked" instead of waiting) lost the race: that is a Conflict too."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            with transaction.atomic():
                return fn(*args, **kwargs)
        except OperationalError as exc:
            if "locked" not in str(exc):
                raise
            raise Conflict(_("Someone else is acting on this match right now; reload the page.")) from exc

    return wrapper


def _locked(match_id: int) -> Match:
    """The match row, locked until commit on PostgreSQL (SQLite's IMMEDIATE transactions serialise writers)."""
    match = (Match.objects.select_for_update(of=("self",)).select_related("need__organization", "counterpart")
             .filter(pk=match_id).first())
    if match is None:
        raise DomainError(_("This match no longer exists."))
    return match


def _move(match: Match, *, to: str, frm: Iterable[str], actor: User | None, action: str, reason: str = "",
          note: str = "", internal: bool = False, values: dict | None = None, extra: dict | None = None) -> MatchEvent:
    """Conditional UPDATE from the expected states, then the audit row; Conflict if someone was first."""
    frm = tuple(frm)
    if match.status not in frm:
        raise Conflict(_("This match is “%(status)s” now; reload the page.") % {"status": S(match.status).label})
    now = timezone.now()
    values = {**(values or {}), "status": to, "updated_at": now}
    updated = Match.objects.filter(pk=match.pk, status=match.status, **(extra or {})).update(**values)
    if not updated:
        raise Conflict(_("Someone else acted on this match first; reload the page."))
    event = MatchEvent.objects.create(match=match, actor=actor, action=action, from_status=match.status, to_status=to,
                                      reason=reason, note=note.strip()[:2000], internal=internal)
    for k, v in values.items():
        setattr(match, k, v)
    queue_event_notifications(event)
    return event


def _linkage(match: Match, kind: str, *, at: datetime.datetime | None = None) -> None:
    """One edge per match and kind, however often the step is repeated (unique per event source)."""
    low, high = sorted((match.need.organization_id, match.counterpart_id))
    cluster = (ClusterMembership.objects.filter(organization_id=low)
               .filter(cluster__memberships__organization_id=high).values_list("cluster_id", flat=True).first())
    linkage_record(kind=kind, org_a=low, org_b=high, source=match, cluster=cluster, at=at)


def _introduce(match: Match, *, actor: User | None, note: str = "") -> None:
    """Approval introduces both sides at once (two events: approved, then introduced)."""
    if not is_open(match.need):
        raise Conflict(_("This need is closed or past its date, so it can no longer be introduced."))
    now = timezone.now()
    _move(match, to=S.APPROVED, frm=(S.PROPOSED,), actor=actor, action="approve" if actor else "auto_approve",
          note=note or ("" if actor else _("Approved by the system: this counterpart has no review step.")),
          values={"decided_by": actor, "decided_at": now})
    _move(match, to=S.INTRODUCED, frm=(S.APPROVED,), actor=actor, action="introduce", values={"introduced_at": now})


# --- creating matches: requests and brokering ------------------------------------------------------


def _lock_need(need_id: int | None) -> None:
    """Take the need's row lock before the match's (the order closing a need takes them), so an approval
    and the need's closing serialise: the approval sees the need closed, or the closing sees it approved."""
    if need_id is not None:
        list(Listing.objects.select_for_update(no_key=True).filter(pk=need_id).values_list("pk", flat=True))


def _open_need(need_id: int) -> Listing:
    _lock_need(need_id)
    need = (Listing.objects.select_related("organization")
            .filter(open_listing_q(), pk=need_id, side=ListingSide.NEED).first())
    if need is None:
        raise DomainError(_("Choose one of the open needs."))
    return need


@atomic_transition
def match_request(*, user: User, need_id: int, counterpart_id: int, note: str = "") -> Match:
    """A member asks for an introduction of their need to a verified organisation (from a proposal or a profile)."""
    need = _open_need(need_id)
    if need.organization_id not in member_org_ids(user):
        raise NotAllowed(_("Only members of the need's organisation can ask for an introduction."))
    counterpart = Organization.objects.filter(pk=counterpart_id, status="verified").first()
    if counterpart is None or counterpart.pk == need.organization_id:
        raise DomainError(_("Introductions are to other verified organisations."))
    match, created = Match.objects.get_or_create(
        need=need, counterpart=counterpart, defaults={"source": MatchSource.REQUESTED, "requested_by": user})
    match = _locked(match.pk)
    if not created and (match.status != S.PROPOSED or match.need_side_accepted_at):
        raise Conflict(_("This pair is already %(status)s.") % {"status": S(match.status).label})
    now = timezone.now()
    Match.objects.filter(pk=match.pk).update(source=MatchSource.REQUESTED, requested_by=user, need_side_accepted_at=now,
                                             updated_at=now)  # the queue's kept cards show the source
    match.source, match.requested_by, match.need_side_accepted_at = MatchSource.REQUESTED, user, now
    MatchEvent.objects.create(match=match, actor=user, action="request", from_status=S.PROPOSED,
                              to_status=S.PROPOSED, note=note.strip()[:2000])
    if not needs_review(counterpart):
        _introduce(match, actor=None)
    return match


@atomic_transition
def match_broker(*, user: User, need_id: int, counterpart_id: int, note: str = "") -> Match:
    """A cluster manager proposes a pair by hand; it then follows the same review as a model proposal."""
    need = _open_need(need_id)
    counterpart = Organization.objects.filter(pk=counterpart_id, status="verified").first()
    if counterpart is None or counterpart.pk == need.organization_id:
        raise DomainError(_("Introductions are to other verified organisations."))
    probe = Match(need=need, counterpart=counterpart)
    if not manages_match(user, probe):
        raise NotAllowed(_("Only managers of a cluster of either organisation can broker an introduction."))
    match, created = Match.objects.get_or_create(need=need, counterpart=counterpart,
                                                 defaults={"source": MatchSource.BROKERED, "requested_by": user})
    if not created:
        raise Conflict(_("This pair is already %(status)s.") % {"status": S(match.status).label})
    MatchEvent.objects.create(match=match, actor=user, action="broker", from_status="", to_status=S.PROPOSED,
                              note=note.strip()[:2000])
    if not needs_review(counterpart):
        _introduce(_locked(match.pk), actor=None)
    return match


# --- review ----------------------------------------------------------------------------------------


@atomic_transition
def match_approve(*, user: User, match_id: int, note: str = "") -> Match:
    """The counterpart's reviewer approves: both sides are introduced at once (not for a closed need)."""
    _lock_need(Match.objects.filter(pk=match_id).values_list("need_id", flat=True).first())
    match = _locked(match_id)
    if not is_reviewer(user, match):
        raise NotAllowed(_("Only the counterpart's TTO reviewers (or its admins where it has none) can approve."))
    _introduce(match, actor=user, note=note)
    return match


@atomic_transition
def match_decline(*, user: User, match_id: int, category: str, note: str = "") -> Match:
    """The reviewer declines with a structured reason; the free text stays internal to the counterpart."""
    match = _locked(match_id)
    if not is_reviewer(user, match):
        raise NotAllowed(_("Only the counterpart's TTO reviewers (or its admins where it has none) can decline."))
    if category not in DeclineReason.values:
        raise DomainError(_("Choose a reason for declining."))
    _move(match, to=S.DECLINED, frm=(S.PROPOSED,), actor=user, action="decline", reason=category, note=note,
          internal=True, values={"decided_by": user, "decided_at": timezone.now(), "decline_category": category,
                                 "decision_reason": note.strip()[:2000]})
    return match


# --- the double opt-in -----------------------------------------------------------------------------


def _side(user: User, match: Match) -> str:
    if acts_for_need(user, match):
        return "need"
    if acts_for_counterpart(user, match):
        return "counterpart"
    raise NotAllowed(_("Only the two sides of this introduction can answer it."))


@atomic_transition
def match_accept(*, user: User, match_id: int) -> Match:
    """One side accepts; when both have, the match is ``connected`` and an introduction edge is written."""
    match = _locked(match_id)
    side = _side(user, match)
    field, other = SIDE_FIELDS[side], SIDE_FIELDS["counterpart" if side == "need" else "need"]
    if match.status == S.INTRODUCED and getattr(match, field):
        raise Conflict(_("Your side has already accepted; waiting for the other side."))
    now = timezone.now()
    if getattr(match, other):
        _move(match, to=S.CONNECTED, frm=(S.INTRODUCED,), actor=user, action="accept",
              values={field: now, "connected_at": now}, extra={f"{other}__isnull": False})
        fill_default_contacts(match)  # each side's named contact stays put from here on
        _linkage(match, LinkageKind.INTRODUCTION)
    else:
        _move(match, to=S.INTRODUCED, frm=(S.INTRODUCED,), actor=user, action="accept", values={field: now},
              extra={f"{field}__isnull": True, f"{other}__isnull": True})
    return match


@atomic_transition
def match_reject(*, user: User, match_id: int, note: str = "") -> Match:
    """One side declines the introduction: closed, with who declined as the reason."""
    match = _locked(match_id)
    side = _side(user, match)
    reason = CloseReason.DECLINED_BY_FIRM if side == "need" else CloseReason.DECLINED_BY_COUNTERPART
    _move(match, to=S.CLOSED, frm=(S.INTRODUCED,), actor=user, action="reject", reason=reason, note=note,
          internal=side == "counterpart",
          values={SIDE_FIELDS[side].replace("accepted", "declined"): timezone.now(), "close_reason": reason})
    return match


@atomic_transition
def match_withdraw(*, user: User, match_id: int, note: str = "") -> Match:
    """The asking side (or the brokering manager) withdraws an open request or introduction."""
    match = _locked(match_id)
    if not (acts_for_need(user, match) or (match.source == MatchSource.BROKERED and manages_match(user, match))):
        raise NotAllowed(_("Only the requesting side can withdraw."))
    if match.status == S.PROPOSED and match.source == MatchSource.MODEL:
        raise Conflict(_("Dismiss a proposal instead of withdrawing it."))
    _move(match, to=S.CLOSED, frm=OPEN_STATES, actor=user, action="withdraw", reason=CloseReason.WITHDRAWN, note=note,
          values={"close_reason": CloseReason.WITHDRAWN})
    return match


@atomic_transition
def match_expire(*, match_id: int) -> Match | None:
    """The system closes an introduction nobody answered in time (idempotent: a moved match is left alone)."""
    match = _locked(match_id)
    if match.status != S.INTRODUCED:
        return None
    _move(match, to=S.CLOSED, frm=(S.INTRODUCED,), actor=None, action="expire", reason=CloseReason.EXPIRED,
          values={"close_reason": CloseReason.EXPIRED})
    return match


# --- after connecting ------------------------------------------------------------------------------


def met_on_error(met_on: datetime.date, match: Match) -> str:
    """Why a meeting date is impossible for this match ("" when it is fine): not in the future, and not
    before the match existed. Shared by the page's form and the service (the API's path)."""
    if met_on > local_today():
        return _("The meeting date cannot be in the future.")
    created = local_date(match.created_at)
    if met_on < created:
        return _("The meeting cannot be before this match was proposed (%(date)s).") % {"date": created.isoformat()}
    return ""


@atomic_transition
def match_record_met(*, user: User | None, match_id: int, note: str = "",
                     met_on: datetime.date | None = None) -> Match:
    """Either side (or, from a held partnering 1:1, the system) records that they met, on which day
    (default today): one meeting edge, dated that day, through the one linkage writer."""
    match = _locked(match_id)
    if user is not None and not (acts_for_need(user, match) or match.counterpart_id in member_org_ids(user)
                                 or manages_match(user, match)):
        raise NotAllowed(_("Only the two sides or a manager can record a meeting."))
    met_on = met_on or local_today()
    if error := met_on_error(met_on, match):
        raise DomainError(error)
    _move(match, to=S.MET, frm=(S.CONNECTED,), actor=user, action="met", note=note, values={"met_on": met_on})
    at = timezone.now() if met_on == local_today() else timezone.make_aware(
        datetime.datetime.combine(met_on, datetime.time(12)))
    _linkage(match, LinkageKind.MEETING, at=at)
    return match


def meeting_held(*, org_a_id: int, org_b_id: int, user: User | None) -> bool:
    """A partnering 1:1 between two orgs was held: a connected match of theirs moves to ``met`` (and writes
    the one meeting edge). True when a match of the pair stands for the meeting, so no second edge is written."""
    pair = (Q(need__organization_id=org_a_id, counterpart_id=org_b_id)
            | Q(need__organization_id=org_b_id, counterpart_id=org_a_id))
    rows = list(Match.objects.filter(pair, status__in=CONNECTED_STATES).values_list("pk", "status"))
    if not rows:
        return False
    for pk, status in rows:
        if status == S.CONNECTED:
            # Conflict: someone recorded it meanwhile; the edge exists once either way.
            with contextlib.suppress(Conflict):
                match_record_met(user=None, match_id=pk, note=_("A 1:1 meeting at a partnering event was held."))
    return True


def partnership_linkage(match: Match) -> None:
    _linkage(match, LinkageKind.PARTNERSHIP)


def decision_counts() -> dict[str, int]:
    """How many human decisions there are to learn from (for the refit task's log)."""
    return {
        "approved_or_later": Match.objects.filter(status__in=(S.INTRODUCED, *CONNECTED_STATES)).count(),
        "declined": Match.objects.filter(status=S.DECLINED).count(),
        "dismissed": Match.objects.filter(status=S.DISMISSED).count(),
        "closed": Match.objects.filter(status=S.CLOSED).count(),
    }
