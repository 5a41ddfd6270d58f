from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.models import Organization
from core.api import SafeSlugRelatedField
from taxonomy.models import Facet, FacetKind

from .. import visibility
from ..models import TRIAL_PHASES, Listing


def _facets(kind: str, label: str) -> serializers.SlugRelatedField:
    return SafeSlugRelatedField(
        max_length=60, many=True, required=False, slug_field="slug", queryset=Facet.objects.filter(kind=kind), label=label,
        help_text=_("Slugs of the taxonomy terms of this kind (see the admin's taxonomy terms)."),
    )


class ListingSerializer(serializers.ModelSerializer):
    """A need or capability. ``description`` is null for callers who may not read it (confidential)."""

    organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(),
        help_text=_("The posting organisation; the caller must be one of its active members. Fixed after creation."),
    )
    organization_name = serializers.SerializerMethodField()
    description = serializers.CharField(
        max_length=10000, allow_null=True,
        help_text=_("Null when the listing is confidential and the caller is outside its organisation."),
    )
    partnership_types = _facets(FacetKind.PARTNERSHIP_TYPE, _("partnership types"))
    therapeutic_areas = _facets(FacetKind.THERAPEUTIC_AREA, _("therapeutic areas"))
    technologies = _facets(FacetKind.TECHNOLOGY, _("technologies"))
    stage = SafeSlugRelatedField(
        max_length=60, slug_field="slug", queryset=Facet.objects.filter(kind=FacetKind.STAGE), required=False, allow_null=True
    )
    trial_phases = serializers.ListField(
        child=serializers.ChoiceField(choices=TRIAL_PHASES), required=False, max_length=4
    )

    class Meta:
        model = Listing
        fields = [
            "id", "organization", "organization_name", "side", "title", "description", "language",
            "partnership_types", "therapeutic_areas", "technologies", "stage", "visibility", "status", "expires_on",
            "departments", "trial_phases", "startup_weeks", "cohorts", "equipment", "contact_programme",
            "created_at", "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.instance, Listing):
            self.fields["organization"].read_only = True

    def get_organization_name(self, listing: Listing) -> str:
        return listing.organization.name

    def validate_description(self, value: str | None) -> str:
        if value is None or not value.strip():
            raise serializers.ValidationError(_("Describe what you need or offer."))
        return value

    def to_representation(self, listing: Listing) -> dict:
        data = super().to_representation(listing)
        if not self._description_visible(listing):
            data["description"] = None
        return data

    def _description_visible(self, listing: Listing) -> bool:
        shown = self.context.get("description_visible_ids")  # set by list views: one check per page
        if shown is not None:
            return listing.pk in shown
        request = self.context.get("request")
        return request is not None and visibility.listing_description_visible(request.user, listing)
