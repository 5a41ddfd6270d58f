"""Admin for events, registrations, calendar feeds and partnering."""

from django.contrib import admin

from .dates import EVENT_DATE_FIELDS, validate_in_range
from .models import CalendarFeed, Event, Meeting, MeetingRequest, PartneringSession, Registration


class SaneDatesMixin:
    """The admin's forms keep dates in the same range as the organisers' pages."""

    sane_date_fields: tuple[str, ...] = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in self.sane_date_fields:
            field.validators.append(validate_in_range)
        return field


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["user", "name", "organization", "status", "offer_expires_at", "checked_in_at", "walk_in"]
    raw_id_fields = ["user", "organization"]
    show_change_link = True


@admin.register(Event)
class EventAdmin(SaneDatesMixin, admin.ModelAdmin):
    sane_date_fields = EVENT_DATE_FIELDS
    list_display = ["title_en", "title_ko", "cluster", "kind", "status", "starts_at", "capacity", "seats_taken"]
    list_filter = ["status", "kind", "cluster"]
    search_fields = ["title_en", "title_ko", "venue"]
    list_select_related = ["cluster"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["topics"]
    raw_id_fields = ["created_by", "copied_from"]
    readonly_fields = ["seats_taken", "sequence"]
    inlines = [RegistrationInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "name", "organization", "status", "checked_in_at", "walk_in"]
    list_filter = ["status", "walk_in", "event__cluster"]
    search_fields = ["user__email", "user__full_name", "name", "organization__name_en", "organization__name_ko"]
    list_select_related = ["event", "user", "organization"]
    raw_id_fields = ["event", "user", "organization", "checked_in_by"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """The token is the person's secret: never shown here. Deleting the feed revokes the link."""

    list_display = ["user", "created_at"]
    raw_id_fields = ["user"]
    search_fields = ["user__email"]
    exclude = ["token"]
    readonly_fields = ["user", "created_at"]

    def has_add_permission(self, request) -> bool:  # a feed is made by its owner, with a fresh secret
        return False


@admin.register(PartneringSession)
class PartneringSessionAdmin(SaneDatesMixin, admin.ModelAdmin):
    sane_date_fields = ("first_slot_at",)
    list_display = ["event", "first_slot_at", "slot_minutes", "slots", "tables", "scheduled_at"]
    raw_id_fields = ["event"]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ["event", "requester", "recipient", "status", "weight", "created_at"]
    list_filter = ["status"]
    list_select_related = ["event", "requester__user", "recipient__user"]
    raw_id_fields = ["event", "requester", "recipient"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["event", "slot", "table", "a", "b", "outcome", "follow_up_wanted"]
    list_filter = ["outcome", "follow_up_wanted"]
    list_select_related = ["event", "a__user", "b__user"]
    raw_id_fields = ["event", "request", "a", "b", "outcome_by"]
