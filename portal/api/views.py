"""GET /api/v1/clusters/{slug}/dashboard/ and /api/v1/alliances/{slug}/dashboard/: the dashboard's tables;
.../specialisation/: the LQ profiles (and a cluster's focus areas); /api/v1/focus-areas/: propose, endorse,
publish and withdraw focus areas.

The same rule as the pages: managers and platform admins get every table, people of the cluster's member
organisations the public summary (no organisation named), anyone else 403. Focus areas: see
``portal.specialisation.services``.
"""

import re

from django.db.models import Count, Q
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from clusters.models import Alliance, Cluster
from portal.models import FocusStatus, SavedSearch
from portal.searches import services as saved_searches
from portal.specialisation import services as specialisation

from ..dashboard.access import access_level, period_from, region_from
from ..dashboard.build import build_dashboard
from .serializers import (
    AllianceSpecialisationSerializer,
    DashboardQuerySerializer,
    DashboardSerializer,
    EndorseSerializer,
    FocusAreaSerializer,
    SavedSearchSerializer,
    SpecialisationQuerySerializer,
    SpecialisationSerializer,
)


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

    def _top(self, request) -> int:
        query = SpecialisationQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return query.validated_data.get("top") or specialisation.TOP_TERMS


class _ClusterSpecialisation:
    @extend_schema(parameters=[SpecialisationQuerySerializer], responses={200: SpecialisationSerializer})
    @action(detail=True, methods=["get"])
    def specialisation(self, request, slug=None):
        """The LQ profile (top therapeutic areas and technologies, trend against a year ago) beside the focus
        areas the viewer may see (proposed and published; withdrawn ones for managers only)."""
        subject = self.get_object()
        focus = specialisation.visible_focus_areas(request.user, subject)
        return Response({
            "slug": subject.slug, "name": subject.name,
            "profile": _profile_json(specialisation.cluster_profile(subject, top=self._top(request))),
            "focus_areas": FocusAreaSerializer(focus, many=True, context={"request": request}).data,
        })


class _AllianceSpecialisation:
    @extend_schema(parameters=[SpecialisationQuerySerializer], responses={200: AllianceSpecialisationSerializer})
    @action(detail=True, methods=["get"])
    def specialisation(self, request, slug=None):
        """Each of the alliance's clusters' LQ profiles, where they complement each other (one cluster's LQ > 1,
        another's < 1) and their shared strengths (LQ > 1 in two or more)."""
        subject = self.get_object()
        view = specialisation.alliance_view(subject, top=self._top(request))
        return Response({
            "slug": subject.slug, "name": subject.name,
            "clusters": [{"slug": p["cluster"].slug, "name": p["cluster"].name, "profile": _profile_json(p["kinds"])}
                         for p in view.profiles],
            "complements": view.complements, "overlap": view.overlap,
        })


def _profile_json(kinds: list[dict]) -> list[dict]:
    return [{"kind": k["kind"], "title": k["title"], "rows": [r.as_json() for r in k["rows"]]} for k in kinds]


class ClusterDashboardViewSet(_ClusterSpecialisation, _DashboardViewSet):
    queryset = Cluster.objects.order_by("slug")


class AllianceDashboardViewSet(_AllianceSpecialisation, _DashboardViewSet):
    queryset = Alliance.objects.order_by("slug")




SLUG = re.compile(r"[-a-zA-Z0-9_]+")


class FocusAreaPermission(permissions.BasePermission):
    """Signed in; publishing and withdrawing only for the focus area's cluster managers (checked on the object).
    Proposing and endorsing are checked by the services (a verified member organisation of that cluster)."""

    message = "Only the cluster's managers publish or withdraw focus areas."

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj) -> bool:
        if getattr(view, "action", None) in ("publish", "withdraw"):
            return specialisation.can_manage(request.user, obj.cluster)
        return True


@extend_schema(parameters=[OpenApiParameter("cluster", str, description="Only this cluster's (slug).")])
class FocusAreaViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                       viewsets.GenericViewSet):
    """Focus areas: managers see all of their clusters', members proposed and published ones of their clusters,
    nobody anything of another cluster. POST proposes (as a verified member organisation you act for)."""

    serializer_class = FocusAreaSerializer
    permission_classes = [FocusAreaPermission]
    filter_backends = []
    schema_omit_errors = (409,)

    def get_queryset(self):
        qs = specialisation.visible_focus_areas_anywhere(self.request.user).order_by("-created_at", "id")
        wanted = self.request.query_params.get("cluster")
        if not wanted:
            return qs
        # Not a slug (a NUL byte, say): no cluster has it, and PostgreSQL must not see it.
        return qs.filter(cluster__slug=wanted) if SLUG.fullmatch(wanted) else qs.none()

    @extend_schema(request=EndorseSerializer, responses={201: FocusAreaSerializer})
    @action(detail=True, methods=["post"])
    def endorse(self, request, pk=None):
        """Endorse as a verified member organisation of the focus area's cluster (once; never your own)."""
        focus = self.get_object()
        body = EndorseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        specialisation.endorse(user=request.user, focus=focus, organization=body.validated_data["organization"])
        return Response(self.get_serializer(self.get_queryset().get(pk=focus.pk)).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: FocusAreaSerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Managers of the cluster: publish."""
        return self._decide(FocusStatus.PUBLISHED)

    @extend_schema(request=None, responses={200: FocusAreaSerializer})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Managers of the cluster: withdraw."""
        return self._decide(FocusStatus.WITHDRAWN)

    def _decide(self, new_status: str) -> Response:
        focus = self.get_object()
        specialisation.decide(user=self.request.user, focus=focus, status=new_status)
        return Response(self.get_serializer(self.get_queryset().get(pk=focus.pk)).data)


@extend_schema_view(
    list=extend_schema(summary="The caller's saved searches, newest first, with their unread new results"),
    retrieve=extend_schema(summary="One of the caller's saved searches"),
    create=extend_schema(summary="Save a listing or directory search (its filters checked as on the search page)"),
    update=extend_schema(summary="Rename a saved search or change its filters"),
    partial_update=extend_schema(summary="Rename a saved search or change its filters"),
    destroy=extend_schema(summary="Delete a saved search; its alerts stop"),
)
class SavedSearchViewSet(viewsets.ModelViewSet):
    """Saved searches and their daily alerts: each person sees and changes only their own (anyone else's is
    404). Writes go through ``portal.searches.services``."""

    queryset = SavedSearch.objects.none()  # the schema's type of {id}; requests use get_queryset
    serializer_class = SavedSearchSerializer
    permission_classes = [permissions.IsAuthenticated]
    filter_backends = []
    schema_omit_errors = (409,)

    def get_queryset(self):
        return (SavedSearch.objects.filter(user=self.request.user)
                .annotate(unread=Count("notices", filter=Q(notices__read_at__isnull=True)))
                .order_by("-created_at", "-id"))

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = saved_searches.saved_search_create(
            user=self.request.user, kind=data["kind"], name=data["name"], params=data.get("params") or {})

    def perform_update(self, serializer):
        data = serializer.validated_data
        serializer.instance = saved_searches.saved_search_update(
            user=self.request.user, saved=serializer.instance, name=data.get("name"), params=data.get("params"))

    def perform_destroy(self, instance):
        saved_searches.saved_search_delete(user=self.request.user, saved=instance)
