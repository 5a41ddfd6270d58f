from django.db.models import Prefetch
from rest_framework import mixins, viewsets
from rest_framework.generics import RetrieveUpdateAPIView
from rest_framework.permissions import IsAuthenticated

from clusters.models import ClusterMembership

from .. import selectors, services
from ..models import Membership, MembershipStatus
from .permissions import IsOrganizationAdminOrReadOnly
from .serializers import MembershipSerializer, MeSerializer, OrganizationSerializer


class OrganizationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet
):
    """Organisations the caller may see: verified ones, plus pending ones they belong to or manage."""

    serializer_class = OrganizationSerializer
    permission_classes = [IsAuthenticated, IsOrganizationAdminOrReadOnly]
    schema_omit_errors = (409,)  # edits are plain validated updates: no state to conflict with
    filterset_fields = ["kind", "region", "status", "country"]
    search_fields = ["name_ko", "name_en", "description"]
    ordering_fields = ["name_en", "name_ko", "created_at", "id"]
    ordering = ["id"]

    def get_queryset(self):
        return selectors.visible_organizations(self.request.user).prefetch_related(
            Prefetch("cluster_memberships", queryset=ClusterMembership.objects.select_related("cluster"))
        )

    def perform_update(self, serializer):
        # Through the service: a verified organisation's new name or website domain waits for its cluster
        # managers (the answer shows the organisation as saved, old name still in place).
        serializer.instance = services.organization_update(
            user=self.request.user, org=serializer.instance, fields=serializer.validated_data
        )


class MembershipViewSet(viewsets.ReadOnlyModelViewSet):
    """Active memberships of visible organisations; contacts only where the caller may see them."""

    serializer_class = MembershipSerializer
    filterset_fields = ["organization", "role", "is_tto"]
    ordering = ["id"]

    def get_queryset(self):
        orgs = selectors.visible_organizations(self.request.user).values("pk")
        return (
            Membership.objects.filter(organization__in=orgs, status=MembershipStatus.ACTIVE)
            .select_related("user")
            .order_by("id")
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["contact_org_ids"] = selectors.contact_visible_org_ids(self.request.user)
        return context


class MeView(RetrieveUpdateAPIView):
    """The signed-in user's own account."""

    serializer_class = MeSerializer
    schema_omit_errors = (409,)

    def get_object(self):
        return self.request.user
