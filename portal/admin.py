"""Admin: indicator snapshots (read-only, only the snapshot service writes them), focus areas, digests sent."""

from django.contrib import admin

from .models import FocusArea, FocusEndorsement, IndicatorDigest, IndicatorSnapshot


@admin.register(IndicatorSnapshot)
class IndicatorSnapshotAdmin(admin.ModelAdmin):
    list_display = ["__str__", "cluster", "alliance", "period_kind", "period_label", "computed_at"]
    list_filter = ["period_kind", "cluster", "alliance"]
    search_fields = ["period_label", "cluster__slug", "alliance__slug"]
    readonly_fields = ["cluster", "alliance", "period_kind", "period_label", "period_start", "period_end",
                       "indicators", "stage", "computed_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class FocusEndorsementInline(admin.TabularInline):
    model = FocusEndorsement
    extra = 0
    raw_id_fields = ["organization", "user"]
    readonly_fields = ["created_at"]


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["title", "cluster", "proposed_by", "status", "created_at"]
    list_filter = ["status", "cluster"]
    search_fields = ["title", "rationale", "proposed_by__name_en", "proposed_by__name_ko"]
    raw_id_fields = ["proposed_by", "proposed_by_user", "decided_by", "facet"]
    readonly_fields = ["created_at", "updated_at", "decided_at"]
    inlines = [FocusEndorsementInline]


@admin.register(IndicatorDigest)
class IndicatorDigestAdmin(admin.ModelAdmin):
    list_display = ["cluster", "user", "week", "sent_at"]
    list_filter = ["week", "cluster"]
    readonly_fields = ["cluster", "user", "week", "sent_at"]

    def has_add_permission(self, request) -> bool:
        return False
