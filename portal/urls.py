"""Portal pages outside the dashboard (included at the site root): an organisation's needs and capabilities
(loaded into its page) and saved searches."""

from django.urls import path

from . import views
from .searches import views as searches

app_name = "portal"

urlpatterns = [
    path("organizations/<int:pk>/listings/", views.organization_listings_view, name="organization_listings"),
    path("me/export.json", views.data_export_view, name="data_export"),
    path("saved-searches/", searches.list_view, name="saved_searches"),
    path("saved-searches/new/", searches.new_view, name="saved_search_new"),
    path("saved-searches/notices/read/", searches.notices_read_view, name="saved_search_notices_read"),
    path("saved-searches/<int:pk>/run/", searches.run_view, name="saved_search_run"),
    path("saved-searches/<int:pk>/rename/", searches.rename_view, name="saved_search_rename"),
    path("saved-searches/<int:pk>/delete/", searches.delete_view, name="saved_search_delete"),
]
