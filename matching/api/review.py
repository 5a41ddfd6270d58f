"""The review lifecycle on /api/v1/matches/{id}/: ``transition`` (POST action + reason; 409 on an
illegal step, 400 on a bad input, 403 for someone who may not act), ``history`` and ``messages``.
Mixed into ``MatchViewSet`` so the matches API stays one resource."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from ..models import CONNECTED_STATES, DeclineReason, MatchEvent, MatchMessage, MessageAttachment
from ..review import actions, attachments, conversation
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


class MessageAttachmentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Download (signed-in session of one of the two sides).")

    class Meta:
        model = MessageAttachment
        fields = ["id", "filename", "content_type", "size", "sha256", "url"]
        read_only_fields = fields

    def get_url(self, a: MessageAttachment) -> str:
        return attachments.download_url(self.context["match_id"], a.pk)


class MatchMessageSerializer(serializers.ModelSerializer):
    sender_name = serializers.SerializerMethodField()
    body = serializers.CharField(max_length=5000, required=False, allow_blank=True, trim_whitespace=False)
    attachments = serializers.SerializerMethodField()
    files = serializers.ListField(
        child=serializers.FileField(), required=False, write_only=True,
        help_text="multipart/form-data only: up to 3 files (PDF, PPTX, DOCX, XLSX, PNG, JPEG), 10 MB each by default.")

    class Meta:
        model = MatchMessage
        fields = ["id", "sender", "sender_name", "sender_org", "body", "attachments", "files", "created_at", "read_at"]
        read_only_fields = ["id", "sender", "sender_name", "sender_org", "created_at", "read_at"]

    def get_sender_name(self, m: MatchMessage) -> str | None:
        return m.sender.full_name if m.sender else None

    @extend_schema_field(MessageAttachmentSerializer(many=True))
    def get_attachments(self, m: MatchMessage) -> list[dict]:
        return MessageAttachmentSerializer(m.attachments.all(), many=True, context={"match_id": m.match_id}).data

    def validate_files(self, files: list) -> list[attachments.CheckedFile]:
        try:
            return attachments.check_files(files)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc

    def validate(self, data: dict) -> dict:
        if not (data.get("body") or "").strip() and not data.get("files"):
            raise serializers.ValidationError({"body": [_("Write a message first.")]})
        return data


class MarkReadSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="Notifications and messages newly marked read.")


class MatchReviewActions:
    """Actions of MatchViewSet (``self.get_object`` is scoped to the matches the caller may see)."""

    def initialize_request(self, request, *args, **kwargs):
        drf_request = super().initialize_request(request, *args, **kwargs)
        if self.action == "messages" and request.method == "POST":
            # The upload limit goes in before anything (the session CSRF check, the parser) reads the body.
            request.upload_limit = attachments.install_limit(request)
        return drf_request

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

    @extend_schema(responses=MatchEventSerializer(many=True),
                   summary="The match's history, oldest first, a page at a time (internal notes only for the reviewing "
                           "side)")
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        match = self.get_object()
        side = review_selectors.viewer_side(request.user, match)
        # The API's one pagination (page, page_size up to 100): a long-lived match's trail is not one response.
        page = self.paginate_queryset(review_selectors.history(match=match, side=side))
        return self.get_paginated_response(MatchEventSerializer(page, many=True).data)

    @extend_schema(methods=["GET"], responses=MatchMessageSerializer(many=True),
                   summary="The thread of a connected match, oldest first, a page at a time (the two sides only; "
                           "never managers)")
    @extend_schema(methods=["POST"], request={"application/json": MatchMessageSerializer,
                                              "multipart/form-data": MatchMessageSerializer},
                   responses={201: MatchMessageSerializer},
                   summary="Write in the thread, with files as multipart/form-data; the other side gets an email "
                           "notice (without the text; the files' names only)")
    @action(detail=True, methods=["get", "post"])
    def messages(self, request, pk=None):
        match = self.get_object()
        side = review_selectors.viewer_side(request.user, match)
        if (side not in ("need", "counterpart") or match.status not in CONNECTED_STATES) and request.method == "GET":
            raise NotFound("Messages are for the two sides of a connected match.")
        if request.method == "POST":
            body = request.data  # parsed here, through the upload limit
            stopped = attachments.limit_errors(getattr(request._request, "upload_limit", None))
            if stopped:
                raise serializers.ValidationError({"files": stopped})
            data = MatchMessageSerializer(data=body)
            data.is_valid(raise_exception=True)
            msg = conversation.message_send(user=request.user, match_id=match.pk, body=data.validated_data.get("body", ""),
                                            files=data.validated_data.get("files", []))
            return Response(MatchMessageSerializer(msg).data, status=status.HTTP_201_CREATED)
        # Reading the thread marks nothing: a GET has no side effect (POST .../read/ does that).
        page = self.paginate_queryset(match.messages.select_related("sender").prefetch_related("attachments"))
        return self.get_paginated_response(MatchMessageSerializer(page, many=True).data)

    @extend_schema(request=None, responses=MarkReadSerializer,
                   summary="Mark the match read: the caller's notifications about it and, for a member of one side, "
                           "the other side's messages (reading never does)")
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        match = self.get_object()
        return Response({"marked": conversation.match_mark_read(user=request.user, match=match)})
