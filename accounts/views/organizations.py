"""Organisation directory, profile pages, editing, colleagues and cluster requests."""

import re
import unicodedata

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.models import Cluster
from core.errors import DomainError
from core.fragments import cached_fragment

from .. import selectors, services
from ..forms import DirectoryFilterForm, InvitationForm, MembershipForm, OrganizationForm
from ..models import Organization

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")
DESCRIPTION_CHARS = 160  # a directory card shows this much of the description


@login_required
def directory_view(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET)  # every filter is optional, so always bound
    # An invalid filter (e.g. a stale cluster slug) is dropped on its own; the others still apply.
    form.is_valid()
    filters = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    query = request.GET.urlencode()

    def context() -> dict:  # only when the result list is not kept already
        qs = selectors.organization_directory(user=request.user, **{k: v for k, v in filters.items() if v})
        page = selectors.directory_page(qs, request.GET.get("page"))
        _prepare_cards(page)
        return {"form": form, "page": page, "query": query}

    # The list is kept per viewer, language and query; its version changes with any organisation, approved
    # cluster membership or cluster name it could show (the form's cluster choices are those names).
    version = (*selectors.directory_version(), tuple(form.fields["cluster"].choices[1:]))
    results = cached_fragment(request, "organizations/_partials/directory_results.html", context, version=version)
    if request.headers.get("HX-Request"):
        return HttpResponse(results)
    return render(request, "organizations/directory.html", {"form": form, "results": results, "query": query})


def _prepare_cards(page) -> None:
    """What each directory card prints, worked out once in Python: the same text the template's
    ``get_kind_display``, ``url`` and ``truncatechars`` gave, at a fraction of the calls (24 cards each
    building the region choices' dict was most of the list's cost). ``cluster_names`` come with the page."""
    kinds = dict(Organization._meta.get_field("kind").flatchoices)
    regions = dict(Organization._meta.get_field("region").flatchoices)
    marker = "2147483647"  # an id no organisation has yet: the detail URL with it, split around it
    before, _, after = reverse("organizations:detail", args=[int(marker)]).rpartition(marker)
    for org in page:
        org.kind_label = str(kinds.get(org.kind, org.kind))
        org.region_label = str(regions.get(org.region, org.region))
        org.detail_url = f"{before}{org.pk}{after}"
        org.display_name = name = org.name
        org.other_name = (org.name_en if name == org.name_ko else org.name_ko) if org.name_ko and org.name_en else ""
        text = unicodedata.normalize("NFC", org.description)  # as Truncator does; a short text is kept whole
        org.summary = text if len(text) <= DESCRIPTION_CHARS else Truncator(text).chars(DESCRIPTION_CHARS)


def _visible_org(request: HttpRequest, pk: int) -> Organization:
    org = selectors.visible_organizations(request.user).select_related("stage").filter(pk=pk).first()
    if org is None:
        raise Http404(_("No such organisation."))
    return org


@login_required
def detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    org = _visible_org(request, pk)
    people = selectors.organization_people(org=org)
    context = {
        "org": org,
        "people": people,
        "show_contacts": selectors.can_see_contacts_of(request.user, org),
        "can_edit": selectors.can_edit_organization(request.user, org),
        "cluster_memberships": org.cluster_memberships.select_related("cluster"),
    }
    if context["can_edit"]:
        context["invite_form"] = InvitationForm()
        context["invite_blocked"] = services.invitation_blocked_reason(org)
        context["join_requests"] = selectors.pending_join_requests(user=request.user).filter(organization=org)
        context["open_clusters"] = Cluster.objects.exclude(memberships__organization=org)
    return render(request, "organizations/detail.html", context)


def _editable_org(request: HttpRequest, pk: int) -> Organization:
    org = _visible_org(request, pk)
    if not selectors.can_edit_organization(request.user, org):
        raise PermissionDenied(_("Only the organisation's administrators can do this."))
    return org


@login_required
def edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    org = _editable_org(request, pk)
    form = OrganizationForm(request.POST or None, instance=org)
    if request.method == "POST" and form.is_valid():
        saved = services.organization_update(user=request.user, org=org, fields=form.cleaned_data)
        messages.success(request, _("The organisation's profile is saved."))
        if saved.held_change is not None:
            messages.info(request, _(
                "A verified organisation's new name or website is checked by its cluster managers first: "
                "ClusterLink shows %(old)s until they approve %(new)s."
            ) % {"old": saved.held_change.old_name, "new": saved.held_change.new_name})
        return redirect("organizations:detail", pk=org.pk)
    pending = services.organization_change_pending(org)
    if pending is not None:  # say what waits for review next to the fields it concerns
        for name in services.REVIEWED_FIELDS:
            if getattr(pending, name) != getattr(pending, f"old_{name}") and name in form.fields:
                form.fields[name].help_text = _("Awaiting a cluster manager's review: %(value)s") % {
                    "value": getattr(pending, name) or "—"
                }
    return render(request, "organizations/edit.html", {"form": form, "org": org, "pending": pending})


@login_required
@require_POST
def change_withdraw_view(request: HttpRequest, pk: int, change_id: int) -> HttpResponse:
    """Withdraw the organisation's held change of name or website before a cluster manager decides it."""
    org = _editable_org(request, pk)
    change = get_object_or_404(org.changes, pk=change_id)  # another organisation's change: 404
    try:
        services.organization_change_withdraw(user=request.user, change_id=change.pk)
        messages.success(request, _(
            "Your change of name or website was withdrawn. ClusterLink keeps showing %(org)s."
        ) % {"org": change.old_name})
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("organizations:edit", pk=org.pk)


@login_required
@require_POST
def reapply_view(request: HttpRequest, pk: int) -> HttpResponse:
    org = _editable_org(request, pk)
    try:
        services.organization_reapply(user=request.user, org=org)
        messages.success(request, _("Your organisation was sent for verification again."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("organizations:detail", pk=org.pk)


@login_required
@require_POST
def invite_view(request: HttpRequest, pk: int) -> HttpResponse:
    org = _editable_org(request, pk)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_create(user=request.user, org=org, **form.cleaned_data)
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
        except DomainError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("organizations:detail", pk=org.pk)


@login_required
@require_POST
def join_request_decide_view(request: HttpRequest, pk: int, membership_id: int) -> HttpResponse:
    org = _editable_org(request, pk)
    try:
        if request.POST.get("decision") == "approve":
            services.membership_approve(user=request.user, membership_id=membership_id)
            messages.success(request, _("The request was approved."))
        else:
            services.membership_decline(user=request.user, membership_id=membership_id)
            messages.info(request, _("The request was declined."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("organizations:detail", pk=org.pk)


@login_required
def membership_edit_view(request: HttpRequest, pk: int, membership_id: int) -> HttpResponse:
    org = _editable_org(request, pk)
    membership = get_object_or_404(org.memberships.select_related("user"), pk=membership_id)
    form = MembershipForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_update(user=request.user, membership_id=membership.pk, **form.cleaned_data)
            messages.success(request, _("Saved."))
            return redirect("organizations:detail", pk=org.pk)
        except DomainError as exc:
            form.add_error(None, exc.message)
    return render(request, "organizations/membership_edit.html", {"form": form, "org": org, "membership": membership})


@login_required
@require_POST
def cluster_join_view(request: HttpRequest, pk: int) -> HttpResponse:
    org = _editable_org(request, pk)
    slug = request.POST.get("cluster", "")
    if not SLUG.fullmatch(slug):  # never a query with text no slug has (a NUL byte is a database error)
        raise Http404
    cluster = get_object_or_404(Cluster, slug=slug)
    try:
        services.cluster_join_request(user=request.user, org=org, cluster=cluster)
        messages.success(request, _("Your request to join %(cluster)s was sent to its managers.") % {"cluster": cluster})
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("organizations:detail", pk=org.pk)
