"""Shapes of the dashboard API's answers (documentation for the schema; the data is built by the dashboard), and the
focus areas' serializers (writes go through the specialisation services)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from accounts.models import Organization
from clusters.models import Cluster
from core.api import SafeSlugRelatedField
from portal.models import FocusArea, SavedSearch
from portal.searches import queries
from portal.searches import services as saved_searches
from portal.specialisation import services
from taxonomy.models import Facet, FacetKind


class ColumnSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField(allow_blank=True)
    definition = serializers.CharField(allow_blank=True)


class TableSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    note = serializers.CharField(allow_blank=True)
    columns = ColumnSerializer(many=True)
    rows = serializers.ListField(child=serializers.DictField(), help_text="One object per row: column key → value.")


class DashboardSerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=["cluster", "alliance"])
    slug = serializers.CharField()
    name = serializers.CharField()
    period = serializers.CharField(help_text="2026-Q3, 2026-07, 2026, or first-day/last-day for the last 12 months.")
    region = serializers.CharField(allow_blank=True)
    access = serializers.ChoiceField(
        choices=["full", "summary"],
        help_text="full: managers and platform admins; summary: people of member organisations (no named ties).",
    )
    tables = TableSerializer(many=True)


class DashboardQuerySerializer(serializers.Serializer):
    period = serializers.CharField(required=False, allow_blank=True, max_length=30,
                                   help_text="2026-Q3, 2026-07 or 2026; empty: the last 12 months.")
    region = serializers.CharField(required=False, allow_blank=True, max_length=30,
                                   help_text="A region code: the network tables keep that region's members.")
    table = serializers.CharField(required=False, allow_blank=True, max_length=40, help_text="Only this table.")


class FocusAreaSerializer(serializers.ModelSerializer):
    """A focus area; written only through ``portal.specialisation.services`` (who may propose)."""

    cluster = SafeSlugRelatedField(slug_field="slug", queryset=Cluster.objects.all())
    facet = serializers.PrimaryKeyRelatedField(
        queryset=Facet.objects.filter(kind__in=(FacetKind.THERAPEUTIC_AREA, FacetKind.TECHNOLOGY)),
        required=False, allow_null=True, help_text="A therapeutic area or technology (taxonomy term id).",
    )
    proposed_by = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), help_text="The member organisation proposing (one you act for).",
    )
    proposed_by_name = serializers.CharField(source="proposed_by.name", read_only=True)
    facet_label = serializers.CharField(source="facet.label", read_only=True, default="")
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    endorsement_count = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = FocusArea
        fields = ["id", "cluster", "facet", "facet_label", "title", "rationale", "proposed_by", "proposed_by_name",
                  "status", "status_label", "endorsement_count", "created_at", "updated_at"]
        read_only_fields = ["status", "created_at", "updated_at"]

    def create(self, validated_data: dict) -> FocusArea:
        focus = services.propose(user=self.context["request"].user, cluster=validated_data["cluster"],
                                 organization=validated_data["proposed_by"], title=validated_data["title"],
                                 rationale=validated_data["rationale"], facet=validated_data.get("facet"))
        focus.endorsement_count = 0
        return focus


class EndorseSerializer(serializers.Serializer):
    organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), help_text="The member organisation endorsing (one you act for).",
    )


class ProfileRowSerializer(serializers.Serializer):
    facet = serializers.IntegerField()
    label = serializers.CharField()
    count = serializers.FloatField()
    lq = serializers.FloatField(allow_null=True, help_text="Location quotient against all clusters.")
    previous_lq = serializers.FloatField(allow_null=True, help_text="The LQ a year ago.")
    trend = serializers.ChoiceField(choices=["up", "down", "steady", "new"], allow_null=True)


class ProfileKindSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="therapeutic_area or technology.")
    title = serializers.CharField()
    rows = ProfileRowSerializer(many=True)


class SpecialisationSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    profile = ProfileKindSerializer(many=True)
    focus_areas = FocusAreaSerializer(many=True, help_text="Proposed and published (withdrawn: managers only).")


class SpecialisationQuerySerializer(serializers.Serializer):
    top = serializers.IntegerField(required=False, min_value=1, max_value=50,
                                   help_text="How many areas per kind, highest LQ first (default 10).")


class ClusterProfileSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    profile = ProfileKindSerializer(many=True)


class LqCellSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The cluster.")
    lq = serializers.CharField(help_text="Its LQ, two decimals.")


class ComplementRowSerializer(serializers.Serializer):
    facet = serializers.IntegerField()
    label = serializers.CharField()
    strong = LqCellSerializer(many=True, help_text="Clusters with LQ above 1.")
    weak = LqCellSerializer(many=True, help_text="Clusters with LQ below 1.")


class OverlapRowSerializer(serializers.Serializer):
    facet = serializers.IntegerField()
    label = serializers.CharField()
    clusters = LqCellSerializer(many=True, help_text="Clusters with LQ above 1.")


class ComplementKindSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="therapeutic_area or technology.")
    title = serializers.CharField()
    rows = ComplementRowSerializer(many=True)


class OverlapKindSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="therapeutic_area or technology.")
    title = serializers.CharField()
    rows = OverlapRowSerializer(many=True)


class AllianceSpecialisationSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    clusters = ClusterProfileSerializer(many=True)
    complements = ComplementKindSerializer(many=True)
    overlap = OverlapKindSerializer(many=True)


class SavedSearchSerializer(serializers.ModelSerializer):
    """A saved search of the caller's. ``params`` are the search page's filters (``q``, ``side``,
    ``partnership_type``, ``therapeutic_area``, ``technology``, ``mine`` for listings; ``q``, ``kind``, ``region``,
    ``cluster`` for the directory), checked by that page's own filter form; ``kind`` is fixed once saved."""

    params = serializers.JSONField(required=False, help_text="Filter name → value, as on the search page.")
    unread = serializers.SerializerMethodField(help_text="New results the caller has not opened yet.")
    search_url = serializers.SerializerMethodField(help_text="The search page with these filters.")

    class Meta:
        model = SavedSearch
        fields = ["id", "kind", "name", "params", "created_at", "last_notified_at", "unread", "search_url"]
        read_only_fields = ["id", "created_at", "last_notified_at"]

    def get_unread(self, obj) -> int:
        return getattr(obj, "unread", 0)

    def get_search_url(self, obj) -> str:
        return queries.search_url(obj)

    def validate_name(self, value: str) -> str:
        try:
            return saved_searches.clean_name(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict["name"]) from None

    def validate(self, attrs: dict) -> dict:
        if self.instance is not None and "kind" in attrs and attrs["kind"] != self.instance.kind:
            raise serializers.ValidationError({"kind": ["A saved search's kind cannot change: save a new one."]})
        kind = self.instance.kind if self.instance is not None else attrs.get("kind")
        if "params" in attrs or self.instance is None:
            try:
                attrs["params"] = queries.clean_params(kind, attrs.get("params") or {})
            except DjangoValidationError as exc:
                raise serializers.ValidationError({"params": exc.message_dict}) from None
        return attrs
