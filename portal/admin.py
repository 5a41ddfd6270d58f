"""Admin: indicator snapshots (read-only, only the snapshot service writes them), focus areas, digests sent."""

from django.contrib import admin

from .models import FocusArea, FocusEndorsement, IndicatorDigest, IndicatorSnapshot, SavedSearch, SavedSearchNotice


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


class SavedSearchNoticeInline(admin.TabularInline):
    model = SavedSearchNotice
    extra = 0
    can_delete = False
    fields = ["object_id", "title", "created_at", "read_at", "emailed_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    """Read-only: people save, rename and delete their searches themselves (the filters are checked there)."""

    list_display = ["name", "user", "kind", "created_at", "last_notified_at"]
    list_filter = ["kind"]
    search_fields = ["name", "user__email"]
    readonly_fields = ["user", "kind", "name", "params", "baseline_id", "created_at", "last_notified_at"]
    inlines = [SavedSearchNoticeInline]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(FocusEndorsement)
class FocusEndorsementAdmin(admin.ModelAdmin):
    """Endorsements also show inline on their focus area; this list answers "who endorsed what"."""

    list_display = ["focus_area", "organization", "user", "created_at"]
    list_filter = ["focus_area__cluster"]
    search_fields = ["focus_area__title", "organization__name_en", "organization__name_ko"]
    raw_id_fields = ["focus_area", "organization", "user"]
    readonly_fields = ["created_at"]


@admin.register(SavedSearchNotice)
class SavedSearchNoticeAdmin(admin.ModelAdmin):
    """What the alerts found (also inline on each saved search); written only by the alert task."""

    list_display = ["title", "user", "saved_search", "created_at", "read_at", "emailed_at"]
    list_filter = ["read_at", "emailed_at"]
    search_fields = ["title", "user__email"]
    raw_id_fields = ["saved_search", "user"]
    readonly_fields = ["saved_search", "user", "object_id", "title", "created_at", "read_at", "emailed_at"]

    def has_add_permission(self, request) -> bool:
        return False
