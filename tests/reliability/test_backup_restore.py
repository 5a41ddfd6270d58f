"""Backup and restore round trip on real PostgreSQL (pg_dump/pg_restore), and the SQLite fallback.

A small world with every kind of record people create (organisations and people, listings in Korean,
a match taken to `connected` with its events and introduction linkage, a message with an attached
PDF, an event with registrations, a mentor) is backed up with `manage.py backup`, restored with
`manage.py restore` into a second, empty database created here, and compared table by table and
on the contents that break first (Korean text, the attachment's bytes).
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
import stat
import tarfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import Organization, User
from clusters.models import Linkage
from core.backup import TARGET_ALIAS, BackupError, create_backup, database, restore_backup, table_counts
from events.models import Registration
from events.registration import event_register
from matching.models import Listing, Match, MatchMessage, MessageAttachment
from matching.review import attachments, conversation
from matching.review import services as review
from mentoring.models import MentorProfile
from tests.factories import EventFactory, UserFactory
from tests.matching.review_world import MESSAGE_MARKER, NEED_MARKER, build_world
from tests.mentoring.world import mentor

PDF = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n" + "한글 본문".encode() * 50
KOREAN_NEED = "임상 1상 시험기관을 찾습니다: 항체 치료제"


def _postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump/pg_restore round trip: runs in the PostgreSQL pass")


@pytest.fixture
def restore_db():
    """A second, empty database next to the test database (test_cl_h4 -> test_cl_h4_restore)."""
    _postgres_only()
    name = f"{connection.settings_dict['NAME']}_restore"
    quoted = connection.ops.quote_name(name)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {quoted}")
    db = connection.settings_dict
    yield f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


@pytest.fixture
def roots(settings, tmp_path) -> dict[str, Path]:
    media, private = tmp_path / "media", tmp_path / "private-media"
    media.mkdir()
    (media / "imports").mkdir()
    (media / "imports" / "목록.csv").write_text("title\n임상 협력\n", encoding="utf-8")
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = str(media), str(private)
    return {"media": media, "private": private}


def build_representative_world() -> dict:
    w = build_world()
    Listing.objects.filter(pk=w.need.pk).update(title=KOREAN_NEED)
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    review.match_accept(user=w.tto, match_id=w.match.pk)  # connected: an introduction linkage
    checked = attachments.check_file(SimpleUploadedFile("발표자료.pdf", PDF, content_type="application/pdf"))
    conversation.message_send(user=w.startup, match_id=w.match.pk, body=MESSAGE_MARKER, files=[checked])
    event = EventFactory(title_ko="바이오 네트워킹의 밤")
    for user in (w.startup, w.tto):
        event_register(user=user, event_id=event.pk, organization_id=user.memberships.get().organization_id)
    mentor(name="김멘토", slugs=("oncology",))
    UserFactory(full_name="이영희")
    assert Linkage.objects.exists() and MessageAttachment.objects.count() == 1 and MentorProfile.objects.exists()
    assert Registration.objects.count() == 2
    return {"need": w.need.pk, "match": w.match.pk}


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_an_empty_database_with_every_row_and_file(restore_db, roots, tmp_path):
    ids = build_representative_world()
    archive = tmp_path / "backup.tar"
    source_counts = table_counts(connection)

    call_command("backup", str(archive))
    restored_private, restored_media = tmp_path / "restored-private", tmp_path / "restored-media"
    call_command("restore", str(archive), database_url=restore_db, private_media_root=str(restored_private),
                 media_root=str(restored_media))

    with database(restore_db) as target:
        assert table_counts(target) == source_counts
        assert sum(source_counts.values()) > 100  # a world, not an empty schema (taxonomy, people, matches...)
        assert Listing.objects.using(TARGET_ALIAS).get(pk=ids["need"]).title == KOREAN_NEED
        assert NEED_MARKER in Listing.objects.using(TARGET_ALIAS).get(pk=ids["need"]).description
        assert Organization.objects.using(TARGET_ALIAS).get(name_en="Han River Hospital").name_ko == "한강병원"
        assert User.objects.using(TARGET_ALIAS).filter(full_name="이영희").exists()
        assert Match.objects.using(TARGET_ALIAS).get(pk=ids["match"]).status == Match.objects.get(pk=ids["match"]).status
        message = MatchMessage.objects.using(TARGET_ALIAS).get(body=MESSAGE_MARKER)
        attachment = MessageAttachment.objects.using(TARGET_ALIAS).get(message=message)
        assert attachment.filename == "발표자료.pdf"
        assert (restored_private / attachment.file.name).read_bytes() == PDF
        assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
        assert (restored_media / "imports" / "목록.csv").read_text(encoding="utf-8") == "title\n임상 협력\n"
        # Sequences came along: a new row gets a fresh id, not one of the restored ones.
        new = UserFactory._meta.model.objects.db_manager(TARGET_ALIAS).create_user(email="new@example.kr", password="x")
        assert new.pk > max(User.objects.values_list("pk", flat=True))


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_with_tables_unless_forced(restore_db, roots, tmp_path, capsys):
    UserFactory(full_name="처음 사람")
    first = tmp_path / "first.tar"
    call_command("backup", str(first))
    call_command("restore", str(first), database_url=restore_db, private_media_root=str(tmp_path / "p"),
                 media_root=str(tmp_path / "m"))
    capsys.readouterr()

    with pytest.raises(CommandError, match=r"Refusing to overwrite: the database \S+_restore has \d+ tables.*--force"):
        call_command("restore", str(first), database_url=restore_db, private_media_root=str(tmp_path / "p2"),
                     media_root=str(tmp_path / "m2"))

    UserFactory(full_name="두번째 사람")
    second = tmp_path / "second.tar"
    call_command("backup", str(second))
    call_command("restore", str(second), database_url=restore_db, force=True, private_media_root=str(tmp_path / "p"),
                 media_root=str(tmp_path / "m"))
    said = capsys.readouterr().out
    assert "Dropped the" in said and "every row count and file hash matches the archive" in said
    with database(restore_db) as target:
        assert set(User.objects.using(TARGET_ALIAS).values_list("full_name", flat=True)) == {"처음 사람", "두번째 사람"}
        assert table_counts(target) == table_counts(connection)


@pytest.mark.django_db(transaction=True)
def test_a_restore_into_the_wrong_engine_or_a_damaged_archive_is_refused(restore_db, roots, tmp_path):
    archive = tmp_path / "b.tar"
    call_command("backup", str(archive))
    with pytest.raises(BackupError, match="holds a postgresql database; the target is sqlite"):
        restore_backup(archive, url=f"sqlite:///{tmp_path / 'x.sqlite3'}")
    (tmp_path / "junk.tar").write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="is not a ClusterLink backup archive"):
        call_command("restore", str(tmp_path / "junk.tar"), database_url=restore_db)
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(archive))

    # A dump cut short inside a good archive: pg_restore fails, in one transaction, so nothing is half-restored.
    cut = tmp_path / "cut.tar"
    with tarfile.open(archive) as good, tarfile.open(cut, "w") as bad:
        for member in good.getmembers():
            data = good.extractfile(member).read()
            if member.name == "database.dump":
                data = data[: len(data) // 2]
                member.size = len(data)
            bad.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match=r"pg_restore failed .*Nothing was restored"):
        call_command("restore", str(cut), database_url=restore_db, media_root=str(tmp_path / "m"),
                     private_media_root=str(tmp_path / "p"))
    with database(restore_db) as target:
        assert target.introspection.table_names() == []


@pytest.mark.django_db  # pytest-django guards every connection, this file's own included
def test_sqlite_backup_is_a_consistent_copy_that_restores_with_korean_text(tmp_path):
    """The embedded default: SQLite's online backup API, restored into another SQLite file."""
    source = tmp_path / "source.sqlite3"
    db = sqlite3.connect(source)
    db.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    db.executemany("INSERT INTO note (body) VALUES (?)", [("임상시험 협력",), ("data access",)])
    db.commit()
    db.close()
    private = tmp_path / "private"
    (private / "match-attachments").mkdir(parents=True)
    (private / "match-attachments" / "a1").write_bytes(PDF)
    roots = {"media": tmp_path / "no-media", "private-media": private}

    made = create_backup(tmp_path / "b.tar", url=f"sqlite:///{source}", roots=roots)
    target = tmp_path / "restored.sqlite3"
    back = restore_backup(tmp_path / "b.tar", url=f"sqlite:///{target}",
                          roots={"media": tmp_path / "m2", "private-media": tmp_path / "p2"})

    assert made.tables == back.tables == {"note": 2}
    assert sqlite3.connect(target).execute("SELECT body FROM note ORDER BY id").fetchall() == [("임상시험 협력",), ("data access",)]
    assert (tmp_path / "p2" / "match-attachments" / "a1").read_bytes() == PDF
    with pytest.raises(BackupError, match="Refusing to overwrite"):
        restore_backup(tmp_path / "b.tar", url=f"sqlite:///{target}", roots={"media": tmp_path / "m3", "private-media": tmp_path / "p3"})

    # The archive is the owner's alone (password hashes, sessions, private attachments).
    assert stat.S_IMODE((tmp_path / "b.tar").stat().st_mode) == 0o600
    # --force replaces: files that are not in the archive do not survive in the upload folders.
    (tmp_path / "p2" / "left-over.pdf").write_bytes(PDF)
    restore_backup(tmp_path / "b.tar", url=f"sqlite:///{target}", force=True,
                   roots={"media": tmp_path / "m2", "private-media": tmp_path / "p2"})
    assert not (tmp_path / "p2" / "left-over.pdf").exists()
    assert (tmp_path / "p2" / "match-attachments" / "a1").read_bytes() == PDF
    # A manifest naming a database file outside the archive's own names is refused before anything is written.
    evil = tmp_path / "evil.tar"
    with tarfile.open(tmp_path / "b.tar") as good, tarfile.open(evil, "w") as bad:
        for member in good.getmembers():
            data = good.extractfile(member).read()
            if member.name == "manifest.json":
                data = data.replace(b'"database.sqlite3"', b'"../escaped.sqlite3"')
                member.size = len(data)
            bad.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match="unexpected database file"):
        restore_backup(evil, url=f"sqlite:///{tmp_path / 'other.sqlite3'}", roots={
            "media": tmp_path / "m4", "private-media": tmp_path / "p4"})
    assert not (tmp_path.parent / "escaped.sqlite3").exists()
