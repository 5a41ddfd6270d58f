"""A startup asking a mentor directly: ask, accept (capacity), decline, withdraw, release.

Who may ask: an active member of a verified firm, of a verified, available mentor without a
conflict of interest with the firm (``cohort.conflict_pairs``, the same rule panels obey). One open
(waiting or accepted) request per startup and mentor, kept by a partial unique constraint.

Capacity is the panels' counter: an accepted request takes one place of
``MentorProfile.seats_taken`` by the same conditional UPDATE (``seats_taken < capacity``, backed by
the check constraint), so two accepts at once for a mentor with one free place end with one
accepted and one refused, whatever mixes of seats and requests they are. The profile row is
updated before the request row, the order ``mentor_set_availability`` locks them in.

A confidential need's description never reaches the mentor: mentor-facing pages, emails and API
fields read it through ``need_description_for`` only.
"""

from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organization, User
from core.errors import Conflict, DomainError, NotAllowed
from matching.models import Listing, ListingSide
from matching.visibility import open_listing_q

from . import notify, selectors
from .cohort import conflict_pairs
from .models import (
    MESSAGE_MAX_LENGTH,
    REPLY_MAX_LENGTH,
    Availability,
    MentoringRequest,
    MentorProfile,
    MentorStatus,
    RequestStatus,
    need_description_for,
)

__all__ = ["need_description_for"]  # re-exported: the one rule for what a mentor reads of a need

# Waiting requests a startup may have at once: enough to ask around, not enough to spam every mentor.
MAX_WAITING_PER_STARTUP = 5


def clean_text(value: str, limit: int, what: str) -> str:
    """Services check what forms check, for callers that skip the form (NUL bytes break PostgreSQL)."""
    value = (value or "").strip()
    if "\x00" in value:
        raise DomainError(_("Null characters are not allowed."))
    if len(value) > limit:
        raise DomainError(_("The %(what)s is too long (at most %(n)d characters).") % {"what": what, "n": limit})
    return value


@transaction.atomic
def request_create(*, user: User, mentor_id: int, organization_id: int, message: str,
                   need_id: int | None = None) -> MentoringRequest:
    """A member of a verified firm asks a mentor; the mentor is emailed."""
    if not user.is_authenticated:
        raise NotAllowed(_("Sign in to ask for mentoring."))
    # Locks the startup's row: serialises its asks, so the waiting limit holds under double submits.
    org = selectors.asking_organizations(user).select_for_update(of=("self",)).filter(pk=organization_id).first()
    if org is None:
        raise NotAllowed(_("Only members of a verified firm can ask a mentor for their firm."))
    mentor = MentorProfile.objects.select_related("user").prefetch_related(
        "affiliated_organizations", "invested_organizations").filter(pk=mentor_id).first()
    if mentor is None or mentor.status != MentorStatus.VERIFIED or not mentor.user.is_active:
        raise DomainError(_("This mentor cannot be asked."))
    if mentor.availability != Availability.AVAILABLE:
        raise Conflict(_("This mentor is not taking new startups at the moment. Please ask another mentor."))
    if conflict_pairs([mentor], {org.pk}):
        raise Conflict(_("This mentor has a conflict of interest with %(startup)s (an affiliation, an investment "
                         "or a membership), so they cannot mentor it. Please ask another mentor.")
                       % {"startup": org.name})
    if mentor.seats_taken >= mentor.capacity:
        raise Conflict(_("This mentor already mentors as many startups as they can. Please ask another mentor."))
    message = clean_text(message, MESSAGE_MAX_LENGTH, _("message"))
    if not message:
        raise DomainError(_("Tell the mentor what you would like help with."))
    need = None
    if need_id:
        need = Listing.objects.filter(open_listing_q(), pk=need_id, organization=org, side=ListingSide.NEED).first()
        if need is None:
            raise DomainError(_("Choose one of your startup's open needs."))
    waiting = MentoringRequest.objects.filter(startup=org, status=RequestStatus.REQUESTED).count()
    if waiting >= MAX_WAITING_PER_STARTUP:
        raise Conflict(_("%(startup)s already has %(n)d requests waiting for an answer; wait for one before "
                         "asking another mentor.") % {"startup": org.name, "n": waiting})
    try:
        with transaction.atomic():
            request = MentoringRequest.objects.create(startup=org, requested_by=user, mentor=mentor, need=need,
                                                      message=message)
    except IntegrityError as exc:
        raise Conflict(_("%(startup)s already asked this mentor; the request is still open.")
                       % {"startup": org.name}) from exc
    notify.request_received_email(request)
    return request


def _mentors_request(user: User, request_id: int) -> MentoringRequest:
    request = MentoringRequest.objects.select_related("mentor__user", "startup", "requested_by", "need").filter(
        pk=request_id).first()
    if request is None or not user.is_authenticated or request.mentor.user_id != user.pk:
        raise NotAllowed(_("This request is addressed to someone else."))
    return request


@transaction.atomic
def request_accept(*, user: User, request_id: int, reply: str = "") -> MentoringRequest:
    """The mentor takes the startup on, if their capacity still has room."""
    request = _mentors_request(user, request_id)
    reply = clean_text(reply, REPLY_MAX_LENGTH, _("reply"))
    if request.status != RequestStatus.REQUESTED:
        raise Conflict(_("This request is no longer waiting for your answer."))
    now = timezone.now()
    # Conditional, and first: PostgreSQL re-checks it after a concurrent accept's row lock; a raise
    # below rolls the place back.
    if not MentorProfile.objects.filter(pk=request.mentor_id, seats_taken__lt=F("capacity")).update(
        seats_taken=F("seats_taken") + 1, last_activity_at=now
    ):
        raise Conflict(_("You already mentor as many startups as your capacity allows. Raise it on your "
                         "profile, or decline."))
    if not MentoringRequest.objects.filter(pk=request.pk, status=RequestStatus.REQUESTED).update(
        status=RequestStatus.ACCEPTED, answered_at=now, reply=reply
    ):
        raise Conflict(_("This request is no longer waiting for your answer."))
    request.status, request.answered_at, request.reply = RequestStatus.ACCEPTED, now, reply
    notify.request_answered_email(request)
    return request


@transaction.atomic
def request_decline(*, user: User, request_id: int, reply: str = "") -> MentoringRequest:
    request = _mentors_request(user, request_id)
    reply = clean_text(reply, REPLY_MAX_LENGTH, _("reply"))
    now = timezone.now()
    if not MentoringRequest.objects.filter(pk=request.pk, status=RequestStatus.REQUESTED).update(
        status=RequestStatus.DECLINED, answered_at=now, reply=reply
    ):
        raise Conflict(_("This request is no longer waiting for your answer."))
    MentorProfile.objects.filter(pk=request.mentor_id).update(last_activity_at=now)
    request.status, request.answered_at, request.reply = RequestStatus.DECLINED, now, reply
    notify.request_answered_email(request)
    return request


@transaction.atomic
def request_withdraw(*, user: User, request_id: int) -> MentoringRequest:
    """A member of the startup withdraws a waiting request, or ends an accepted one (its place is freed)."""
    request = MentoringRequest.objects.select_related("mentor", "startup").filter(pk=request_id).first()
    if request is None or request.startup_id not in selectors.member_org_ids(user):
        raise NotAllowed(_("Only the startup's members can withdraw its request."))
    was = request.status
    if was not in (RequestStatus.REQUESTED, RequestStatus.ACCEPTED) or not MentoringRequest.objects.filter(
        pk=request.pk, status=was
    ).update(status=RequestStatus.WITHDRAWN):
        raise Conflict(_("This request is already closed."))
    if was == RequestStatus.ACCEPTED:
        MentorProfile.objects.filter(pk=request.mentor_id, seats_taken__gte=1).update(
            seats_taken=F("seats_taken") - 1)
    request.status = RequestStatus.WITHDRAWN
    return request


def release_open_requests(*, mentor: MentorProfile, reason: str) -> list[MentoringRequest]:
    """Decline, on the mentor's behalf and politely, every request still waiting (call in a transaction)."""
    now = timezone.now()
    requests = list(MentoringRequest.objects.select_for_update(of=("self",))
                    .select_related("mentor__user", "startup", "requested_by")
                    .filter(mentor=mentor, status=RequestStatus.REQUESTED).order_by("id"))
    MentoringRequest.objects.filter(pk__in=[r.pk for r in requests], status=RequestStatus.REQUESTED).update(
        status=RequestStatus.DECLINED, answered_at=now, reply=reason)
    for request in requests:
        request.status, request.answered_at, request.reply = RequestStatus.DECLINED, now, reason
        notify.request_answered_email(request, released=True)
    return requests


def asking_choices(user: User) -> tuple[QuerySet[Organization], QuerySet[Listing]]:
    """The firms the user may ask for and their open needs, for the ask form."""
    orgs = selectors.asking_organizations(user)
    needs = Listing.objects.filter(open_listing_q(), organization__in=orgs, side=ListingSide.NEED).select_related(
        "organization").order_by("organization_id", "-created_at", "-id")
    return orgs, needs
