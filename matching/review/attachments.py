"""What a match message may carry: PDF, PowerPoint, Word and Excel files (the Office Open XML kinds, no
macros) and PNG or JPEG images, at most ``MATCH_ATTACHMENT_MAX_FILES`` files of
``MATCH_ATTACHMENT_MAX_BYTES`` each.

A file is accepted only when its extension AND its first bytes (and, for a zip, the main part named in
``[Content_Types].xml``) agree on one allowed kind, so an ``.exe`` renamed ``.pdf``, an SVG or an HTML page
never gets in; the stored content type is ours, never the browser's. The name is kept for display only,
cleaned of paths and control characters (a NUL would not even fit in PostgreSQL); the stored file has a
random name. Both the match page and the API check through ``check_files``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.uploads import LimitedUploadHandler, install_upload_limit

MAX_NAME = 150
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")

PDF, PNG, JPEG = "application/pdf", "image/png", "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

# extension -> the content type it must turn out to be
EXTENSIONS = {"pdf": PDF, "png": PNG, "jpg": JPEG, "jpeg": JPEG, "docx": DOCX, "xlsx": XLSX, "pptx": PPTX}
# The main part's content type in [Content_Types].xml of each Office kind (macro-enabled kinds differ).
_OOXML_MAIN = {
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
_TYPES_XML_MAX = 256 * 1024  # a real [Content_Types].xml is a few kB; never inflate a bomb
ACCEPT = ",".join(f".{ext}" for ext in EXTENSIONS)  # the file input's accept attribute


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed: what to store and show."""

    upload: UploadedFile
    filename: str
    content_type: str
    size: int
    sha256: str


def max_bytes() -> int:
    return settings.MATCH_ATTACHMENT_MAX_BYTES


def max_files() -> int:
    return settings.MATCH_ATTACHMENT_MAX_FILES


def size_label(size: int) -> str:
    """10485760 -> "10 MB"; 2048 -> "2 KB" (numbers, so both languages read it)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.3g} MB"
    return f"{max(1, round(size / 1024))} KB"


def install_limit(request: HttpRequest) -> LimitedUploadHandler:
    """The upload limit, first in ``request``'s handlers (before anything reads POST or FILES)."""
    return install_upload_limit(request, max_bytes=max_bytes(), max_files=max_files())


def limit_errors(handler: LimitedUploadHandler | None) -> list[str]:
    """Why the upload was stopped while it streamed in, if it was."""
    errors = []
    if handler is not None and handler.exceeded:
        errors.append(_("A file is larger than %(size)s; send a smaller file or a link.") % {"size": size_label(max_bytes())})
    if handler is not None and handler.too_many:
        errors.append(too_many_text())
    return errors


def too_many_text() -> str:
    n = max_files()
    return ngettext("Attach at most %(n)d file to a message.", "Attach at most %(n)d files to a message.", n) % {"n": n}


def clean_filename(raw: str) -> str:
    """The name shown to people: no folders, no control or direction characters, at most 150 characters
    (keeping the extension)."""
    name = unicodedata.normalize("NFC", raw or "")
    name = _CONTROL.sub("", name)
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip().strip(".").strip()
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else name[:MAX_NAME]
    return name


def _extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def _head_tail(upload: UploadedFile) -> tuple[bytes, bytes]:
    upload.seek(0)
    head = upload.read(16)
    size = upload.size or 0
    upload.seek(max(0, size - 1024))
    tail = upload.read(1024)
    upload.seek(0)
    return head, tail


def sniff(upload: UploadedFile) -> str | None:
    """The allowed content type the bytes are, or None. Also refuses cut-off files: a PDF without its
    ``%%EOF``, a PNG without ``IEND``, a JPEG without its end marker, a zip without its directory."""
    head, tail = _head_tail(upload)
    if head.startswith(b"%PDF-"):
        return PDF if b"%%EOF" in tail else None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG if b"IEND\xaeB`\x82" in tail else None
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG if b"\xff\xd9" in tail else None
    if head.startswith(b"PK\x03\x04"):
        return _ooxml_kind(upload)
    return None


def _ooxml_kind(upload: UploadedFile) -> str | None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > _TYPES_XML_MAX:
                return None
            types = archive.read(info)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        return None
    finally:
        upload.seek(0)
    text = types.decode("utf-8", errors="replace")
    for kind, main in _OOXML_MAIN.items():
        if f'ContentType="{main}"' in text or f"ContentType='{main}'" in text:
            return kind
    return None


def _digest(upload: UploadedFile) -> str:
    h = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        h.update(chunk)
    upload.seek(0)
    return h.hexdigest()


def check_file(upload: UploadedFile) -> CheckedFile:
    """One upload, or a ValidationError that names the file and says what to do."""
    name = clean_filename(upload.name or "")
    shown = name or _("(no name)")
    ext = _extension(name)
    if ext not in EXTENSIONS:
        raise ValidationError(_("“%(name)s”: only PDF, PowerPoint (.pptx), Word (.docx), Excel (.xlsx), PNG and "
                                "JPEG files can be attached.") % {"name": shown}, code="type")
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": shown}, code="empty")
    if size > max_bytes():
        raise ValidationError(_("“%(name)s” is larger than %(size)s; send a smaller file or a link.")
                              % {"name": shown, "size": size_label(max_bytes())}, code="size")
    kind = sniff(upload)
    if kind != EXTENSIONS[ext]:
        raise ValidationError(_("“%(name)s” is not a valid %(ext)s file (its contents do not match its name, or it "
                                "is damaged).") % {"name": shown, "ext": ext.upper()}, code="content")
    return CheckedFile(upload=upload, filename=name, content_type=kind, size=size, sha256=_digest(upload))


def check_files(uploads: Sequence[UploadedFile]) -> list[CheckedFile]:
    """All of a message's uploads, or one ValidationError listing every problem."""
    if len(uploads) > max_files():
        raise ValidationError(too_many_text(), code="too_many")
    checked, errors = [], []
    for upload in uploads:
        try:
            checked.append(check_file(upload))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return checked


def download_url(match_id: int, attachment_id: int) -> str:
    return reverse("matches:attachment", args=[match_id, attachment_id])
