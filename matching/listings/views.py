"""Pages to browse, search, read, post, edit and close needs and capabilities."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.selectors import member_org_ids
from core.errors import DomainError
from taxonomy import selectors as taxonomy_selectors

from .. import visibility
from ..models import Listing
from . import selectors, services
from .forms import ListingFilterForm, ListingForm

PAGE_SIZE = 20


def browse_view(request: HttpRequest) -> HttpResponse:
    """Everyone may browse: people who are not signed in see public listings only."""
    form = ListingFilterForm(request.GET or None, facets=taxonomy_selectors.facet_choices())
    invalid = form.is_bound and not form.is_valid()
    filters = form.cleaned_data if form.is_bound and not invalid else {}
    # A search that cannot be run (a NUL byte, an unknown term) shows nothing but the form's errors.
    qs = Listing.objects.none() if invalid else selectors.listing_search(
        user=request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = visibility.description_visible_ids(request.user, list(page))
    for listing in page:
        listing.description_shown = listing.pk in shown
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": params.urlencode(),
        "can_post": bool(member_org_ids(request.user)),
    }
    if request.headers.get("HX-Request"):  # htmx swaps only a 200: the errors show in the fragment
        return render(request, "matching/_partials/listing_results.html", context)
    return render(request, "matching/browse.html", context, status=400 if invalid else 200)


def _visible_listing(request: HttpRequest, pk: int) -> Listing:
    listing = selectors.visible_listings(request.user).filter(pk=pk).first()
    if listing is None:
        raise Http404(_("No such listing."))
    return listing


def _editable_listing(request: HttpRequest, pk: int) -> Listing:
    listing = _visible_listing(request, pk)
    if not selectors.can_edit_listing(request.user, listing):
        raise PermissionDenied(_("Only active members of the organisation can change its listings."))
    return listing


def detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    listing = _visible_listing(request, pk)
    context = {
        "listing": listing,
        "description_shown": visibility.listing_description_visible(request.user, listing),
        "can_edit": selectors.can_edit_listing(request.user, listing),
    }
    return render(request, "matching/detail.html", context)


def _save_form(request: HttpRequest, form: ListingForm, save) -> Listing | None:
    """Run a service with the form's data; its errors land on the form."""
    try:
        return save(form.service_fields())
    except ValidationError as exc:
        form.add_error(None, exc)
    except DomainError as exc:
        form.add_error(None, exc.message)
    return None


@login_required
def create_view(request: HttpRequest) -> HttpResponse:
    if not member_org_ids(request.user):
        messages.info(request, _("Join or register an organisation to post its needs and capabilities."))
        return redirect("listings:browse")
    form = ListingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        listing = _save_form(
            request, form,
            lambda fields: services.listing_create(
                user=request.user, organization=form.cleaned_data["organization"], fields=fields
            ),
        )
        if listing is not None:
            messages.success(request, _("Your listing is saved."))
            return redirect("listings:detail", pk=listing.pk)
    return render(request, "matching/edit.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    listing = _editable_listing(request, pk)
    form = ListingForm(request.POST or None, instance=listing, user=request.user)
    if request.method == "POST" and form.is_valid():
        # The form has already written its values onto ``listing``: the service gets a fresh row.
        fresh = Listing.objects.get(pk=listing.pk)
        saved = _save_form(
            request, form, lambda fields: services.listing_update(user=request.user, listing=fresh, fields=fields)
        )
        if saved is not None:
            messages.success(request, _("Your listing is saved."))
            return redirect("listings:detail", pk=saved.pk)
    return render(request, "matching/edit.html", {"form": form, "listing": listing}, status=400 if form.errors else 200)


@login_required
@require_POST
def close_view(request: HttpRequest, pk: int) -> HttpResponse:
    listing = _editable_listing(request, pk)
    try:
        services.listing_close(user=request.user, listing=listing)
        messages.success(request, _("The listing is closed. Others no longer see it."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("listings:detail", pk=listing.pk)
