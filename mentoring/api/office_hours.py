"""Office hours in the API: slots (open ones for directory readers, all of one's own as a mentor)
and bookings (only the mentor's and the startup's sides ever see one).

Who booked a slot is never in a slot's representation except for the slot's own mentor; the place
(a meeting link) is shown to the mentor and, through the booking, to the startups that booked.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from accounts.selectors import member_org_ids

from .. import office_hours, sessions
from ..models import (
    BOOKING_MESSAGE_MAX_LENGTH,
    MAX_SLOT_CAPACITY,
    MAX_SLOT_MINUTES,
    MIN_SLOT_MINUTES,
    BookingStatus,
    OfficeHour,
    OfficeHourBooking,
    need_description_for,
)
from ..models.office_hours import LOCATION_MAX_LENGTH, TOPIC_MAX_LENGTH
from .serializers import SessionSerializer

ID = {"min_value": 1, "max_value": 2**62}


def _viewer(serializer: serializers.Serializer):
    request = serializer.context.get("request")
    return request.user if request is not None else None


def _live_bookings():
    return OfficeHourBooking.objects.filter(status=BookingStatus.BOOKED).select_related("startup", "need").order_by("id")


class SlotBookingSerializer(serializers.ModelSerializer):
    """A booking as the slot's mentor reads it (a confidential need's description stays empty)."""

    startup_name = serializers.CharField(source="startup.name", read_only=True)
    need_title = serializers.SerializerMethodField()
    need_description = serializers.CharField(source="need_description_for_mentor", read_only=True)

    class Meta:
        model = OfficeHourBooking
        fields = ["id", "startup", "startup_name", "need", "need_title", "need_description", "message", "created_at"]
        read_only_fields = fields

    def get_need_title(self, obj: OfficeHourBooking) -> str:
        return obj.need.title if obj.need_id else ""


class OfficeHourSerializer(serializers.ModelSerializer):
    mentor_name = serializers.CharField(source="mentor.user.full_name", read_only=True)
    ends_at = serializers.DateTimeField(read_only=True)
    places_left = serializers.IntegerField(read_only=True)
    withdrawn = serializers.BooleanField(source="is_withdrawn", read_only=True)
    location = serializers.SerializerMethodField(help_text="Only for the slot's mentor (bookers read it on their booking).")
    bookings = serializers.SerializerMethodField(help_text="Live bookings; only for the slot's own mentor, else null.")

    class Meta:
        model = OfficeHour
        fields = ["id", "mentor", "mentor_name", "starts_at", "ends_at", "duration_minutes", "topic", "capacity",
                  "places_left", "withdrawn", "location", "bookings"]
        read_only_fields = fields

    def _own(self, obj: OfficeHour) -> bool:
        user = _viewer(self)
        return user is not None and user.is_authenticated and obj.mentor.user_id == user.pk

    def get_location(self, obj: OfficeHour) -> str | None:
        return obj.location if self._own(obj) else None

    @extend_schema_field(SlotBookingSerializer(many=True, allow_null=True))
    def get_bookings(self, obj: OfficeHour):
        if not self._own(obj):
            return None
        live = getattr(obj, "live_bookings", None)  # prefetched by the list; a single slot reads them here
        if live is None:
            live = _live_bookings().filter(slot=obj)
        return SlotBookingSerializer(live, many=True).data


class OfficeHourInputSerializer(serializers.Serializer):
    day = serializers.DateField(help_text="The Seoul date.")
    start = serializers.TimeField(help_text="The Seoul start time (HH:MM).")
    duration_minutes = serializers.IntegerField(min_value=MIN_SLOT_MINUTES, max_value=MAX_SLOT_MINUTES, default=30)
    location = serializers.CharField(max_length=LOCATION_MAX_LENGTH, help_text="An online meeting link or a place.")
    topic = serializers.CharField(max_length=TOPIC_MAX_LENGTH, required=False, allow_blank=True)
    capacity = serializers.IntegerField(min_value=1, max_value=MAX_SLOT_CAPACITY, default=1)


class BookedSlotSerializer(serializers.ModelSerializer):
    """The slot as a side of a booking reads it: with the place."""

    mentor_name = serializers.CharField(source="mentor.user.full_name", read_only=True)
    ends_at = serializers.DateTimeField(read_only=True)

    class Meta:
        model = OfficeHour
        fields = ["id", "mentor", "mentor_name", "starts_at", "ends_at", "duration_minutes", "location", "topic"]
        read_only_fields = fields


class BookingSerializer(serializers.ModelSerializer):
    slot = BookedSlotSerializer(read_only=True)
    startup_name = serializers.CharField(source="startup.name", read_only=True)
    need_title = serializers.SerializerMethodField()
    need_description = serializers.SerializerMethodField(
        help_text="Empty for the mentor when the need is confidential.")
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    session = serializers.SerializerMethodField(help_text="The session this office hour was logged as, if any.")

    class Meta:
        model = OfficeHourBooking
        fields = ["id", "slot", "startup", "startup_name", "need", "need_title", "need_description", "message",
                  "status", "status_label", "created_at", "cancelled_at", "session"]
        read_only_fields = fields

    def get_need_title(self, obj: OfficeHourBooking) -> str:
        return obj.need.title if obj.need_id else ""

    def get_need_description(self, obj: OfficeHourBooking) -> str:
        user = _viewer(self)
        viewer_orgs = member_org_ids(user) if user is not None else set()
        return need_description_for(obj.need, viewer_org_ids=viewer_orgs) if obj.need_id else ""

    def get_session(self, obj: OfficeHourBooking) -> int | None:
        logged = list(obj.sessions.all())
        return logged[0].pk if logged else None

    def to_representation(self, obj: OfficeHourBooking) -> dict:
        data = super().to_representation(obj)
        if obj.status != BookingStatus.BOOKED or obj.slot.cancelled_at is not None:
            data["slot"]["location"] = ""  # the meeting link is for a live booking only, as on the page
        return data


class BookingInputSerializer(serializers.Serializer):
    slot = serializers.IntegerField(**ID)
    startup = serializers.IntegerField(**ID, help_text="A verified firm you belong to.")
    need = serializers.IntegerField(**ID, required=False, allow_null=True, help_text="One of that firm's open needs.")
    message = serializers.CharField(max_length=BOOKING_MESSAGE_MAX_LENGTH, help_text="What you would like to discuss.")


class BookingSessionInputSerializer(serializers.Serializer):
    topics = serializers.CharField(max_length=2000)
    follow_ups = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    duration_minutes = serializers.IntegerField(min_value=1, max_value=600, required=False,
                                                help_text="Defaults to the slot's length.")


class OfficeHourViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Upcoming open office hours of verified mentors (times and places left, never who booked), and
    every slot of the caller's own as a mentor (with their bookings). A mentor publishes and withdraws."""

    serializer_class = OfficeHourSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["mentor"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return OfficeHour.objects.none()
        return office_hours.visible_slots(self.request.user).prefetch_related(
            Prefetch("bookings", queryset=_live_bookings(), to_attr="live_bookings")).order_by("starts_at", "id")

    def _out(self, pk: int, code: int = status.HTTP_200_OK) -> Response:
        slot = OfficeHour.objects.select_related("mentor__user").get(pk=pk)
        return Response(self.get_serializer(slot).data, status=code)

    @extend_schema(request=OfficeHourInputSerializer, responses={201: OfficeHourSerializer})
    def create(self, request):
        """A verified, available mentor publishes a slot (Seoul date and time; 409 on an overlap or while unavailable)."""
        data = OfficeHourInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        slot = office_hours.slot_publish(user=request.user, **data.validated_data)
        return self._out(slot.pk, status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: OfficeHourSerializer})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """The slot's mentor takes it back before it starts; its bookings are cancelled and the startups told."""
        slot = self.get_object()
        if slot.mentor.user_id != request.user.pk:
            raise NotFound()
        office_hours.slot_withdraw(user=request.user, slot_id=slot.pk)
        return self._out(slot.pk)


class OfficeHourBookingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Bookings the caller is a side of: of their startups, or in their slots as a mentor. Anyone else's: 404."""

    serializer_class = BookingSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["status", "startup"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return OfficeHourBooking.objects.none()
        return office_hours.visible_bookings(self.request.user).order_by("slot__starts_at", "id")

    def _out(self, pk: int, code: int = status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(request=BookingInputSerializer, responses={201: BookingSerializer})
    def create(self, request):
        """A member of a verified firm books a place (409: full, already booked, mentor unavailable, conflict of
        interest; 400: past or withdrawn slot)."""
        data = BookingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        if not office_hours.bookable_lookup(request.user).filter(pk=v["slot"]).exists():
            raise ValidationError({"slot": [_("No such office hour.")]})
        booking = office_hours.booking_create(user=request.user, slot_id=v["slot"], organization_id=v["startup"],
                                              message=v["message"], need_id=v.get("need"))
        return self._out(booking.pk, status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: BookingSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Either side cancels until the slot starts (400 after)."""
        booking = self.get_object()
        office_hours.booking_cancel(user=request.user, booking_id=booking.pk)
        return self._out(booking.pk)

    @extend_schema(request=BookingSessionInputSerializer, responses={201: SessionSerializer})
    @action(detail=True, methods=["post"])
    def session(self, request, pk=None):
        """Log the held office hour as a mentoring session, once (writes one mentoring linkage)."""
        booking = self.get_object()  # first: someone else's booking is 404 whatever the body says
        data = BookingSessionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session = sessions.booking_session_log(user=request.user, booking_id=booking.pk, **data.validated_data)
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)
