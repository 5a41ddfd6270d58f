"""Reads of proposed partners: the need's organisation sees its proposals, best first."""

from datetime import timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from accounts.models import Organization, User
from accounts.selectors import member_org_ids
from core.versions import COUNT, version
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
    """What the proposals page's kept part (``core.fragments``) depends on, read in one query (core.versions).

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
    matches = Match.objects.filter(need__organization_id__in=ids)
    # The supporting links from their own table: read through the matches they would repeat their rows.
    links = Match.supporting_listings.through.objects.filter(match__need__organization_id__in=ids)
    return version(
        (matches, COUNT),
        # [1]: the proposals of the chosen organisation's needs (the view uses it as the pager's count)
        (matches, COUNT, {"need__organization_id": organization_id, "status": MatchStatus.PROPOSED}),
        (matches, COUNT, {"source": MatchSource.REQUESTED}),
        (matches, "updated_at"), (matches, "need__updated_at"), (matches, "counterpart__updated_at"),
        (links, "listing__updated_at"), (links, COUNT),
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
