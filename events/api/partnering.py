"""API for partnering events: my meeting requests (send, answer) and my agenda (record outcomes)."""

from django.db.models import Prefetch, Q
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .. import partnering
from ..dates import in_range_q
from ..models import (
    MAX_SUGGESTED_SLOTS,
    MEETING_MESSAGE_MAX,
    Event,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    PartneringSession,
)


class MeetingRequestSerializer(serializers.ModelSerializer):
    requester_name = serializers.CharField(source="requester.display_name", read_only=True)
    recipient_name = serializers.CharField(source="recipient.display_name", read_only=True)

    class Meta:
        model = MeetingRequest
        fields = ["id", "event", "requester", "requester_name", "recipient", "recipient_name", "message",
                  "suggested_slots", "status", "weight", "created_at", "decided_at"]
        read_only_fields = fields


class MeetingRequestInputSerializer(serializers.Serializer):
    event = serializers.IntegerField()
    recipient = serializers.IntegerField(help_text="The registration id of the person you ask.")
    # DRF's CharField refuses NUL characters; the service checks the length again for other callers.
    message = serializers.CharField(required=False, allow_blank=True, max_length=MEETING_MESSAGE_MAX,
                                    help_text="Why the two of you should meet.")
    suggested_slots = serializers.ListField(
        child=serializers.IntegerField(min_value=0), required=False, max_length=MAX_SUGGESTED_SLOTS,
        help_text="Up to three 0-based slots of the event's meeting grid you would like.",
    )


class MeetingSerializer(serializers.ModelSerializer):
    starts_at = serializers.SerializerMethodField()
    a_name = serializers.CharField(source="a.display_name", read_only=True)
    b_name = serializers.CharField(source="b.display_name", read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "event", "slot", "table", "starts_at", "a", "a_name", "b", "b_name", "outcome",
                  "follow_up_wanted", "outcome_note"]
        read_only_fields = fields

    def get_starts_at(self, meeting: Meeting) -> str | None:
        session = getattr(meeting.event, "partnering", None)
        return serializers.DateTimeField().to_representation(session.slot_start(meeting.slot)) if session else None


class OutcomeInputSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=MeetingOutcome.choices)
    follow_up_wanted = serializers.BooleanField(default=False)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class MeetingRequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Meeting requests the caller sent or received at partnering events."""

    serializer_class = MeetingRequestSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["event", "status"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return MeetingRequest.objects.none()
        user = self.request.user
        return (
            MeetingRequest.objects.filter(Q(requester__user=user) | Q(recipient__user=user))
            .select_related("requester__user", "recipient__user")
            .order_by("id")
        )

    @extend_schema(request=MeetingRequestInputSerializer, responses={201: MeetingRequestSerializer})
    def create(self, request):
        data = MeetingRequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        made = partnering.meeting_request_create(
            user=request.user, event_id=data.validated_data["event"],
            recipient_id=data.validated_data["recipient"], message=data.validated_data.get("message", ""),
            suggested_slots=data.validated_data.get("suggested_slots") or [],
        )
        return Response(MeetingRequestSerializer(made).data, status=status.HTTP_201_CREATED)

    def _decide(self, request, accept: bool):
        decided = partnering.meeting_request_decide(user=request.user, request_id=self.get_object().pk, accept=accept)
        return Response(MeetingRequestSerializer(decided).data)

    @extend_schema(request=None, responses={200: MeetingRequestSerializer})
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._decide(request, accept=True)

    @extend_schema(request=None, responses={200: MeetingRequestSerializer})
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        return self._decide(request, accept=False)


class MeetingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The caller's agenda: scheduled 1:1 meetings, by event, slot and table."""

    serializer_class = MeetingSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["event", "outcome"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Meeting.objects.none()
        user = self.request.user
        return (
            Meeting.objects.filter(Q(a__user=user) | Q(b__user=user))
            .select_related("a__user", "b__user")
            # Only grids in the sane range are read: one stored out of range leaves starts_at null
            # instead of failing the whole list.
            .prefetch_related(Prefetch("event", queryset=Event.objects.only("id", "cluster_id").prefetch_related(
                Prefetch("partnering", queryset=PartneringSession.objects.filter(in_range_q("first_slot_at")))
            )))
            .order_by("event_id", "slot", "table", "id")
        )

    @extend_schema(request=OutcomeInputSerializer, responses={200: MeetingSerializer})
    @action(detail=True, methods=["post"])
    def outcome(self, request, pk=None):
        """Record whether the meeting was held (a held meeting writes one linkage)."""
        meeting_id = self.get_object().pk  # someone else's meeting is a 404 before any validation
        data = OutcomeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        meeting = partnering.meeting_outcome_record(
            user=request.user, meeting_id=meeting_id, outcome=data.validated_data["outcome"],
            follow_up_wanted=data.validated_data["follow_up_wanted"], note=data.validated_data.get("note", ""),
        )
        return Response(MeetingSerializer(self.get_queryset().get(pk=meeting.pk)).data)
