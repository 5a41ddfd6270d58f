"""The dashboard pages: the board, the "update now" button and the table downloads."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.regions import Region
from core.forms import form_error_text
from core.fragments import cached_fragment
from portal.indicators.snapshots import snapshot_now

from .access import period_choices, period_from, region_from, required_access, subject_or_404
from .build import FULL, board_version, build_dashboard, cached_dashboard
from .tables import table_csv, table_json
from .thresholds import StageThresholdsForm, thresholds_update

EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


@login_required
def dashboard_view(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    subject = subject_or_404(kind, slug)
    access = required_access(request.user, subject)
    try:
        period = period_from(request.GET.get("period"))
        chosen = request.GET.get("period", "")
    except ValueError as exc:
        messages.error(request, str(exc))
        period, chosen = period_from(""), ""
    region = region_from(request.GET.get("region"))
    version = board_version(subject=subject, access=access, period=period, region=region)

    def board_context() -> dict:
        board = cached_dashboard(subject=subject, access=access, period=period, region=region, version=version)
        context = {
            "board": board, "subject": subject, "kind": kind, "full": access == FULL, "query": request.GET.urlencode(),
            "period_choices": period_choices(), "chosen_period": chosen, "regions": Region.choices,
            "tables": board.tables,
        }
        if access == FULL and kind == "cluster":
            context["thresholds_form"] = StageThresholdsForm(cluster=subject)
        return context

    # The rendered board is kept as long as the computed one, under the same version (1,000 table cells and
    # the charts' data take longer to render than the kept board takes to read).
    board_html = cached_fragment(request, "portal/dashboard/_partials/board.html", board_context, version=version,
                                 seconds=settings.DASHBOARD_CACHE_SECONDS)
    return render(request, "portal/dashboard/page.html",
                  {"subject": subject, "board_html": board_html, "full": access == FULL})


@login_required
@require_POST
def thresholds_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Managers: the cluster's own lifecycle-stage thresholds; the current snapshots follow at once."""
    cluster = subject_or_404("cluster", slug)
    if required_access(request.user, cluster) != FULL:
        raise PermissionDenied(_("Only the cluster's managers change its stage rules."))
    form = StageThresholdsForm(request.POST, cluster=cluster)
    if not form.is_valid():
        messages.error(request, _("The stage rules were not changed: %(problems)s")
                       % {"problems": form_error_text(form)})
        return redirect("dashboard:cluster", slug=slug)
    own = form.thresholds()
    thresholds_update(cluster=cluster, thresholds=own)
    messages.success(request, _("Stage rules saved (%(count)s of the cluster's own); the stage shown follows them.")
                     % {"count": len(own)})
    return redirect("dashboard:cluster", slug=slug)


@login_required
@require_POST
def refresh_view(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """Managers: compute the snapshots of the current and previous month and quarter now."""
    subject = subject_or_404(kind, slug)
    if required_access(request.user, subject) != FULL:
        raise PermissionDenied(_("Only the cluster's managers update its indicators."))
    rows = snapshot_now(subject)
    messages.success(request, _("Indicators updated: %(count)s snapshots computed.") % {"count": len(rows)})
    return redirect(f"dashboard:{kind}", slug=slug)


@login_required
def export_view(request: HttpRequest, slug: str, kind: str, table: str, fmt: str) -> HttpResponse:
    """One table as CSV (UTF-8 with a BOM, formula-escaped) or JSON, for the same period and region."""
    subject = subject_or_404(kind, slug)
    access = required_access(request.user, subject)
    if fmt not in EXPORT_TYPES:
        raise Http404(_("No such export."))
    try:
        period = period_from(request.GET.get("period"))
    except ValueError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    board = build_dashboard(subject=subject, access=access, period=period, region=region_from(request.GET.get("region")))
    found = board.tables.get(table)
    if found is None:
        raise Http404(_("No such table."))
    body = table_csv(found) if fmt == "csv" else table_json(found, **board.meta())
    response = HttpResponse(body, content_type=EXPORT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{subject.slug}-{period.label.replace("/", "_")}-{table}.{fmt}"'
    return response
