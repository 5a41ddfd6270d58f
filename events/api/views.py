from django.utils import timezone
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response

from accounts.selectors import managed_cluster_ids
from core.api import ConflictError

from .. import registration, selectors
from ..dates import validate_in_range
from ..models import Event, EventKind, EventStatus, Registration, RegistrationStatus
from .serializers import EventSerializer, RegisterInputSerializer, RegistrationSerializer


class SaneIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 time inside the events' date range, with a UTC offset PostgreSQL accepts."""

    default_validators = [validate_in_range]


class SaneIsoDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = SaneIsoDateTimeField


class EventFilter(filters.FilterSet):
    cluster = filters.CharFilter(field_name="cluster__slug", help_text="Slug of a cluster.")
    kind = filters.ChoiceFilter(choices=EventKind.choices)
    status = filters.ChoiceFilter(choices=EventStatus.choices)
    topic = filters.CharFilter(field_name="topics__slug", distinct=True, help_text="Slug of a taxonomy term.")
    starts_after = SaneIsoDateTimeFilter(
        field_name="starts_at", lookup_expr="gte",
        help_text="ISO 8601 time between 2000 and 2100; a UTC offset of at most ±15:59.",
    )
    starts_before = SaneIsoDateTimeFilter(
        field_name="starts_at", lookup_expr="lt",
        help_text="ISO 8601 time between 2000 and 2100; a UTC offset of at most ±15:59.",
    )
    upcoming = filters.BooleanFilter(method="filter_upcoming", help_text="Only events that have not ended.")

    class Meta:
        model = Event
        fields = ["cluster", "kind", "status", "topic"]

    def filter_upcoming(self, queryset, name, value):
        return queryset.filter(ends_at__gte=timezone.now()) if value else queryset


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """Published and cancelled events (drafts too for their cluster's managers), soonest first."""

    serializer_class = EventSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]
    filterset_class = EventFilter
    ordering = ["starts_at", "id"]

    def get_queryset(self):
        return (
            selectors.visible_events(self.request.user)
            .select_related("cluster")
            .prefetch_related("topics")
            .order_by("starts_at", "id")
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        user = self.request.user
        context["managed"] = managed_cluster_ids(user)
        context["registered"] = set(
            Registration.objects.filter(user=user, status=RegistrationStatus.REGISTERED).values_list("event_id", flat=True)
        ) if user.is_authenticated else set()
        return context

    @extend_schema(request=RegisterInputSerializer, responses={201: RegistrationSerializer})
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def register(self, request, pk=None):
        """Take a seat, or a place on the waiting list when the event is full (see ``status``)."""
        event = self.get_object()
        data = RegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reg = registration.event_register(
            user=request.user, event_id=event.pk, organization_id=data.validated_data.get("organization"),
            answers=data.validated_data.get("answers") or {},
            show_in_participant_list=data.validated_data["show_in_participant_list"],
            share_listings=data.validated_data["share_listings"],
        )
        return Response(RegistrationSerializer(reg).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: RegistrationSerializer})
    @action(detail=True, methods=["post"], url_path="cancel-registration", permission_classes=[IsAuthenticated])
    def cancel_registration(self, request, pk=None):
        """Give up your place; a held seat is offered to the next person waiting."""
        event = self.get_object()
        mine = selectors.active_registration(request.user, event)
        if mine is None:
            raise ConflictError("You are not registered for this event.")
        reg = registration.registration_cancel(user=request.user, registration_id=mine.pk)
        return Response(RegistrationSerializer(reg).data)


class MyRegistrationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The caller's own registrations (not cancelled), by event start."""

    serializer_class = RegistrationSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Registration.objects.none()
        return selectors.my_registrations(user=self.request.user)

    @extend_schema(request=None, responses={200: RegistrationSerializer})
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        """Accept a held seat offer before it expires."""
        reg = registration.offer_accept(user=request.user, registration_id=self.get_object().pk)
        return Response(RegistrationSerializer(reg).data)
