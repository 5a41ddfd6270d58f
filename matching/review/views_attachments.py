"""A match message with files (the match page's message form posts here), and the one way a stored
attachment is read: ``GET /matches/<pk>/attachments/<id>/`` for the people of the two sides of a connected
match. Cluster managers, other organisations and visitors get 404 (messages stay with the two sides).

The upload limit (``core.uploads``) must be in place before anything reads the body, and the CSRF check
reads it: so the sending view is CSRF-exempt outside and CSRF-protected inside, after the limit is
installed (Django's documented pattern for upload handlers)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from accounts.selectors import member_org_ids
from core.errors import DomainError
from core.forms import form_error_text
from core.uploads import LimitedUploadHandler

from ..models import CONNECTED_STATES, Match, MessageAttachment
from . import attachments, conversation


class MessageWithFilesForm(forms.Form):
    """The match page's message: text, files, or both."""

    body = forms.CharField(label=gettext_lazy("Your message"), max_length=5000, required=False)

    def clean(self):
        data = super().clean()
        uploads = self.files.getlist("files") if self.files else []
        try:
            data["files"] = attachments.check_files(uploads)
        except forms.ValidationError as exc:
            self.add_error(None, exc)
            data["files"] = []
        if not (data.get("body") or "").strip() and not uploads and not self.errors:
            raise forms.ValidationError(gettext_lazy("Write a message first."), code="required")
        return data


def _side_match(user, pk: int) -> Match:
    """The match when ``user`` is of one of its two sides and it is connected; else 404 (even for managers)."""
    match = Match.objects.select_related("need").filter(pk=pk).first()
    if (match is None or match.status not in CONNECTED_STATES
            or not member_org_ids(user) & {match.need.organization_id, match.counterpart_id}):
        raise Http404
    return match


@csrf_exempt
@login_required
@require_POST
def message_send_view(request: HttpRequest, pk: int) -> HttpResponse:
    handler = attachments.install_limit(request)  # before the CSRF check reads the body
    return _message_send(request, pk=pk, handler=handler)


@csrf_protect
def _message_send(request: HttpRequest, *, pk: int, handler: LimitedUploadHandler) -> HttpResponse:
    back = redirect(reverse("matches:detail", args=[pk]) + "#thread")
    _side_match(request.user, pk)
    data, files = request.POST, request.FILES  # parsed here (through the limit), if the CSRF check has not already
    stopped = attachments.limit_errors(handler)
    if stopped:
        messages.error(request, " ".join(stopped))
        return back
    form = MessageWithFilesForm(data, files)
    if not form.is_valid():
        messages.error(request, form_error_text(form))
        return back
    try:
        conversation.message_send(user=request.user, match_id=pk, body=form.cleaned_data["body"],
                                  files=form.cleaned_data["files"])
    except DomainError as exc:
        messages.error(request, exc.message)
    return back


@login_required
@require_GET
def attachment_view(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    match = _side_match(request.user, pk)
    row = MessageAttachment.objects.filter(pk=attachment_id, message__match=match).first()
    if row is None:
        raise Http404
    try:
        handle = row.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=row.filename, content_type=row.content_type)
    # Never rendered by the browser as a page of ours, never cached by a shared proxy.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
