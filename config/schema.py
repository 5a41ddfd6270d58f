"""The API schema documents the error responses every operation can give, with the bodies DRF's
exception handler returns: ``{"detail": "..."}`` for 401/403/404/409/429 and field errors for 400.

Which errors an operation can give follows from how the API is built:

- 400: every write (serializer and domain validation) and every read with query parameters
  (filters, ``page``);
- 401: every operation with authentication (no credentials where they are needed, or a bad token),
  with ``WWW-Authenticate: Token`` because token authentication comes first;
- 403: every write (permissions, CSRF for session sign-ins) and reads behind a permission that is
  not open to every signed-in reader;
- 404: operations on one object, and paginated lists (a page past the last one);
- 409: writes, where a domain rule refuses the step in the object's current state;
- 429: throttled operations.

A view leaves codes out with ``schema_omit_errors`` (e.g. ``(409,)`` where no write can conflict).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework.permissions import SAFE_METHODS, AllowAny, IsAuthenticated, IsAuthenticatedOrReadOnly

ERROR_DETAIL = "ErrorDetail"
VALIDATION_ERROR = "ValidationError"

ERROR_DETAIL_SCHEMA = {
    "type": "object",
    "description": "An error with one message.",
    "properties": {"detail": {"type": "string", "description": "What went wrong, in the caller's language."}},
    "required": ["detail"],
}
VALIDATION_ERROR_SCHEMA = {
    "description": (
        "Field name → list of messages (nested objects for nested fields); ``non_field_errors`` for the request "
        "as a whole; ``{\"detail\": ...}`` for a body that cannot be parsed."
    ),
    "anyOf": [
        {"$ref": f"#/components/schemas/{ERROR_DETAIL}"},
        {
            "type": "object",
            "additionalProperties": {"anyOf": [{"type": "array", "items": {}}, {"type": "object"}]},
        },
        {"type": "array", "items": {"type": "string"}},
    ],
}

DESCRIPTIONS = {
    400: _("Invalid input: the body names each field's problems."),
    401: _("No credentials where they are needed, or a token that is not valid."),
    403: _("Signed in but not allowed (or a session write without its CSRF token)."),
    404: _("No such object among those the caller may see, or a page past the last one."),
    409: _("The step is not possible in the object's current state."),
    429: _("Too many attempts; try again later."),
}

# Permissions that never refuse a signed-in caller who only reads.
READ_OPEN_PERMISSIONS = (AllowAny, IsAuthenticated, IsAuthenticatedOrReadOnly)


# The first path segment after /api/v1/ → the tag its operations are listed under (SPECTACULAR TAGS).
TAG_OF_SEGMENT = {
    "auth": "accounts", "me": "accounts", "organizations": "accounts", "memberships": "accounts",
    "listings": "listings", "matches": "matches", "match-runs": "matches", "events": "events",
    "mentoring": "mentoring", "clusters": "clusters", "alliances": "clusters", "focus-areas": "clusters",
    "saved-searches": "search",
}


class AutoSchema(SpectacularAutoSchema):
    """drf-spectacular's AutoSchema plus the error responses the operation can give."""

    def get_tags(self) -> list[str]:
        segment = self.path.removeprefix("/api/v1/").split("/", 1)[0]
        return [TAG_OF_SEGMENT.get(segment, segment)]

    def get_operation_id(self) -> str:
        # Kept as they were before SCHEMA_PATH_PREFIX dropped "v1" from the path: clients generated
        # from the schema name their methods after these.
        return f"v1_{super().get_operation_id()}"

    def get_operation(self, path, path_regex, path_prefix, method, registry) -> dict[str, Any] | None:
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        for code in sorted(self.error_codes(operation) - set(getattr(self.view, "schema_omit_errors", ()))):
            operation["responses"].setdefault(str(code), self._error_response(code))
        return operation

    def error_codes(self, operation: dict[str, Any]) -> set[int]:
        """The 4xx codes this operation can answer with."""
        write = self.method not in SAFE_METHODS
        parameters = operation.get("parameters", [])
        codes: set[int] = set()
        if write or any(p.get("in") == "query" for p in parameters):
            codes.add(400)
        if self.view.get_authenticators():
            codes.add(401)
        if write or not all(self._read_open(p) for p in self.view.get_permissions()):
            codes.add(403)
        paginated_list = not write and self._is_list_view() and self._get_paginator() is not None
        if any(p.get("in") == "path" for p in parameters) or paginated_list:
            codes.add(404)
        if write:
            codes.add(409)
        if getattr(self.view, "throttle_classes", None):
            codes.add(429)
        return codes

    @staticmethod
    def _read_open(permission) -> bool:
        # Custom "...OrReadOnly" permissions let every reader through, like DRF's own.
        return isinstance(permission, READ_OPEN_PERMISSIONS) or type(permission).__name__.endswith("OrReadOnly")

    def _error_response(self, code: int) -> dict[str, Any]:
        if code == 400:
            self._register(ERROR_DETAIL, ERROR_DETAIL_SCHEMA)
            ref = self._register(VALIDATION_ERROR, VALIDATION_ERROR_SCHEMA)
        else:
            ref = self._register(ERROR_DETAIL, ERROR_DETAIL_SCHEMA)
        response: dict[str, Any] = {"description": str(DESCRIPTIONS[code]), "content": {"application/json": {"schema": ref}}}
        if code == 401:
            response["headers"] = {
                "WWW-Authenticate": {
                    "schema": {"type": "string", "enum": ["Token"]},
                    "required": True,
                    "description": str(_("Send the header `Authorization: Token <key>` (see /api/v1/auth/token/).")),
                }
            }
        return response

    def _register(self, name: str, schema: dict[str, Any]) -> dict[str, str]:
        component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema)
        self.registry.register_on_missing(component)
        return component.ref
