"""Specialisation pages: /clusters/<slug>/specialisation/ (profile beside focus areas; propose, endorse,
publish) and /alliances/<slug>/specialisation/ (how the clusters complement each other)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.models import Alliance, Cluster
from portal.dashboard.access import access_level
from portal.models import FocusArea, FocusStatus

from . import services
from .forms import EndorseForm, FocusAreaForm


def _cluster_for(user, slug: str) -> Cluster:
    cluster = get_object_or_404(Cluster, slug=slug)
    if not services.can_view(user, cluster):
        raise PermissionDenied(_("Only the cluster's managers and its member organisations see its specialisation."))
    return cluster


@login_required
def cluster_view(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = _cluster_for(request.user, slug)
    orgs = services.acting_orgs(request.user, cluster)
    form = None
    if orgs:
        form = FocusAreaForm(request.POST or None, orgs=orgs)
        if request.method == "POST" and form.is_valid():
            try:
                services.propose(user=request.user, cluster=cluster, organization=form.cleaned_data["organization"],
                                 title=form.cleaned_data["title"], rationale=form.cleaned_data["rationale"],
                                 facet=form.cleaned_data["facet"])
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Focus area proposed. Other members can now endorse it."))
                return redirect("dashboard:specialisation:cluster", slug=slug)
    elif request.method == "POST":
        raise PermissionDenied(_("Only people of a verified member organisation of this cluster may propose."))
    focus_areas = list(services.visible_focus_areas(request.user, cluster))
    endorsed = services.endorsed_by(orgs, [f.pk for f in focus_areas])
    can_endorse = services.endorsable(orgs, focus_areas)
    context = {
        "cluster": cluster, "profile": services.cluster_profile(cluster), "focus_areas": focus_areas,
        "endorsed": endorsed, "can_endorse": can_endorse, "form": form, "orgs": orgs, "manager": services.can_manage(request.user, cluster),
        "endorse_form": EndorseForm(orgs=orgs) if orgs else None, "statuses": FocusStatus,
        "trend_days": services.TREND_DAYS,
    }
    return render(request, "portal/specialisation/cluster.html", context)


@login_required
@require_POST
def endorse_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    cluster = _cluster_for(request.user, slug)
    focus = get_object_or_404(services.visible_focus_areas(request.user, cluster), pk=pk)
    form = EndorseForm(request.POST, orgs=services.acting_orgs(request.user, cluster))
    if not form.is_valid():
        raise PermissionDenied(_("Only people of a verified member organisation of this cluster may endorse."))
    try:
        services.endorse(user=request.user, focus=focus, organization=form.cleaned_data["organization"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Endorsement recorded."))
    return redirect("dashboard:specialisation:cluster", slug=slug)


@login_required
@require_POST
def decide_view(request: HttpRequest, slug: str, pk: int, status: str) -> HttpResponse:
    cluster = _cluster_for(request.user, slug)
    focus = get_object_or_404(FocusArea.objects.select_related("cluster"), pk=pk, cluster=cluster)
    try:
        services.decide(user=request.user, focus=focus, status=status)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Focus area published.") if status == FocusStatus.PUBLISHED
                         else _("Focus area withdrawn."))
    return redirect("dashboard:specialisation:cluster", slug=slug)


@login_required
def alliance_view(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = get_object_or_404(Alliance, slug=slug)
    if access_level(request.user, alliance) is None:
        raise PermissionDenied(_("Only the alliance's managers and its member organisations see its specialisation."))
    view = services.alliance_view(alliance)
    return render(request, "portal/specialisation/alliance.html",
                  {"alliance": alliance, "view": view, "trend_days": services.TREND_DAYS})
