"""Organisation directory, profile pages, editing, colleagues and cluster requests."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.models import Cluster
from core.errors import DomainError

from .. import selectors, services
from ..forms import DirectoryFilterForm, InvitationForm, MembershipForm, OrganizationForm
from ..models import Organization

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


@login_required
def directory_view(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET)  # every filter is optional, so always bound
    # An invalid filter (e.g. a stale cluster slug) is dropped on its own; the others still apply.
    form.is_valid()
    filters = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    qs = selectors.organization_directory(user=request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(qs, 24).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "query": request.GET.urlencode()}
    if request.headers.get("HX-Request"):
        return render(request, "organizations/_partials/directory_results.html", context)
    return render(request, "organizations/directory.html", context)


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
    return render(request, "organizations/edit.html", {"form": form, "org": org})


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
