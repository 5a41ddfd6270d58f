from django.contrib import admin

from .models import Alliance, Cluster, ClusterMembership, Linkage


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_ko", "slug", "wants_inter_regional"]
    search_fields = ["name_en", "name_ko", "slug", "specialisation_en", "specialisation_ko"]
    list_filter = ["wants_inter_regional"]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["managers"]


@admin.register(Alliance)
class AllianceAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_ko", "slug"]
    search_fields = ["name_en", "name_ko", "slug"]
    filter_horizontal = ["clusters"]


@admin.register(ClusterMembership)
class ClusterMembershipAdmin(admin.ModelAdmin):
    list_display = ["organization", "cluster", "status", "requested_at", "decided_at", "decided_by"]
    list_filter = ["status", "cluster"]
    search_fields = ["organization__name_ko", "organization__name_en", "cluster__name_en"]
    list_select_related = ["organization", "cluster", "decided_by"]
    raw_id_fields = ["organization", "decided_by"]


@admin.register(Linkage)
class LinkageAdmin(admin.ModelAdmin):
    list_display = ["org_a", "org_b", "kind", "weight", "occurred_at", "cluster"]
    list_filter = ["kind", "cluster"]
    search_fields = ["org_a__name_ko", "org_a__name_en", "org_b__name_ko", "org_b__name_en"]
    list_select_related = ["org_a", "org_b", "cluster"]
    raw_id_fields = ["org_a", "org_b"]
    date_hierarchy = "occurred_at"
