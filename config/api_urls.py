"""Every app's API under /api/v1/."""

from django.urls import include, path
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.throttling import ScopedRateThrottle


class ThrottledObtainAuthToken(ObtainAuthToken):
    """POST email (as ``username``) and password to get an API token; throttled like the login page."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"


urlpatterns = [
    path("auth/token/", ThrottledObtainAuthToken.as_view(), name="api-token"),
    path("", include("accounts.api.urls")),
    path("", include("matching.api.urls")),
    path("", include("clusters.events.api.urls")),
]
