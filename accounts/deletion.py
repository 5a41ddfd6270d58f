"""A member deletes their account: the User row stays, anonymised in place.

Matches, events, linkages, mentoring sessions and audit trails reference the person by foreign key, so
keeping the row keeps all of them (and the cluster's aggregate indicators) intact; blanking the row's
contact fields makes the person's contact details vanish everywhere those apps render them. This module
changes only accounts' own rows (layers: accounts may not import the apps above it); apps above that hold
more personal data of their own listen to ``account_deleted`` (portal connects the receivers).
"""

from django.db import transaction
from django.db.models import Count, Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict, DomainError

from .models import ApiToken, Invitation, Membership, MembershipRole, MembershipStatus, Organization, User

# Sent inside the deletion's transaction with ``user`` (already anonymised): a receiver that fails
# rolls the whole deletion back, so no half-deleted account is left.
account_deleted = Signal()

DELETED_EMAIL_DOMAIN = "deleted.invalid"  # RFC 2606: .invalid never routes, so nothing is ever sent there
DELETED_FULL_NAME = "Deleted member"  # stored; User.display_name shows the translated label


def deleted_email(user_id: int) -> str:
    return f"deleted-{user_id}@{DELETED_EMAIL_DOMAIN}"


def organizations_blocking_deletion(user: User) -> list[Organization]:
    """Organisations where this person is the only active administrator while others still belong:
    they must make someone else an administrator first, or the organisation would be left unmanaged."""
    admin_org_ids = Membership.objects.filter(
        user=user, role=MembershipRole.ADMIN, status=MembershipStatus.ACTIVE
    ).values_list("organization_id", flat=True)
    rows = (
        Membership.objects.filter(organization_id__in=admin_org_ids, status=MembershipStatus.ACTIVE)
        .exclude(user=user)
        .values("organization_id")
        .annotate(
            others=Count("id"),
            other_admins=Count("id", filter=Q(role=MembershipRole.ADMIN)),
        )
        .filter(other_admins=0)
    )
    blocking = {r["organization_id"] for r in rows if r["others"] > 0}
    return list(Organization.objects.filter(pk__in=blocking).order_by("name_en", "name_ko"))


@transaction.atomic
def account_delete(*, user: User, password: str) -> User:
    """Anonymise ``user`` in place after checking their password. Raises DomainError when not allowed.

    The caller ends the current session (``logout``); every other session ends because the password hash
    changes (Django's session auth hash) and an inactive user is never authenticated again.
    """
    locked = User.objects.select_for_update().filter(pk=user.pk).first()
    if locked is None or locked.is_deleted:
        raise Conflict(_("This account has already been deleted."))
    if not locked.check_password(password):
        raise DomainError(_("The password is not correct."))
    blocking = organizations_blocking_deletion(locked)
    if blocking:
        names = ", ".join(str(org) for org in blocking)
        raise Conflict(
            _("You are the only administrator of %(orgs)s. Make another member an administrator "
              "before deleting your account.") % {"orgs": names}
        )
    old_email = locked.email
    locked.full_name = DELETED_FULL_NAME
    locked.email = deleted_email(locked.pk)
    locked.phone = ""
    locked.is_active = False
    locked.is_staff = False
    locked.is_superuser = False
    locked.news_opt_in, locked.news_opt_in_at = False, None
    locked.deleted_at = timezone.now()
    locked.set_unusable_password()
    locked.save()
    locked.groups.clear()
    locked.user_permissions.clear()
    locked.managed_clusters.clear()  # no longer a cluster manager (the M2M is clusters', the person is ours)
    ApiToken.objects.filter(user=locked).delete()  # every API token, at once
    Membership.objects.filter(user=locked).update(
        status=MembershipStatus.LEFT, may_be_contact=False, is_tto=False, title=""
    )
    # Invitations carry the address: open ones to this person go, accepted ones forget it.
    Invitation.objects.filter(email__iexact=old_email, accepted_at__isnull=True).delete()
    Invitation.objects.filter(Q(accepted_by=locked) | Q(email__iexact=old_email)).update(email=locked.email)
    account_deleted.send(sender=User, user=locked)
    return locked
