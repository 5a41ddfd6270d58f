from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Facet, KnownLink, Listing, Match, MatchRun


@admin.register(Facet)
class FacetAdmin(admin.ModelAdmin):
    list_display = ["slug", "kind", "label_en", "label_ko", "order", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["slug", "label_en", "label_ko"]
    list_editable = ["order", "is_active"]


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    """Staff see every listing in full, confidential ones included (the admin is staff-only)."""

    list_display = ["title", "organization", "side", "status", "visibility", "language", "expires_on", "updated_at"]
    list_filter = ["side", "status", "visibility", "language", "organization__kind", "partnership_types"]
    search_fields = ["title", "description", "organization__name_ko", "organization__name_en"]
    list_select_related = ["organization"]
    raw_id_fields = ["organization", "created_by"]
    filter_horizontal = ["partnership_types", "therapeutic_areas", "technologies"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["organization", "side", "title", "description", "language", "visibility", "status",
                           "expires_on", "created_by", "created_at", "updated_at"]}),
        (_("Facets"), {"fields": ["partnership_types", "therapeutic_areas", "technologies", "stage"]}),
        (_("Hospital capability profile"), {"fields": list(Listing.PROFILE_FIELDS)}),
    ]


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["need", "counterpart", "score", "status", "source", "model_version", "updated_at"]
    list_filter = ["status", "source", "model_version", "counterpart__kind"]
    search_fields = ["need__title", "counterpart__name_ko", "counterpart__name_en"]
    list_select_related = ["need", "counterpart"]
    raw_id_fields = ["need", "counterpart", "run", "decided_by"]
    filter_horizontal = ["supporting_listings"]
    readonly_fields = ["score", "score_parts", "explanation", "model_version", "need_updated_at", "created_at",
                       "updated_at"]


@admin.register(MatchRun)
class MatchRunAdmin(admin.ModelAdmin):
    list_display = ["id", "status", "created_at", "started_at", "finished_at", "needs_total", "chunks_done",
                    "chunks_total", "model_version"]
    list_filter = ["status", "model_version"]
    readonly_fields = ["status", "created_by", "created_at", "started_at", "finished_at", "needs_total",
                       "chunks_total", "chunks_done", "counts", "model_version", "fingerprint", "weights_info", "error"]


@admin.register(KnownLink)
class KnownLinkAdmin(admin.ModelAdmin):
    list_display = ["org_a", "org_b", "kind", "source", "created_at"]
    list_filter = ["kind", "source"]
    raw_id_fields = ["org_a", "org_b"]
