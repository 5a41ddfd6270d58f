"""The project's URLs plus the mentoring pages, until config/urls.py includes them."""

from django.urls import include, path

from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path("mentoring/", include("mentoring.urls")),
    path("api/v1/", include("mentoring.api.urls")),
    *project_urlpatterns,
]
