"""Who sees which listing's description, and which listings are open: the rule of DESIGN.md that
every capability (listings, proposals, review) reads, so it sits below all of them.

A ``confidential`` listing shows its title and facets to everyone who may see the listing; its
description (and anything derived from it: search hits, snippets, reasons, API fields) reaches only
its own organisation and the other side of a ``connected`` match.
"""

from django.db.models import Q

from accounts.models import User
from accounts.selectors import member_org_ids
from core.dates import today as local_today

from .models import CONNECTED_STATES, Listing, ListingStatus, ListingVisibility, Match


def open_listing_q() -> Q:
    """Open and not past its date (the listing's own state; the organisation's is checked elsewhere)."""
    return Q(status=ListingStatus.OPEN) & (Q(expires_on__isnull=True) | Q(expires_on__gte=local_today()))


def is_open(listing: Listing) -> bool:
    return listing.status == ListingStatus.OPEN and (
        listing.expires_on is None or listing.expires_on >= local_today())


def connected_listing_ids_q(user: User) -> Q:
    """Listings whose confidential description a ``connected`` (or later) match reveals to ``user``:
    the need, for the counterpart's people; the supporting capabilities, for the need's people."""
    orgs = member_org_ids(user)
    if not orgs:
        return Q(pk__in=[])
    connected = Match.objects.filter(status__in=CONNECTED_STATES)
    supporting = Match.supporting_listings.through.objects.filter(
        match__in=connected.filter(need__organization_id__in=orgs)).values("listing_id")
    return Q(pk__in=connected.filter(counterpart_id__in=orgs).values("need_id")) | Q(pk__in=supporting)


def description_visible_q(user: User) -> Q:
    """A filter over ``Listing``: rows whose description ``user`` may read (for search and lists)."""
    condition = ~Q(visibility=ListingVisibility.CONFIDENTIAL)
    if user.is_authenticated:
        condition |= Q(organization_id__in=member_org_ids(user)) | connected_listing_ids_q(user)
    return condition


def listing_description_visible(user: User, listing: Listing) -> bool:
    """May ``user`` read this listing's description? (Call only for listings they may see.)"""
    if listing.visibility != ListingVisibility.CONFIDENTIAL:
        return True
    if not user.is_authenticated:
        return False
    if listing.organization_id in member_org_ids(user):
        return True
    return Listing.objects.filter(connected_listing_ids_q(user), pk=listing.pk).exists()


def description_visible_ids(user: User, listings: list[Listing]) -> set[int]:
    """The ids among ``listings`` whose description ``user`` may read, in at most one query."""
    shown = {
        lst.pk for lst in listings
        if lst.visibility != ListingVisibility.CONFIDENTIAL
        or (user.is_authenticated and lst.organization_id in member_org_ids(user))
    }
    hidden = [lst.pk for lst in listings if lst.pk not in shown]
    if hidden and user.is_authenticated:
        shown |= set(Listing.objects.filter(connected_listing_ids_q(user), pk__in=hidden).values_list("pk", flat=True))
    return shown


def hidden_description_ids(user: User, matches: list[Match]) -> set[int]:
    """Needs, supporting and best-pair capability listings whose description ``user`` may not read."""
    listings = {lst.pk: lst for m in matches for lst in m.supporting_listings.all()}
    listings.update({m.need.pk: m.need for m in matches})
    best = {int(m.explanation.get("best_pair", {}).get("capability") or 0) for m in matches} - set(listings) - {0}
    if best:
        listings.update({lst.pk: lst for lst in Listing.objects.filter(pk__in=best)})
    shown = description_visible_ids(user, list(listings.values()))
    return set(listings) - shown
