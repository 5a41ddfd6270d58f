"""Reads for listings: who sees which listing, and whose eyes a confidential description may reach.

The rule of DESIGN.md: a ``confidential`` listing shows its title and facets to everyone who may see
the listing; its description (and anything derived from it: search hits, snippets, API fields)
reaches only its own organisation and the other side of a
``connected`` match. Every page and endpoint reads listings through these functions.
"""

from django.db.models import Prefetch, Q, QuerySet

from accounts.models import OrganizationStatus, User
from accounts.selectors import member_org_ids
from taxonomy.models import Facet

from ..models import (
    Listing,
    ListingVisibility,
)
from ..visibility import description_visible_q, open_listing_q


def _listing_base() -> QuerySet[Listing]:
    return Listing.objects.select_related("organization", "stage").prefetch_related(
        Prefetch("partnership_types", queryset=Facet.objects.order_by("order", "slug")),
        Prefetch("therapeutic_areas", queryset=Facet.objects.order_by("order", "slug")),
        Prefetch("technologies", queryset=Facet.objects.order_by("order", "slug")),
    )


def visible_listings(user: User) -> QuerySet[Listing]:
    """Open, unexpired listings of verified organisations, plus every listing of the user's own ones.

    Signed-in people see ``public``, ``members`` and ``confidential`` listings (the last without
    their description); people who are not signed in see only ``public`` ones.
    """
    others = open_listing_q() & Q(organization__status=OrganizationStatus.VERIFIED)
    if not user.is_authenticated:
        return _listing_base().filter(others & Q(visibility=ListingVisibility.PUBLIC))
    own = member_org_ids(user)
    return _listing_base().filter(others | Q(organization_id__in=own))


# --- search and filters -------------------------------------------------------------------------


def listing_search(
    *,
    user: User,
    q: str = "",
    side: str = "",
    partnership_type: str = "",
    therapeutic_area: str = "",
    technology: str = "",
    stage: str = "",
    mine: bool = False,
    qs: QuerySet[Listing] | None = None,
) -> QuerySet[Listing]:
    """Visible listings filtered by facet slugs and searched word by word (Korean included).

    Every word must occur in the title or, where the viewer may read it, the description: a
    confidential description never produces a hit for anyone outside its organisation.
    """
    qs = visible_listings(user) if qs is None else qs
    if q.strip():
        readable = description_visible_q(user)
        for word in q.split():
            qs = qs.filter(Q(title__icontains=word) | (Q(description__icontains=word) & readable))
    if side:
        qs = qs.filter(side=side)
    for field, slug in (
        ("partnership_types", partnership_type),
        ("therapeutic_areas", therapeutic_area),
        ("technologies", technology),
    ):
        if slug:
            qs = qs.filter(pk__in=Listing.objects.filter(**{f"{field}__slug": slug}).values("pk"))
    if stage:
        qs = qs.filter(stage__slug=stage)
    if mine:
        qs = qs.filter(organization_id__in=member_org_ids(user))
    return qs.order_by("-created_at", "-id")


def can_edit_listing(user: User, listing: Listing) -> bool:
    """Only active members of the listing's organisation write to it."""
    return user.is_authenticated and listing.organization_id in member_org_ids(user)


