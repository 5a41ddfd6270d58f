"""The site's URLs plus the dashboard's pages and API, as the lead will wire them in config/urls.py and
config/api_urls.py (the API first: config.urls ends with a catch-all 404 for /api/)."""

from django.urls import include, path

from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("api/v1/", include("portal.api.urls")),
    path("", include("portal.dashboard.urls")),
    *site_urlpatterns,
]
