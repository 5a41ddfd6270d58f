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

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organization, OrganizationKind, OrganizationStatus
from accounts.regions import Region
from clusters.models import ClusterMembership, ClusterMembershipStatus, Linkage, LinkageKind

from .models import Facet, FacetKind, KnownLink, Listing, ListingSide, ListingVisibility

if TYPE_CHECKING:
    from accounts.models import User
    from clusters.models import Cluster

MAX_DESCRIPTION = 10_000  # Listing.description's limit; longer is refused, not truncated
MAX_ID = 200  # external_id's column
MAX_LINK_KIND = 20  # KnownLink.kind's column
MAX_COUNT = 2_147_483_647  # the largest value of an integer column on PostgreSQL
LIST_SPLIT = ("|", ";")
ORG_SYNC = ["name_ko", "name_en", "kind", "region", "country", "description", "trial_phases", "trials_per_year",
            "irb_days", "equipment"]
LISTING_SYNC = ["organization_id", "side", "title", "description", "language"]
FACET_FIELDS = {"partnership_types": FacetKind.PARTNERSHIP_TYPE, "therapeutic_areas": FacetKind.THERAPEUTIC_AREA,
                "technologies": FacetKind.TECHNOLOGY}
# Every column a CSV row is read through (mentor rows are counted and skipped, so theirs are known too).
CSV_COLUMNS = {"type", "id", "kind", "name", "name_ko", "name_en", "region", "country", "description", "trial_phases",
               "trials_per_year", "irb_days", "equipment", "org", "side", "title", "lang", "language", *FACET_FIELDS,
               "a", "b", "split", "expertise", "publications"}
# The one message for a row outside the importer's clusters: it says nothing of what the row holds.
NOT_YOURS = gettext_lazy("you may not change this record")


class ImportFailed(Exception):
    """Raised inside the transaction so nothing is kept."""


class NotText(ValueError):
    """The file's bytes are in none of the encodings the import reads."""


@dataclass
class ImportReport:
    errors: list[tuple[int, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # reported, never blocking
    encoding: str = ""  # how the bytes were read, when the caller decoded them
    lines: int = 0
    dry_run: bool = False
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def labelled_counts(self) -> list[tuple[str, int]]:
        return [(str(COUNT_LABELS.get(k, k)), n) for k, n in self.counts.items()]

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


def _has_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def _regions() -> dict[str, str]:
    with translation.override("en"):
        out = {str(label).lower(): code for code, label in Region.choices}
    out.update({code: code for code in Region.values})
    return out


def _too_long(text: str) -> str:
    return _("description too long (%(n)s characters; at most %(max)s)") % {"n": len(text), "max": MAX_DESCRIPTION}


# Count keys of the report, labelled for the upload page.
COUNT_LABELS = {
    "organisations created": gettext_lazy("organisations created"),
    "organisations updated": gettext_lazy("organisations updated"),
    "organisations unchanged": gettext_lazy("organisations unchanged"),
    "listings created": gettext_lazy("listings created"),
    "listings updated": gettext_lazy("listings updated"),
    "listings unchanged": gettext_lazy("listings unchanged"),
    "listings with changed tags": gettext_lazy("listings with changed tags"),
    "links created": gettext_lazy("known links created"),
    "links unchanged": gettext_lazy("known links unchanged"),
    "links skipped (evaluation split)": gettext_lazy("links skipped (evaluation split)"),
    "mentors skipped (not imported here)": gettext_lazy("mentors skipped (not imported here)"),
}


# --- reading ---------------------------------------------------------------------------------------

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(raw: bytes) -> tuple[str, str]:
    """The file's text and the name of the encoding it was read in; ``NotText`` if none fits.

    UTF-8 first (a BOM is dropped), UTF-16 only with its BOM (Excel's "Unicode text"), then CP949,
    Korean Windows' code page and a superset of EUC-KR. Valid UTF-8 is almost never valid CP949 by
    accident and vice versa, so the order decides nothing for real files.
    """
    if raw.startswith(UTF16_BOMS):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    for codec, label in (("utf-8-sig", "UTF-8"), ("cp949", "CP949 (EUC-KR)")):
        try:
            return raw.decode(codec), label
        except UnicodeDecodeError:
            continue
    raise NotText(_("The file is not text in UTF-8, UTF-16 or CP949 (EUC-KR); save it as CSV UTF-8 and try again."))


def _split_list(value: str) -> list[str]:
    for sep in LIST_SPLIT:
        if sep in value:
            return [v.strip() for v in value.split(sep) if v.strip()]
    return [value.strip()] if value.strip() else []


def _csv_delimiter(text: str) -> str:
    """Excel's "Unicode text" is tab-separated: a header with tabs and no comma is read that way."""
    header = text.split("\n", 1)[0]
    return "\t" if "\t" in header and "," not in header else ","


def read_records(text: str, *, fmt: str, progress: bool = False,
                 warnings: list[str] | None = None) -> tuple[list[tuple[int, dict]], list[tuple[int, str]]]:
    """(line number, record) pairs and the lines that could not be read at all.

    CSV columns the import does not read go to ``warnings`` (JSON Lines ignores unknown keys).
    """
    records, errors = [], []
    lines = text.splitlines()
    bar = _bar(len(lines), progress)
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(text), delimiter=_csv_delimiter(text))
        try:
            extra = [c for c in (reader.fieldnames or []) if c and c.strip() and c.strip() not in CSV_COLUMNS]
            if extra and warnings is not None:
                warnings.append(_("Columns not imported (unknown names): %(columns)s")
                                % {"columns": ", ".join(dict.fromkeys(c.strip() for c in extra))})
            for row in reader:
                bar(1)
                rec = {k.strip(): v.strip() for k, v in row.items() if k and isinstance(v, str) and v.strip()}
                for key in ("trial_phases", "equipment", "partnership_types", "therapeutic_areas", "technologies"):
                    if key in rec:
                        rec[key] = _split_list(rec[key])
                if problem := _text_problem(rec):
                    errors.append((reader.line_num, problem))
                    continue
                records.append((reader.line_num, rec))
        except csv.Error as exc:  # a NUL byte, a field beyond the csv module's limit: the rest is unreadable
            errors.append((reader.line_num + 1, _("not valid CSV (%(reason)s)") % {"reason": exc}))
        return records, errors
    for n, line in enumerate(lines, 1):
        bar(1)
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append((n, _("not valid JSON (%(reason)s)") % {"reason": exc.msg}))
            continue
        except (ValueError, RecursionError) as exc:  # a number too long to convert, nesting too deep
            errors.append((n, _("not valid JSON (%(reason)s)") % {"reason": str(exc)[:200]}))
            continue
        if not isinstance(rec, dict):
            errors.append((n, _("expected a JSON object")))
            continue
        if problem := _text_problem(rec):
            errors.append((n, problem))
            continue
        records.append((n, rec))
    return records, errors


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _text_problem(value) -> str | None:
    """Why the database cannot store these strings: NUL (PostgreSQL text) or a lone surrogate, which
    JSON can escape (``"\\ud800"``) but no encoding can write."""
    for text in _strings(value):
        if found := _UNSTORABLE.search(text):
            if found.group() == "\x00":
                return _("contains a NUL character")
            return _("contains characters that are not valid text (a lone UTF-16 surrogate)")
    return None


def _bar(total: int, enabled: bool) -> Callable[[int], None]:
    if not enabled or total < 1000:  # a bar for long files only
        return lambda n: None
    from tqdm import tqdm

    bar = tqdm(total=total, file=sys.stderr, unit="line", leave=False)
    return bar.update


# --- checking --------------------------------------------------------------------------------------


@dataclass
class Plan:
    orgs: dict[str, dict] = field(default_factory=dict)  # external id -> field values
    listings: dict[str, dict] = field(default_factory=dict)
    links: list[tuple[str, str, str]] = field(default_factory=list)


def _text_list(rec: dict, key: str) -> list[str] | None:
    val = rec.get(key)
    if val is None or val == "":
        return []
    if isinstance(val, str):
        val = _split_list(val)
    if not isinstance(val, list) or not all(isinstance(v, (str, int, float)) for v in val):
        return None
    return [str(v).strip() for v in val if str(v).strip()]


def _count(rec: dict, key: str) -> tuple[int | None, str | None]:
    val = rec.get(key)
    if val is None or val == "":
        return None, None
    try:
        num = int(float(val))
        if num > MAX_COUNT:  # beyond the database's integer columns
            raise OverflowError(num)
    except (TypeError, ValueError, OverflowError):
        return None, _("'%(key)s' must be a whole number, got %(value)r") % {"key": key, "value": str(val)[:50]}
    return (num, None) if num >= 0 else (None, _("'%(key)s' must not be negative") % {"key": key})


def _check_org(rec: dict, regions: dict[str, str]) -> tuple[dict, list[str]]:
    errs = []
    kind = rec.get("kind")
    if kind not in OrganizationKind.values:
        errs.append(_("unknown organisation kind %(kind)r; expected one of %(kinds)s")
                    % {"kind": kind, "kinds": ", ".join(OrganizationKind.values)})
    name = str(rec.get("name") or "").strip()
    name_ko = str(rec.get("name_ko") or (name if _has_hangul(name) else "")).strip()
    name_en = str(rec.get("name_en") or (name if name and not _has_hangul(name) else "")).strip()
    if not (name_ko or name_en):
        errs.append(_("missing name"))
    country = str(rec.get("country") or "KR").strip().upper()[:2]
    raw_region = str(rec.get("region") or "").strip().lower()
    region = regions.get(raw_region) or ("abroad" if country != "KR" else None)
    if region is None:
        errs.append(_("unknown region %(region)r") % {"region": rec.get("region")})
    description = str(rec.get("description") or "")
    if len(description) > MAX_DESCRIPTION:
        errs.append(_too_long(description))
    values = {"kind": kind, "name_ko": name_ko[:200], "name_en": name_en[:200], "region": region, "country": country,
              "description": description}
    for key in ("trial_phases", "equipment"):
        items = _text_list(rec, key)
        if items is None:
            errs.append(_("'%(key)s' must be a list of strings") % {"key": key})
        values[key] = items or []
    for key in ("trials_per_year", "irb_days"):
        values[key], err = _count(rec, key)
        if err:
            errs.append(err)
    return values, errs


def _check_listing(rec: dict, facets: dict[str, dict[str, Facet]]) -> tuple[dict, list[str]]:
    errs = []
    side = rec.get("side")
    if side not in ListingSide.values:
        errs.append(_("listing side must be need or capability, got %(side)r") % {"side": side})
    title = str(rec.get("title") or "").strip()
    description = str(rec.get("description") or "").strip()
    if not title:
        errs.append(_("missing title"))
    if not description:
        errs.append(_("empty description"))
    elif len(description) > MAX_DESCRIPTION:
        errs.append(_too_long(description))
    lang = str(rec.get("lang") or rec.get("language") or "").lower()[:2]
    if lang not in ("ko", "en"):
        lang = "ko" if _has_hangul(f"{title} {description}") else "en"
    values = {"side": side, "title": title[:200], "description": description, "language": lang}
    for key, kind in FACET_FIELDS.items():
        items = _text_list(rec, key)
        if items is None:
            errs.append(_("'%(key)s' must be a list of strings") % {"key": key})
            items = []
        unknown = [v for v in items if v.lower() not in facets[kind]]
        if unknown:
            errs.append(_("unknown %(what)s: %(values)s") % {"what": key.replace("_", " "), "values": ", ".join(unknown)})
        values[key] = sorted({facets[kind][v.lower()].pk for v in items if v.lower() in facets[kind]})
    return values, errs


def _facet_index() -> dict[str, dict[str, Facet]]:
    out: dict[str, dict[str, Facet]] = {k: {} for k in FacetKind.values}
    for f in Facet.objects.all():
        for key in (f.slug, f.label_en.lower(), f.label_ko.lower(), f.slug.replace("_", " ")):
            out[f.kind].setdefault(key, f)
    return out


def _in_scope(plan: Plan, first_line: dict[tuple[str, str], int], refs: set[str], *, source: str,
              clusters: Collection[int], report: ImportReport) -> set[str]:
    """Row errors for existing rows outside ``clusters``; the external ids of the existing
    organisations inside them (the only ones a listing or link of the file may name)."""
    orgs = dict(Organization.objects.filter(source=source, external_id__in=list(set(plan.orgs) | refs))
                .exclude(external_id="").values_list("external_id", "pk"))
    listings = {ext: (org_id, visibility) for ext, org_id, visibility in Listing.objects.filter(
        source=source, external_id__in=list(plan.listings)).values_list("external_id", "organization_id", "visibility")}
    mine = set(ClusterMembership.objects.filter(
        organization_id__in=set(orgs.values()) | {org_id for org_id, _v in listings.values()},
        cluster_id__in=list(clusters), status=ClusterMembershipStatus.APPROVED,
    ).values_list("organization_id", flat=True))
    for ext in plan.orgs:
        if ext in orgs and orgs[ext] not in mine:
            report.errors.append((first_line["organization", ext], str(NOT_YOURS)))
    for ext, (org_id, visibility) in listings.items():
        # A manager may not read a confidential description, so the import must not compare it either.
        if org_id not in mine or visibility == ListingVisibility.CONFIDENTIAL:
            report.errors.append((first_line["listing", ext], str(NOT_YOURS)))
    return {ext for ext, pk in orgs.items() if pk in mine}


def check(records: Iterable[tuple[int, dict]], *, source: str, report: ImportReport,
          clusters: Collection[int] | None = None) -> Plan:
    """Validate every record; errors go to the report with their line numbers.

    With ``clusters``, existing rows outside them are row errors (see the module's docstring).
    """
    plan, regions, facets = Plan(), _regions(), _facet_index()
    first_line: dict[tuple[str, str], int] = {}
    pending_refs: list[tuple[int, str, list[str]]] = []  # org references checked once all orgs are read
    for n, rec in records:
        kind = rec.get("type")
        rid = str(rec.get("id") or "").strip()
        if kind in ("organization", "listing"):
            if not rid:
                report.errors.append((n, _("missing 'id'")))
                continue
            if len(rid) > MAX_ID:
                report.errors.append((n, _("'id' is longer than %(max)s characters") % {"max": MAX_ID}))
                continue
            if (kind, rid) in first_line:
                report.errors.append((n, _("duplicate %(kind)s id %(id)r (first on line %(line)s)")
                                      % {"kind": kind, "id": rid, "line": first_line[kind, rid]}))
                continue
            first_line[kind, rid] = n
        if kind == "organization":
            values, errs = _check_org(rec, regions)
            plan.orgs[rid] = values
        elif kind == "listing":
            values, errs = _check_listing(rec, facets)
            values["org"] = str(rec.get("org") or "")
            pending_refs.append((n, "listing", [values["org"]]))
            plan.listings[rid] = values
        elif kind == "link":
            a, b = str(rec.get("a") or ""), str(rec.get("b") or "")
            errs = [] if a and b and a != b else [_("a link needs two different organisations 'a' and 'b'")]
            if len(str(rec.get("kind") or "")) > MAX_LINK_KIND:
                errs.append(_("unknown link kind %(kind)r") % {"kind": str(rec.get("kind"))[:50]})
            if (rec.get("split") or "") not in ("", "known"):
                report.add("links skipped (evaluation split)")
                continue
            if not errs:
                pending_refs.append((n, "link", [a, b]))
                plan.links.append((a, b, str(rec.get("kind") or "partnership")))
        elif kind == "mentor":
            report.add("mentors skipped (not imported here)")
            continue
        else:
            errs = [_("unknown record type %(type)r") % {"type": kind}]
        report.errors.extend((n, e) for e in errs)
    refs = {ref for _n, _w, names in pending_refs for ref in names} - set(plan.orgs)
    if clusters is None:
        known_orgs = set(Organization.objects.filter(source=source, external_id__in=list(refs))
                         .exclude(external_id="").values_list("external_id", flat=True))
        unknown = _("%(what)s names unknown organisation %(ref)r")
    else:
        known_orgs = _in_scope(plan, first_line, refs, source=source, clusters=clusters, report=report)
        # One message whether the organisation is missing or another cluster's: existence stays hidden.
        unknown = _("%(what)s names organisation %(ref)r, which is neither in this file nor one you may change")
    for n, what, names in pending_refs:
        for ref in names:
            if ref not in plan.orgs and ref not in known_orgs:
                report.errors.append((n, unknown % {"what": what, "ref": ref}))
    report.errors.sort()
    return plan


# --- writing ---------------------------------------------------------------------------------------


def _upsert(model, queryset, rows: dict[str, dict], sync: list[str], fixed: dict, report: ImportReport,
            label: str) -> tuple[dict[str, object], list]:
    """Create or update rows keyed by external id; only changed rows are written.

    Returns every row by external id, and the rows it created.
    """
    existing = {o.external_id: o for o in queryset.filter(external_id__in=list(rows))}
    create, update = [], []
    for ext, values in rows.items():
        obj = existing.get(ext)
        if obj is None:
            obj = model(external_id=ext, **fixed, **{k: values[k] for k in sync})
            create.append(obj)
            existing[ext] = obj
        elif any(getattr(obj, k) != values[k] for k in sync):
            for k in sync:
                setattr(obj, k, values[k])
            update.append(obj)
    for obj in create:
        obj.save()  # one by one: Organization.save() fills derived fields; ids are needed below
    if update:
        model.objects.bulk_update(update, sync, batch_size=500)
    report.add(f"{label} created", len(create))
    report.add(f"{label} updated", len(update))
    report.add(f"{label} unchanged", len(rows) - len(create) - len(update))
    return existing, create


def _write(plan: Plan, *, source: str, status: str, report: ImportReport, join: Cluster | None = None,
           actor: User | None = None) -> None:
    orgs, created = _upsert(Organization, Organization.objects.filter(source=source), plan.orgs, ORG_SYNC,
                            {"source": source, "status": status}, report, "organisations")
    if join is not None:  # the importer vouches for the organisations it brings to its cluster
        now = timezone.now()
        ClusterMembership.objects.bulk_create(
            [ClusterMembership(organization=o, cluster=join, status=ClusterMembershipStatus.APPROVED, requested_at=now,
                               decided_at=now, decided_by=actor) for o in created], batch_size=500)
    missing = {v["org"] for v in plan.listings.values()} | {x for a, b, _k in plan.links for x in (a, b)}
    missing -= set(orgs)
    orgs.update({o.external_id: o for o in Organization.objects.filter(source=source, external_id__in=missing)})
    rows = {ext: {**v, "organization_id": orgs[v["org"]].pk} for ext, v in plan.listings.items()}
    before = {lst.external_id: lst for lst in Listing.objects.filter(source=source, external_id__in=list(rows))
              .prefetch_related(*FACET_FIELDS)}
    listings, _created = _upsert(Listing, Listing.objects.filter(source=source), rows, LISTING_SYNC,
                                 {"source": source}, report, "listings")
    facets_changed = 0
    for ext, values in rows.items():
        lst, old = listings[ext], before.get(ext)
        for name in FACET_FIELDS:
            if old is None or sorted(f.pk for f in getattr(old, name).all()) != values[name]:
                getattr(lst, name).set(values[name])
                facets_changed += old is not None
    report.add("listings with changed tags", facets_changed)
    _write_links(plan, orgs, source=source, report=report)


def _write_links(plan: Plan, orgs: dict, *, source: str, report: ImportReport) -> None:
    link_type = ContentType.objects.get_for_model(KnownLink)
    created = 0
    for a, b, kind in plan.links:
        lo, hi = sorted((orgs[a].pk, orgs[b].pk))
        link, new = KnownLink.objects.get_or_create(org_a_id=lo, org_b_id=hi, kind=kind, source=source)
        created += new
        Linkage.objects.get_or_create(kind=LinkageKind.PARTNERSHIP, source_type=link_type, source_id=link.pk,
                                      org_a_id=lo, org_b_id=hi)
    report.add("links created", created)
    report.add("links unchanged", len(plan.links) - created)


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
            _write(plan, source=source, status=status, report=report, join=join, actor=actor)
            if dry_run:
                raise ImportFailed  # roll back: the report shows what a commit would do
    except ImportFailed:
        pass
    report.committed = not dry_run
    return report


def detect_format(name: str) -> str:
    return "csv" if name.lower().endswith((".csv", ".tsv")) else "jsonl"
