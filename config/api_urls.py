"""Every app's API under /api/v1/."""

from django.urls import include, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import NotFound, Throttled, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import throttle, tokens


class TokenIssuedSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True, help_text=_lazy("Send as `Authorization: Token <token>`."))
    expires = serializers.DateTimeField(
        read_only=True, help_text=_lazy("When the token stops working; then sign in again for a new one.")
    )


class ThrottledObtainAuthToken(ObtainAuthToken):
    """POST email (as ``username``) and password to get an API token; throttled like the login page.

    The answer is the person's current token while it is valid, otherwise a new one, with the time it
    expires (``API_TOKEN_TTL_DAYS`` after it was issued). Members see and revoke it on their profile page.

    Failures count on the login page's counter (per client and address, and per client), so the
    API is no way around its limit of five guesses per quarter of an hour.
    """

    throttle_classes = [throttle.FailClosedScopedRateThrottle]  # 503, not 500, when the cache is down
    throttle_scope = "login"
    permission_classes = [AllowAny]  # as ObtainAuthToken's empty list; named so the schema shows no sign-in is needed
    schema_omit_errors = (409,)  # a wrong password is a 400; no state to conflict with

    @extend_schema(responses={200: TokenIssuedSerializer})
    def post(self, request, *args, **kwargs):
        data = request.data if hasattr(request.data, "get") else {}
        email = str(data.get("username", ""))
        if throttle.login_blocked(request, email):
            raise Throttled()
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except ValidationError:
            throttle.login_failed(request, email)
            raise
        throttle.login_succeeded(request, email)
        # The current token while it is valid (several scripts of one person share it), else a new one.
        token = tokens.token_for_sign_in(user=serializer.validated_data["user"])
        return Response(TokenIssuedSerializer({"token": token.key, "expires": tokens.expires_at(token)}).data)


@extend_schema(exclude=True)
class ApiNotFound(APIView):
    """Any other address under /api/ (an id that is not a number, a mistyped path): a JSON 404 as the
    schema documents, never the HTML page."""

    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # a bad token still answers 401
        raise NotFound(_("There is no such API address."))


urlpatterns = [
    path("auth/token/", ThrottledObtainAuthToken.as_view(), name="api-token"),
    path("", include("accounts.api.urls")),
    path("", include("matching.api.urls")),
    path("", include("events.api.urls")),
    path("", include("mentoring.api.urls")),
    path("", include("portal.api.urls")),
]
