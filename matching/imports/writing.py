"""Writing a checked plan: organisations and listings upserted by external id (only changed rows are
written), new organisations joined to the importer's cluster, links as ``KnownLink`` rows and
partnership edges."""

from __future__ import annotations

from django.utils import timezone

from accounts.models import Organization, User
from clusters.linkages import linkage_record
from clusters.models import Cluster, ClusterMembership, ClusterMembershipStatus, LinkageKind

from ..models import KnownLink, Listing
from .base import FACET_FIELDS, ImportReport
from .checking import Plan

ORG_SYNC = ["name_ko", "name_en", "kind", "region", "country", "description", "trial_phases", "trials_per_year",
            "irb_days", "equipment"]
LISTING_SYNC = ["organization_id", "side", "title", "description", "language"]


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
        now = timezone.now()  # bulk_update skips auto_now: the pages' data versions read updated_at
        for obj in update:
            obj.updated_at = now
        model.objects.bulk_update(update, [*sync, "updated_at"], batch_size=500)
    report.add(f"{label} created", len(create))
    report.add(f"{label} updated", len(update))
    report.add(f"{label} unchanged", len(rows) - len(create) - len(update))
    return existing, create


def write(plan: Plan, *, source: str, status: str, report: ImportReport, join: Cluster | None = None,
          actor: User | None = None) -> None:
    """Write the plan inside the caller's transaction; the counts go to the report."""
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
    facets_changed, retagged = 0, []
    for ext, values in rows.items():
        lst, old = listings[ext], before.get(ext)
        for name in FACET_FIELDS:
            if old is None or sorted(f.pk for f in getattr(old, name).all()) != values[name]:
                getattr(lst, name).set(values[name])
                facets_changed += old is not None
                retagged.append(lst.pk)
    if retagged:  # new tags are an edit of the listing for the pages' data versions
        Listing.objects.filter(pk__in=retagged).update(updated_at=timezone.now())
    report.add("listings with changed tags", facets_changed)
    _write_links(plan, orgs, source=source, report=report)


def _write_links(plan: Plan, orgs: dict, *, source: str, report: ImportReport) -> None:
    created = 0
    for a, b, kind in plan.links:
        lo, hi = sorted((orgs[a].pk, orgs[b].pk))
        link, new = KnownLink.objects.get_or_create(org_a_id=lo, org_b_id=hi, kind=kind, source=source)
        created += new
        linkage_record(kind=LinkageKind.PARTNERSHIP, org_a=lo, org_b=hi, source=link)
    report.add("links created", created)
    report.add("links unchanged", len(plan.links) - created)
