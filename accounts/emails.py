"""Transactional email: rendered in the recipient's language, sent by a Celery task after commit."""

import base64

from django.conf import settings
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation

from .tasks import send_email


def text_attachment(filename: str, content: str, mimetype: str) -> dict:
    return {"filename": filename, "content": content, "mimetype": mimetype, "base64": False}


def binary_attachment(filename: str, content: bytes, mimetype: str) -> dict:
    return {"filename": filename, "content": base64.b64encode(content).decode(), "mimetype": mimetype, "base64": True}


def _render_text(name: str, context: dict) -> str:
    """Plain text is not HTML: render without escaping ("R&D", not "R&amp;D"). The HTML part
    escapes it once when it wraps the text."""
    return get_template(name).template.render(Context(context, autoescape=False))


def send_templated_email(
    *, to: str, language: str, template: str, context: dict, attachments: list[dict] | None = None
) -> None:
    """Render ``templates/emails/<template>_{subject.txt,body.txt}`` (wrapped in emails/base.html) and
    queue it on commit. ``attachments`` come from ``text_attachment``/``binary_attachment``."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(_render_text(f"emails/{template}_subject.txt", context).split())
        text = _render_text(f"emails/{template}_body.txt", context)
        html = render_to_string("emails/base.html", {**context, "body": text, "subject": subject})
    transaction.on_commit(
        lambda: send_email.delay(to=[to], subject=subject, text=text, html=html, attachments=attachments or [])
    )
