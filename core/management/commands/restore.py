"""`manage.py restore PATH [--force]`: put back what `manage.py backup` archived (core.backup).

Refuses a database that has tables, or upload folders that hold files, unless --force (which drops the
database's tables first); checks every table's row count and every file's hash against the archive."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database (or, with --force, replace the database's contents)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="Archive written by `manage.py backup`.")
        parser.add_argument("--force", action="store_true",
                            help="Drop every table of the target database and overwrite existing files.")
        parser.add_argument("--database", default="default", help="Database alias (default: %(default)s).")
        parser.add_argument("--database-url", default="", help="Restore into this DATABASE_URL instead of the alias.")
        parser.add_argument("--media-root", default="", help="Write MEDIA_ROOT files here instead.")
        parser.add_argument("--private-media-root", default="", help="Write PRIVATE_MEDIA_ROOT files here instead.")

    def handle(self, *args, path: str, force: bool, database: str, database_url: str, media_root: str,
               private_media_root: str, **options) -> None:
        if not Path(path).is_file():
            raise CommandError(f"No archive at {path}.")
        try:
            report = restore_backup(Path(path), url=database_url or None, alias=database, force=force,
                                    roots={"media": media_root, "private-media": private_media_root})
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if report.dropped_tables:
            self.stdout.write(f"Dropped the {report.dropped_tables} tables that were there (--force).")
        self.stdout.write(
            f"Restored the {report.engine} backup of {report.created_at}: {len(report.tables)} tables, "
            f"{report.rows} rows and {len(report.files)} files; every row count and file hash matches the archive.")
        latest = ", ".join(f"{app} {name}" for app, name in sorted(report.migrations.items()))
        self.stdout.write(f"Migrations in the backup: {latest or 'none'}. Run `manage.py migrate` if this code is newer.")
