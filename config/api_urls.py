"""Every app's API under /api/v1/."""

from django.urls import include, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer  # no model: usable without the app
from rest_framework.exceptions import NotFound, Throttled, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import throttle, tokens


class ApiSignInSerializer(AuthTokenSerializer):
    name = serializers.CharField(
        write_only=True, allow_blank=True, max_length=100, default="",
        help_text=_lazy("Optional label for the new token (e.g. the script's name), shown on your profile page."),
    )


class TokenIssuedSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text=_lazy("The token's number (revoke it on your profile page)."))
    token = serializers.CharField(
        read_only=True,
        help_text=_lazy("Send as `Authorization: Token <token>`. Shown only in this answer: ClusterLink keeps a hash."),
    )
    name = serializers.CharField(read_only=True)
    expires = serializers.DateTimeField(
        read_only=True, help_text=_lazy("When the token stops working; then sign in again for a new one.")
    )
    dropped = serializers.IntegerField(
        read_only=True,
        help_text=_lazy("How many of your least recently used tokens this sign-in revoked: you may hold API_TOKENS_PER_USER "
                        "tokens (10 unless configured)."),
    )


class ThrottledObtainAuthToken(APIView):
    """POST email (as ``username``) and password, and optionally a ``name``, to get a NEW API token;
    throttled like the login page.

    Every sign-in issues a new token (keys are stored hashed, so an existing one cannot be handed out
    again): sign in once per program and keep the key, do not sign in on every run. The answer carries
    the key, once, with the time it expires (``API_TOKEN_TTL_DAYS`` after it was issued). A person holds
    at most ``API_TOKENS_PER_USER`` tokens: beyond that the oldest are revoked and ``dropped`` says how
    many. Members see, name and revoke their tokens on their profile page.

    Failures count on the login page's counter (per client and address, and per client), so the
    API is no way around its limit of five guesses per quarter of an hour.
    """

    throttle_classes = [throttle.FailClosedScopedRateThrottle]  # 503, not 500, when the cache is down
    throttle_scope = "login"
    permission_classes = [AllowAny]  # named so the schema shows no sign-in is needed
    parser_classes = [FormParser, MultiPartParser, JSONParser]
    renderer_classes = [JSONRenderer]
    serializer_class = ApiSignInSerializer
    schema_omit_errors = (409,)  # a wrong password is a 400; no state to conflict with

    def get_serializer(self, *args, **kwargs):
        return ApiSignInSerializer(*args, context={"request": self.request}, **kwargs)

    @extend_schema(request=ApiSignInSerializer, responses={200: TokenIssuedSerializer})
    def post(self, request, *args, **kwargs):
        data = request.data if hasattr(request.data, "get") else {}
        email = str(data.get("username", ""))
        if throttle.login_blocked(request, email):
            raise Throttled()
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except ValidationError as exc:
            # A bad token name alone says nothing about the password (it is never checked then): not a failed sign-in.
            if not (isinstance(exc.detail, dict) and set(exc.detail) == {"name"}):
                throttle.login_failed(request, email)
            raise
        throttle.login_succeeded(request, email)
        issued = tokens.token_issue(user=serializer.validated_data["user"], name=serializer.validated_data["name"])
        return Response(TokenIssuedSerializer({
            "id": issued.token.pk, "token": issued.key, "name": issued.token.name,
            "expires": issued.token.expires_at, "dropped": issued.dropped,
        }).data)


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
