"""Managers upload an import_orgs file: the dry-run report first, the import only on confirm.

A cluster manager imports for one of their clusters: new organisations join it, and only their own
clusters' rows may change (``imports`` enforces it). A platform admin's import is not limited.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from accounts.selectors import managed_cluster_ids
from clusters.models import Cluster

from . import (
    ImportReport,
    NotText,
    decode,
    detect_format,
    import_text,
)

MAX_UPLOAD = 20 * 1024 * 1024
SESSION_KEY = "matching_import_uploads"


class ImportForm(forms.Form):
    cluster = forms.ModelChoiceField(
        label=gettext_lazy("For cluster"), queryset=Cluster.objects.none(),
        widget=forms.Select(attrs={"class": "form-select"}),
        help_text=gettext_lazy("New organisations join this cluster. Only organisations of the clusters you "
                               "manage can be changed."))
    file = forms.FileField(label=gettext_lazy("File (JSON Lines or CSV)"),
                           widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".jsonl,.json,.csv,.tsv"}))
    source = forms.SlugField(label=gettext_lazy("Source"), initial="import", max_length=50,
                             widget=forms.TextInput(attrs={"class": "form-control"}),
                             help_text=gettext_lazy("Where the file comes from. Rows are keyed by source and id, "
                                                    "so importing the same file again changes nothing."))

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["cluster"]
        field.queryset = _import_clusters(user)
        if user.is_superuser:
            field.required = False
            field.empty_label = _("No cluster")
            field.help_text = gettext_lazy("New organisations join this cluster, if one is chosen.")
        elif len(field.queryset) == 1:  # nothing to choose
            field.required, field.initial, field.empty_label = False, field.queryset[0], None

    def clean_cluster(self) -> Cluster | None:
        chosen = self.cleaned_data.get("cluster")
        clusters = self.fields["cluster"].queryset
        if chosen is None and self.fields["cluster"].initial is not None:
            return clusters[0]
        return chosen

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB; use the import_orgs command."))
        return f


def _upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _import_clusters(user: User) -> QuerySet[Cluster]:
    return Cluster.objects.all() if user.is_superuser else Cluster.objects.filter(pk__in=managed_cluster_ids(user))


def _run(user: User, raw: bytes, *, name: str, source: str, cluster: Cluster | None, dry_run: bool) -> ImportReport:
    """Decode and import as ``user``: a manager within their clusters, a platform admin without limit."""
    text, encoding = decode(raw)
    clusters = None if user.is_superuser else managed_cluster_ids(user)
    report = import_text(text, fmt=detect_format(name), source=source, dry_run=dry_run, clusters=clusters,
                         join=cluster, actor=user)
    report.encoding = encoding
    return report


@login_required
def import_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not (user.is_superuser or managed_cluster_ids(user)):
        raise PermissionDenied(_("Only cluster managers can import organisations."))
    context: dict = {"form": ImportForm(user=user)}
    if request.method == "POST" and request.POST.get("token"):
        token = request.POST["token"]
        pending = request.session.get(SESSION_KEY, {})
        if token not in pending:
            context["error"] = _("That upload has expired; upload the file again.")
        else:
            name, source, cluster_id = [*pending.pop(token), None][:3]
            request.session[SESSION_KEY] = pending
            path = _upload_dir() / f"{uuid.UUID(token).hex}"
            raw = path.read_bytes() if path.exists() else None
            path.unlink(missing_ok=True)
            # The user may have stopped managing the cluster since the dry run.
            cluster = _import_clusters(user).filter(pk=cluster_id).first() if cluster_id else None
            if raw is None or (cluster is None and not user.is_superuser):
                context["error"] = _("That upload has expired; upload the file again.")
            else:
                context["report"] = _run(user, raw, name=name, source=source, cluster=cluster, dry_run=False)
                context["name"] = name
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES, user=user)
        context["form"] = form
        if form.is_valid():
            upload, source, cluster = (form.cleaned_data[k] for k in ("file", "source", "cluster"))
            raw = upload.read()
            try:
                report = _run(user, raw, name=upload.name, source=source, cluster=cluster, dry_run=True)
            except NotText as exc:
                form.add_error("file", str(exc))
            else:
                context.update(report=report, name=upload.name)
                if report.ok:  # keep the file until the manager confirms
                    token = uuid.uuid4().hex
                    (_upload_dir() / token).write_bytes(raw)
                    pending = request.session.get(SESSION_KEY, {})
                    pending[token] = [upload.name, source, cluster.pk if cluster else None]
                    request.session[SESSION_KEY] = pending
                    context["token"] = token
    return render(request, "matching/import.html", context)
