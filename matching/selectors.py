"""Reads for listings: who sees which listing, and whose eyes a confidential description may reach.

The rule of DESIGN.md: a ``confidential`` listing shows its title and facets to everyone who may see
the listing; its description (and anything derived from it: search hits, snippets, API fields)
reaches only its own organisation and the other side of a
``connected`` match. Every page and endpoint reads listings through these functions.
"""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import OrganizationStatus, User
from accounts.selectors import member_org_ids
from taxonomy.models import Facet, FacetKind

from .models import Listing, ListingStatus, ListingVisibility, Match, MatchStatus
from .review_rules import CONNECTED_STATES


def _listing_base() -> QuerySet[Listing]:
    return Listing.objects.select_related("organization", "stage").prefetch_related(
        Prefetch("partnership_types", queryset=Facet.objects.order_by("order", "slug")),
        Prefetch("therapeutic_areas", queryset=Facet.objects.order_by("order", "slug")),
        Prefetch("technologies", queryset=Facet.objects.order_by("order", "slug")),
    )


def _open_now() -> Q:
    today = timezone.localdate()
    return Q(status=ListingStatus.OPEN) & (Q(expires_on__isnull=True) | Q(expires_on__gte=today))


def visible_listings(user: User) -> QuerySet[Listing]:
    """Open, unexpired listings of verified organisations, plus every listing of the user's own ones.

    Signed-in people see ``public``, ``members`` and ``confidential`` listings (the last without
    their description); people who are not signed in see only ``public`` ones.
    """
    others = _open_now() & Q(organization__status=OrganizationStatus.VERIFIED)
    if not user.is_authenticated:
        return _listing_base().filter(others & Q(visibility=ListingVisibility.PUBLIC))
    own = member_org_ids(user)
    return _listing_base().filter(others | Q(organization_id__in=own))


# --- confidential descriptions ------------------------------------------------------------------


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


def facet_choices() -> dict[str, list[Facet]]:
    """Active facets by kind, in one query (for filter forms)."""
    out: dict[str, list[Facet]] = {kind: [] for kind in FacetKind.values}
    for facet in Facet.objects.filter(is_active=True).order_by("kind", "order", "slug"):
        out[facet.kind].append(facet)
    return out


def can_edit_listing(user: User, listing: Listing) -> bool:
    """Only active members of the listing's organisation write to it."""
    return user.is_authenticated and listing.organization_id in member_org_ids(user)


# --- proposed partners ---------------------------------------------------------------------------


def proposals_for(
    *, user: User, organization_id: int | None = None, partnership_type: str = "", region: str = "",
    status: str = MatchStatus.PROPOSED,
) -> QuerySet[Match]:
    """Matches of the needs of the user's organisations (one, if given), best first per need.

    Only the need's own organisation sees its proposals here; the counterpart reviews them in the
    review queue. Everything a page shows is fetched here, so a page costs a constant number of queries.
    """
    orgs = member_org_ids(user)
    if organization_id is not None:
        orgs = orgs & {organization_id}
    qs = Match.objects.filter(need__organization_id__in=orgs)
    if status:
        qs = qs.filter(status=status)
    if partnership_type:
        qs = qs.filter(need__in=Listing.objects.filter(partnership_types__slug=partnership_type).values("pk"))
    if region:
        qs = qs.filter(counterpart__region=region)
    return (
        qs.select_related("need", "need__organization", "counterpart", "decided_by")
        .prefetch_related(
            Prefetch("need__partnership_types", queryset=Facet.objects.order_by("order", "slug")),
            Prefetch("supporting_listings", queryset=Listing.objects.select_related("organization").order_by("pk")),
        )
        .order_by("-score", "need_id", "id")
    )


def hidden_description_ids(user: User, matches: list[Match]) -> set[int]:
    """Needs, supporting and best-pair capability listings whose description ``user`` may not read."""
    listings = {lst.pk: lst for m in matches for lst in m.supporting_listings.all()}
    listings.update({m.need.pk: m.need for m in matches})
    best = {int(m.explanation.get("best_pair", {}).get("capability") or 0) for m in matches} - set(listings) - {0}
    if best:
        listings.update({lst.pk: lst for lst in Listing.objects.filter(pk__in=best)})
    shown = description_visible_ids(user, list(listings.values()))
    return set(listings) - shown
