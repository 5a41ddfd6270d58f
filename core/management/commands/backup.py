"""`manage.py backup [PATH]`: the database (pg_dump custom format, or an SQLite copy) and the uploaded
files in one archive with a manifest of row counts and file hashes (core.backup)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files (MEDIA_ROOT, PRIVATE_MEDIA_ROOT) into one archive."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", nargs="?", help="Archive to write (default: backups/clusterlink-<UTC time>.tar).")
        parser.add_argument("--database", default="default", help="Database alias (default: %(default)s).")
        parser.add_argument("--database-url", default="", help="Back up this DATABASE_URL instead of the alias.")
        parser.add_argument("--media-root", default="", help="Take MEDIA_ROOT files from here instead.")
        parser.add_argument("--private-media-root", default="", help="Take PRIVATE_MEDIA_ROOT files from here instead.")

    def handle(self, *args, path: str | None, database: str, database_url: str, media_root: str,
               private_media_root: str, **options) -> None:
        target = Path(path or f"backups/clusterlink-{timezone.now():%Y%m%dT%H%M%SZ}.tar")
        if target.exists():
            raise CommandError(f"{target} exists already; choose another name.")
        try:
            report = create_backup(target, url=database_url or None, alias=database,
                                   roots={"media": media_root, "private-media": private_media_root})
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Backed up {report.engine}: {len(report.tables)} tables, {report.rows} rows, "
            f"{len(report.files)} files, to {target} ({target.stat().st_size:,} bytes).")
