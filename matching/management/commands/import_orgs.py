"""import_orgs FILE [--dry-run]: bulk onboarding from JSON Lines (exchange format) or CSV.

It runs as a platform admin: no cluster limits what it may change.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from matching.imports import NotText, decode, detect_format, import_text


class Command(BaseCommand):
    help = ("Import organisations, listings and known links from a JSON Lines (exchange format) or CSV file. "
            "All or nothing; errors are listed by line; re-importing the same file changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing.")
        parser.add_argument("--source", default="import",
                            help="Name of where the file comes from; rows are keyed by source + id (default: import).")
        parser.add_argument("--format", choices=["jsonl", "csv"], help="Default: from the file name (.csv or JSON Lines).")
        parser.add_argument("--status", choices=["verified", "pending"], default="verified",
                            help="Status of new organisations (default: verified).")

    def handle(self, *args, **opts):
        path = Path(opts["file"])
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: cannot read ({exc.strerror or exc})") from None
        if path.suffix == ".gz":
            import gzip

            raw = gzip.decompress(raw)
        try:
            text, encoding = decode(raw)
        except NotText as exc:
            raise CommandError(f"{path}: {exc}") from None
        self.stdout.write(f"encoding: {encoding}")
        report = import_text(text, fmt=opts["format"] or detect_format(path.name.removesuffix(".gz")),
                             source=opts["source"], dry_run=opts["dry_run"], status=opts["status"], progress=True)
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"{path}: {warning}"))
        for line, message in report.errors:
            self.stderr.write(f"{path} line {line}: {message}")
        if report.errors:
            raise CommandError(f"{len(report.errors)} error(s); nothing was imported.")
        for key, n in report.counts.items():
            self.stdout.write(f"{key}: {n}")
        self.stdout.write(self.style.SUCCESS("Dry run: nothing was written." if report.dry_run else "Imported."))
