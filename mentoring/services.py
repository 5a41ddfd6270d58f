"""Writes for mentors: sign-up, profile, invitations, verification, suspension and availability.

One transaction each, permission checks inside, a domain error on a step that is not allowed.
Programmes and applications are in ``programmes``, panels in ``panels``, sessions in ``sessions``.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.selectors import managed_cluster_ids
from accounts.services import PersonData, user_create
from clusters.models import Cluster
from core.errors import Conflict, DomainError, NotAllowed

from . import notify, panels, selectors
from . import requests as mentor_requests
from .models import (
    MAX_CAPACITY,
    MIN_CAPACITY,
    Availability,
    MentorInvitation,
    MentorLanguage,
    MentorProfile,
    MentorStatus,
    Publication,
)

PROFILE_FIELDS = ("headline", "expertise", "career", "languages", "capacity", "affiliations", "investments")
PROFILE_M2M = ("therapeutic_areas", "technologies", "partnership_types", "affiliated_organizations",
               "invested_organizations", "clusters")
INVITATIONS_PER_DAY = 30
INVITATION_MAX_AGE_DAYS = 30


def _names(value) -> list[str]:
    """A clean list of organisation names from a list or a text of one name a line."""
    items = value.splitlines() if isinstance(value, str) else list(value or [])
    return [str(x).strip()[:200] for x in items if str(x).strip()][:50]


def _apply(profile: MentorProfile, fields: dict) -> None:
    for name in PROFILE_FIELDS:
        if name in fields:
            setattr(profile, name, fields[name])
    if isinstance(profile.languages, list | tuple):
        profile.languages = ",".join(dict.fromkeys(profile.languages))
    profile.affiliations, profile.investments = _names(profile.affiliations), _names(profile.investments)
    if not profile.expertise.strip():
        raise DomainError(_("Describe your expertise."))
    codes = profile.language_list
    if not codes or any(code not in MentorLanguage.values for code in codes):
        raise DomainError(_("Choose the languages you mentor in."))
    if not MIN_CAPACITY <= profile.capacity <= MAX_CAPACITY:
        raise DomainError(_("Capacity must be between 1 and 10 startups."))
    if profile.capacity < profile.seats_taken:
        raise Conflict(_("You already mentor %(n)d startups; the capacity cannot be lower.") % {"n": profile.seats_taken})
    org = fields.get("organization", profile.organization if profile.organization_id else None)
    if org is not None and org.pk not in set(selectors.verified_organizations(profile.user).values_list("pk", flat=True)):
        raise DomainError(_("You can mentor only for a verified organisation you belong to."))
    profile.organization = org


def _set_m2m(profile: MentorProfile, m2m: dict) -> None:
    for name in PROFILE_M2M:
        if name in m2m:
            getattr(profile, name).set(m2m[name])


def _set_publications(profile: MentorProfile, publications: list[dict] | None) -> None:
    if publications is None:
        return
    profile.publications.all().delete()
    Publication.objects.bulk_create([
        Publication(mentor=profile, title=p["title"].strip()[:300], abstract=p.get("abstract", "")[:5000],
                    year=p.get("year")) for p in publications[:50] if p.get("title", "").strip()
    ])


@transaction.atomic
def mentor_signup(*, user: User, fields: dict, m2m: dict | None = None,
                  publications: list[dict] | None = None) -> MentorProfile:
    """A signed-in person offers to mentor; a manager of a cluster they chose verifies them."""
    if not user.is_authenticated:
        raise NotAllowed(_("Sign in to become a mentor."))
    if MentorProfile.objects.filter(user=user).exists():
        raise Conflict(_("You already have a mentor profile."))
    if not (m2m or {}).get("clusters"):
        raise DomainError(_("Choose at least one cluster to mentor in."))
    profile = MentorProfile(user=user, status=MentorStatus.PENDING, last_activity_at=timezone.now())
    _apply(profile, fields)
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError as exc:  # a double submit
        raise Conflict(_("You already have a mentor profile.")) from exc
    _set_m2m(profile, m2m or {})
    _set_publications(profile, publications)
    return profile


@transaction.atomic
def mentor_profile_update(*, user: User, fields: dict, m2m: dict | None = None,
                          publications: list[dict] | None = None) -> MentorProfile:
    """Edit one's own profile. An invited mentor completing it is verified: the inviting manager vouched."""
    profile = MentorProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        raise DomainError(_("You have no mentor profile yet."))
    _apply(profile, fields)
    if profile.status == MentorStatus.INVITED:
        profile.status, profile.verified_at = MentorStatus.VERIFIED, timezone.now()
    profile.last_activity_at = timezone.now()
    profile.save()
    m2m = dict(m2m or {})
    if profile.status != MentorStatus.PENDING:
        # Clusters are what managers verified a mentor for: only a pending mentor changes them.
        m2m.pop("clusters", None)
    elif "clusters" in m2m and not m2m["clusters"]:
        raise DomainError(_("Choose at least one cluster to mentor in."))
    _set_m2m(profile, m2m)
    _set_publications(profile, publications)
    return profile


@transaction.atomic
def mentor_invite(*, user: User, cluster: Cluster, email: str) -> MentorInvitation:
    """A cluster manager invites someone by email to mentor in the cluster."""
    if not selectors.can_manage_cluster(user, cluster.pk):
        raise NotAllowed(_("Only the cluster's managers can invite mentors."))
    User.objects.select_for_update().filter(pk=user.pk).first()  # serialises the daily count per inviter
    since = timezone.now() - timedelta(days=1)
    if MentorInvitation.objects.filter(invited_by=user, created_at__gte=since).count() >= INVITATIONS_PER_DAY:
        raise Conflict(_("You have sent %(n)d mentor invitations today, the most allowed.") % {"n": INVITATIONS_PER_DAY})
    email = email.strip().lower()
    try:
        with transaction.atomic():
            invitation = MentorInvitation.objects.create(cluster=cluster, email=email, invited_by=user)
    except IntegrityError as exc:
        raise Conflict(_("This address already has an open mentor invitation for this cluster.")) from exc
    notify.invitation_email(invitation)
    return invitation


def invitation_is_open(invitation: MentorInvitation) -> bool:
    age = timezone.now() - invitation.created_at
    return invitation.accepted_at is None and age.days < INVITATION_MAX_AGE_DAYS


@transaction.atomic
def mentor_invitation_accept(*, user: User, invitation: MentorInvitation) -> MentorProfile:
    """The invitee (signed in with the invited address) becomes a mentor of the cluster.

    A new profile starts ``invited`` and is verified when the mentor completes it; a pending one is
    verified at once (a manager vouched); a suspended one stays suspended.
    """
    if not invitation_is_open(invitation):
        raise DomainError(_("This invitation has expired or was already used."))
    if user.email.lower() != invitation.email.lower():
        raise NotAllowed(_("This invitation was sent to a different email address."))
    now = timezone.now()
    if not MentorInvitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
        accepted_at=now, accepted_by=user
    ):
        raise Conflict(_("This invitation was already used."))
    if user.email_verified_at is None:  # the link proves the address
        User.objects.filter(pk=user.pk).update(email_verified_at=now)
    profile = MentorProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        profile = MentorProfile.objects.create(
            user=user, status=MentorStatus.INVITED, expertise="", verified_by=invitation.invited_by,
            last_activity_at=now,
        )
    elif profile.status == MentorStatus.PENDING:
        profile.status, profile.verified_by, profile.verified_at = MentorStatus.VERIFIED, invitation.invited_by, now
        profile.save(update_fields=["status", "verified_by", "verified_at", "updated_at"])
    profile.clusters.add(invitation.cluster)
    return profile


@transaction.atomic
def mentor_invitation_signup(*, invitation: MentorInvitation, person: PersonData,
                             privacy_consent: bool) -> User:
    """A new person creates their account from a mentor invitation (no organisation needed)."""
    if person.email.strip().lower() != invitation.email.lower():
        raise NotAllowed(_("This invitation was sent to a different email address."))
    user = user_create(person=person, privacy_consent=privacy_consent)
    mentor_invitation_accept(user=user, invitation=invitation)
    return user


def _managed_mentor(user: User, mentor_id: int) -> MentorProfile:
    profile = MentorProfile.objects.select_for_update().select_related("user").filter(pk=mentor_id).first()
    if profile is None:
        raise DomainError(_("This mentor no longer exists."))
    allowed = user.is_authenticated and (
        user.is_superuser or profile.clusters.filter(pk__in=managed_cluster_ids(user)).exists()
    )
    if not allowed:
        raise NotAllowed(_("Only the managers of a cluster this mentor serves can do this."))
    return profile


@transaction.atomic
def mentor_verify(*, user: User, mentor_id: int) -> MentorProfile:
    profile = _managed_mentor(user, mentor_id)
    if profile.status == MentorStatus.VERIFIED:
        raise Conflict(_("This mentor is already verified."))
    if profile.status == MentorStatus.INVITED:
        raise Conflict(_("This mentor has not completed their profile yet."))
    profile.status, profile.verified_by, profile.verified_at = MentorStatus.VERIFIED, user, timezone.now()
    profile.status_reason = ""
    profile.save(update_fields=["status", "verified_by", "verified_at", "status_reason", "updated_at"])
    notify.mentor_verified_email(profile.user)
    return profile


@transaction.atomic
def mentor_suspend(*, user: User, mentor_id: int, reason: str = "") -> MentorProfile:
    """Stop proposing a mentor; seats not yet accepted are withdrawn and refilled."""
    profile = _managed_mentor(user, mentor_id)
    if profile.status == MentorStatus.SUSPENDED:
        raise Conflict(_("This mentor is already suspended."))
    profile.status, profile.status_reason = MentorStatus.SUSPENDED, reason.strip()[:1000]
    profile.save(update_fields=["status", "status_reason", "updated_at"])
    panels.release_open_seats(mentor=profile, reason=_("The mentor is no longer available."))
    mentor_requests.release_open_requests(mentor=profile, reason=_("The mentor is no longer available."))
    return profile


@transaction.atomic
def mentor_set_availability(*, user: User, available: bool) -> MentorProfile:
    """A mentor going unavailable politely declines the seats and direct requests still waiting for them;
    each seat is refilled, each asking startup is told and invited to ask another mentor."""
    profile = MentorProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        raise DomainError(_("You have no mentor profile yet."))
    profile.availability = Availability.AVAILABLE if available else Availability.UNAVAILABLE
    profile.last_activity_at = timezone.now()
    profile.save(update_fields=["availability", "last_activity_at", "updated_at"])
    if not available:
        panels.release_open_seats(mentor=profile, reason=_("The mentor is not available at the moment."))
        mentor_requests.release_open_requests(mentor=profile,
                                              reason=_("The mentor is not available at the moment."))
    return profile
