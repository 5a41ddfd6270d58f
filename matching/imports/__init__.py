"""Bulk onboarding from the exchange format (JSON Lines) or CSV: organisations, listings, links.

All or nothing: every line is checked first and any error (with its line number and reason)
stops the import before a row is written; otherwise everything is written in one transaction.
A dry run writes the same way and rolls back, so its report is exactly what a commit would do.
Rows are keyed by ``source`` + the file's id, so importing the same file again changes nothing.

Who imports matters: without a scope (the command line, a platform admin) any row may change. A
cluster manager's import passes ``clusters``: the organisations it creates join ``join`` (one of
them), and an existing row (whatever its source) may change only if its organisation is an approved
member of one of those clusters and, for a listing, its description is not confidential. Any other
row is a row error that says only "you may not change this record", the same in a dry run.

Files are read as UTF-8 (with or without a BOM), UTF-16 (with a BOM) or CP949, which covers EUC-KR:
the CSVs Korean Excel saves. CSV columns the import does not read are reported as a warning.

Links become ``KnownLink`` rows (history the matching model learns from) and, with that row as
their source record, ``clusters.Linkage`` partnership edges for the indicators. Links whose
``split`` is neither ``known`` nor absent (evaluation links) are skipped, as the engine does.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db import transaction

from accounts.models import OrganizationStatus, User
from clusters.models import Cluster

from .base import ImportReport
from .checking import NOT_YOURS, check
from .reading import NotText, decode, read_records
from .writing import write

# The package's public face: what the upload page, the command and the tests use.
__all__ = ["NOT_YOURS", "ImportReport", "NotText", "decode", "detect_format", "import_text"]


class ImportFailed(Exception):
    """Raised inside the transaction so nothing is kept."""


def import_text(text: str, *, fmt: str = "jsonl", source: str = "import", dry_run: bool = False,
                status: str = OrganizationStatus.VERIFIED, progress: bool = False,
                clusters: Collection[int] | None = None, join: Cluster | None = None,
                actor: User | None = None) -> ImportReport:
    """Check the whole file, then write it in one transaction (rolled back on a dry run).

    ``clusters`` limits what the import may change to those clusters' organisations (a cluster
    manager's upload); None means no limit (a platform admin, the command line). New organisations
    join ``join``, approved by ``actor``; with ``clusters``, ``join`` must be one of them.
    """
    if clusters is not None and (join is None or join.pk not in clusters):
        raise ValueError("a scoped import needs a join cluster among its clusters")
    report = ImportReport(dry_run=dry_run, lines=len(text.splitlines()))
    records, report.errors = read_records(text, fmt=fmt, progress=progress, warnings=report.warnings)
    plan = check(records, source=source, report=report, clusters=clusters)
    if report.errors:
        return report
    try:
        with transaction.atomic():
            write(plan, source=source, status=status, report=report, join=join, actor=actor)
            if dry_run:
                raise ImportFailed  # roll back: the report shows what a commit would do
    except ImportFailed:
        pass
    report.committed = not dry_run
    return report


def detect_format(name: str) -> str:
    return "csv" if name.lower().endswith((".csv", ".tsv")) else "jsonl"
