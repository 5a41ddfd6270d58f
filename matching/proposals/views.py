"""Pages: an organisation's proposed partners (with reasons, filters, dismiss) and the managers'
matching runs (start a full recompute, watch its progress through an htmx-polled partial)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import Organization
from accounts.regions import Region
from accounts.selectors import member_org_ids
from core.errors import DomainError
from taxonomy import selectors as taxonomy_selectors
from taxonomy.models import FacetKind

from .. import visibility
from ..models import Match, MatchRun, MatchRunStatus, MatchStatus
from . import runs, selectors, services
from .reasons import NEED, facet_labels, reasons_for

PAGE_SIZE = 20


class ProposalFilterForm(forms.Form):
    org = forms.TypedChoiceField(label=gettext_lazy("Organisation"), coerce=int, required=False)
    partnership_type = forms.ChoiceField(label=gettext_lazy("Partnership type"), required=False)
    region = forms.ChoiceField(label=gettext_lazy("Region"), required=False)

    def __init__(self, *args, orgs: list[Organization], types: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].choices = [(o.pk, o.name) for o in orgs]
        self.fields["partnership_type"].choices = [("", _("Any partnership type")), *[(f.slug, f.label) for f in types]]
        self.fields["region"].choices = [("", _("Any region")), *Region.choices]
        for f in self.fields.values():
            f.widget.attrs["class"] = "form-select"


class DismissForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Why is this not a good match?"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}))


def _decorate(request: HttpRequest, matches: list[Match]) -> None:
    """Reasons and a relative score bar per row, computed from what was prefetched (no queries per row)."""
    hidden = visibility.hidden_description_ids(request.user, matches)
    labels = facet_labels()
    top = max((m.score for m in matches), default=0.0) or 1.0
    for m in matches:
        m.reasons = reasons_for(m, hidden_ids=hidden, facet_labels=labels, side=NEED)
        m.bar = max(0.0, min(1.0, m.score / top))


@login_required
def proposals_view(request: HttpRequest) -> HttpResponse:
    orgs = list(Organization.objects.filter(pk__in=member_org_ids(request.user)).order_by("pk"))
    if not orgs:
        messages.info(request, _("Join or register an organisation to see the partners proposed to it."))
        return redirect("listings:browse")
    types = taxonomy_selectors.facet_choices()[FacetKind.PARTNERSHIP_TYPE]
    form = ProposalFilterForm(request.GET or None, orgs=orgs, types=types)
    invalid = form.is_bound and not form.is_valid()
    filters = form.cleaned_data if form.is_bound and not invalid else {}
    org_id = filters.get("org") or orgs[0].pk
    # A filter that is not one of the choices shows nothing but the form's errors.
    qs = Match.objects.none() if invalid else selectors.proposals_for(
        user=request.user, organization_id=org_id, partnership_type=filters.get("partnership_type", ""),
        region=filters.get("region", ""))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page)
    _decorate(request, rows)
    params = request.GET.copy()
    params.pop("page", None)
    context = {"form": form, "page": page, "rows": rows, "query": params.urlencode(),
               "organization": next(o for o in orgs if o.pk == org_id), "dismiss_form": DismissForm(),
               "unexplained": sum(1 for m in rows if not m.reasons),
               "replaced": list(selectors.recent_replacements(user=request.user, organization_id=org_id)[:20])}
    if request.headers.get("HX-Request"):  # htmx swaps only a 200: the errors show in the fragment
        return render(request, "matching/_partials/proposal_results.html", context)
    return render(request, "matching/proposals.html", context, status=400 if invalid else 200)


@login_required
@require_POST
def proposal_dismiss_view(request: HttpRequest, pk: int) -> HttpResponse:
    match = selectors.proposals_for(user=request.user, status="").filter(pk=pk).first()
    if match is None:
        raise Http404(_("No such proposal."))
    form = DismissForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why you dismiss this proposal."))
    else:
        try:
            services.match_dismiss(user=request.user, match=match, reason=form.cleaned_data["reason"])
            messages.success(request, _("The proposal is dismissed; it will not come back unless you edit the need."))
        except (DomainError, ValidationError) as exc:
            messages.error(request, getattr(exc, "message", None) or "; ".join(exc.messages))
    return redirect(f"{reverse('listings:proposals')}?org={match.need.organization_id}")


# --- managers: matching runs ----------------------------------------------------------------------


def _manager(request: HttpRequest) -> None:
    if not runs.can_run_matching(request.user):
        raise PermissionDenied(_("Only cluster managers can see the matching runs."))


@login_required
def match_runs_view(request: HttpRequest) -> HttpResponse:
    _manager(request)
    history = list(MatchRun.objects.select_related("created_by").order_by("-created_at", "-id")[:30])
    active = next((r for r in history if r.is_active), None)
    last_done = next((r for r in history if r.status == MatchRunStatus.DONE), None)
    context = {"runs": history, "active": active, "proposed": Match.objects.filter(status=MatchStatus.PROPOSED).count(),
               "last_done": last_done, "changes": selectors.run_changes(last_done) if last_done else []}
    return render(request, "matching/match_runs.html", context)


@login_required
@require_POST
def match_run_start_view(request: HttpRequest) -> HttpResponse:
    _manager(request)
    try:
        runs.match_run_start(user=request.user)
        messages.success(request, _("The recompute is queued. Progress shows below."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("listings:match_runs")


@login_required
def match_run_progress_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The htmx-polled progress partial (polling stops once the run is finished)."""
    _manager(request)
    run = get_object_or_404(MatchRun, pk=pk)
    return render(request, "matching/_partials/match_run_progress.html", {"run": run})
