"""Admin for mentors, programmes, panels and sessions."""

from django.contrib import admin

from .models import (
    CohortMentor,
    CohortStartup,
    MentoringRequest,
    MentoringSession,
    MentorInvitation,
    MentorProfile,
    OfficeHour,
    OfficeHourBooking,
    PanelSeat,
    Programme,
    ProgrammeApplication,
    Publication,
)


class PublicationInline(admin.TabularInline):
    model = Publication
    extra = 0


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "headline", "status", "availability", "capacity", "seats_taken", "last_activity_at"]
    list_filter = ["status", "availability", "clusters"]
    search_fields = ["user__email", "user__full_name", "headline", "expertise"]
    list_select_related = ["user"]
    raw_id_fields = ["user", "verified_by", "organization"]
    filter_horizontal = ["therapeutic_areas", "technologies", "partnership_types", "clusters",
                         "affiliated_organizations", "invested_organizations"]
    readonly_fields = ["seats_taken"]
    inlines = [PublicationInline]


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["title", "mentor", "year"]
    list_filter = ["year"]
    search_fields = ["title", "mentor__user__full_name"]
    list_select_related = ["mentor__user"]
    raw_id_fields = ["mentor"]


@admin.register(MentorInvitation)
class MentorInvitationAdmin(admin.ModelAdmin):
    """The token is the invitee's secret: never shown."""

    list_display = ["email", "cluster", "invited_by", "created_at", "accepted_at"]
    list_filter = ["cluster"]
    search_fields = ["email"]
    list_select_related = ["cluster", "invited_by"]
    raw_id_fields = ["invited_by", "accepted_by"]
    exclude = ["token"]


class CohortStartupInline(admin.TabularInline):
    model = CohortStartup
    extra = 0
    raw_id_fields = ["organization"]


class CohortMentorInline(admin.TabularInline):
    model = CohortMentor
    extra = 0
    raw_id_fields = ["mentor"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_ko", "cluster", "status", "starts_on", "ends_on", "panel_size"]
    list_filter = ["status", "cluster"]
    search_fields = ["name_en", "name_ko"]
    list_select_related = ["cluster"]
    raw_id_fields = ["created_by"]
    inlines = [CohortStartupInline, CohortMentorInline]


@admin.register(ProgrammeApplication)
class ProgrammeApplicationAdmin(admin.ModelAdmin):
    list_display = ["programme", "organization", "status", "created_at"]
    list_filter = ["status", "programme__cluster"]
    search_fields = ["organization__name_en", "organization__name_ko", "programme__name_en", "programme__name_ko"]
    list_select_related = ["programme", "organization"]
    raw_id_fields = ["programme", "organization", "submitted_by", "decided_by"]
    filter_horizontal = ["focus"]


@admin.register(CohortStartup)
class CohortStartupAdmin(admin.ModelAdmin):
    list_display = ["programme", "organization", "added_at"]
    list_filter = ["programme__cluster"]
    search_fields = ["organization__name_en", "organization__name_ko", "programme__name_en", "programme__name_ko"]
    list_select_related = ["programme", "organization"]
    raw_id_fields = ["programme", "organization"]


@admin.register(CohortMentor)
class CohortMentorAdmin(admin.ModelAdmin):
    list_display = ["programme", "mentor", "added_at"]
    list_filter = ["programme__cluster"]
    search_fields = ["mentor__user__full_name", "programme__name_en", "programme__name_ko"]
    list_select_related = ["programme", "mentor__user"]
    raw_id_fields = ["programme", "mentor"]


@admin.register(PanelSeat)
class PanelSeatAdmin(admin.ModelAdmin):
    """Status changes go through the pages: they keep the mentors' capacity counters right."""

    list_display = ["programme", "startup", "mentor", "score", "status", "responded_at"]
    list_filter = ["status", "programme__cluster"]
    search_fields = ["startup__name_en", "startup__name_ko", "mentor__user__full_name"]
    list_select_related = ["programme", "startup", "mentor__user"]
    raw_id_fields = ["programme", "startup", "mentor", "replaces"]
    readonly_fields = ["status", "responded_at", "published_at", "reminded_at"]


@admin.register(MentoringSession)
class MentoringSessionAdmin(admin.ModelAdmin):
    list_display = ["held_on", "mentor", "startup", "duration_minutes", "mentor_rating", "startup_rating"]
    list_filter = ["mentor_rating", "startup_rating"]
    search_fields = ["topics", "startup__name_en", "startup__name_ko", "mentor__user__full_name"]
    list_select_related = ["mentor__user", "startup"]
    raw_id_fields = ["seat", "request", "office_hour_booking", "programme", "startup", "mentor", "logged_by"]
    date_hierarchy = "held_on"


@admin.register(MentoringRequest)
class MentoringRequestAdmin(admin.ModelAdmin):
    """Status changes go through the pages: an accept takes a place of the mentor's capacity."""

    list_display = ["created_at", "startup", "mentor", "status", "answered_at", "reminded_at"]
    list_filter = ["status"]
    search_fields = ["startup__name_en", "startup__name_ko", "mentor__user__full_name", "message"]
    list_select_related = ["startup", "mentor__user"]
    raw_id_fields = ["startup", "requested_by", "mentor", "need"]
    readonly_fields = ["status", "answered_at", "reminded_at", "created_at"]
    date_hierarchy = "created_at"


class OfficeHourBookingInline(admin.TabularInline):
    model = OfficeHourBooking
    extra = 0
    fields = ["startup", "status", "created_at", "cancelled_at"]
    readonly_fields = fields  # bookings move through the pages: they keep the slot's counter right
    can_delete = False


@admin.register(OfficeHour)
class OfficeHourAdmin(admin.ModelAdmin):
    """Times are stored (and shown here) in UTC; pages show them in Seoul time."""

    list_display = ["starts_at", "mentor", "duration_minutes", "capacity", "booked_count", "cancelled_at"]
    list_filter = ["cancelled_at"]
    search_fields = ["mentor__user__full_name", "location", "topic"]
    list_select_related = ["mentor__user"]
    raw_id_fields = ["mentor"]
    readonly_fields = ["booked_count", "cancelled_at"]
    date_hierarchy = "starts_at"
    inlines = [OfficeHourBookingInline]

    def get_readonly_fields(self, request, obj=None):
        # Below its bookings a capacity would break the slot's counter (a check constraint): fixed once booked.
        booked = obj is not None and obj.booked_count > 0
        return [*self.readonly_fields, "capacity"] if booked else self.readonly_fields


@admin.register(OfficeHourBooking)
class OfficeHourBookingAdmin(admin.ModelAdmin):
    """Status changes go through the pages: a cancel gives the slot's place back."""

    list_display = ["slot", "startup", "status", "created_at", "cancelled_at"]
    list_filter = ["status"]
    search_fields = ["startup__name_en", "startup__name_ko", "slot__mentor__user__full_name", "message"]
    list_select_related = ["slot__mentor__user", "startup"]
    raw_id_fields = ["slot", "startup", "booked_by", "need", "cancelled_by"]
    readonly_fields = ["status", "cancelled_at", "cancelled_by", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False  # a booking takes a place in its slot's counter: only the pages and the API book

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "slot", "startup"] if obj is not None else self.readonly_fields
