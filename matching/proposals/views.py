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
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import MembershipStatus, Organization
from accounts.regions import Region
from core.errors import DomainError
from core.fragments import cached_fragment
from taxonomy.models import Facet, FacetKind

from .. import visibility
from ..models import Match, MatchRun, MatchRunStatus, MatchStatus
from . import runs, selectors, services
from .reasons import NEED, reasons_for

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


_FIELD_HTML: dict[tuple, str] = {}  # rendered form fields by everything they show (bounded below)


def _field_html(bf: forms.BoundField) -> str:
    """``{% include "_partials/field.html" with field=bf %}``, rendered once per process for the same field,
    choices, value, errors and language (a select of every region is a few thousand calls to render)."""
    key = (bf.name, str(bf.label), bf.auto_id, tuple((str(v), str(lab)) for v, lab in getattr(bf.field, "choices", ())),
           repr(bf.value()), tuple(str(e) for e in bf.errors), translation.get_language())
    html = _FIELD_HTML.get(key)
    if html is None:
        if len(_FIELD_HTML) >= 2000:
            _FIELD_HTML.clear()
        html = _FIELD_HTML[key] = render_to_string("_partials/field.html", {"field": bf})
    return html


def _url_of(name: str):
    """``reverse(name, args=[pk])`` for many rows at the cost of one reverse (the pattern takes an int)."""
    sentinel = "987654321"
    pattern = reverse(name, args=[int(sentinel)])
    before, after = pattern.split(sentinel)
    return lambda pk: f"{before}{pk}{after}"


def _decorate(request: HttpRequest, matches: list[Match], labels: dict[str, Facet]) -> None:
    """Reasons, a relative score bar and the links per row, computed from what was prefetched (no queries per row)."""
    hidden = visibility.hidden_description_ids(request.user, matches)
    top = max((m.score for m in matches), default=0.0) or 1.0
    org_url, listing_url = _url_of("organizations:detail"), _url_of("listings:detail")
    request_url, follow_url, dismiss_url = (_url_of("matches:transition"), _url_of("matches:detail"),
                                            _url_of("listings:proposal_dismiss"))
    for m in matches:
        m.reasons = reasons_for(m, hidden_ids=hidden, facet_labels=labels, side=NEED)
        m.bar = max(0.0, min(1.0, m.score / top))
        m.counterpart_url, m.need_url = org_url(m.counterpart_id), listing_url(m.need_id)
        m.request_url, m.follow_url, m.dismiss_url = request_url(m.pk), follow_url(m.pk), dismiss_url(m.pk)
        m.supporting = [(s, listing_url(s.pk)) for s in m.supporting_listings.all()]


def _member_orgs(request: HttpRequest) -> list[Organization]:
    """The viewer's organisations in one query (it also answers ``member_org_ids`` for this request)."""
    user = request.user
    orgs = list(Organization.objects.filter(memberships__user=user, memberships__status=MembershipStatus.ACTIVE)
                .only("id", "name_ko", "name_en", "status", "updated_at").order_by("pk"))
    if getattr(user, "_member_org_ids", None) is None:  # the cache accounts.selectors.member_org_ids keeps
        user._member_org_ids = {o.pk for o in orgs}
    return orgs


@login_required
def proposals_view(request: HttpRequest) -> HttpResponse:
    orgs = _member_orgs(request)
    if not orgs:
        messages.info(request, _("Join or register an organisation to see the partners proposed to it."))
        return redirect("listings:browse")
    facets = list(Facet.objects.order_by("kind", "order", "slug"))  # the form's types and the reasons' labels
    types = [f for f in facets if f.is_active and f.kind == FacetKind.PARTNERSHIP_TYPE]
    form = ProposalFilterForm(request.GET or None, orgs=orgs, types=types)
    invalid = form.is_bound and not form.is_valid()
    filters = form.cleaned_data if form.is_bound and not invalid else {}
    org_id = filters.get("org") or orgs[0].pk
    organization = next(o for o in orgs if o.pk == org_id)
    partnership_type, region = filters.get("partnership_type", ""), filters.get("region", "")
    hx = bool(request.headers.get("HX-Request"))
    # What the kept part shows changes only with one of these (core.fragments; the path is in the key).
    version = (
        tuple((o.pk, o.status, o.updated_at) for o in orgs),
        tuple((f.pk, f.kind, f.slug, f.label_en, f.label_ko, f.order, f.is_active) for f in facets),
        selectors.proposals_version(org_ids={o.pk for o in orgs}, organization_id=org_id),
    )

    def context() -> dict:
        # A filter that is not one of the choices shows nothing but the form's errors.
        qs = Match.objects.none() if invalid else selectors.proposals_for(
            user=request.user, organization_id=org_id, partnership_type=partnership_type, region=region)
        paginator = Paginator(qs, PAGE_SIZE)
        if not invalid and not partnership_type and not region:
            paginator.count = version[2][1]  # the version counted this organisation's proposals already
        page = paginator.get_page(request.GET.get("page"))
        rows = list(page)
        _decorate(request, rows, {f.slug: f for f in facets})
        params = request.GET.copy()
        params.pop("page", None)
        return {"form": form, "page": page, "rows": rows, "query": params.urlencode(), "organization": organization,
                "filter_fields": {} if hx else {name: _field_html(form[name]) for name in form.fields},
                "dismiss_field": _field_html(DismissForm()["reason"]),
                "unexplained": sum(1 for m in rows if not m.reasons), "next_path": request.get_full_path(),
                "replaced": [] if hx else list(
                    selectors.recent_replacements(user=request.user, organization_id=org_id)[:20])}

    if hx:  # htmx swaps only a 200: the errors show in the fragment
        return HttpResponse(cached_fragment(request, "matching/_partials/proposal_results.html", context,
                                            version=version))
    body = cached_fragment(request, "matching/_partials/proposals_body.html", context, version=version)
    return render(request, "matching/proposals.html", {"body": body, "organization": organization},
                  status=400 if invalid else 200)


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
