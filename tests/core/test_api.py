"""The API's exception handler answers domain errors as DRF answers its own: 400, 403 or 409."""

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError

from core.api import exception_handler
from core.errors import Conflict, DomainError, NotAllowed


@pytest.mark.parametrize(("exc", "status", "body"), [
    (DomainError("No."), 400, {"non_field_errors": ["No."]}),
    (NotAllowed("Not yours."), 403, {"detail": "Not yours."}),
    (Conflict("Already closed."), 409, {"detail": "Already closed."}),
    (DjangoValidationError({"title": ["Too long."]}), 400, {"title": ["Too long."]}),
    (DjangoValidationError({"__all__": ["Both dates."]}), 400, {"non_field_errors": ["Both dates."]}),
    (DjangoValidationError("Plain."), 400, {"non_field_errors": ["Plain."]}),
], ids=lambda v: type(v).__name__ if isinstance(v, Exception) else None)
def test_domain_errors_map_to_their_status(exc, status, body):
    response = exception_handler(exc, {})

    assert (response.status_code, response.data) == (status, body)


def test_other_errors_are_left_to_propagate():
    assert exception_handler(KeyError("x"), {}) is None
