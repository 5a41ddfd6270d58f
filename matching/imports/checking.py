"""Checking a file's records before anything is written: every error with its line number, and
(for a cluster manager's import) the rows outside the importer's clusters."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organization, OrganizationKind
from accounts.regions import Region
from clusters.models import ClusterMembership, ClusterMembershipStatus
from taxonomy.models import Facet, FacetKind

from ..models import Listing, ListingSide, ListingVisibility
from .base import FACET_FIELDS, ImportReport, split_list

MAX_DESCRIPTION = 10_000  # Listing.description's limit; longer is refused, not truncated
MAX_ID = 200  # external_id's column
MAX_LINK_KIND = 20  # KnownLink.kind's column
MAX_COUNT = 2_147_483_647  # the largest value of an integer column on PostgreSQL
# The one message for a row outside the importer's clusters: it says nothing of what the row holds.
NOT_YOURS = gettext_lazy("you may not change this record")


def _has_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def _regions() -> dict[str, str]:
    with translation.override("en"):
        out = {str(label).lower(): code for code, label in Region.choices}
    out.update({code: code for code in Region.values})
    return out


def _too_long(text: str) -> str:
    return _("description too long (%(n)s characters; at most %(max)s)") % {"n": len(text), "max": MAX_DESCRIPTION}


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
        val = split_list(val)
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
