"""Programme pages: the list, a programme, applying; and the managers' pages (create, edit, manage
the cohort, form panels, swap, publish, watch responsiveness; verify and invite mentors)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import OrganizationKind
from accounts.selectors import managed_cluster_ids
from clusters.models import Cluster
from core.errors import DomainError
from core.forms import require_valid

from . import cohort, panels, programmes, selectors, services
from .forms import ApplicationForm, IdForm, InviteMentorForm, ProgrammeForm, ReasonForm, SwapForm
from .models import ApplicationStatus, Programme, ProgrammeStatus

PAGE_SIZE = 20


def _managed_clusters(request: HttpRequest):
    if request.user.is_superuser:
        return Cluster.objects.all()
    return Cluster.objects.filter(pk__in=managed_cluster_ids(request.user))


def _visible(request: HttpRequest, pk: int) -> Programme:
    programme = selectors.visible_programmes(request.user).filter(pk=pk).first()
    if programme is None:
        raise Http404(_("No such programme."))
    return programme


def _managed(request: HttpRequest, pk: int) -> Programme:
    programme = Programme.objects.select_related("cluster").filter(pk=pk).first()
    if programme is None:
        raise Http404(_("No such programme."))
    if not selectors.can_manage_programme(request.user, programme):
        raise PermissionDenied(_("Only the managers of this programme's cluster can do this."))
    return programme


def programme_list_view(request: HttpRequest) -> HttpResponse:
    qs = selectors.visible_programmes(request.user).order_by("-starts_on", "id")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mentoring/programme_list.html", {
        "page": page, "is_manager": bool(_managed_clusters(request).exists()) if request.user.is_authenticated else False,
    })


def programme_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _visible(request, pk)
    orgs = selectors.verified_organizations(request.user).filter(kind=OrganizationKind.FIRM)
    mine = list(selectors.my_applications(user=request.user, programme=programme)) if request.user.is_authenticated else []
    applied = {a.organization_id for a in mine}
    open_orgs = orgs.exclude(pk__in=applied)
    form = None
    if programme.status == ProgrammeStatus.OPEN and open_orgs.exists():
        form = ApplicationForm(programme=programme, organizations=open_orgs)
    return render(request, "mentoring/programme_detail.html", {
        "programme": programme, "applications": mine, "form": form,
        "can_manage": selectors.can_manage_programme(request.user, programme),
    })


@login_required
@require_POST
def apply_view(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _visible(request, pk)
    orgs = selectors.verified_organizations(request.user).filter(kind=OrganizationKind.FIRM)
    form = ApplicationForm(request.POST, programme=programme, organizations=orgs)
    if not form.is_valid():
        messages.error(request, _("Please check the application form."))
        return redirect("mentoring:programme", pk=pk)
    try:
        programmes.application_submit(
            user=request.user, programme_id=programme.pk, organization_id=form.cleaned_data["organization"].pk,
            answers=form.answers(), focus=list(form.cleaned_data["focus"]),
        )
        messages.success(request, _("Your application is sent. The programme's managers will decide."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("mentoring:programme", pk=pk)


@login_required
def programme_edit_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    programme = _managed(request, pk) if pk else None
    clusters = _managed_clusters(request)
    if programme is None and not clusters.exists():
        raise PermissionDenied(_("Only cluster managers can create programmes."))
    form = ProgrammeForm(request.POST or None, instance=programme, clusters=clusters)
    if request.method == "POST" and form.is_valid():
        try:
            if programme is None:
                programme = programmes.programme_create(user=request.user, cluster=form.cleaned_data["cluster"],
                                                        fields=form.service_fields())
            else:
                programmes.programme_update(user=request.user, programme_id=programme.pk, fields=form.service_fields())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The programme is saved."))
            return redirect("mentoring:manage_programme", pk=programme.pk)
    return render(request, "mentoring/programme_edit.html", {"form": form, "programme": programme})


@login_required
def manage_programme_view(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _managed(request, pk)
    seats = list(selectors.programme_seats(programme=programme))
    by_startup: dict[int, list] = {}
    for seat in seats:
        by_startup.setdefault(seat.startup_id, []).append(seat)
    startups = [c.organization for c in programme.cohort_startups.select_related("organization")]
    return render(request, "mentoring/manage_programme.html", {
        "programme": programme,
        "applications": programme.applications.filter(status=ApplicationStatus.SUBMITTED).select_related(
            "organization").prefetch_related("focus"),
        "panels": [{"startup": s, "seats": by_startup.get(s.pk, [])} for s in startups],
        "mentors": list(cohort.eligible_mentors(programme)),
        "enlisted": list(programme.cohort_mentors.select_related("mentor__user")),
        "responsiveness": selectors.responsiveness(programme=programme),
    })


ACTIONS = {"open", "close", "optimise", "publish", "swap", "accept_application", "reject_application",
           "enlist", "unenlist"}


@login_required
@require_POST
def programme_action_view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    programme = _managed(request, pk)
    if action not in ACTIONS:
        raise Http404
    user = request.user
    try:
        if action in ("open", "close"):
            status = ProgrammeStatus.OPEN if action == "open" else ProgrammeStatus.CLOSED
            programmes.programme_move(user=user, programme_id=programme.pk, status=status)
            messages.success(request, _("The programme is updated."))
        elif action == "optimise":
            result = panels.optimise_panels(user=user, programme_id=programme.pk)
            messages.success(request, _("Panels proposed: %(seats)d seats, %(short)d panels short of mentors.")
                             % {"seats": len(result.seats), "short": result.short_panels})
        elif action == "publish":
            panels.panels_publish(user=user, programme_id=programme.pk)
            messages.success(request, _("The panels are published; mentors were emailed."))
        elif action == "swap":
            data = require_valid(SwapForm(request.POST)).cleaned_data
            panels.seat_swap(user=user, seat_id=data["seat"], mentor_id=data["mentor"])
            messages.success(request, _("The seat now goes to the mentor you chose."))
        else:
            item = require_valid(IdForm(request.POST)).cleaned_data["id"]
            if action.endswith("_application"):
                programmes.application_decide(user=user, application_id=item, accept=action.startswith("accept"))
            elif action == "enlist":
                programmes.cohort_mentor_add(user=user, programme_id=programme.pk, mentor_id=item)
            else:
                programmes.cohort_mentor_remove(user=user, programme_id=programme.pk, mentor_id=item)
            messages.success(request, _("The cohort is updated."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("mentoring:manage_programme", pk=programme.pk)


@login_required
def manage_mentors_view(request: HttpRequest) -> HttpResponse:
    """Mentors waiting for verification, the mentors with their responsiveness, the manager's programmes
    and the invitation form."""
    clusters = _managed_clusters(request)
    if not clusters.exists():
        raise PermissionDenied(_("Only cluster managers can manage mentors."))
    form = InviteMentorForm(request.POST or None, clusters=clusters)
    if request.method == "POST" and form.is_valid():
        try:
            services.mentor_invite(user=request.user, cluster=form.cleaned_data["cluster"],
                                   email=form.cleaned_data["email"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The invitation is sent."))
            return redirect("mentoring:manage_mentors")
    mentors_page = Paginator(selectors.managed_mentors(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mentoring/manage_mentors.html", {
        "form": form, "pending": selectors.mentors_to_verify(user=request.user), "mentors_page": mentors_page,
        "mentors": selectors.with_response_stats(user=request.user, mentors=list(mentors_page)),
        "programmes": selectors.managed_programmes(user=request.user)[:50], "reason_form": ReasonForm(),
    })


@login_required
@require_POST
def mentor_action_view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    try:
        if action == "verify":
            services.mentor_verify(user=request.user, mentor_id=pk)
            messages.success(request, _("The mentor is verified."))
        elif action == "suspend":
            reason = require_valid(ReasonForm(request.POST)).cleaned_data["reason"]
            services.mentor_suspend(user=request.user, mentor_id=pk, reason=reason)
            messages.info(request, _("The mentor is suspended; their open seats were passed on."))
        else:
            raise Http404
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("mentoring:manage_mentors")
