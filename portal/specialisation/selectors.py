"""Reads for the specialisation profile: per cluster, how often each therapeutic area and technology occurs
among its members' listings and confirmed partnerships, as the plain counts of
``clusters.indicators.specialisation``. A constant number of queries whatever the number of clusters.

What counts, at a moment ``at``:
- every listing (need or capability, not a draft) created before ``at`` by a member organisation: one per
  tag it carries;
- every partnership confirmed before ``at``: the need's tags, once for each side that is a member.
Members are verified organisations with an approved membership (today's membership: history is not kept).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.db.models import Count, Q

from accounts.models import Organization, OrganizationStatus
from clusters.models import ClusterMembership, ClusterMembershipStatus
from matching.models import Listing, ListingStatus, PartnershipStatus
from taxonomy.models import Facet, FacetKind

# Listing's M2M field per facet kind profiled.
KIND_FIELDS = {FacetKind.THERAPEUTIC_AREA: "therapeutic_areas", FacetKind.TECHNOLOGY: "technologies"}

Counts = dict[int, dict[int, float]]


def member_clusters() -> dict[int, set[int]]:
    """Organisation id → the clusters it is an approved, verified member of."""
    out: dict[int, set[int]] = defaultdict(set)
    for org_id, cluster_id in ClusterMembership.objects.filter(
        status=ClusterMembershipStatus.APPROVED, organization__status=OrganizationStatus.VERIFIED,
    ).values_list("organization_id", "cluster_id"):
        out[org_id].add(cluster_id)
    return out


def facet_counts(kind: str, at: datetime, cluster_ids: list[int], members: dict[int, set[int]] | None = None) -> Counts:
    """Cluster id → facet id → count of ``kind`` tags at ``at`` (every cluster of ``cluster_ids`` present)."""
    members = member_clusters() if members is None else members
    through = getattr(Listing, KIND_FIELDS[kind]).through
    counts: Counts = {c: {} for c in cluster_ids}

    def add(org_id: int | None, facet_id: int, n: int) -> None:
        for c in members.get(org_id, ()):
            if c in counts:
                counts[c][facet_id] = counts[c].get(facet_id, 0) + n

    listed = (through.objects.filter(listing__created_at__lt=at).exclude(listing__status=ListingStatus.DRAFT)
              .values("listing__organization_id", "facet_id").annotate(n=Count("id")).order_by())
    for row in listed:
        add(row["listing__organization_id"], row["facet_id"], row["n"])
    confirmed = Q(listing__matches__partnership__status=PartnershipStatus.CONFIRMED,
                  listing__matches__partnership__confirmed_at__lt=at)
    partnered = (through.objects.filter(confirmed)
                 .values("listing__organization_id", "listing__matches__counterpart_id", "facet_id")
                 .annotate(n=Count("id")).order_by())
    for row in partnered:
        add(row["listing__organization_id"], row["facet_id"], row["n"])
        add(row["listing__matches__counterpart_id"], row["facet_id"], row["n"])
    return counts


def facets(ids: set[int]) -> dict[int, Facet]:
    return {f.pk: f for f in Facet.objects.filter(pk__in=ids)}


def verified_member_org_ids(cluster_id: int, org_ids: set[int]) -> set[int]:
    """Those of ``org_ids`` that are verified and approved members of the cluster."""
    if not org_ids:
        return set()
    return set(ClusterMembership.objects.filter(
        cluster_id=cluster_id, organization_id__in=org_ids, status=ClusterMembershipStatus.APPROVED,
        organization__status=OrganizationStatus.VERIFIED,
    ).values_list("organization_id", flat=True))


def organizations(ids: set[int]) -> list[Organization]:
    return list(Organization.objects.filter(pk__in=ids).order_by("name_en", "pk"))


def clusters_of_orgs(org_ids: set[int]) -> set[int]:
    """Clusters any of ``org_ids`` is a verified, approved member of."""
    if not org_ids:
        return set()
    return set(ClusterMembership.objects.filter(
        organization_id__in=org_ids, status=ClusterMembershipStatus.APPROVED,
        organization__status=OrganizationStatus.VERIFIED,
    ).values_list("cluster_id", flat=True))
