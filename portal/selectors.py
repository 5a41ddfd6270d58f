"""Reads for the home dashboard across apps: each a single cheap query, so the home page costs a constant number."""

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.selectors import member_org_ids
from events.models import Event, EventStatus, Registration
from events.selectors import my_registrations, visible_events
from matching.listings.selectors import visible_listings
from matching.models import Listing, ListingSide, ListingStatus
from matching.proposals.selectors import proposals_for
from matching.review.selectors import review_queue, reviewing_org_ids
from matching.visibility import description_visible_ids

UPCOMING_SHOWN = 3
LISTINGS_SHOWN = 60  # on an organisation's page


def upcoming_registrations(*, user: User) -> QuerySet[Registration]:
    """The user's active registrations for events that have not ended yet, soonest first."""
    return my_registrations(user=user).filter(event__ends_at__gte=timezone.now())


def upcoming_events(*, user: User) -> QuerySet[Event]:
    """Published events that have not ended yet, soonest first."""
    return (
        visible_events(user)
        .filter(status=EventStatus.PUBLISHED, ends_at__gte=timezone.now())
        .select_related("cluster")
        .order_by("starts_at", "id")
    )


def open_proposal_count(*, user: User) -> int:
    return proposals_for(user=user).order_by().count()


def open_listing_count(*, user: User) -> int:
    """Open needs and capabilities posted by the user's organisations."""
    orgs = member_org_ids(user)
    if not orgs:
        return 0
    return Listing.objects.filter(organization_id__in=orgs, status=ListingStatus.OPEN).count()


def review_queue_count(*, user: User) -> int | None:
    """Proposals waiting for the person's TTO review; None when they review for no organisation."""
    if not reviewing_org_ids(user):
        return None
    return review_queue(user=user).order_by().count()


def organization_listings(*, user: User, org) -> dict:
    """An organisation's needs and capabilities as ``user`` may see them (matching's own rule): every one of
    its listings for its own members, the open ones for others, and a confidential description only where
    ``user`` may read it (``description_shown`` on each)."""
    listings = list(visible_listings(user).filter(organization=org).order_by("-created_at", "-id")[:LISTINGS_SHOWN])
    listings.sort(key=lambda x: x.status != ListingStatus.OPEN)  # open ones first, then drafts and closed ones
    shown = description_visible_ids(user, listings)
    for listing in listings:
        listing.description_shown = listing.pk in shown
    return {
        "own": org.pk in member_org_ids(user),
        "capabilities": [x for x in listings if x.side == ListingSide.CAPABILITY],
        "needs": [x for x in listings if x.side == ListingSide.NEED],
        "truncated": len(listings) == LISTINGS_SHOWN,
    }
