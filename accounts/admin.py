from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken import admin as _token_admin  # noqa: F401  registers DRF's TokenAdmin first (removed below)
from rest_framework.authtoken.models import Token, TokenProxy

from core.admin_widgets import SafeAutocompleteMixin

from . import tokens
from .models import Invitation, Membership, Organization, OrganizationChange, User


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
        return [*super().get_readonly_fields(request, obj), "api_token"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return (*fieldsets, (_("API token"), {"fields": ("api_token",)})) if obj else fieldsets

    @admin.display(description=_("API token"))
    def api_token(self, obj: User) -> str:
        token = tokens.token_of(obj)
        if token is None:
            return str(_("None"))
        return _("%(start)s… made %(created)s, expires %(expires)s") % {
            "start": tokens.key_prefix(token), "created": date_format(localtime(token.created), "Y-m-d H:i"),
            "expires": date_format(localtime(tokens.expires_at(token)), "Y-m-d H:i"),
        }

    @admin.action(description=_("Revoke the API tokens of the selected people"))
    def revoke_api_tokens(self, request, queryset) -> None:
        count = Token.objects.filter(user__in=queryset).delete()[0]
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


# DRF's token admin shows every whole key (in its list, page titles and the admin log) and lets staff make a
# token for anyone, then act as them through the API. Replaced by a read-only line on the person's page and
# an action that revokes; only the member makes a token (on their profile).
admin.site.unregister(TokenProxy)
