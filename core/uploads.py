"""Uploads that are limited while they stream in, and a storage for files that must never have a URL.

``LimitedUploadHandler`` goes first in a request's upload handlers (``install_upload_limit``) before
anything reads ``request.POST``/``FILES``: it counts every file's bytes as the multipart parser hands them
on and stops the upload (``StopUpload``) as soon as one file passes ``max_bytes`` or there are more than
``max_files`` files, so the handlers behind it (memory, then a temporary file) never receive more than
the limit: a 1 GB upload is never written to disk. A body far over what the limits allow (its
Content-Length) is cut at the first file without reading the rest. The view asks the handler what
happened (``exceeded`` / ``too_many``) and says so in a form error.

``PrivateStorage`` is a FileSystemStorage under ``settings.PRIVATE_MEDIA_ROOT`` (read when used, so tests
can point it elsewhere) with no URL: its files are served only by views that check who is asking.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest
from django.utils.deconstruct import deconstructible

# Headers, boundaries and the small form fields next to the files.
BODY_MARGIN = 1024 * 1024


class LimitedUploadHandler(FileUploadHandler):
    """Passes file data on to the next handler until a file passes ``max_bytes`` or a request carries more
    than ``max_files`` files; then stops the upload."""

    def __init__(self, request: HttpRequest | None = None, *, max_bytes: int, max_files: int) -> None:
        super().__init__(request)
        self.max_bytes = max_bytes
        self.max_files = max_files
        self.files = 0
        self.received = 0
        self.exceeded = False  # a file was larger than max_bytes (or the whole body far too large)
        self.too_many = False
        self._hopeless = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # Far more than max_files files of max_bytes could be: no need to read any of it.
        self._hopeless = content_length > self.max_files * self.max_bytes + BODY_MARGIN
        return None  # the normal multipart parsing goes on

    def new_file(self, field_name, file_name, content_type, content_length, charset=None, content_type_extra=None):
        if self._hopeless:
            self.exceeded = True
            # connection_reset: the parser stops reading the body here (nothing more is read or stored).
            raise StopUpload(connection_reset=True)
        self.files += 1
        self.received = 0
        if self.files > self.max_files:
            self.too_many = True
            raise StopUpload(connection_reset=False)  # the rest is read and thrown away, never stored
        return None

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self.exceeded = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int):
        return None  # the next handler (memory or temporary file) builds the file


def install_upload_limit(request: HttpRequest, *, max_bytes: int, max_files: int) -> LimitedUploadHandler:
    """Put a LimitedUploadHandler first in ``request``'s handlers; call before POST/FILES are read."""
    handler = LimitedUploadHandler(request, max_bytes=max_bytes, max_files=max_files)
    request.upload_handlers.insert(0, handler)
    return handler


def private_root() -> Path:
    """settings.PRIVATE_MEDIA_ROOT, refused when it lies where the web server serves files from."""
    root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    for public in (getattr(settings, "MEDIA_ROOT", ""), getattr(settings, "STATIC_ROOT", ""),
                   *getattr(settings, "STATICFILES_DIRS", [])):
        if public and (root == Path(public).resolve() or Path(public).resolve() in root.parents):
            raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must not lie inside MEDIA_ROOT or the static files.")
    return root


@deconstructible(path="core.uploads.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT: readable by this process only, no URL."""

    def __init__(self) -> None:
        super().__init__(base_url=None, file_permissions_mode=0o600, directory_permissions_mode=0o700)

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return str(private_root())

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL; serve them through a view that checks the reader.")
