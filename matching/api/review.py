"""The review lifecycle on /api/v1/matches/{id}/: ``transition`` (POST action + reason; 409 on an
illegal step, 400 on a bad input, 403 for someone who may not act), ``history`` and ``messages``.
Mixed into ``MatchViewSet`` so the matches API stays one resource."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from ..models import CONNECTED_STATES, DeclineReason, MatchEvent, MatchMessage
from ..review import actions, conversation
from ..review import selectors as review_selectors


class TransitionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=list(actions.ACTIONS))
    reason = serializers.ChoiceField(choices=DeclineReason.choices, required=False, allow_blank=True,
                                     help_text="Required for decline: a structured reason.")
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000,
                                 help_text="Optional; on decline it stays internal to the reviewing side.")
    kind = serializers.CharField(required=False, allow_blank=True, max_length=60, help_text="partnership_record: the type.")
    date = serializers.DateField(
        required=False, allow_null=True,
        help_text="partnership_record: the start date; met: the day of the meeting (default today; not in the "
                  "future, not before the match was proposed).")


class MatchEventSerializer(serializers.ModelSerializer):
    actor_name = serializers.SerializerMethodField()

    class Meta:
        model = MatchEvent
        fields = ["id", "action", "from_status", "to_status", "reason", "note", "actor", "actor_name", "created_at"]

    def get_actor_name(self, e: MatchEvent) -> str | None:
        return e.actor.full_name if e.actor else None


class MatchMessageSerializer(serializers.ModelSerializer):
    sender_name = serializers.SerializerMethodField()

    class Meta:
        model = MatchMessage
        fields = ["id", "sender", "sender_name", "sender_org", "body", "created_at", "read_at"]
        read_only_fields = ["id", "sender", "sender_name", "sender_org", "created_at", "read_at"]

    def get_sender_name(self, m: MatchMessage) -> str | None:
        return m.sender.full_name if m.sender else None


class MatchReviewActions:
    """Actions of MatchViewSet (``self.get_object`` is scoped to the matches the caller may see)."""

    @extend_schema(request=TransitionSerializer, responses={200: OpenApiTypes.OBJECT},
                   summary="Move a match: approve, decline (reason required), request, accept, reject, withdraw, met, "
                           "partnership_record, partnership_confirm; 409 on an illegal step")
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        match = self.get_object()
        data = TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        actions.perform(user=request.user, match_id=match.pk, action=v["action"], reason=v.get("reason") or "",
                        note=v.get("note") or "", kind=v.get("kind") or "", date=v.get("date"))
        match = self.get_queryset().model.objects.filter(pk=match.pk)
        fresh = review_selectors.with_relations(match).first()
        return Response(self.get_serializer_class()(fresh, context=self._context([fresh])).data)

    @extend_schema(responses=MatchEventSerializer(many=True), summary="The match's history (internal notes only for the reviewing side)")
    @action(detail=True, methods=["get"], pagination_class=None)
    def history(self, request, pk=None):
        match = self.get_object()
        side = review_selectors.viewer_side(request.user, match)
        return Response(MatchEventSerializer(review_selectors.history(match=match, side=side), many=True).data)

    @extend_schema(methods=["GET"], responses=MatchMessageSerializer(many=True),
                   summary="The thread of a connected match (the two sides only; never managers)")
    @extend_schema(methods=["POST"], request=MatchMessageSerializer, responses={201: MatchMessageSerializer},
                   summary="Write in the thread; the other side gets an email notice (without the text)")
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def messages(self, request, pk=None):
        match = self.get_object()
        side = review_selectors.viewer_side(request.user, match)
        if (side not in ("need", "counterpart") or match.status not in CONNECTED_STATES) and request.method == "GET":
            raise NotFound("Messages are for the two sides of a connected match.")
        if request.method == "POST":
            data = MatchMessageSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            msg = conversation.message_send(user=request.user, match_id=match.pk, body=data.validated_data["body"])
            return Response(MatchMessageSerializer(msg).data, status=status.HTTP_201_CREATED)
        conversation.messages_mark_read(user=request.user, match=match)
        return Response(MatchMessageSerializer(match.messages.select_related("sender"), many=True).data)
