"""Transactional email: rendered in the recipient's language, sent by a Celery task after commit."""

import base64

from django.conf import settings
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation

from .queueing import enqueue_on_commit
from .tasks import send_email


def text_attachment(filename: str, content: str, mimetype: str) -> dict:
    return {"filename": filename, "content": content, "mimetype": mimetype, "base64": False}


def binary_attachment(filename: str, content: bytes, mimetype: str) -> dict:
    return {"filename": filename, "content": base64.b64encode(content).decode(), "mimetype": mimetype, "base64": True}


def _plain(value: str) -> str:
    """A plain ``str`` copy: drops a SafeString mark, so the HTML template escapes the value."""
    return str.__str__(value)


def _render_text(name: str, context: dict) -> str:
    """Plain text is not HTML: render without escaping ("R&D", not "R&amp;D"). Template.render marks
    its output safe although nothing in it was escaped, so the mark is dropped here."""
    return _plain(get_template(name).template.render(Context(context, autoescape=False)))


def render_html(*, subject: str, text: str) -> str:
    """The HTML alternative of a text email. Names, titles and venues in the text come from users: the
    whole text is escaped (then linked and broken into paragraphs), so none of it can become markup."""
    return render_to_string("emails/base.html", {"subject": _plain(subject), "body": _plain(text)})


def render_email(*, language: str, template: str, context: dict) -> tuple[str, str, str]:
    """Subject, text and HTML of ``templates/emails/<template>_{subject,body}.txt`` in ``language``."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(_render_text(f"emails/{template}_subject.txt", context).split())
        text = _render_text(f"emails/{template}_body.txt", context)
        html = render_html(subject=subject, text=text)
    return subject, text, html


def send_templated_email(
    *, to: str, language: str, template: str, context: dict, attachments: list[dict] | None = None
) -> None:
    """Render ``templates/emails/<template>_{subject.txt,body.txt}`` (wrapped in emails/base.html) and
    queue it on commit. ``attachments`` come from ``text_attachment``/``binary_attachment``."""
    subject, text, html = render_email(language=language, template=template, context=context)
    enqueue_on_commit(send_email, to=[to], subject=subject, text=text, html=html, attachments=attachments or [])
