"""One dispatch of named lifecycle actions for the pages and the API, and which actions a person
may offer on a match (the services still check; this only decides which buttons to show)."""

from __future__ import annotations

import datetime

from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.errors import DomainError

from ..models import Match, MatchSource, MatchStatus
from . import conversation
from . import services as review

S = MatchStatus

ACTIONS = {
    "approve": gettext_lazy("Approve and introduce"),
    "decline": gettext_lazy("Decline"),
    "request": gettext_lazy("Ask for an introduction"),
    "accept": gettext_lazy("Accept the introduction"),
    "reject": gettext_lazy("Decline the introduction"),
    "withdraw": gettext_lazy("Withdraw"),
    "met": gettext_lazy("We have met"),
    "partnership_record": gettext_lazy("Record a partnership"),
    "partnership_confirm": gettext_lazy("Confirm the partnership"),
}


def perform(*, user: User, match_id: int, action: str, reason: str = "", note: str = "", kind: str = "",
            date: str | datetime.date | None = None) -> Match:
    """Run one named action; unknown actions and missing inputs raise a DomainError (HTTP 400)."""
    if action == "approve":
        return review.match_approve(user=user, match_id=match_id, note=note)
    if action == "decline":
        return review.match_decline(user=user, match_id=match_id, category=reason, note=note)
    if action == "accept":
        return review.match_accept(user=user, match_id=match_id)
    if action == "reject":
        return review.match_reject(user=user, match_id=match_id, note=note)
    if action == "withdraw":
        return review.match_withdraw(user=user, match_id=match_id, note=note)
    if action == "met":
        met_on = date if isinstance(date, datetime.date) else parse_date(date or "") if date else None
        return review.match_record_met(user=user, match_id=match_id, note=note, met_on=met_on)
    if action == "request":
        match = Match.objects.filter(pk=match_id).first()
        if match is None:
            raise DomainError(_("This match no longer exists."))
        return review.match_request(user=user, need_id=match.need_id, counterpart_id=match.counterpart_id, note=note)
    if action == "partnership_record":
        started = date if isinstance(date, datetime.date) else parse_date(date or "")
        if started is None:
            raise DomainError(_("Give the partnership's start date."))
        return conversation.partnership_record(user=user, match_id=match_id, kind=kind, started_on=started, note=note).match
    if action == "partnership_confirm":
        return conversation.partnership_confirm(user=user, match_id=match_id).match
    raise DomainError(_("Unknown action: %(action)s.") % {"action": action})


def available(user: User, match: Match, side: str) -> list[str]:
    """Buttons to offer this person on this match."""
    out: list[str] = []
    if match.status == S.PROPOSED:
        if review.is_reviewer(user, match):
            out += ["approve", "decline"]
        if side == "need" and match.source == MatchSource.MODEL:
            out.append("request")
        if side == "need" and match.source != MatchSource.MODEL:
            out.append("withdraw")
    elif match.status == S.INTRODUCED:
        if (side == "need" and not match.need_side_accepted_at) or (
                side == "counterpart" and review.acts_for_counterpart(user, match) and not match.counterpart_accepted_at):
            out += ["accept", "reject"]
        if side == "need":
            out.append("withdraw")
    elif match.status in (S.CONNECTED, S.MET):
        if side in ("need", "counterpart"):
            if match.status == S.CONNECTED:
                out.append("met")
            record = getattr(match, "partnership", None) if hasattr(match, "partnership") else None
            if record is None:
                out.append("partnership_record")
        out += _confirmable(user, match, side)
    return out


def _confirmable(user: User, match: Match, side: str) -> list[str]:
    try:
        record = match.partnership
    except Match.partnership.RelatedObjectDoesNotExist:
        return []
    if record.status == "confirmed":
        return []
    mine = match.need.organization_id if side == "need" else match.counterpart_id if side == "counterpart" else None
    if side == "manager" or (mine and mine != record.recorded_org_id):
        return ["partnership_confirm"]
    return []
