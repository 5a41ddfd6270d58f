"""Who reviews a proposal, and which states count as connected: the rules the lifecycle
(``review``), its reads (``selectors``, ``review_selectors``) and its notices (``notify``) share.
Below all of them, so none has to import another to learn them."""

from __future__ import annotations

from accounts.models import Membership, MembershipRole, MembershipStatus, Organization, OrganizationKind

from .models import MatchStatus

S = MatchStatus
# Hospitals and universities review through their TTO (or admins); other kinds are approved by the system.
REVIEW_KINDS = (OrganizationKind.HOSPITAL, OrganizationKind.UNIVERSITY)
# States in which the two sides see each other's contacts and confidential descriptions.
CONNECTED_STATES = (S.CONNECTED, S.MET, S.PARTNERSHIP)
OPEN_STATES = (S.PROPOSED, S.APPROVED, S.INTRODUCED)


def reviewer_user_ids(org_id: int) -> set[int]:
    """The org's TTO members; where it has none, its admins."""
    rows = list(Membership.objects.filter(organization_id=org_id, status=MembershipStatus.ACTIVE)
                .values_list("user_id", "is_tto", "role"))
    tto = {u for u, is_tto, _role in rows if is_tto}
    return tto or {u for u, _t, role in rows if role == MembershipRole.ADMIN}


def needs_review(org: Organization) -> bool:
    return org.kind in REVIEW_KINDS
