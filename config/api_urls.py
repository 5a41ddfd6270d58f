"""Every app's API under /api/v1/."""

from django.urls import include, path
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.throttling import ScopedRateThrottle

from accounts import throttle


class ThrottledObtainAuthToken(ObtainAuthToken):
    """POST email (as ``username``) and password to get an API token; throttled like the login page.

    Failures count on the login page's counter (per client and address, and per client), so the
    API is no way around its limit of five guesses per quarter of an hour.
    """

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    def post(self, request, *args, **kwargs):
        data = request.data if hasattr(request.data, "get") else {}
        email = str(data.get("username", ""))
        if throttle.login_blocked(request, email):
            raise Throttled()
        try:
            response = super().post(request, *args, **kwargs)
        except ValidationError:
            throttle.login_failed(request, email)
            raise
        throttle.login_succeeded(request, email)
        return response


urlpatterns = [
    path("auth/token/", ThrottledObtainAuthToken.as_view(), name="api-token"),
    path("", include("accounts.api.urls")),
    path("", include("matching.api.urls")),
    path("", include("clusters.events.api.urls")),
]
