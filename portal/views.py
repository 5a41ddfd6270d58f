from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from accounts import selectors
from accounts.models import Organization, OrganizationStatus
from clusters.models import Cluster
from portal.models import SavedSearchNotice

from . import selectors as dashboard
from .export import user_data_export


def home_view(request: HttpRequest) -> HttpResponse:
    """Public landing page; for signed-in people a dashboard of their next actions (constant queries)."""
    context = {
        "clusters": Cluster.objects.order_by("name_en"),
        "verified_count": Organization.objects.filter(status=OrganizationStatus.VERIFIED).count(),
    }
    user = request.user
    if user.is_authenticated:
        is_manager = selectors.is_cluster_manager(user)
        context["join_requests"] = selectors.pending_join_requests(user=user)
        registrations = dashboard.upcoming_registrations(user=user)
        context["my_registrations"] = list(registrations[: dashboard.UPCOMING_SHOWN])
        context["registration_count"] = registrations.order_by().count()
        context["upcoming_events"] = list(dashboard.upcoming_events(user=user)[: dashboard.UPCOMING_SHOWN])
        context["saved_search_unread"] = SavedSearchNotice.objects.filter(user=user, read_at__isnull=True).count()
        has_active_org = bool(selectors.member_org_ids(user))
        context["has_org"] = has_active_org
        if has_active_org:
            context["proposal_count"] = dashboard.open_proposal_count(user=user)
            context["listing_count"] = dashboard.open_listing_count(user=user)
            context["review_count"] = dashboard.review_queue_count(user=user)
        if is_manager:
            context["queue_count"] = selectors.verification_queue(user=user).count()
            managed = Cluster.objects.all() if user.is_superuser else Cluster.objects.filter(managers=user)
            context["dashboard_clusters"] = list(managed.order_by("name_en"))
    return render(request, "portal/home.html", context)


def privacy_view(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/privacy.html", {"version": settings.PRIVACY_POLICY_VERSION})


@login_required
def organization_listings_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The needs and capabilities on an organisation's page (loaded into it by htmx; a page of its own
    without JavaScript). Built here, not in accounts, because accounts may not read matching."""
    org = selectors.visible_organizations(request.user).filter(pk=pk).first()
    if org is None:
        raise Http404(_("No such organisation."))
    context = {"org": org, **dashboard.organization_listings(user=request.user, org=org)}
    if request.headers.get("HX-Request"):
        return render(request, "portal/_partials/organization_listings.html", context)
    return render(request, "portal/organization_listings.html", context)


@login_required
def data_export_view(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own data as a JSON download (read-only, so GET)."""
    data = user_data_export(user=request.user)
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="clusterlink-my-data-{request.user.pk}.json"'
    response["Cache-Control"] = "no-store, private"
    return response
