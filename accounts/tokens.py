"""API tokens: several per person, stored hashed, valid for ``API_TOKEN_TTL_DAYS`` after they were issued.

A token is issued by signing in at ``POST /api/v1/auth/token/`` or on the profile page. Its key (40 hex
characters, 160 bits from ``secrets``) is shown once, in that answer or page, and never stored: the database
holds its SHA-256 (``ApiToken.key_hash``) and its first characters (``prefix``, to tell tokens apart).
So the API sign-in cannot answer with a token the person already has: every sign-in issues a NEW token.
A script should sign in once and keep its key, not sign in on every run.

A person holds at most ``API_TOKENS_PER_USER`` tokens (default 10): issuing one more removes their expired tokens
and then revokes the least recently used (never used: oldest made), and the answer says how many went. A token
ends when it expires, when its owner revokes it (one, or all of them), on a password reset by email, and when the
account is deleted.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from .models import ApiToken, User

KEY_BYTES = 20  # 160 bits, as DRF's keys: converted DRF keys and new keys look alike
KEY_PREFIX_LENGTH = 6  # 24 bits of a 160-bit key: enough to tell tokens apart, useless to an attacker
LAST_USED_EVERY = timedelta(minutes=1)  # at most one write per token per minute, not one per request


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    key: str  # the whole key: hand it to the person now, it is not kept
    dropped: int  # the person's least recently used tokens revoked to stay within API_TOKENS_PER_USER


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def ttl() -> timedelta:
    return timedelta(days=settings.API_TOKEN_TTL_DAYS)


def is_expired(token: ApiToken, now: datetime | None = None) -> bool:
    """Past its own expiry, or older than the TTL now set (lowering the setting shortens tokens already out)."""
    now = now or timezone.now()
    return now >= token.expires_at or now >= token.created + ttl()


def tokens_of(user: User) -> list[ApiToken]:
    """The person's tokens, newest first."""
    return list(ApiToken.objects.filter(user=user).order_by("-created", "-id"))


@transaction.atomic
def token_issue(*, user: User, name: str = "") -> IssuedToken:
    """A new token for ``user``; their expired tokens are removed and, beyond ``API_TOKENS_PER_USER``, the least
    recently used ones revoked (``dropped`` counts only those: expired tokens signed nobody in)."""
    User.objects.select_for_update().filter(pk=user.pk).first()  # two issues at once: the cap still holds
    key = secrets.token_hex(KEY_BYTES)
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100], prefix=key[:KEY_PREFIX_LENGTH], key_hash=key_hash(key),
        created=now, expires_at=now + ttl(),
    )
    # Expired tokens go first (they sign nobody in); beyond the cap, the least recently used: a script that signs in
    # on every run leaves used-once tokens behind, and those go before the token another program uses daily.
    mine = ApiToken.objects.filter(user=user)
    mine.filter(Q(expires_at__lte=now) | Q(created__lte=now - ttl())).delete()
    keep = mine.order_by(Coalesce("last_used_at", "created").desc(), "-id").values("pk")[:settings.API_TOKENS_PER_USER]
    dropped = mine.exclude(pk__in=keep).delete()[0]
    return IssuedToken(token=token, key=key, dropped=dropped)


def token_revoke(*, user: User, token_id: int) -> ApiToken:
    """End one of the person's own tokens now; someone else's id (or none) is a 404, revealing nothing."""
    token = get_object_or_404(ApiToken, pk=token_id, user=user)
    token.delete()
    return token


def token_revoke_all(*, user: User) -> int:
    """End every token of the person now; how many there were."""
    return ApiToken.objects.filter(user=user).delete()[0]


def token_mark_used(token: ApiToken, now: datetime | None = None) -> None:
    """Record use at most once a minute; the condition in the UPDATE keeps parallel requests to one write."""
    now = now or timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_EVERY:
        return
    ApiToken.objects.filter(pk=token.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_EVERY)
    ).update(last_used_at=now)
    token.last_used_at = now


class ExpiringTokenAuthentication(TokenAuthentication):
    """``Authorization: Token <key>``: the key's SHA-256 is looked up (an index on the hash, so the time taken
    tells nothing about stored keys), and a token past its expiry is refused.

    Refusals stay 401 with ``WWW-Authenticate: Token`` (``authenticate_header`` and the header parsing are
    DRF's; the lookup is ours, so DRF's clear-key ``Token`` model is never used)."""

    def authenticate_credentials(self, key):
        token = ApiToken.objects.select_related("user").filter(key_hash=key_hash(key)).first()
        if token is None:
            raise AuthenticationFailed(_("Invalid token."))
        if not token.user.is_active:
            raise AuthenticationFailed(_("User inactive or deleted."))
        if is_expired(token):
            raise AuthenticationFailed(_(
                "This API token has expired. Sign in again at /api/v1/auth/token/ or create a new token "
                "on your profile page."
            ))
        token_mark_used(token)
        return token.user, token
