"""GET /api/v1/clusters/{slug}/dashboard/ and /api/v1/alliances/{slug}/dashboard/: the dashboard's tables.

The same rule as the pages: managers and platform admins get every table, people of the cluster's member
organisations the public summary (no organisation named), anyone else 403.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from clusters.models import Alliance, Cluster

from ..dashboard.access import access_level, period_from, region_from
from ..dashboard.build import build_dashboard
from .serializers import DashboardQuerySerializer, DashboardSerializer


class CanSeeDashboard(permissions.BasePermission):
    """Signed in, and a manager of the cluster or a member of one of its organisations (checked on the object)."""

    message = "Only the cluster's managers and its member organisations see its dashboard."

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj) -> bool:
        return access_level(request.user, obj) is not None


class _DashboardViewSet(viewsets.GenericViewSet):
    permission_classes = [CanSeeDashboard]
    lookup_field = "slug"
    pagination_class = None
    filter_backends = []
    serializer_class = DashboardSerializer
    schema_omit_errors = (409,)

    @extend_schema(parameters=[DashboardQuerySerializer], responses={200: DashboardSerializer})
    @action(detail=True, methods=["get"])
    def dashboard(self, request, slug=None):
        """The dashboard's tables for a period (``period``) and region (``region``); ``table`` keeps one."""
        subject = self.get_object()
        query = DashboardQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        try:
            period = period_from(query.validated_data.get("period"))
        except ValueError as exc:
            raise ValidationError({"period": [str(exc)]}) from None
        board = build_dashboard(subject=subject, access=access_level(request.user, subject), period=period,
                                region=region_from(query.validated_data.get("region")))
        tables = list(board.tables.values())
        wanted = query.validated_data.get("table")
        if wanted:
            tables = [t for t in tables if t.key == wanted]
            if not tables:
                raise NotFound(f"No table {wanted!r} here.")
        return Response({**board.meta(), "tables": [t.as_json() for t in tables]})


class ClusterDashboardViewSet(_DashboardViewSet):
    queryset = Cluster.objects.order_by("slug")


class AllianceDashboardViewSet(_DashboardViewSet):
    queryset = Alliance.objects.order_by("slug")



