"""Domain errors raised by services; views turn them into messages, the API into 400/403/409."""


class DomainError(Exception):
    """A request that breaks a business rule; the message is shown to the person."""

    status_code = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(DomainError):
    status_code = 403


class Conflict(DomainError):
    status_code = 409
