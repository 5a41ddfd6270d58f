"""API tokens: DRF's one ``Token`` per person, valid for ``API_TOKEN_TTL_DAYS`` after it was issued.

A token is issued by signing in at ``POST /api/v1/auth/token/`` or on the profile page, and ends when it
expires, when its owner revokes it or issues a new one, or when the account is deleted. The profile page
shows only its first characters; the whole key is shown once, when it is issued.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed

from .models import User

KEY_PREFIX_LENGTH = 6  # 24 bits of a 160-bit key: enough to tell tokens apart, useless to an attacker


def ttl() -> timedelta:
    return timedelta(days=settings.API_TOKEN_TTL_DAYS)


def expires_at(token: Token) -> datetime:
    return token.created + ttl()


def is_expired(token: Token, now: datetime | None = None) -> bool:
    return (now or timezone.now()) >= expires_at(token)


def key_prefix(token: Token) -> str:
    return token.key[:KEY_PREFIX_LENGTH]


def token_of(user: User) -> Token | None:
    return Token.objects.filter(user=user).first()


@transaction.atomic
def token_issue(*, user: User) -> Token:
    """A new token for ``user``; the previous one (if any) stops working at once."""
    User.objects.select_for_update().filter(pk=user.pk).first()  # two issues at once: one token survives
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


@transaction.atomic
def token_for_sign_in(*, user: User) -> Token:
    """The token the API sign-in answers with: the current one while it is valid, else a new one."""
    User.objects.select_for_update().filter(pk=user.pk).first()
    token = token_of(user)
    if token is None or is_expired(token):
        Token.objects.filter(user=user).delete()
        token = Token.objects.create(user=user)
    return token


def token_revoke(*, user: User) -> bool:
    """End the person's token now; False when they had none. Only ever their own (no key is sent)."""
    return Token.objects.filter(user=user).delete()[0] > 0


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's token authentication that also refuses a token older than ``API_TOKEN_TTL_DAYS``.

    Refusals stay 401 with ``WWW-Authenticate: Token`` (``authenticate_header`` is DRF's)."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if is_expired(token):
            raise AuthenticationFailed(_(
                "This API token has expired. Sign in again at /api/v1/auth/token/ or create a new token "
                "on your profile page."
            ))
        return user, token
