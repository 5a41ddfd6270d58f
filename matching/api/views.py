from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.filters import OrderingFilter
from rest_framework.response import Response

from .. import visibility
from ..listings import selectors, services
from ..models import (
    Listing,
    ListingLanguage,
    ListingSide,
    ListingStatus,
    ListingVisibility,
)
from .permissions import IsListingMemberOrReadOnly
from .serializers import ListingSerializer


class ListingFilter(filters.FilterSet):
    side = filters.ChoiceFilter(choices=ListingSide.choices)
    status = filters.ChoiceFilter(choices=ListingStatus.choices)
    visibility = filters.ChoiceFilter(choices=ListingVisibility.choices)
    language = filters.ChoiceFilter(choices=ListingLanguage.choices)
    partnership_type = filters.CharFilter(method="filter_facet", help_text="Slug of a partnership type.")
    therapeutic_area = filters.CharFilter(method="filter_facet", help_text="Slug of a therapeutic area.")
    technology = filters.CharFilter(method="filter_facet", help_text="Slug of a technology.")
    stage = filters.CharFilter(field_name="stage__slug", help_text="Slug of a development stage.")
    search = filters.CharFilter(
        method="filter_search", max_length=200,  # as the browse page's search box: a bounded query
        help_text="Words that must all occur in the title or (where the caller may read it) the description.",
    )

    class Meta:
        model = Listing
        fields = ["organization", "side", "status", "visibility", "language"]

    def filter_facet(self, queryset, name, value):
        return selectors.listing_search(user=self.request.user, qs=queryset, **{name: value})

    def filter_search(self, queryset, name, value):
        return selectors.listing_search(user=self.request.user, qs=queryset, q=value)


@extend_schema_view(
    list=extend_schema(summary="Listings the caller may see: open ones of verified organisations, and all of their own"),
    retrieve=extend_schema(summary="One listing; its description is null where the caller may not read it"),
    create=extend_schema(summary="Post a listing for an organisation the caller actively belongs to"),
    update=extend_schema(summary="Change a listing (members of its organisation only)"),
    partial_update=extend_schema(summary="Change some fields of a listing (members of its organisation only)"),
)
class ListingViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Needs and capabilities. Writes go through ``matching.services``; close with ``status: closed``."""

    serializer_class = ListingSerializer
    permission_classes = [IsListingMemberOrReadOnly]
    filter_backends = [filters.DjangoFilterBackend, OrderingFilter]
    filterset_class = ListingFilter
    # Never the description: ordering by it would leak a confidential text's order.
    ordering_fields = ["created_at", "updated_at", "title", "id"]
    ordering = ["-created_at", "-id"]

    def get_queryset(self):
        return selectors.visible_listings(self.request.user)

    def list(self, request, *args, **kwargs):
        rows = list(self.paginate_queryset(self.filter_queryset(self.get_queryset())))
        context = self.get_serializer_context()
        context["description_visible_ids"] = visibility.description_visible_ids(request.user, rows)
        return self.get_paginated_response(ListingSerializer(rows, many=True, context=context).data)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        organization = data.pop("organization")
        serializer.instance = services.listing_create(user=self.request.user, organization=organization, fields=data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("organization", None)
        serializer.instance = services.listing_update(user=self.request.user, listing=serializer.instance, fields=data)

    @extend_schema(request=None, responses=ListingSerializer, summary="Close a listing: others no longer see it")
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        listing = self.get_object()
        listing = services.listing_close(user=request.user, listing=listing)
        return Response(self.get_serializer(listing).data)
