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
    return render(request, "manage/verification_queue.html", {"page": page, "reject_form": RejectForm()})


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
