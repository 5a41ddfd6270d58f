from django.contrib import admin

from .models import Facet


@admin.register(Facet)
class FacetAdmin(admin.ModelAdmin):
    list_display = ["slug", "kind", "label_en", "label_ko", "order", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["slug", "label_en", "label_ko"]
    list_editable = ["order", "is_active"]
