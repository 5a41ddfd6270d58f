"""Each side of a match names one contact person; only that person's name, email and phone open to the
other side, and only once the match is connected (Korea's PIPA: share no more personal data than the
purpose needs). An organisation decides who may be named (``Membership.may_be_contact``).

Who is named, per side: the stored choice while that person is still eligible, else a default —
the hospital (counterpart) side: the reviewer who approved, then its TTO reviewers and admins;
the firm (need) side: the need's author, then whoever asked for or accepted the introduction, then
its admins. A default is stored when the match connects, so the choice stays put afterwards.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Membership, MembershipRole, MembershipStatus, User
from accounts.selectors import member_org_ids
from core.errors import Conflict, DomainError, NotAllowed

from ..models import CONNECTED_STATES, Match, MatchStatus

S = MatchStatus
NEED, COUNTERPART = "need", "counterpart"
FIELDS = {NEED: "need_contact", COUNTERPART: "counterpart_contact"}
# A contact can be chosen while the match is alive; a declined, dismissed or closed one is history.
CHANGEABLE_STATES = (S.PROPOSED, S.APPROVED, S.INTRODUCED, *CONNECTED_STATES)


@dataclass(frozen=True)
class Contact:
    """The named person as a page or the API shows them; email/phone empty when the reader may not see them."""

    user_id: int
    full_name: str
    title: str
    email: str
    phone: str


def eligible_memberships(org_ids: set[int] | list[int]):
    """Active members whom their organisation lets be named as contacts (TTO reviewers and admins first)."""
    return (Membership.objects.filter(organization_id__in=list(org_ids), status=MembershipStatus.ACTIVE,
                                      may_be_contact=True, user__is_active=True)
            .select_related("user").order_by("organization_id", "-is_tto", "role", "user__full_name", "id"))


def _org_of(match: Match, side: str) -> int:
    return match.need.organization_id if side == NEED else match.counterpart_id


def _candidates(match: Match, side: str) -> list[int | None]:
    """User ids in order of preference for this side (None entries are skipped)."""
    if side == COUNTERPART:
        return [match.counterpart_contact_id, match.decided_by_id]
    return [match.need_contact_id, match.need.created_by_id, match.requested_by_id]


def _resolve(match: Match, side: str, eligible: list[Membership]) -> Membership | None:
    by_user = {m.user_id: m for m in eligible}
    for uid in _candidates(match, side):
        if uid in by_user:
            return by_user[uid]
    if side == COUNTERPART:
        # Reviewers (TTO) first, then admins: the people who answer for the hospital anyway.
        ranked = sorted(eligible, key=lambda m: (not m.is_tto, m.role != MembershipRole.ADMIN))
    else:
        ranked = sorted(eligible, key=lambda m: m.role != MembershipRole.ADMIN)
    return ranked[0] if ranked else None


def named_contacts(matches: list[Match]) -> dict[tuple[int, str], Membership | None]:
    """(match id, side) → the named contact's membership, for a list of matches in one query."""
    orgs = {m.need.organization_id for m in matches} | {m.counterpart_id for m in matches}
    by_org: dict[int, list[Membership]] = defaultdict(list)
    for ms in eligible_memberships(orgs) if orgs else []:
        by_org[ms.organization_id].append(ms)
    return {(m.pk, side): _resolve(m, side, by_org[_org_of(m, side)]) for m in matches for side in (NEED, COUNTERPART)}


def may_see_contact(*, viewer_side: str, contact_side: str, match: Match) -> bool:
    """Contact details: one's own side always; the other side's only once connected; managers never
    (they see names, and reach people through their own organisation pages)."""
    if viewer_side not in (NEED, COUNTERPART):
        return False
    return viewer_side == contact_side or match.status in CONNECTED_STATES


def contact_view(membership: Membership | None, *, with_details: bool) -> Contact | None:
    if membership is None:
        return None
    user = membership.user
    return Contact(user_id=user.pk, full_name=user.full_name, title=membership.title,
                   email=user.email if with_details else "", phone=user.phone if with_details else "")


def contacts_for_reader(matches: list[Match], sides: dict[int, str]) -> dict[int, dict[str, Contact | None]]:
    """Per match, each side's contact as ``sides[match.pk]`` may see it: the other side's contact (even
    the name) only once connected; details never for managers."""
    named = named_contacts(matches)
    out: dict[int, dict[str, Contact | None]] = {}
    for m in matches:
        reader = sides.get(m.pk, "")
        row: dict[str, Contact | None] = {}
        for side in (NEED, COUNTERPART):
            visible = reader == side or m.status in CONNECTED_STATES
            row[side] = contact_view(named[(m.pk, side)], with_details=may_see_contact(
                viewer_side=reader, contact_side=side, match=m)) if visible else None
        out[m.pk] = row
    return out


def fill_default_contacts(match: Match) -> None:
    """Store each side's default where none is named (called as the match connects, in its transaction)."""
    named = named_contacts([match])
    values = {}
    for side, field in FIELDS.items():
        ms = named[(match.pk, side)]
        if getattr(match, f"{field}_id") is None and ms is not None:
            values[f"{field}_id"] = ms.user_id
    if values:
        Match.objects.filter(pk=match.pk).update(**values)
        for k, v in values.items():
            setattr(match, k, v)


def side_of(user: User, match: Match) -> str:
    orgs = member_org_ids(user)
    if match.need.organization_id in orgs:
        return NEED
    if match.counterpart_id in orgs:
        return COUNTERPART
    return ""


@transaction.atomic
def match_contact_set(*, user: User, match_id: int, contact_id: int) -> Match:
    """A member of one side names that side's contact among its eligible people."""
    match = (Match.objects.select_for_update(of=("self",)).select_related("need__organization", "counterpart")
             .filter(pk=match_id).first())
    if match is None:
        raise DomainError(_("This match no longer exists."))
    side = side_of(user, match)
    if not side:
        raise NotAllowed(_("Only the two sides of a match can name their contact person."))
    if match.status not in CHANGEABLE_STATES:
        raise Conflict(_("This match is “%(status)s”: its contact person can no longer change.")
                       % {"status": S(match.status).label})
    org_id = _org_of(match, side)
    if not eligible_memberships({org_id}).filter(user_id=contact_id).exists():
        raise DomainError(_("Choose one of your organisation's people who may be named as a contact."))
    field = FIELDS[side]
    Match.objects.filter(pk=match.pk).update(**{f"{field}_id": contact_id})
    setattr(match, f"{field}_id", contact_id)
    return match
