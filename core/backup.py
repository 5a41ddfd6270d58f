"""Backup and restore of the whole platform: the database and the uploaded files, in one archive.

An archive is an uncompressed tar holding

- ``manifest.json``: format version, time, database engine, the latest applied migration per app,
  the row count of every table and the SHA-256 of every file, all taken from the same snapshot;
- ``database.dump`` on PostgreSQL: ``pg_dump --format=custom`` (compressed, restorable table by
  table with ``pg_restore``, the format PostgreSQL's own documentation recommends), or
  ``database.sqlite3`` on SQLite: a consistent copy made with SQLite's online backup API;
- ``media/...`` (MEDIA_ROOT) and ``private-media/...`` (PRIVATE_MEDIA_ROOT, message attachments).

On PostgreSQL the row counts are read inside a repeatable-read transaction whose snapshot ``pg_dump``
shares (``--snapshot``), so the manifest describes exactly what was dumped even while the site is
being written to. Files are copied after the database: a file uploaded meanwhile is an extra, never
a missing one.

``restore`` refuses a target database that has any table (or upload roots that have files) unless
``force`` is given; with ``force`` it drops the target's tables first (a restore that then fails leaves
the database empty, and says so: the restore itself is one transaction). After restoring it counts
the rows of every table and hashes every file again and fails loudly on any difference from the manifest.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections
from django.utils import timezone

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
# Archive folder -> setting naming the directory it comes from / goes back to.
FILE_ROOTS = {"media": "MEDIA_ROOT", "private-media": "PRIVATE_MEDIA_ROOT"}
TARGET_ALIAS = "backup_restore_target"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass
class Report:
    """What a backup or restore did, for the command to print."""

    engine: str
    tables: dict[str, int]
    files: dict[str, str] = field(default_factory=dict)  # archive name -> sha256
    migrations: dict[str, str] = field(default_factory=dict)
    created_at: str = ""
    dropped_tables: int = 0

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


# --- connections -----------------------------------------------------------------------------------


@contextmanager
def database(url: str | None = None, alias: str = "default") -> Iterator[Any]:
    """The Django connection for ``alias``, or for a DATABASE_URL-style ``url`` (an extra alias that is
    closed and forgotten afterwards)."""
    if not url:
        yield connections[alias]
        return
    import environ
    from django.db.utils import load_backend

    # configure_settings fills in Django's defaults (ATOMIC_REQUESTS, TIME_ZONE, TEST...); it insists on 'default'.
    config = connections.configure_settings({"default": environ.Env.db_url_config(url)})["default"]
    connection = load_backend(config["ENGINE"]).DatabaseWrapper(config, TARGET_ALIAS)
    connection.connect()  # connected before it is registered: the ORM may use the alias while it lasts
    connections.settings[TARGET_ALIAS] = config
    connections[TARGET_ALIAS] = connection
    try:
        yield connection
    finally:
        connection.close()
        del connections[TARGET_ALIAS]
        connections.settings.pop(TARGET_ALIAS, None)


def _engine(connection) -> str:
    if connection.vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _pg_env(connection) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore, the password in the environment (never argv)."""
    db = connection.settings_dict
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _pg_tool(name: str, connection) -> str:
    """The pg_dump/pg_restore to use: PG_BIN_DIR if set, else the one on PATH; its major version must
    not be older than the server's (an older pg_dump refuses a newer server, and says so late)."""
    bin_dir = os.environ.get("PG_BIN_DIR", "")
    tool = str(Path(bin_dir) / name) if bin_dir else shutil.which(name)
    if not tool or not Path(tool).exists():
        raise BackupError(f"{name} was not found; install the PostgreSQL client of the server's version "
                          f"or set PG_BIN_DIR to its bin directory.")
    out = subprocess.run([tool, "--version"], capture_output=True, text=True, check=True).stdout  # noqa: S603 - our own argv
    found = re.search(r"\)\s+(\d+)", out)  # "pg_dump (PostgreSQL) 15.20 (Debian ...)"
    if found is None:
        raise BackupError(f"Could not read the version of {name} from {out.strip()!r}.")
    client_major = int(found.group(1))
    server_major = connection.cursor().connection.info.server_version // 10000
    if client_major < server_major:
        raise BackupError(f"{name} {client_major} is older than the server ({server_major}); "
                          f"set PG_BIN_DIR to the bin directory of PostgreSQL {server_major} or newer.")
    return tool


def _run(argv: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(argv, capture_output=True, text=True, env=env)  # noqa: S603 - argv built here, no shell
    if result.returncode != 0:
        raise BackupError(f"{Path(argv[0]).name} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")


# --- counting --------------------------------------------------------------------------------------


def _count_rows(cursor, tables: list[str], quote) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - a quoted name from the catalogue
        counts[table] = cursor.fetchone()[0]
    return counts


def _latest_migrations(counts: dict[str, int], cursor) -> dict[str, str]:
    if "django_migrations" not in counts:
        return {}
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    latest: dict[str, str] = {}
    for app, name in cursor.fetchall():
        latest[app] = name  # names sort by their number prefix
    return latest


def table_counts(connection) -> dict[str, int]:
    """Rows per table of the database behind ``connection`` (every table, Django's or not)."""
    with connection.cursor() as cursor:
        return _count_rows(cursor, connection.introspection.table_names(cursor), connection.ops.quote_name)


def _quote_sqlite(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_counts(path: Path) -> tuple[dict[str, int], dict[str, str]]:
    db = sqlite3.connect(path)
    try:
        cursor = db.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        counts = _count_rows(cursor, [r[0] for r in cursor.fetchall()], _quote_sqlite)
        return counts, _latest_migrations(counts, cursor)
    finally:
        db.close()


# --- files -----------------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _roots(overrides: dict[str, str | Path] | None) -> dict[str, Path]:
    overrides = overrides or {}
    return {folder: Path(overrides.get(folder) or getattr(settings, setting)) for folder, setting in FILE_ROOTS.items()}


def _files_under(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


# --- backup ----------------------------------------------------------------------------------------


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def _dump_postgresql(connection, target: Path) -> tuple[dict[str, int], dict[str, str]]:
    tool = _pg_tool("pg_dump", connection)
    args, env = _pg_env(connection)
    # A fresh connection of our own: its repeatable-read snapshot is exported to pg_dump.
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = False
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            tables = connection.introspection.table_names(cursor)
            counts = _count_rows(cursor, tables, connection.ops.quote_name)
            migrations = _latest_migrations(counts, cursor)
            _run([tool, *args, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                  "--file", str(target)], env)
        raw.rollback()
    finally:
        raw.close()
    return counts, migrations


def _copy_sqlite(connection, target: Path) -> tuple[dict[str, int], dict[str, str]]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # SQLite's online backup: consistent while others write
    finally:
        copy.close()
    return _sqlite_counts(target)


def create_backup(path: Path, *, url: str | None = None, alias: str = "default",
                  roots: dict[str, str | Path] | None = None) -> Report:
    """Write the archive ``path`` (the database and both upload roots) and return what it holds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with database(url, alias) as connection, tempfile.TemporaryDirectory(prefix="clusterlink-backup-") as tmp:
        engine = _engine(connection)
        db_file = Path(tmp) / (PG_DUMP if engine == "postgresql" else SQLITE_COPY)
        if engine == "postgresql":
            counts, migrations = _dump_postgresql(connection, db_file)
        else:
            counts, migrations = _copy_sqlite(connection, db_file)
        report = Report(engine=engine, tables=counts, migrations=migrations, created_at=timezone.now().isoformat())
        partial = path.with_name(path.name + ".partial")  # never a half-written archive under the real name
        # The archive holds password hashes, sessions, token keys and private attachments: owner-only from the start.
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as archive:
            archive.add(db_file, arcname=db_file.name)
            for folder, root in _roots(roots).items():
                for file in _files_under(root):
                    name = f"{folder}/{file.relative_to(root).as_posix()}"
                    report.files[name] = _sha256(file)
                    archive.add(file, arcname=name)
            manifest = {"format": FORMAT_VERSION, "created_at": report.created_at, "engine": engine,
                        "database_file": db_file.name, "migrations": migrations, "tables": counts,
                        "files": report.files}
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False).encode())
        partial.replace(path)
    return report


# --- restore ---------------------------------------------------------------------------------------


def read_manifest(path: Path) -> dict:
    try:
        with tarfile.open(path, "r") as archive:
            manifest = json.loads(archive.extractfile(MANIFEST).read())
    except (OSError, tarfile.TarError, KeyError, json.JSONDecodeError) as exc:
        raise BackupError(f"{path} is not a ClusterLink backup archive ({exc}).") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{path} has backup format {manifest.get('format')}; this version reads {FORMAT_VERSION}.")
    return manifest


def _drop_all_tables(connection) -> int:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            cascade = " CASCADE" if connection.vendor == "postgresql" else ""
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)}{cascade}")
        if connection.vendor == "postgresql":  # sequences owned by nobody (none today) would block the restore
            cursor.execute("SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = current_schema()")
            for (sequence,) in cursor.fetchall():
                cursor.execute(f"DROP SEQUENCE IF EXISTS {connection.ops.quote_name(sequence)} CASCADE")
    return len(tables)


def _restore_postgresql(connection, dump: Path) -> None:
    tool = _pg_tool("pg_restore", connection)
    args, env = _pg_env(connection)
    # One transaction: a restore that fails half-way leaves the target as it was.
    _run([tool, *args, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", str(dump)], env)


def _restore_sqlite(connection, copy: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(copy)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _safe_members(archive: tarfile.TarFile, folder: str) -> Iterator[tarfile.TarInfo]:
    for member in archive.getmembers():
        if not member.name.startswith(folder + "/"):
            continue
        parts = Path(member.name).parts
        if not member.isfile() or ".." in parts or Path(member.name).is_absolute():
            raise BackupError(f"The archive holds an unsafe entry {member.name!r}; refusing to restore it.")
        yield member


def restore_backup(path: Path, *, url: str | None = None, alias: str = "default", force: bool = False,
                   roots: dict[str, str | Path] | None = None) -> Report:
    """Restore the archive ``path`` into the database (``alias`` or ``url``) and the upload roots.

    Refuses a database with any table, or an upload root with any file, unless ``force``; checks row
    counts and file hashes against the manifest afterwards.
    """
    path = Path(path)
    manifest = read_manifest(path)
    targets = _roots(roots)
    with database(url, alias) as connection:
        engine = _engine(connection)
        if engine != manifest["engine"]:
            raise BackupError(f"The archive holds a {manifest['engine']} database; the target is {engine}. "
                              f"Restore it into {manifest['engine']} (then move data with dumpdata/loaddata if needed).")
        existing = connection.introspection.table_names()
        busy_roots = [str(root) for root in targets.values() if _files_under(root)]
        if (existing or busy_roots) and not force:
            what = []
            if existing:
                what.append(f"the database {connection.settings_dict['NAME']} has {len(existing)} tables")
            if busy_roots:
                what.append("files exist under " + ", ".join(busy_roots))
            raise BackupError("Refusing to overwrite: " + "; ".join(what) + ". Pass --force to replace them.")
        with tempfile.TemporaryDirectory(prefix="clusterlink-restore-") as tmp, tarfile.open(path, "r") as archive:
            db_name = manifest["database_file"]
            if db_name not in (PG_DUMP, SQLITE_COPY):  # a name from the archive never chooses where to write
                raise BackupError(f"The archive names an unexpected database file {db_name!r}; refusing to restore it.")
            archive.extract(archive.getmember(db_name), tmp, set_attrs=False, filter="data")
            dropped = _drop_all_tables(connection) if existing else 0
            try:
                if engine == "postgresql":
                    _restore_postgresql(connection, Path(tmp) / db_name)
                else:
                    _restore_sqlite(connection, Path(tmp) / db_name)
            except (BackupError, sqlite3.Error) as exc:
                after = f" The {dropped} tables that were there are dropped (--force): the database is empty." if dropped else ""
                raise BackupError(f"{exc} Nothing was restored (one transaction).{after} Fix the cause and run restore again.") from exc
            connection.close()  # forget any cached state of the schema that was there before
            connection.connect()
            files: dict[str, str] = {}
            for folder, root in targets.items():
                for old_file in _files_under(root):  # --force: the folders hold the archive's files and no others
                    old_file.unlink()
                for member in _safe_members(archive, folder):
                    destination = root / member.name[len(folder) + 1:]
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    with archive.extractfile(member) as src, destination.open("wb") as dst:
                        shutil.copyfileobj(src, dst)
                    files[member.name] = _sha256(destination)
        counts = table_counts(connection)
    report = Report(engine=engine, tables=counts, files=files, migrations=manifest["migrations"],
                    created_at=manifest["created_at"], dropped_tables=dropped)
    _verify(manifest, report)
    return report


def _verify(manifest: dict, report: Report) -> None:
    wrong_tables = {t: (n, report.tables.get(t)) for t, n in manifest["tables"].items() if report.tables.get(t) != n}
    wrong_files = sorted(name for name, digest in manifest["files"].items() if report.files.get(name) != digest)
    if wrong_tables or wrong_files:
        raise BackupError(f"The restore does not match the archive: tables (expected, found) {wrong_tables}; "
                          f"files {wrong_files[:20]}.")
