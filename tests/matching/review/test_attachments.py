"""Attachments on match messages (issue 13, "Contacts and privacy"; issue 14, uploads): allowed by extension AND
by their bytes, at most 3 of at most MATCH_ATTACHMENT_MAX_BYTES each, stopped while they stream in (never
stored past the limit), kept outside the web root under random names, served only to the two sides of the
match (managers and everyone else get 404), named (never attached) in the notice email."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.urls import reverse
from rest_framework.test import APIClient

from core.errors import DomainError
from core.uploads import PrivateStorage
from matching.models import Match, MatchMessage, MessageAttachment
from matching.review import attachments, conversation
from matching.review import services as review

from ..review_world import build_world

pytestmark = pytest.mark.django_db

# --- real files of each kind ----------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"

MAIN = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    "docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
}


def office(kind: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/content-types"><Override PartName="/main.xml" ContentType="{MAIN[kind]}"/></Types>')
        z.writestr("main.xml", "<x/>")
    return buf.getvalue()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture
def private_root(settings, tmp_path) -> Path:
    root = tmp_path / "private"
    settings.PRIVATE_MEDIA_ROOT = str(root)
    return root


@pytest.fixture
def w(private_root):
    w = build_world()
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    review.match_accept(user=w.tto, match_id=w.match.pk)
    w.match = Match.objects.get(pk=w.match.pk)
    return w


def send_url(w) -> str:
    return reverse("matches:message_files", args=[w.match.pk])


def flash(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


# --- what is accepted -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "kind"), [
    ("deck.pdf", PDF, attachments.PDF),
    ("logo.PNG", png(), attachments.PNG),
    ("photo.jpeg", JPEG, attachments.JPEG),
    ("one-pager.docx", office("docx"), attachments.DOCX),
    ("budget.xlsx", office("xlsx"), attachments.XLSX),
    ("pitch.pptx", office("pptx"), attachments.PPTX),
])
def test_each_allowed_kind_is_accepted_with_our_content_type(name, data, kind):
    checked = attachments.check_file(upload(name, data, content_type="text/html"))  # the browser's type is ignored
    assert (checked.content_type, checked.size, checked.filename) == (kind, len(data), name)
    assert len(checked.sha256) == 64


@pytest.mark.parametrize(("name", "data", "why"), [
    ("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "not a valid PDF"),  # an .exe renamed
    ("cut.pdf", PDF[:30], "not a valid PDF"),  # truncated: no %%EOF
    ("cut.png", png()[:40], "not a valid PNG"),
    ("cut.docx", office("docx")[:60], "not a valid DOCX"),  # no central directory
    ("macro.docx", office("docm"), "not a valid DOCX"),  # a macro-enabled document renamed
    ("sheet.docx", office("xlsx"), "not a valid DOCX"),  # right family, wrong kind
    ("image.png", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "not a valid PNG"),
    ("deck.pdf.png", PDF, "not a valid PNG"),
    ("image.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "only PDF"),
    ("page.html", b"<html><script>alert(1)</script></html>", "only PDF"),
    ("run.exe", b"MZ\x90\x00", "only PDF"),
    ("noextension", PDF, "only PDF"),
    ("empty.pdf", b"", "is empty"),
])
def test_wrong_or_damaged_files_are_refused_with_a_clear_reason(name, data, why):
    with pytest.raises(Exception) as exc:
        attachments.check_file(upload(name, data))
    assert why in " ".join(exc.value.messages)


def test_file_names_are_cleaned_for_display():
    assert attachments.clean_filename("../../etc/passwd\x00.pdf") == "passwd.pdf"
    assert attachments.clean_filename("C:\\Users\\me\\발표자료.pdf") == "발표자료.pdf"
    assert attachments.clean_filename("evil\u202egpj.pdf") == "evilgpj.pdf"  # no right-to-left override
    long = attachments.clean_filename("x" * 400 + ".pptx")
    assert len(long) == attachments.MAX_NAME and long.endswith(".pptx")


def test_private_storage_has_no_url_and_refuses_a_public_root(settings, tmp_path):
    storage = PrivateStorage()
    with pytest.raises(ValueError):
        storage.url("x")
    settings.PRIVATE_MEDIA_ROOT = str(Path(settings.MEDIA_ROOT) / "private")
    with pytest.raises(Exception, match="PRIVATE_MEDIA_ROOT"):
        storage.save("x", io.BytesIO(b"x"))


def test_the_default_private_root_is_outside_the_web_root():
    from config.settings import base
    root = Path(base.PRIVATE_MEDIA_ROOT).resolve()
    for public in (base.MEDIA_ROOT, base.STATIC_ROOT, *base.STATICFILES_DIRS):
        assert Path(public).resolve() not in [root, *root.parents]


# --- sending on the match page -----------------------------------------------------------------------------------

def test_firm_sends_files_on_the_match_page_stored_privately_under_random_names(client, w, private_root,
                                                                              django_capture_on_commit_callbacks):
    client.force_login(w.startup)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(send_url(w), {"body": "Our deck and a photo.",
                                      "files": [upload("우리 회사 deck.pdf", PDF, "application/pdf"), upload("lab.jpg", JPEG)]})
    assert r.status_code == 302 and r["Location"].endswith("#thread")
    msg = MatchMessage.objects.get(match=w.match)
    rows = list(msg.attachments.order_by("id"))
    assert [(a.filename, a.content_type, a.size) for a in rows] == [
        ("우리 회사 deck.pdf", "application/pdf", len(PDF)), ("lab.jpg", "image/jpeg", len(JPEG))]
    for row in rows:
        stored = Path(row.file.path)
        assert private_root in stored.parents and stored.read_bytes() in (PDF, JPEG)
        assert "deck" not in stored.name and "lab" not in stored.name and "." not in stored.name
        assert stored.stat().st_mode & 0o077 == 0  # this process only
    # The hospital is told by email: the names, never the files or the text.
    assert mail.outbox
    for sent in mail.outbox:
        assert not sent.attachments
        text = sent.body + "".join(a[0] for a in getattr(sent, "alternatives", []))
        assert "우리 회사 deck.pdf" in text and "lab.jpg" in text and "Our deck and a photo" not in text
    # Both sides see them on the match page with a download link.
    for user in (w.startup, w.tto):
        client.force_login(user)
        page = client.get(reverse("matches:detail", args=[w.match.pk])).content.decode()
        for row in rows:
            assert reverse("matches:attachment", args=[w.match.pk, row.pk]) in page
        assert "우리 회사 deck.pdf" in page and 'enctype="multipart/form-data"' in page


def test_a_message_may_be_files_alone_but_not_empty(client, w):
    client.force_login(w.tto)
    client.post(send_url(w), {"body": "", "files": [upload("scan.png", png())]})
    assert MessageAttachment.objects.filter(message__match=w.match).count() == 1
    r = client.post(send_url(w), {"body": "  "})
    assert "Write a message first." in flash(r)
    assert MatchMessage.objects.filter(match=w.match).count() == 1


@pytest.mark.parametrize(("files", "expected"), [
    ([("setup.pdf", b"MZ\x90\x00" + b"\x00" * 100)], "“setup.pdf” is not a valid PDF file"),
    ([("cut.pdf", PDF[:20])], "“cut.pdf” is not a valid PDF file"),
    ([("drawing.svg", b"<svg/>")], "“drawing.svg”: only PDF, PowerPoint (.pptx), Word (.docx), Excel (.xlsx), PNG and JPEG"),
    ([(f"f{i}.pdf", PDF) for i in range(4)], "Attach at most 3 files to a message."),
])
def test_refused_uploads_say_why_and_store_nothing(client, w, private_root, files, expected):
    client.force_login(w.startup)
    r = client.post(send_url(w), {"body": "see attached", "files": [upload(n, d) for n, d in files]})
    assert r.status_code == 302
    assert expected in flash(r)
    assert not MatchMessage.objects.filter(match=w.match).exists()
    assert not private_root.exists() or not any(p.is_file() for p in private_root.rglob("*"))


def test_a_nul_byte_in_the_file_name_is_dropped_not_a_500(client, w):
    client.force_login(w.startup)
    r = client.post(send_url(w), {"body": "x", "files": [upload("deck\x00.pdf", PDF)]})
    assert r.status_code == 302
    row = MessageAttachment.objects.get(message__match=w.match)
    assert "\x00" not in row.filename and row.filename.endswith(".pdf")


def test_nobody_but_the_two_sides_of_a_connected_match_can_send(client, w):
    for user in (w.other_firm_user, w.manager, w.other_tto):
        client.force_login(user)
        assert client.post(send_url(w), {"body": "hi", "files": [upload("d.pdf", PDF)]}).status_code == 404
    assert client.post(reverse("matches:message_files", args=[10**18]), {"body": "hi"}).status_code == 404
    client.logout()
    assert client.post(send_url(w), {"body": "hi"}).status_code == 302  # to the sign-in page
    assert not MatchMessage.objects.exists()


def test_the_service_refuses_too_many_files(w):
    checked = [attachments.check_file(upload(f"f{i}.pdf", PDF)) for i in range(4)]
    with pytest.raises(DomainError):
        conversation.message_send(user=w.startup, match_id=w.match.pk, body="x", files=checked)


# --- the limit holds while the upload streams in -------------------------------------------------------------------

received: list[int] = []


class CountingHandler(FileUploadHandler):
    """A real handler placed behind the limit: records how many bytes of a file ever reached the storing handlers."""

    def new_file(self, *args, **kwargs):
        received.append(0)

    def receive_data_chunk(self, raw_data, start):
        received[-1] += len(raw_data)
        return raw_data

    def file_complete(self, file_size):
        return None


@pytest.fixture
def counting(settings):
    received.clear()
    settings.FILE_UPLOAD_HANDLERS = [f"{__name__}.CountingHandler",
                                     "django.core.files.uploadhandler.MemoryFileUploadHandler",
                                     "django.core.files.uploadhandler.TemporaryFileUploadHandler"]
    settings.MATCH_ATTACHMENT_MAX_BYTES = 200 * 1024
    return received


def test_an_oversize_file_is_stopped_at_the_limit_and_explained(client, w, counting, private_root):
    client.force_login(w.startup)
    big = PDF[:-6] + b"0" * (600 * 1024) + b"%%EOF\n"
    r = client.post(send_url(w), {"body": "big deck", "files": [upload("big.pdf", big)]})
    assert r.status_code == 302
    assert "A file is larger than 200 KB; send a smaller file or a link." in flash(r)
    # What reached the storing handlers: at most the limit plus one chunk (64 KB), never the 600 KB.
    assert counting and max(counting) <= 200 * 1024 + 64 * 1024
    assert not MatchMessage.objects.exists()
    assert not private_root.exists() or not any(p.is_file() for p in private_root.rglob("*"))


class OneGigabyte(io.RawIOBase):
    """A 1 GB multipart body made up as it is read (never held in memory); counts what the server read."""

    BOUNDARY = "cl-boundary"

    def __init__(self, csrf_fields: bytes = b"") -> None:
        head = (f"--{self.BOUNDARY}\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nhuge\r\n"
                f"--{self.BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.pdf\"\r\n"
                "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").encode()
        self.head, self.size, self.pos = head, 1 << 30, 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = self.size - self.pos if n is None or n < 0 else min(n, self.size - self.pos)
        out = bytearray()
        if self.pos < len(self.head):
            out += self.head[self.pos:self.pos + n]
        out += b"A" * (n - len(out))
        self.pos += n
        return bytes(out)


def test_a_1_gb_upload_is_refused_without_reading_it(client, w, counting):
    client.force_login(w.startup)
    body = OneGigabyte()
    r = client.generic("POST", send_url(w), b"", **{
        "wsgi.input": body, "CONTENT_LENGTH": str(body.size),
        "CONTENT_TYPE": f"multipart/form-data; boundary={OneGigabyte.BOUNDARY}"})
    assert r.status_code == 302
    assert "larger than 200 KB" in flash(r)
    assert body.pos < 1024 * 1024, body.pos  # read: the headers and one chunk, not the gigabyte
    assert not any(counting)
    assert not MatchMessage.objects.exists()


# --- reading ------------------------------------------------------------------------------------------------------

@pytest.fixture
def sent(w):
    msg = conversation.message_send(user=w.startup, match_id=w.match.pk, body="deck",
                                    files=[attachments.check_file(upload("deck.pdf", PDF))])
    return msg.attachments.get()


def test_the_two_sides_download_it_as_an_attachment_with_safe_headers(client, w, sent):
    url = reverse("matches:attachment", args=[w.match.pk, sent.pk])
    for user in (w.startup, w.tto, w.hospital_admin):
        client.force_login(user)
        r = client.get(url)
        assert r.status_code == 200
        assert b"".join(r.streaming_content) == PDF
        assert r["Content-Type"] == "application/pdf"
        assert r["Content-Disposition"].startswith("attachment;") and "deck.pdf" in r["Content-Disposition"]
        assert r["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in r["Content-Security-Policy"] and "no-store" in r["Cache-Control"]


def test_everyone_else_gets_404_managers_included(client, w, sent):
    url = reverse("matches:attachment", args=[w.match.pk, sent.pk])
    for user in (w.other_firm_user, w.other_tto, w.manager, w.outsider):
        client.force_login(user)
        assert client.get(url).status_code == 404, user
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page
    # Another match of the same people cannot be used to reach it, nor can a made-up id.
    other = Match.objects.create(need=w.need, counterpart=w.other_tto.memberships.get().organization, score=0.5)
    client.force_login(w.startup)
    assert client.get(reverse("matches:attachment", args=[other.pk, sent.pk])).status_code == 404
    assert client.get(reverse("matches:attachment", args=[w.match.pk, 10**18])).status_code == 404


def test_a_closed_match_keeps_its_files_closed(client, w, sent):
    Match.objects.filter(pk=w.match.pk).update(status="closed")
    client.force_login(w.startup)
    assert client.get(reverse("matches:attachment", args=[w.match.pk, sent.pk])).status_code == 404


def test_deleting_the_row_removes_the_file(w, sent, django_capture_on_commit_callbacks):
    path = Path(sent.file.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        sent.message.delete()
    assert not path.exists()


def test_admin_lists_metadata_only(client, w, sent):
    from tests.factories import UserFactory
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    listing = client.get(reverse("admin:matching_messageattachment_changelist"))
    assert listing.status_code == 200 and "deck.pdf" in listing.content.decode()
    detail = client.get(reverse("admin:matching_messageattachment_change", args=[sent.pk]))
    assert detail.status_code == 200
    assert sent.sha256 in detail.content.decode() and sent.file.name not in detail.content.decode()


# --- the API ------------------------------------------------------------------------------------------------------

def test_api_sends_files_multipart_and_lists_them(w, private_root):
    api = APIClient()
    api.force_login(w.startup)
    url = f"/api/v1/matches/{w.match.pk}/messages/"
    r = api.post(url, {"body": "deck attached", "files": [upload("deck.pdf", PDF), upload("plan.xlsx", office("xlsx"))]},
                 format="multipart")
    assert r.status_code == 201, r.content
    assert [a["filename"] for a in r.json()["attachments"]] == ["deck.pdf", "plan.xlsx"]
    api.force_login(w.tto)
    listed = api.get(url).json()["results"]  # the API's pagination
    files = listed[0]["attachments"]
    assert files[0]["content_type"] == "application/pdf" and files[0]["size"] == len(PDF)
    assert files[0]["url"] == reverse("matches:attachment", args=[w.match.pk, files[0]["id"]])
    assert "files" not in listed[0]
    # JSON without files works as before.
    assert api.post(url, {"body": "thanks"}, format="json").status_code == 201


def test_api_refuses_bad_files_with_400(w, settings):
    api = APIClient()
    api.force_login(w.startup)
    url = f"/api/v1/matches/{w.match.pk}/messages/"
    r = api.post(url, {"body": "x", "files": [upload("setup.pdf", b"MZ" + b"\x00" * 50)]}, format="multipart")
    assert r.status_code == 400 and "not a valid PDF" in str(r.json())
    settings.MATCH_ATTACHMENT_MAX_BYTES = 1024
    r = api.post(url, {"body": "x", "files": [upload("big.pdf", PDF + b"0" * 4096 + b"%%EOF")]}, format="multipart")
    assert r.status_code == 400 and "larger than 1 KB" in str(r.json())
    assert r.json()["files"]
    assert api.post(url, {"body": ""}, format="json").status_code == 400
    assert not MatchMessage.objects.exists()


def test_with_csrf_enforced_the_limit_still_holds_on_the_page_and_the_api(w, counting):
    """The CSRF check reads the body first: the limit is in place before it (page) and before DRF's (API)."""
    from django.test import Client
    big = PDF[:-6] + b"0" * (600 * 1024) + b"%%EOF\n"
    page = Client(enforce_csrf_checks=True)
    page.force_login(w.startup)
    page.get(reverse("matches:detail", args=[w.match.pk]))
    token = page.cookies["csrftoken"].value
    r = page.post(send_url(w), {"csrfmiddlewaretoken": token, "body": "big", "files": [upload("big.pdf", big)]})
    assert r.status_code == 302 and "larger than 200 KB" in flash(r)
    r = page.post(send_url(w), {"csrfmiddlewaretoken": token, "body": "ok", "files": [upload("deck.pdf", PDF)]})
    assert r.status_code == 302 and MessageAttachment.objects.count() == 1
    assert page.post(send_url(w), {"body": "no token"}).status_code == 403

    api = APIClient(enforce_csrf_checks=True)
    api.force_login(w.startup)
    url = f"/api/v1/matches/{w.match.pk}/messages/"
    r = api.post(url, {"body": "big", "files": [upload("big.pdf", big)]}, format="multipart", HTTP_X_CSRFTOKEN=token,
                 HTTP_COOKIE=f"csrftoken={token}; sessionid={page.cookies['sessionid'].value}")
    assert r.status_code == 400 and "larger than 200 KB" in str(r.json())
    r = api.post(url, {"body": "ok", "files": [upload("deck2.pdf", PDF)]}, format="multipart", HTTP_X_CSRFTOKEN=token,
                 HTTP_COOKIE=f"csrftoken={token}; sessionid={page.cookies['sessionid'].value}")
    assert r.status_code == 201, r.content
    assert max(counting) <= 200 * 1024 + 64 * 1024
