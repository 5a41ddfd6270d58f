"""Reads of proposed partners: the need's organisation sees its proposals, best first."""

from django.db.models import Prefetch, QuerySet

from accounts.models import User
from accounts.selectors import member_org_ids
from taxonomy.models import Facet

from ..models import Listing, Match, MatchStatus


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
