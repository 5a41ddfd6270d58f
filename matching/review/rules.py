"""Who reviews a proposal: the rule the lifecycle (``services``), its reads (``selectors``) and its
notices (``notify``) share. Below all of them, so none has to import another to learn it. (Which
states count as connected is a fact of the match model: ``models.CONNECTED_STATES``.)"""

from __future__ import annotations

from accounts.models import Membership, MembershipRole, MembershipStatus, Organization, OrganizationKind

# Hospitals and universities review through their TTO (or admins); other kinds are approved by the system.
REVIEW_KINDS = (OrganizationKind.HOSPITAL, OrganizationKind.UNIVERSITY)


def reviewer_user_ids(org_id: int) -> set[int]:
    """The org's TTO members; where it has none, its admins."""
    rows = list(Membership.objects.filter(organization_id=org_id, status=MembershipStatus.ACTIVE)
                .values_list("user_id", "is_tto", "role"))
    tto = {u for u, is_tto, _role in rows if is_tto}
    return tto or {u for u, _t, role in rows if role == MembershipRole.ADMIN}


def needs_review(org: Organization) -> bool:
    return org.kind in REVIEW_KINDS
