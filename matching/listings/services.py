"""Writes for listings. One transaction each; permission checks inside.

``fields`` holds model field values (as a ModelForm's ``cleaned_data`` or a serializer's
``validated_data`` gives them); the three facet sets are lists of ``Facet`` rows. Invalid values
raise Django's ``ValidationError`` with a message per field; a rule broken by the caller raises a
``DomainError``.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organization, User
from accounts.selectors import member_org_ids
from core.dates import today as local_today
from core.errors import Conflict, NotAllowed
from taxonomy.models import Facet, FacetKind

from ..models import (
    Listing,
    ListingSide,
    ListingStatus,
)
from ..proposals.services import withdraw_proposals
from ..proposals.tasks import queue_rerank
from ..visibility import is_open

FACET_FIELDS = {
    "partnership_types": FacetKind.PARTNERSHIP_TYPE,
    "therapeutic_areas": FacetKind.THERAPEUTIC_AREA,
    "technologies": FacetKind.TECHNOLOGY,
}
# What a caller may set; everything else (organisation, author, timestamps) is the service's.
WRITABLE = {
    "side", "title", "description", "language", "stage", "visibility", "status", "expires_on",
    *Listing.PROFILE_FIELDS, *FACET_FIELDS,
}


def _check_member(user: User, organization_id: int) -> None:
    if not user.is_authenticated or organization_id not in member_org_ids(user):
        raise NotAllowed(_("Only active members of the organisation can change its listings."))


def _split(fields: dict) -> tuple[dict, dict[str, list[Facet]]]:
    unknown = set(fields) - WRITABLE
    if unknown:
        raise ValueError(f"not writable on a listing: {sorted(unknown)}")
    plain = {k: v for k, v in fields.items() if k not in FACET_FIELDS}
    facets = {k: list(v or []) for k, v in fields.items() if k in FACET_FIELDS}
    return plain, facets


def _validate_facets(facets: dict[str, list[Facet]]) -> None:
    errors = {}
    for name, chosen in facets.items():
        wrong = [f for f in chosen if f.kind != FACET_FIELDS[name]]
        if wrong:
            errors[name] = _("Not a term of this list: %(terms)s.") % {"terms": ", ".join(f.slug for f in wrong)}
    if errors:
        raise ValidationError(errors)


def _validate_expiry(listing: Listing, *, changed: bool) -> None:
    if changed and listing.expires_on and listing.expires_on < local_today():
        raise ValidationError({"expires_on": _("The closing date is in the past; choose a later date or leave it empty.")})


def _save(listing: Listing, facets: dict[str, list[Facet]]) -> Listing:
    listing.full_clean()
    listing.save()
    for name, chosen in facets.items():
        getattr(listing, name).set(chosen)
    return listing


@transaction.atomic
def listing_create(*, user: User, organization: Organization, fields: dict) -> Listing:
    """A new need or capability of ``organization``, posted by one of its active members."""
    _check_member(user, organization.pk)
    plain, facets = _split(fields)
    _validate_facets(facets)
    listing = Listing(organization=organization, created_by=user, **plain)
    _validate_expiry(listing, changed=True)
    _save(listing, facets)
    queue_rerank(listing.pk)  # proposals follow the listing within seconds, after commit
    return listing


@transaction.atomic
def listing_update(*, user: User, listing: Listing, fields: dict) -> Listing:
    """Change some fields of a listing; only the organisation's active members may."""
    _check_member(user, listing.organization_id)
    plain, facets = _split(fields)
    _validate_facets(facets)
    old_expiry = listing.expires_on
    for name, value in plain.items():
        setattr(listing, name, value)
    _validate_expiry(listing, changed=listing.expires_on != old_expiry)
    _save(listing, facets)
    if listing.side == ListingSide.NEED and not is_open(listing):  # closed or set to draft through the form
        withdraw_proposals(need_ids=[listing.pk], actor=user)
    queue_rerank(listing.pk)
    return listing


@transaction.atomic
def listing_close(*, user: User, listing: Listing) -> Listing:
    """Close a listing: it leaves search and browsing for everyone outside the organisation.

    A need's undecided proposals are withdrawn in the same transaction, so no reviewer approves them.
    """
    _check_member(user, listing.organization_id)
    updated = Listing.objects.filter(pk=listing.pk).exclude(status=ListingStatus.CLOSED).update(
        status=ListingStatus.CLOSED, updated_at=timezone.now()
    )
    if not updated:
        raise Conflict(_("This listing is already closed."))
    withdraw_proposals(need_ids=[listing.pk], actor=user)
    listing.refresh_from_db()
    return listing
