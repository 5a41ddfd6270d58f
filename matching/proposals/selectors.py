"""Reads of proposed partners: the need's organisation sees its proposals, best first."""

from datetime import timedelta

from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from accounts.models import Organization, User
from accounts.selectors import member_org_ids
from taxonomy.models import Facet

from ..models import CloseReason, Listing, Match, MatchRun, MatchSource, MatchStatus


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
        qs.select_related("need", "need__organization", "counterpart")
        .prefetch_related(
            Prefetch("need__partnership_types", queryset=Facet.objects.order_by("order", "slug")),
            # What a card shows of a capability and what the description rule reads (visibility, owner).
            Prefetch("supporting_listings",
                     queryset=Listing.objects.only("id", "title", "visibility", "organization_id").order_by("pk")),
        )
        .order_by("-score", "need_id", "id")
    )


def proposals_version(*, org_ids: set[int], organization_id: int) -> tuple:
    """What the proposals page's kept part (``core.fragments``) depends on, in one indexed aggregate.

    Over every match of the needs of the viewer's organisations (their connected matches decide which
    confidential descriptions the reasons may use): how many (a deletion), how many proposed to the chosen
    organisation (a decision by ``.update()``), how many were asked for an introduction (``source`` changes
    by ``.update()`` in matching.review.services), the latest change of the matches (every service write sets
    ``updated_at``; recomputes ``save()`` or ``.update(updated_at=...)``), of their needs (title, tags), of the
    counterpart organisations (name, kind, region, capacity facts) and of the supporting capabilities (title,
    visibility), and how many supporting links there are (a capability deleted or unlinked).
    """
    if not org_ids:
        return ()
    ids = sorted(org_ids)
    with connection.cursor() as cursor:  # the ORM's aggregate costs ~5,000 Python calls to build: this runs each view
        cursor.execute(_version_sql(len(ids)), [organization_id, MatchStatus.PROPOSED, MatchSource.REQUESTED, *ids])
        return tuple(cursor.fetchone())


def _version_sql(n: int) -> str:
    """The aggregate ``proposals_version`` reads, in SQL any backend runs; it returns what
    ``Match.objects.filter(need__organization_id__in=ids).aggregate(n=Count("id", distinct=True), proposed=Count("id",
    distinct=True, filter=Q(status=PROPOSED, need__organization_id=org)), requested=Count("id", distinct=True,
    filter=Q(source=REQUESTED)), changed=Max("updated_at"), need=Max("need__updated_at"),
    counterpart=Max("counterpart__updated_at"), support=Max("supporting_listings__updated_at"),
    support_n=Count("supporting_listings"))`` returns."""
    match, listing, org = Match._meta.db_table, Listing._meta.db_table, Organization._meta.db_table
    through = Match.supporting_listings.through._meta.db_table
    return (
        "SELECT COUNT(DISTINCT m.id),"  # noqa: S608 - table names from the models; every value is a parameter
        " COUNT(DISTINCT CASE WHEN n.organization_id = %s AND m.status = %s THEN m.id END),"
        " COUNT(DISTINCT CASE WHEN m.source = %s THEN m.id END),"
        " MAX(m.updated_at), MAX(n.updated_at), MAX(o.updated_at), MAX(s.updated_at), COUNT(s.id)"
        f" FROM {match} m INNER JOIN {listing} n ON n.id = m.need_id INNER JOIN {org} o ON o.id = m.counterpart_id"
        f" LEFT JOIN {through} ms ON ms.match_id = m.id LEFT JOIN {listing} s ON s.id = ms.listing_id"
        f" WHERE n.organization_id IN ({', '.join(['%s'] * n)})"
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
