"""Reads for partnering events: the participant marketplace (open needs and offers of the
organisations whose attendees consented), the organisers' live figures, and the requests
accepted but not yet on the agenda.

Only titles and tags of listings are read here: no description, so a confidential listing's
description cannot leak through this page whatever its visibility.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from accounts.models import Organization, User
from matching.models import Listing, ListingSide
from matching.visibility import open_listing_q

from . import selectors
from .models import Event, Meeting, MeetingOutcome, MeetingRequest, MeetingRequestStatus, Registration, RegistrationStatus


@dataclass
class MarketplaceEntry:
    organization: Organization
    people: list[Registration] = field(default_factory=list)
    needs: list[Listing] = field(default_factory=list)
    offers: list[Listing] = field(default_factory=list)


def may_see_marketplace(user: User, event: Event) -> bool:
    """Registered attendees and the event's organisers; nobody else."""
    if selectors.can_manage_event(user, event):
        return True
    return user.is_authenticated and Registration.objects.filter(
        event=event, user=user, status=RegistrationStatus.REGISTERED
    ).exists()


def marketplace(*, event: Event) -> list[MarketplaceEntry]:
    """Each organisation with a registered, consenting attendee, with its open listings' titles and
    tags; a constant number of queries whatever the size of the event."""
    regs = list(
        Registration.objects.filter(
            event=event, status=RegistrationStatus.REGISTERED, share_listings=True, organization__isnull=False,
        ).select_related("user").order_by("id")
    )
    listings = Listing.objects.filter(open_listing_q()).only(
        "id", "organization_id", "side", "title", "visibility", "status", "expires_on"
    ).prefetch_related("partnership_types", "therapeutic_areas", "technologies").order_by("side", "title", "id")
    orgs = Organization.objects.filter(pk__in={r.organization_id for r in regs}).prefetch_related(
        Prefetch("listings", queryset=listings, to_attr="open_listings")
    )
    entries = {o.pk: MarketplaceEntry(organization=o) for o in orgs}
    for r in regs:
        if r.organization_id in entries:
            entries[r.organization_id].people.append(r)
    for entry in entries.values():
        for listing in entry.organization.open_listings:
            listing.tags = [*listing.partnership_types.all(), *listing.therapeutic_areas.all(), *listing.technologies.all()]
            (entry.needs if listing.side == ListingSide.NEED else entry.offers).append(listing)
    return sorted(entries.values(), key=lambda e: (e.organization.name.casefold(), e.organization.pk))


def partnering_figures(*, event: Event) -> dict[str, int]:
    """Live counts for the organisers: requests sent, accepted, scheduled and held (two queries)."""
    requests = MeetingRequest.objects.filter(event=event).aggregate(
        sent=Count("id"), accepted=Count("id", filter=Q(status=MeetingRequestStatus.ACCEPTED)),
    )
    meetings = Meeting.objects.filter(event=event).aggregate(
        scheduled=Count("id"), held=Count("id", filter=Q(outcome=MeetingOutcome.HELD)),
    )
    return {**requests, **meetings}


def requests_with_meeting_flag(*, mine: Registration) -> QuerySet[MeetingRequest]:
    """One person's requests, each with ``has_meeting`` (whether it is on the agenda yet)."""
    return selectors.meeting_requests_of(mine=mine).annotate(
        has_meeting=Exists(Meeting.objects.filter(request=OuterRef("pk")))
    )
