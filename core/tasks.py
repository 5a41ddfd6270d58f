"""The platform's own Celery tasks. Their ``name=`` strings predate this module and stay as they were,
so jobs already queued, kept in the outbox or scheduled by beat still find them."""

import base64

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .queueing import resend_failed


@shared_task(name="accounts.send_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(*, to: list[str], subject: str, text: str, html: str = "", attachments: list[dict] | None = None) -> None:
    """Send one rendered email. Rendering happens in the recipient's language before queueing.

    ``attachments``: JSON-safe dicts ``{"filename", "content", "mimetype", "base64": bool}``.
    """
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    if html:
        message.attach_alternative(html, "text/html")
    for item in attachments or []:
        content = base64.b64decode(item["content"]) if item.get("base64") else item["content"]
        message.attach(item["filename"], content, item["mimetype"])
    message.send()


@shared_task(name="config.resend_queued_tasks")
def resend_queued_tasks() -> int:
    """Beat: send again the jobs a broker outage kept from being queued (core.queueing)."""
    return resend_failed()
