"""Signed check-in codes: the QR code carries event id, registration id and the nonce."""

import io
import secrets

import segno
from django.core import signing

from .models import Registration

# Kept from when events lived under clusters: a new salt would void every QR code already sent.
SALT = "clusters.events.checkin"
# No 0/O or 1/I/L: the short code is read aloud and typed at the door.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def new_nonce() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def checkin_token(registration: Registration) -> str:
    return signing.dumps({"e": registration.event_id, "r": registration.pk, "n": registration.nonce}, salt=SALT)


def read_token(token: str) -> dict | None:
    """The payload of a genuine token, or None for anything forged or garbled."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not {"e", "r", "n"} <= data.keys():
        return None
    return data


def qr_png(token: str) -> bytes:
    """The check-in code as a PNG, for email clients that do not show SVG."""
    buffer = io.BytesIO()
    segno.make(token, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def qr_svg(token: str) -> str:
    return segno.make(token, error="m").svg_inline(scale=5, border=2)
