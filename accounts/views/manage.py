"""Cluster managers' pages: the verification queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError

from .. import selectors, services
from ..forms import RejectForm


def _require_manager(request: HttpRequest) -> None:
    if not selectors.is_cluster_manager(request.user):
        raise PermissionDenied(_("This page is for cluster managers."))


@login_required
def verification_queue_view(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    page = Paginator(selectors.verification_queue(user=request.user), 25).get_page(request.GET.get("page"))
    # Held renames are few: all of them (up to a page's worth) on the first page of the queue.
    changes = list(selectors.organization_changes_to_review(user=request.user)[:25]) if page.number == 1 else []
    for change in changes:  # the other organisations the new name or domain would look like
        change.lookalikes = list(
            selectors.likely_duplicates(name_ko=change.name_ko, name_en=change.name_en, website=change.website)
            .exclude(pk=change.organization_id)[:5]
        )
    context = {"page": page, "reject_form": RejectForm(), "changes": changes}
    return render(request, "accounts/verification_queue.html", context)


@login_required
@require_POST
def verification_decide_view(request: HttpRequest, membership_id: int) -> HttpResponse:
    _require_manager(request)
    try:
        if request.POST.get("decision") == "approve":
            cm = services.cluster_membership_approve(manager=request.user, membership_id=membership_id)
            messages.success(request, _("%(org)s is verified and joined %(cluster)s.") % {"org": cm.organization, "cluster": cm.cluster})
        else:
            form = RejectForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Give a reason so the applicant can correct it."))
                return redirect("manage:verification")
            cm = services.cluster_membership_reject(
                manager=request.user, membership_id=membership_id, reason=form.cleaned_data["reason"]
            )
            messages.info(request, _("%(org)s was turned down; the applicant was told why.") % {"org": cm.organization})
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("manage:verification")


@login_required
@require_POST
def organization_change_decide_view(request: HttpRequest, change_id: int) -> HttpResponse:
    """Approve or turn down a verified organisation's new name or website."""
    _require_manager(request)
    try:
        if request.POST.get("decision") == "approve":
            change = services.organization_change_approve(manager=request.user, change_id=change_id)
            messages.success(request, _("%(org)s now shows its new name.") % {"org": change.new_name})
        else:
            form = RejectForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Give a reason so the applicant can correct it."))
                return redirect("manage:verification")
            change = services.organization_change_reject(
                manager=request.user, change_id=change_id, reason=form.cleaned_data["reason"]
            )
            messages.info(
                request, _("The change was turned down; %(org)s keeps its name and was told why.") % {"org": change.old_name}
            )
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("manage:verification")
