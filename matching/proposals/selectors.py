"""Reads of proposed partners: the need's organisation sees its proposals, best first."""

from datetime import timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from accounts.models import Organization, User
from accounts.selectors import member_org_ids
from taxonomy.models import Facet

from ..models import CloseReason, Listing, Match, MatchRun, MatchStatus


def proposals_for(
    *, user: User, organization_id: int | None = None, partnership_type: str = "", region: str = "",
    status: str = MatchStatus.PROPOSED,
) -> QuerySet[Match]:
    """Matches of the needs of the user's organisations (one, if given), best first per need.

    Only the need's own organisation sees its proposals here; the counterpart reviews them in the
    review queue. Everything a page shows is fetched here, so a page costs a constant number of queries.
    """
    orgs = member_org_ids(user)
    if organization_id is not None:
        orgs = orgs & {organization_id}
    qs = Match.objects.filter(need__organization_id__in=orgs)
    if status:
        qs = qs.filter(status=status)
    if partnership_type:
        qs = qs.filter(need__in=Listing.objects.filter(partnership_types__slug=partnership_type).values("pk"))
    if region:
        qs = qs.filter(counterpart__region=region)
    return (
        qs.select_related("need", "need__organization", "counterpart", "decided_by")
        .prefetch_related(
            Prefetch("need__partnership_types", queryset=Facet.objects.order_by("order", "slug")),
            Prefetch("supporting_listings", queryset=Listing.objects.select_related("organization").order_by("pk")),
        )
        .order_by("-score", "need_id", "id")
    )


def recent_replacements(*, user: User, organization_id: int, days: int = 30) -> QuerySet[Match]:
    """Proposals of the organisation's needs that a round took out in the last ``days``, newest first,
    with what replaced them (the firm sees that a proposal it may have opened is gone, and why)."""
    if organization_id not in member_org_ids(user):
        return Match.objects.none()
    since = timezone.now() - timedelta(days=days)
    return (Match.objects.filter(need__organization_id=organization_id, replaced_at__gte=since,
                                 close_reason__in=(CloseReason.REPLACED, CloseReason.NO_LONGER_SUPPORTED))
            .select_related("need", "counterpart", "replaced_by", "replaced_by__counterpart")
            .order_by("-replaced_at", "-id"))


def run_changes(run: MatchRun) -> list[dict]:
    """A run's recompute summary with names (in the reader's language): two queries for any length."""
    rows = list(run.changes or [])
    org_ids = {r[k] for r in rows for k in ("removed", "by") if r.get(k)}
    names = {o.pk: o.name for o in Organization.objects.filter(pk__in=org_ids).only("pk", "name_en", "name_ko")}
    titles = dict(Listing.objects.filter(pk__in={r["need"] for r in rows}).values_list("pk", "title"))
    return [{**r, "need_title": titles.get(r["need"], ""), "removed_name": names.get(r["removed"], ""),
             "by_name": names.get(r.get("by"), "")} for r in rows]
