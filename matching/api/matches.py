"""/api/v1/matches/ (the need's organisation reads its proposals and dismisses them) and
/api/v1/match-runs/ (managers start and watch full recomputes)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from accounts.regions import Region
from taxonomy.models import Facet, FacetKind

from .. import visibility
from ..models import (
    CloseReason,
    Listing,
    Match,
    MatchRun,
    MatchSource,
    MatchStatus,
)
from ..proposals import runs
from ..proposals import services as proposal_services
from ..proposals.reasons import COUNTERPART, NEED, facet_labels, reasons_for, visible_explanation
from ..review import contacts as review_contacts
from ..review import selectors as review_selectors
from .review import MatchReviewActions


class ContactSerializer(serializers.Serializer):
    """A side's named contact person; email and phone are null unless the reader may see them (their own
    side, or the other side once connected; never managers)."""

    user_id = serializers.IntegerField()
    full_name = serializers.CharField()
    title = serializers.CharField()
    email = serializers.CharField(allow_null=True)
    phone = serializers.CharField(allow_null=True)


class MatchContactsSerializer(serializers.Serializer):
    need = ContactSerializer(allow_null=True, help_text="The requesting side's contact; null before connection "
                                                        "for the counterpart's readers.")
    counterpart = ContactSerializer(allow_null=True, help_text="The counterpart's contact; null before connection "
                                                               "for the requesting side's readers.")


class SupportingListingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Listing
        fields = ["id", "title", "side", "visibility", "language"]  # never the description


class ReasonSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    items = serializers.ListField(child=serializers.CharField())


class BlankAsNullChoiceField(serializers.ChoiceField):
    """A choice that may be unset: the stored blank is answered as null, never as a value outside the enum."""

    def to_representation(self, value):
        return super().to_representation(value) or None


class MatchSerializer(serializers.ModelSerializer):
    need_title = serializers.CharField(source="need.title", read_only=True)
    counterpart_name = serializers.CharField(source="counterpart.name", read_only=True)
    counterpart_kind = serializers.CharField(source="counterpart.kind", read_only=True)
    counterpart_region = serializers.CharField(source="counterpart.region", read_only=True)
    supporting_listings = SupportingListingSerializer(many=True, read_only=True)
    explanation = serializers.SerializerMethodField()
    reasons = serializers.SerializerMethodField()
    decision_reason = serializers.SerializerMethodField()
    decline_category = serializers.SerializerMethodField()
    score_parts = serializers.SerializerMethodField()
    contacts = serializers.SerializerMethodField()
    close_reason = BlankAsNullChoiceField(choices=CloseReason.choices, allow_null=True, read_only=True,
                                          help_text="Why a closed match closed; null while it is not closed.")

    class Meta:
        model = Match
        fields = ["id", "need", "need_title", "counterpart", "counterpart_name", "counterpart_kind", "counterpart_region",
                  "supporting_listings", "score", "score_parts", "explanation", "reasons", "model_version", "source",
                  "status", "decision_reason", "decline_category", "close_reason", "introduced_at",
                  "need_side_accepted_at", "counterpart_accepted_at", "connected_at", "met_on", "contacts",
                  "created_at", "updated_at"]
        read_only_fields = fields

    def _side(self, obj: Match) -> str:
        sides = self.context.get("sides") or {}
        if obj.pk in sides:
            return sides[obj.pk]
        request = self.context.get("request")
        return review_selectors.viewer_side(request.user, obj) if request else ""

    def get_decision_reason(self, obj: Match) -> str:
        """Free text stays with whoever wrote it: the firm's dismissal, the reviewer's decline."""
        side = self._side(obj)
        own = (side == "need" and obj.status == "dismissed") or (side == "counterpart" and obj.status != "dismissed")
        return obj.decision_reason if own else ""

    def get_decline_category(self, obj: Match) -> str:
        """A firm learns decline reasons only as aggregates; the reviewing side and managers see the category."""
        return obj.decline_category if self._side(obj) in ("counterpart", "manager") else ""

    @extend_schema_field(MatchContactsSerializer)
    def get_contacts(self, obj: Match) -> dict:
        """Only the named contacts, never an organisation's staff list (matching.review.contacts)."""
        named = self.context.get("contacts")
        if named is None or obj.pk not in named:
            named = review_contacts.contacts_for_reader([obj], {obj.pk: self._side(obj)})
        return {side: None if c is None else {"user_id": c.user_id, "full_name": c.full_name, "title": c.title,
                                              "email": c.email or None, "phone": c.phone or None}
                for side, c in named[obj.pk].items()}

    def _hidden(self) -> set[int]:
        return self.context.get("hidden_ids", set())

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "number"}})
    def get_score_parts(self, obj: Match) -> dict:
        """Parts computed from a description this reader may not read are left out."""
        allowed = self.context.get("score_parts_allowed") or {}
        return review_selectors.visible_score_parts(obj, allowed.get(obj.pk, review_selectors.TEXT_FREE_PARTS))

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_explanation(self, obj: Match) -> dict:
        return visible_explanation(obj, self._hidden())

    @extend_schema_field(ReasonSerializer(many=True))
    def get_reasons(self, obj: Match) -> list[dict]:
        labels = self.context.get("facet_labels") or {}
        side = self.context.get("sides", {}).get(obj.pk, "")
        reasons = reasons_for(obj, hidden_ids=self._hidden(), facet_labels=labels,
                              side=side if side in (NEED, COUNTERPART) else "")
        return [{"kind": r.kind, "title": r.title, "items": r.items} for r in reasons]


class DismissSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


MAX_ID = 2**63 - 1


class MatchFilterSerializer(serializers.Serializer):
    """The list's query parameters: an unknown value is a 400 naming the parameter, never a query."""

    organization = serializers.IntegerField(required=False, help_text="Only this organisation's matches (either side).")
    partnership_type = serializers.CharField(required=False, allow_blank=True, max_length=100,
                                             help_text="Slug of a partnership type of the need.")
    region = serializers.ChoiceField(choices=Region.choices, required=False, allow_blank=True,
                                     help_text="Region code of either organisation.")
    status = serializers.CharField(required=False, allow_blank=True, max_length=200, default=MatchStatus.PROPOSED,
                                   help_text="proposed (default), any state or comma-separated states, or 'all'.")
    source = serializers.ChoiceField(choices=MatchSource.choices, required=False, allow_blank=True)

    def validate_organization(self, value: int) -> int:
        # An id no organisation has (beyond the 64-bit keys too) matches nothing rather than erroring.
        return value if 0 < value <= MAX_ID else 0

    def validate_partnership_type(self, value: str) -> str:
        if value and not Facet.objects.filter(kind=FacetKind.PARTNERSHIP_TYPE, slug=value).exists():
            raise serializers.ValidationError(_("“%(value)s” is not a partnership type.") % {"value": value})
        return value

    def validate_status(self, value: str) -> str:
        if value in ("", "all"):
            return ""
        states = [v.strip() for v in value.split(",")]
        unknown = [v for v in states if v not in MatchStatus.values]
        if unknown:
            raise serializers.ValidationError(
                _("Unknown state: %(value)s. Use one or more of %(states)s, or all.")
                % {"value": ", ".join(unknown), "states": ", ".join(MatchStatus.values)})
        return ",".join(states)


@extend_schema_view(
    list=extend_schema(
        summary="Matches of the caller's organisations (either side) and, for managers, of their clusters; best first",
        parameters=[MatchFilterSerializer],
    ),
    retrieve=extend_schema(summary="One proposal with its score parts, explanation and reasons"),
)
class MatchViewSet(MatchReviewActions, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Both sides of a match and their cluster managers; confidential text reaches only a connected other side."""

    serializer_class = MatchSerializer
    permission_classes = [IsAuthenticated]
    filter_backends = []  # the list's filters are MatchFilterSerializer's; no search or ordering parameters

    def get_queryset(self):
        if self.action != "list":  # the filters are the list's; one match is found by its id alone
            return review_selectors.matches_for(user=self.request.user)
        params = MatchFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        f = params.validated_data
        return review_selectors.matches_for(
            user=self.request.user, organization_id=f.get("organization"), partnership_type=f.get("partnership_type", ""),
            region=f.get("region", ""), source=f.get("source", ""), status=f.get("status", MatchStatus.PROPOSED),
        )

    def _context(self, rows: list[Match]) -> dict:
        context = self.get_serializer_context()
        context["hidden_ids"] = visibility.hidden_description_ids(self.request.user, rows)
        context["score_parts_allowed"] = review_selectors.score_parts_allowed(self.request.user, rows,
                                                                              hidden_ids=context["hidden_ids"])
        context["facet_labels"] = facet_labels()
        context["sides"] = review_selectors.sides_for(self.request.user, rows)
        context["contacts"] = review_contacts.contacts_for_reader(rows, context["sides"])
        return context

    def list(self, request, *args, **kwargs):
        rows = list(self.paginate_queryset(self.get_queryset()))
        return self.get_paginated_response(MatchSerializer(rows, many=True, context=self._context(rows)).data)

    def retrieve(self, request, *args, **kwargs):
        match = self.get_object()
        return Response(MatchSerializer(match, context=self._context([match])).data)

    @extend_schema(request=DismissSerializer, responses=MatchSerializer,
                   summary="Dismiss a proposal with a reason; it is not proposed again unless the need is edited")
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None):
        match = self.get_object()
        data = DismissSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        match = proposal_services.match_dismiss(user=request.user, match=match, reason=data.validated_data["reason"])
        return Response(MatchSerializer(match, context=self._context([match])).data)


class MatchRunSerializer(serializers.ModelSerializer):
    progress_percent = serializers.IntegerField(read_only=True)

    class Meta:
        model = MatchRun
        fields = ["id", "status", "created_at", "started_at", "finished_at", "needs_total", "chunks_total",
                  "chunks_done", "progress_percent", "counts", "model_version", "weights_info", "error"]
        read_only_fields = fields


class IsMatchingManager(BasePermission):
    message = "Only cluster managers can see and start matching runs."

    def has_permission(self, request, view) -> bool:
        return runs.can_run_matching(request.user)


@extend_schema_view(
    list=extend_schema(summary="Full recomputes, newest first (cluster managers)"),
    retrieve=extend_schema(summary="One recompute with its progress and counts"),
    create=extend_schema(request=None, responses={202: MatchRunSerializer},
                         summary="Queue a full recompute (a Celery chord over chunks of needs)"),
)
class MatchRunViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                      viewsets.GenericViewSet):
    serializer_class = MatchRunSerializer
    permission_classes = [IsMatchingManager]
    queryset = MatchRun.objects.order_by("-created_at", "-id")

    def create(self, request, *args, **kwargs):
        run = runs.match_run_start(user=request.user)
        run.refresh_from_db()
        return Response(MatchRunSerializer(run).data, status=status.HTTP_202_ACCEPTED)
