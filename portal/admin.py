"""Admin for indicator snapshots: read-only, since only the snapshot service writes them."""

from django.contrib import admin

from .models import IndicatorSnapshot


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
