"""The API's one mapping of domain errors: the DRF exception handler (``REST_FRAMEWORK["EXCEPTION_HANDLER"]``).

Services raise ``core.errors`` (and Django's ``ValidationError`` from model rules); API views let them
propagate, and this handler answers as DRF would for its own errors: 400 with field errors, 403 or 409
with ``{"detail": ...}``.
"""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import Conflict, DomainError, NotAllowed


class SafeSlugRelatedField(serializers.SlugRelatedField):
    """A slug of a related object; text that cannot be a slug (a NUL byte, over-long, not a string) is "not
    found" before it reaches the database (PostgreSQL refuses NUL bytes with an error, which would be a 500)."""

    def __init__(self, *args, max_length: int = 100, **kwargs):
        self.max_length = max_length
        super().__init__(*args, **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or "\x00" in data or len(data) > self.max_length:
            self.fail("does_not_exist", slug_name=self.slug_field, value="?")
        return super().to_internal_value(data)


class ConflictError(APIException):
    status_code = status.HTTP_409_CONFLICT


def api_error(exc: Exception) -> Exception:
    """The DRF error that answers ``exc``; other exceptions unchanged."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        if "__all__" in detail:
            detail["non_field_errors"] = detail.pop("__all__")
        return ValidationError(detail)
    if isinstance(exc, NotAllowed):
        return PermissionDenied(exc.message)
    if isinstance(exc, Conflict):
        return ConflictError(exc.message)
    if isinstance(exc, DomainError):
        return ValidationError({"non_field_errors": [exc.message]})
    return exc


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, after turning a domain (or Django validation) error into its DRF error."""
    return drf_exception_handler(api_error(exc), context)
