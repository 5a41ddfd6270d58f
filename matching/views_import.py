"""Managers upload an import_orgs file: the dry-run report first, the import only on confirm."""

from __future__ import annotations

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .importing import detect_format, import_text
from .views_proposals import _manager

MAX_UPLOAD = 20 * 1024 * 1024
SESSION_KEY = "matching_import_uploads"


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File (JSON Lines or CSV)"),
                           widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".jsonl,.json,.csv"}))
    source = forms.SlugField(label=gettext_lazy("Source"), initial="import", max_length=50,
                             widget=forms.TextInput(attrs={"class": "form-control"}),
                             help_text=gettext_lazy("Where the file comes from. Rows are keyed by source and id, "
                                                    "so importing the same file again changes nothing."))

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB; use the import_orgs command."))
        return f


def _upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _decode(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


@login_required
def import_view(request: HttpRequest) -> HttpResponse:
    _manager(request)
    context: dict = {"form": ImportForm()}
    if request.method == "POST" and request.POST.get("token"):
        token = request.POST["token"]
        pending = request.session.get(SESSION_KEY, {})
        if token not in pending:
            context["error"] = _("That upload has expired; upload the file again.")
        else:
            name, source = pending.pop(token)
            request.session[SESSION_KEY] = pending
            path = _upload_dir() / f"{uuid.UUID(token).hex}"
            text = _decode(path.read_bytes()) if path.exists() else None
            path.unlink(missing_ok=True)
            if text is None:
                context["error"] = _("That upload has expired; upload the file again.")
            else:
                context["report"] = import_text(text, fmt=detect_format(name), source=source)
                context["name"] = name
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            raw = upload.read()
            text = _decode(raw)
            if text is None:
                form.add_error("file", _("The file is not UTF-8 text."))
            else:
                source = form.cleaned_data["source"]
                report = import_text(text, fmt=detect_format(upload.name), source=source, dry_run=True)
                context.update(report=report, name=upload.name)
                if report.ok:  # keep the file until the manager confirms
                    token = uuid.uuid4().hex
                    (_upload_dir() / token).write_bytes(raw)
                    pending = request.session.get(SESSION_KEY, {})
                    pending[token] = [upload.name, source]
                    request.session[SESSION_KEY] = pending
                    context["token"] = token
    return render(request, "matching/import.html", context)
