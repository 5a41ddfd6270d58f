from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import (
    KnownLink,
    LearnedWeights,
    Listing,
    Match,
    MatchEvent,
    MatchMessage,
    MatchNote,
    MatchRun,
    MessageAttachment,
    Notification,
    NotificationSettings,
    Partnership,
)


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


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows only the services write (the audit trail, what people wrote, records the indicators count):
    staff may look, not edit, so the admin cannot bypass a transition or its notifications."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class KeptAdmin(ReadOnlyAdmin):
    """Not deletable either: history that other rows (match status, indicators, proposals) refer to."""

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


MATCH_SEARCH = ["match__need__title", "match__counterpart__name_ko", "match__counterpart__name_en"]


@admin.register(MatchEvent)
class MatchEventAdmin(KeptAdmin):
    """The audit trail. An ``internal`` note is the counterpart's private reason: shown here read-only."""

    list_display = ["created_at", "match", "action", "from_status", "to_status", "reason", "internal", "actor"]
    list_filter = ["action", "to_status", "internal"]
    search_fields = MATCH_SEARCH
    list_select_related = ["match", "actor"]
    date_hierarchy = "created_at"


@admin.register(MatchNote)
class MatchNoteAdmin(ReadOnlyAdmin):
    """Reviewers' internal notes: the text only on the detail page, never listed or searched."""

    list_display = ["created_at", "match", "organization", "author"]
    search_fields = MATCH_SEARCH
    list_select_related = ["match", "organization", "author"]
    date_hierarchy = "created_at"


@admin.register(MatchMessage)
class MatchMessageAdmin(ReadOnlyAdmin):
    """Connected partners' conversation: the text only on the detail page (deletable for moderation)."""

    list_display = ["created_at", "match", "sender_org", "sender", "read_at"]
    list_filter = [("read_at", admin.EmptyFieldListFilter)]
    search_fields = MATCH_SEARCH
    list_select_related = ["match", "sender_org", "sender"]
    date_hierarchy = "created_at"


@admin.register(MessageAttachment)
class MessageAttachmentAdmin(ReadOnlyAdmin):
    """Files of the conversation: metadata only (never the file or a link to it; deletable for moderation)."""

    list_display = ["created_at", "filename", "content_type", "size", "message"]
    list_filter = ["content_type"]
    fields = ["message", "filename", "content_type", "size", "sha256", "created_at"]
    readonly_fields = fields
    search_fields = ["filename", "sha256", *(f"message__{f}" for f in MATCH_SEARCH)]
    list_select_related = ["message"]
    raw_id_fields = ["message"]
    date_hierarchy = "created_at"


@admin.register(Partnership)
class PartnershipAdmin(KeptAdmin):
    """Recorded and confirmed through the match lifecycle, which also writes the indicators' edge."""

    list_display = ["match", "kind", "status", "started_on", "recorded_org", "confirmed_at"]
    list_filter = ["status", "kind"]
    search_fields = [*MATCH_SEARCH, "kind", "public_note"]
    list_select_related = ["match", "recorded_org"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "user", "kind", "match", "emailed_at", "read_at"]
    list_filter = ["kind", ("emailed_at", admin.EmptyFieldListFilter), ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["key", "user__email"]
    list_select_related = ["user", "match"]
    date_hierarchy = "created_at"


@admin.register(NotificationSettings)
class NotificationSettingsAdmin(admin.ModelAdmin):
    list_display = ["user", "daily_digest", "last_digest_at"]
    list_filter = ["daily_digest"]
    search_fields = ["user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    readonly_fields = ["last_digest_at"]


@admin.register(LearnedWeights)
class LearnedWeightsAdmin(KeptAdmin):
    """Every adopted set of weights; the active one is what the live model scores with."""

    list_display = ["version", "source", "is_active", "adopted_at"]
    list_filter = ["source", "is_active"]
    search_fields = ["version"]
    date_hierarchy = "adopted_at"
