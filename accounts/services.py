"""Writes for people and organisations. One transaction each; permission checks inside."""

import copy
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import identify_hasher
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.models import Cluster, ClusterMembership, ClusterMembershipStatus
from core.emails import send_templated_email
from core.errors import Conflict, DomainError, NotAllowed

from . import selectors
from .models import (
    Invitation,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationChange,
    OrganizationChangeStatus,
    OrganizationStatus,
    User,
    website_domain,
)

EMAIL_SALT = "accounts.email-verification"


@dataclass(frozen=True)
class PersonData:
    email: str
    password: str
    full_name: str
    phone: str = ""
    language: str = "ko"
    news_opt_in: bool = False
    # Instead of ``password``: the hash of a password already validated for this email and name (the
    # signup's second step after a look-alike offer keeps only the hash, never the password itself).
    password_hash: str = ""


def user_create(*, person: PersonData, privacy_consent: bool) -> User:
    """A person's account, without an organisation (signup and invitations add the membership)."""
    if not privacy_consent:
        raise DomainError(_("You must agree to the privacy policy to sign up."))
    email = person.email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise Conflict(_("An account with this email address already exists."))
    now = timezone.now()
    user = User(
        email=email,
        full_name=person.full_name.strip(),
        phone=person.phone.strip(),
        language=person.language,
        privacy_consent_version=settings.PRIVACY_POLICY_VERSION,
        privacy_consent_at=now,
        news_opt_in=person.news_opt_in,
        news_opt_in_at=now if person.news_opt_in else None,
    )
    if person.password_hash and not person.password:
        try:
            identify_hasher(person.password_hash)  # a real hash (never an unusable or raw value)
        except ValueError as exc:
            raise DomainError(_("Type your password again.")) from exc
        user.password = person.password_hash
    else:
        validate_password(person.password, user)
        user.set_password(person.password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # a concurrent signup with the same address
        raise Conflict(_("An account with this email address already exists.")) from exc
    return user


def email_verification_token(user: User) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=EMAIL_SALT)


def _send_verification(user: User) -> None:
    url = settings.SITE_URL + reverse("accounts:verify_email", args=[email_verification_token(user)])
    send_templated_email(
        to=user.email, language=user.language, template="verify_email", context={"user": user, "url": url}
    )


@transaction.atomic
def signup_with_organization(
    *, person: PersonData, privacy_consent: bool, org_fields: dict, clusters: list[Cluster]
) -> tuple[User, Organization]:
    """A new person and their new organisation, pending until a cluster manager verifies it."""
    if not clusters:
        raise DomainError(_("Choose at least one cluster to join."))
    user = user_create(person=person, privacy_consent=privacy_consent)
    org = Organization.objects.create(status=OrganizationStatus.PENDING, **org_fields)
    Membership.objects.create(user=user, organization=org, role=MembershipRole.ADMIN)
    ClusterMembership.objects.bulk_create(
        [ClusterMembership(organization=org, cluster=c) for c in clusters]
    )
    _send_verification(user)
    _notify_cluster_managers(
        cluster_ids=[c.pk for c in clusters], template="cluster_join_requested",
        context={"organization": org, "occasion": "signup"},
    )
    return user, org


@transaction.atomic
def signup_join_request(*, person: PersonData, privacy_consent: bool, organization: Organization) -> User:
    """A new person asking to join an existing organisation; its admins approve."""
    user = user_create(person=person, privacy_consent=privacy_consent)
    Membership.objects.create(user=user, organization=organization, status=MembershipStatus.REQUESTED)
    _send_verification(user)
    for admin in selectors.organization_people(org=organization).filter(role=MembershipRole.ADMIN):
        send_templated_email(
            to=admin.user.email,
            language=admin.user.language,
            template="join_request",
            context={"requester": user, "organization": organization},
        )
    return user


def email_verify(*, token: str) -> User:
    try:
        data = signing.loads(token, salt=EMAIL_SALT, max_age=settings.EMAIL_VERIFICATION_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise DomainError(_("This verification link has expired. Sign in to get a new one.")) from exc
    except signing.BadSignature as exc:
        raise DomainError(_("This verification link is not valid.")) from exc
    user = User.objects.filter(pk=data["u"], email=data["e"]).first()
    if user is None:
        raise DomainError(_("This verification link is not valid."))
    if user.email_verified_at is None:
        User.objects.filter(pk=user.pk, email_verified_at__isnull=True).update(email_verified_at=timezone.now())
        user.refresh_from_db()
    return user


def email_verification_resend(*, user: User) -> None:
    if not user.email_verified:
        _send_verification(user)


def _decide_cluster_membership(*, manager: User, membership_id: int) -> ClusterMembership:
    cm = (
        ClusterMembership.objects.select_for_update()
        .select_related("organization", "cluster")
        .filter(pk=membership_id)
        .first()
    )
    if cm is None:
        raise DomainError(_("This request no longer exists."))
    if not (manager.is_superuser or cm.cluster_id in selectors.managed_cluster_ids(manager)):
        raise NotAllowed(_("Only the managers of %(cluster)s can decide this request.") % {"cluster": cm.cluster})
    if cm.status != ClusterMembershipStatus.REQUESTED:
        raise Conflict(_("This request has already been decided."))
    return cm


def _cluster_manager_rows(cluster_ids: list[int]) -> list[tuple[User, list[Cluster]]]:
    """The active managers of these clusters, each once, with those of the clusters they manage (one
    query). Only a cluster's own managers: a superuser who manages none of them is not among them."""
    rows = (
        Cluster.managers.through.objects.filter(cluster_id__in=cluster_ids, user__is_active=True)
        .select_related("user", "cluster")
        .order_by("user_id", "cluster__name_en", "cluster_id")
    )
    managers: dict[int, tuple[User, list[Cluster]]] = {}
    for row in rows:
        managers.setdefault(row.user_id, (row.user, []))[1].append(row.cluster)
    return list(managers.values())


def _notify_cluster_managers(
    *, cluster_ids: list[int], template: str, context: dict, anchor: str = "", actor: User | None = None
) -> None:
    """Tell the managers of these clusters that a request waits for them in the verification queue: one
    email per manager (naming the clusters of theirs it concerns), in their language, queued on commit by
    send_templated_email, so a rolled-back request sends nothing. The person who made the request is not
    told about it, even when they manage one of the clusters."""
    if not cluster_ids:
        return
    url = settings.SITE_URL + reverse("manage:verification") + anchor
    for manager, clusters in _cluster_manager_rows(cluster_ids):
        if actor is not None and manager.pk == actor.pk:
            continue
        send_templated_email(
            to=manager.email, language=manager.language, template=template,
            context={"user": manager, "clusters": clusters, "url": url, **context},
        )


def _notify_org_admins(org: Organization, template: str, context: dict) -> None:
    for m in selectors.organization_people(org=org).filter(role=MembershipRole.ADMIN):
        send_templated_email(
            to=m.user.email, language=m.user.language, template=template,
            context={"user": m.user, "organization": org, **context},
        )


@transaction.atomic
def cluster_membership_approve(*, manager: User, membership_id: int) -> ClusterMembership:
    """Admit an organisation to a cluster; a pending organisation becomes verified."""
    cm = _decide_cluster_membership(manager=manager, membership_id=membership_id)
    now = timezone.now()
    cm.status, cm.decided_by, cm.decided_at, cm.reason = ClusterMembershipStatus.APPROVED, manager, now, ""
    cm.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    org = cm.organization
    if org.status != OrganizationStatus.VERIFIED:
        org.status, org.verified_at, org.verified_by, org.rejection_reason = (
            OrganizationStatus.VERIFIED, now, manager, "",
        )
        org.save(update_fields=["status", "verified_at", "verified_by", "rejection_reason", "updated_at"])
    _notify_org_admins(org, "organization_verified", {"cluster": cm.cluster})
    return cm


@transaction.atomic
def cluster_membership_reject(*, manager: User, membership_id: int, reason: str) -> ClusterMembership:
    """Turn down a request with a reason; an organisation no cluster admitted becomes rejected."""
    if not reason.strip():
        raise DomainError(_("Give a reason so the applicant can correct it."))
    cm = _decide_cluster_membership(manager=manager, membership_id=membership_id)
    cm.status, cm.decided_by, cm.decided_at, cm.reason = (
        ClusterMembershipStatus.REJECTED, manager, timezone.now(), reason.strip(),
    )
    cm.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    org = cm.organization
    still_open = org.cluster_memberships.exclude(status=ClusterMembershipStatus.REJECTED).exists()
    if org.status == OrganizationStatus.PENDING and not still_open:
        org.status, org.rejection_reason = OrganizationStatus.REJECTED, reason.strip()
        org.save(update_fields=["status", "rejection_reason", "updated_at"])
    # A verified organisation only lost this one cluster; a pending one was not verified at all.
    template = "cluster_request_declined" if org.status == OrganizationStatus.VERIFIED else "organization_rejected"
    _notify_org_admins(org, template, {"cluster": cm.cluster, "reason": reason.strip()})
    return cm


@transaction.atomic
def organization_reapply(*, user: User, org: Organization) -> Organization:
    """After correcting its profile, a rejected organisation asks its clusters again."""
    if not selectors.can_edit_organization(user, org):
        raise NotAllowed(_("Only the organisation's administrators can re-apply."))
    # The status as stored, under a lock: two re-applications at once make one request (and one email).
    locked = Organization.objects.select_for_update().filter(pk=org.pk).values_list("status", flat=True).first()
    if locked != OrganizationStatus.REJECTED:
        raise Conflict(_("Only a rejected organisation can re-apply."))
    org.status = OrganizationStatus.PENDING
    org.save(update_fields=["status", "updated_at"])
    rejected = org.cluster_memberships.filter(status=ClusterMembershipStatus.REJECTED)
    cluster_ids = list(rejected.values_list("cluster_id", flat=True))
    rejected.update(
        status=ClusterMembershipStatus.REQUESTED, requested_at=timezone.now(), decided_at=None, decided_by=None, reason=""
    )
    _notify_cluster_managers(
        cluster_ids=cluster_ids, template="cluster_join_requested",
        context={"organization": org, "occasion": "reapply"}, actor=user,
    )
    return org


@transaction.atomic
def cluster_join_request(*, user: User, org: Organization, cluster: Cluster) -> ClusterMembership:
    if not selectors.can_edit_organization(user, org):
        raise NotAllowed(_("Only the organisation's administrators can ask to join a cluster."))
    cm, created = ClusterMembership.objects.get_or_create(organization=org, cluster=cluster)
    if not created:
        # Conditional: of two re-requests at once, one asks again (and emails the managers), the other is told.
        now = timezone.now()
        asked_again = ClusterMembership.objects.filter(pk=cm.pk, status=ClusterMembershipStatus.REJECTED).update(
            status=ClusterMembershipStatus.REQUESTED, requested_at=now
        )
        if not asked_again:
            raise Conflict(_("This organisation has already asked to join this cluster."))
        cm.status, cm.requested_at = ClusterMembershipStatus.REQUESTED, now
    _notify_cluster_managers(
        cluster_ids=[cluster.pk], template="cluster_join_requested",
        context={"organization": org, "occasion": "join" if created else "rejoin"}, actor=user,
    )
    return cm


# What managers verified an organisation by: a change to these waits for their review (OrganizationChange).
REVIEWED_FIELDS = ("name_ko", "name_en", "website")


def _held_change(current: Organization, fields: dict) -> dict:
    """The reviewed fields an edit changes: a name, or the website's domain (a new path on the same domain,
    or removing the website, claims nothing and applies at once)."""
    held = {}
    for name in ("name_ko", "name_en"):
        if name in fields and (fields[name] or "").strip() != getattr(current, name):
            held[name] = (fields[name] or "").strip()
    if "website" in fields:
        new_domain = website_domain(fields["website"] or "")
        if new_domain and new_domain != current.website_domain:
            held["website"] = fields["website"]
    return held


@transaction.atomic
def organization_update(*, user: User, org: Organization, fields: dict) -> Organization:
    """Save an organisation's profile. For a verified organisation, a new name or website domain is held
    as a pending OrganizationChange for its cluster managers; the rest applies at once. Returns the
    organisation as saved (the held values not applied)."""
    if not selectors.can_edit_organization(user, org):
        raise NotAllowed(_("Only the organisation's administrators can edit it."))
    # From the database, locked: a ModelForm has already written the new values into ``org``.
    current = Organization.objects.select_for_update().filter(pk=org.pk).first()
    if current is None:
        raise DomainError(_("This organisation no longer exists."))
    held = _held_change(current, fields) if current.status == OrganizationStatus.VERIFIED else {}
    candidate = copy.copy(current)
    for name, value in fields.items():
        setattr(candidate, name, value)
    _full_clean(candidate)  # the whole edit must be valid, held part included
    for name in fields:
        if name not in held:
            setattr(current, name, getattr(candidate, name))
    _full_clean(current)
    current.save()
    # Callers tell the person what waits for review.
    current.held_change = _organization_change_hold(user=user, org=current, held=held) if held else None
    return current


def _full_clean(org: Organization) -> None:
    """The model's own checks, as a DomainError (400 with the reasons) rather than a ValidationError (500)."""
    try:
        org.full_clean()
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages)) from exc


def _organization_change_hold(*, user: User, org: Organization, held: dict) -> OrganizationChange:
    """Record the organisation's one pending change, or add to it; the old values stay shown meanwhile.
    A new change is announced to the managers who decide it (those of the clusters that admitted the
    organisation: selectors.may_review_organization_change)."""
    change = OrganizationChange.objects.select_for_update().filter(
        organization=org, status=OrganizationChangeStatus.PENDING
    ).first() or OrganizationChange(
        organization=org, name_ko=org.name_ko, name_en=org.name_en, website=org.website,
        old_name_ko=org.name_ko, old_name_en=org.name_en, old_website=org.website,
    )
    new = change.pk is None
    # A later edit replaces what it changes again; the rest of the earlier request stands.
    for name, value in held.items():
        setattr(change, name, value)
    change.requested_by, change.requested_at = user, timezone.now()
    change.save()
    # A change withdrawn in the last day and asked again is not announced again: edit, withdraw, edit... would
    # otherwise email every manager each round. The queue shows it all the same.
    withdrawn_lately = OrganizationChange.objects.filter(
        organization=org, status=OrganizationChangeStatus.WITHDRAWN, decided_at__gte=timezone.now() - timedelta(days=1)
    ).exists()
    if new and not withdrawn_lately:
        # Only a new request is announced: an edit adding to a pending one is still that one request, already
        # in the managers' queue, which shows its latest values (one email per request, not per save).
        cluster_ids = list(
            org.cluster_memberships.filter(status=ClusterMembershipStatus.APPROVED).values_list("cluster_id", flat=True)
        )
        _notify_cluster_managers(
            cluster_ids=cluster_ids, template="organization_change_requested",
            context={"organization": org, "change": change}, anchor="#organization-changes", actor=user,
        )
    return change


def organization_change_pending(org: Organization) -> OrganizationChange | None:
    return OrganizationChange.objects.filter(organization=org, status=OrganizationChangeStatus.PENDING).first()


def _locked_change(change_id: int) -> OrganizationChange:
    """The change, locked until the caller's transaction ends (two decisions at once: one wins)."""
    change = (
        OrganizationChange.objects.select_for_update().select_related("organization").filter(pk=change_id).first()
    )
    if change is None:
        raise DomainError(_("This request no longer exists."))
    return change


@transaction.atomic
def organization_change_withdraw(*, user: User, change_id: int) -> OrganizationChange:
    """The organisation takes back its held name or website change before a manager decides it: the verified
    values stay, and the change leaves the managers' queue (selectors.organization_changes_to_review lists
    pending changes only). Its administrators may do this, while the change is pending."""
    change = _locked_change(change_id)
    if not selectors.can_edit_organization(user, change.organization):
        raise NotAllowed(_("Only the organisation's administrators can withdraw its change of name or website."))
    if change.status != OrganizationChangeStatus.PENDING:
        raise Conflict(_(
            "This change is no longer awaiting review: a cluster manager has already decided it, or it was withdrawn."
        ))
    # decided_by records who closed the request: here the organisation's administrator who withdrew it (not
    # necessarily the one who asked), so the admin's history says who took it back.
    change.status, change.decided_by, change.decided_at, change.reason = (
        OrganizationChangeStatus.WITHDRAWN, user, timezone.now(), "",
    )
    change.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    return change


def _decide_organization_change(*, manager: User, change_id: int) -> OrganizationChange:
    change = _locked_change(change_id)
    if not selectors.may_review_organization_change(manager, change.organization):
        raise NotAllowed(_("Only the managers of the organisation's clusters can decide this request."))
    if change.status != OrganizationChangeStatus.PENDING:
        raise Conflict(_("This request has already been decided."))
    return change


@transaction.atomic
def organization_change_approve(*, manager: User, change_id: int) -> OrganizationChange:
    """Apply a held name or website change; the organisation stays verified under its new name."""
    change = _decide_organization_change(manager=manager, change_id=change_id)
    org = Organization.objects.select_for_update().get(pk=change.organization_id)
    # Only what the request changed: an unrelated edit made meanwhile (e.g. a new path) is kept.
    for name in REVIEWED_FIELDS:
        if getattr(change, name) != getattr(change, f"old_{name}"):
            setattr(org, name, getattr(change, name))
    _full_clean(org)
    org.save()
    change.status, change.decided_by, change.decided_at, change.reason = (
        OrganizationChangeStatus.APPROVED, manager, timezone.now(), "",
    )
    change.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    _notify_org_admins(org, "organization_change_approved", {"change": change})
    return change


@transaction.atomic
def organization_change_reject(*, manager: User, change_id: int, reason: str) -> OrganizationChange:
    """Turn a held change down with a reason; the organisation keeps its verified name."""
    if not reason.strip():
        raise DomainError(_("Give a reason so the applicant can correct it."))
    change = _decide_organization_change(manager=manager, change_id=change_id)
    change.status, change.decided_by, change.decided_at, change.reason = (
        OrganizationChangeStatus.REJECTED, manager, timezone.now(), reason.strip(),
    )
    change.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    _notify_org_admins(
        change.organization, "organization_change_rejected", {"change": change, "reason": reason.strip()}
    )
    return change


def _admin_membership(user: User, membership_id: int) -> Membership:
    m = Membership.objects.select_related("organization", "user").filter(pk=membership_id).first()
    if m is None:
        raise DomainError(_("This request no longer exists."))
    if not selectors.can_edit_organization(user, m.organization):
        raise NotAllowed(_("Only the organisation's administrators can do this."))
    return m


@transaction.atomic
def membership_approve(*, user: User, membership_id: int) -> Membership:
    m = _admin_membership(user, membership_id)
    updated = Membership.objects.filter(pk=m.pk, status=MembershipStatus.REQUESTED).update(
        status=MembershipStatus.ACTIVE
    )
    if not updated:
        raise Conflict(_("This request has already been decided."))
    send_templated_email(
        to=m.user.email, language=m.user.language, template="join_approved",
        context={"user": m.user, "organization": m.organization},
    )
    m.refresh_from_db()
    return m


@transaction.atomic
def membership_decline(*, user: User, membership_id: int) -> None:
    m = _admin_membership(user, membership_id)
    if not Membership.objects.filter(pk=m.pk, status=MembershipStatus.REQUESTED).delete()[0]:
        raise Conflict(_("This request has already been decided."))


@transaction.atomic
def membership_update(*, user: User, membership_id: int, role: str, is_tto: bool,
                      may_be_contact: bool | None = None) -> Membership:
    m = _admin_membership(user, membership_id)
    if m.role == MembershipRole.ADMIN and role != MembershipRole.ADMIN:
        other_admins = Membership.objects.filter(
            organization=m.organization, role=MembershipRole.ADMIN, status=MembershipStatus.ACTIVE
        ).exclude(pk=m.pk)
        if not other_admins.exists():
            raise Conflict(_("An organisation needs at least one administrator."))
    m.role, m.is_tto = role, is_tto
    if may_be_contact is not None:  # who the organisation lets be named as a match's contact person
        m.may_be_contact = may_be_contact
    m.save(update_fields=["role", "is_tto", "may_be_contact"])
    return m


def invitation_blocked_reason(org: Organization) -> str | None:
    """Why this organisation may not invite anyone yet (None when it may). Invitations carry the
    organisation's name to arbitrary addresses, so only a verified one sends them."""
    if org.status != OrganizationStatus.VERIFIED:
        return _("You can invite colleagues once a cluster manager has verified your organisation.")
    return None


def _invitation_rate_check(*, user: User, org: Organization) -> None:
    """Counts the invitations already sent (rows, not a cache: exact and survives a cache outage).
    The caller holds the row locks, so concurrent requests cannot both slip under a limit."""
    now = timezone.now()
    per_user = settings.INVITATION_RATE_PER_USER_HOUR
    if Invitation.objects.filter(invited_by=user, created_at__gte=now - timedelta(hours=1)).count() >= per_user:
        raise DomainError(
            _("You have sent %(count)d invitations in the last hour, the most allowed. Please try again later.")
            % {"count": per_user}
        )
    per_org = settings.INVITATION_RATE_PER_ORG_DAY
    if Invitation.objects.filter(organization=org, created_at__gte=now - timedelta(days=1)).count() >= per_org:
        raise DomainError(
            _("Your organisation has sent %(count)d invitations in the last 24 hours, the most allowed. "
              "Please try again tomorrow.") % {"count": per_org}
        )


@transaction.atomic
def invitation_create(*, user: User, org: Organization, email: str, role: str) -> Invitation:
    if not selectors.can_edit_organization(user, org):
        raise NotAllowed(_("Only the organisation's administrators can invite colleagues."))
    # Locks in a fixed order (inviter, then organisation) serialise invitations for the rate check.
    User.objects.select_for_update().filter(pk=user.pk).first()
    org = Organization.objects.select_for_update().filter(pk=org.pk).first()
    if org is None:
        raise DomainError(_("This organisation no longer exists."))
    blocked = invitation_blocked_reason(org)
    if blocked:
        raise NotAllowed(blocked)
    _invitation_rate_check(user=user, org=org)
    email = email.strip().lower()
    if Membership.objects.filter(organization=org, user__email__iexact=email).exists():
        raise Conflict(_("This person already belongs to the organisation."))
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(organization=org, email=email, role=role, invited_by=user)
    except IntegrityError as exc:
        raise Conflict(_("This address already has an open invitation.")) from exc
    url = settings.SITE_URL + reverse("accounts:invitation", args=[invitation.token])
    send_templated_email(
        to=email, language=user.language, template="invitation",
        context={"inviter": user, "organization": org, "url": url},
    )
    return invitation


def invitation_is_open(invitation: Invitation) -> bool:
    age = timezone.now() - invitation.created_at
    return invitation.accepted_at is None and age.days < settings.INVITATION_MAX_AGE_DAYS


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    if not invitation_is_open(invitation):
        raise DomainError(_("This invitation has expired or was already used."))
    if user.email.lower() != invitation.email.lower():
        raise NotAllowed(_("This invitation was sent to a different email address."))
    claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
        accepted_at=timezone.now(), accepted_by=user
    )
    if not claimed:
        raise Conflict(_("This invitation was already used."))
    membership, created = Membership.objects.get_or_create(
        user=user, organization=invitation.organization,
        defaults={"role": invitation.role, "status": MembershipStatus.ACTIVE},
    )
    if not created:
        # An existing membership (e.g. a pending join request) becomes active; an admin is never demoted.
        membership.status = MembershipStatus.ACTIVE
        if invitation.role == MembershipRole.ADMIN:
            membership.role = MembershipRole.ADMIN
        membership.save(update_fields=["status", "role"])
    # The invitation link proves the address, so the email counts as verified.
    if user.email_verified_at is None:
        User.objects.filter(pk=user.pk).update(email_verified_at=timezone.now())
    return membership


@transaction.atomic
def invitation_signup(*, invitation: Invitation, person: PersonData, privacy_consent: bool) -> User:
    """A new person creating their account from an invitation joins the organisation at once."""
    if person.email.strip().lower() != invitation.email.lower():
        raise NotAllowed(_("This invitation was sent to a different email address."))
    user = user_create(person=person, privacy_consent=privacy_consent)
    invitation_accept(invitation=invitation, user=user)
    user.refresh_from_db()
    return user


def profile_update(*, user: User, full_name: str, phone: str, language: str, news_opt_in: bool) -> User:
    user.full_name, user.phone, user.language = full_name.strip(), phone.strip(), language
    if news_opt_in != user.news_opt_in:
        user.news_opt_in = news_opt_in
        user.news_opt_in_at = timezone.now() if news_opt_in else None
    user.save(update_fields=["full_name", "phone", "language", "news_opt_in", "news_opt_in_at"])
    return user
