from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from core.admin_widgets import SafeAutocompleteMixin

from . import tokens
from .models import ApiToken, Invitation, Membership, Organization, OrganizationChange, User


class MembershipInline(SafeAutocompleteMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "organization"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "language", "email_verified_at", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "language", "news_opt_in"]
    search_fields = ["email", "full_name", "phone"]
    readonly_fields = ["date_joined", "last_login", "privacy_consent_version", "privacy_consent_at", "news_opt_in_at"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "phone", "language")}),
        (_("Consent"), {"fields": ("privacy_consent_version", "privacy_consent_at", "news_opt_in", "news_opt_in_at")}),
        (_("Status"), {"fields": ("is_active", "email_verified_at", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),)
    inlines = [MembershipInline]
    actions = ["revoke_api_tokens"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "api_tokens"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return (*fieldsets, (_("API tokens"), {"fields": ("api_tokens",)})) if obj else fieldsets

    @admin.display(description=_("API tokens"))
    def api_tokens(self, obj: User) -> str:
        rows = tokens.tokens_of(obj)
        if not rows:
            return str(_("None"))
        return "; ".join(
            _("%(start)s… made %(created)s, expires %(expires)s") % {
                "start": token.prefix, "created": date_format(localtime(token.created), "Y-m-d H:i"),
                "expires": date_format(localtime(token.expires_at), "Y-m-d H:i"),
            }
            for token in rows
        )

    @admin.action(description=_("Revoke the API tokens of the selected people"))
    def revoke_api_tokens(self, request, queryset) -> None:
        count = ApiToken.objects.filter(user__in=queryset).delete()[0]
        self.message_user(request, _("API tokens revoked: %(count)d.") % {"count": count})


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens by their first characters: never a key (not stored) nor its hash. Staff may revoke, not make,
    a token: one made for someone else would let staff act as them through the API."""

    list_display = ["start", "name", "user", "created", "expires_at", "last_used_at"]
    list_select_related = ["user"]
    list_filter = ["created", "expires_at"]
    search_fields = ["prefix", "name", "user__email"]
    fields = ["start", "name", "user", "created", "expires_at", "last_used_at"]
    readonly_fields = fields
    actions = ["revoke_tokens"]

    @admin.display(description=_("token"), ordering="prefix")
    def start(self, obj: ApiToken) -> str:
        return f"{obj.prefix}…"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Revoke the selected API tokens"), permissions=["delete"])
    def revoke_tokens(self, request, queryset) -> None:
        count = queryset.delete()[0]
        self.message_user(request, _("API tokens revoked: %(count)d.") % {"count": count})


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "name_ko", "kind", "region", "status", "created_at"]
    list_filter = ["status", "kind", "region", "country"]
    search_fields = ["name_ko", "name_en", "description", "website", "external_id"]
    readonly_fields = ["website_domain", "created_at", "updated_at", "verified_at", "verified_by"]
    list_select_related = ["stage"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SafeAutocompleteMixin, admin.ModelAdmin):
    list_display = ["user", "organization", "role", "is_tto", "status", "created_at"]
    list_filter = ["role", "is_tto", "status", "organization__kind"]
    search_fields = ["user__email", "user__full_name", "organization__name_ko", "organization__name_en"]
    list_select_related = ["user", "organization"]
    autocomplete_fields = ["user", "organization"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "invited_by", "created_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organization__name_ko", "organization__name_en"]
    list_select_related = ["organization", "invited_by"]
    raw_id_fields = ["organization", "invited_by", "accepted_by"]


@admin.register(OrganizationChange)
class OrganizationChangeAdmin(admin.ModelAdmin):
    """Held renames: decided on the verification queue (which notifies the organisation), listed here as the record."""

    list_display = ["__str__", "organization", "status", "requested_by", "requested_at", "decided_by", "decided_at"]
    list_filter = ["status"]
    search_fields = ["name_ko", "name_en", "old_name_ko", "old_name_en", "website", "old_website"]
    list_select_related = ["organization", "requested_by", "decided_by"]
    raw_id_fields = ["organization", "requested_by", "decided_by"]
    readonly_fields = ["requested_at", "decided_at"]
