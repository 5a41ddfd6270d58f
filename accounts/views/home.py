from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clusters.models import Cluster

from .. import selectors
from ..models import Organization, OrganizationStatus


def home_view(request: HttpRequest) -> HttpResponse:
    context = {
        "clusters": Cluster.objects.order_by("name_en"),
        "verified_count": Organization.objects.filter(status=OrganizationStatus.VERIFIED).count(),
    }
    if request.user.is_authenticated:
        context["join_requests"] = selectors.pending_join_requests(user=request.user)
        if selectors.is_cluster_manager(request.user):
            context["queue_count"] = selectors.verification_queue(user=request.user).count()
    return render(request, "home.html", context)


def privacy_view(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy.html", {"version": settings.PRIVACY_POLICY_VERSION})
