"""Reads of the review lifecycle: who sees which match, the TTO queue, the firm's inbox, the
managers' stale list and figures. Every list is fetched here with its relations, so a page costs a
constant number of queries whatever its length."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts.models import Membership, MembershipRole, MembershipStatus, Organization, User
from accounts.selectors import managed_cluster_ids, member_org_ids
from clusters.models import ClusterMembership
from core.versions import COUNT, DIGEST, version
from taxonomy.models import Facet

from ..models import (
    CONNECTED_STATES,
    CloseReason,
    DeclineReason,
    Listing,
    ListingSide,
    Match,
    MatchEvent,
    MatchSource,
    MatchStatus,
)
from ..visibility import description_visible_q
from .rules import REVIEW_KINDS

S = MatchStatus
MIN_AGGREGATE = 3  # decline reasons reach a firm only as categories over at least this many decisions


def _managed_org_ids_q(user: User) -> Q:
    clusters = managed_cluster_ids(user)
    if not clusters:
        return Q(pk__in=[])
    orgs = ClusterMembership.objects.filter(cluster_id__in=clusters).values("organization_id")
    return Q(need__organization_id__in=orgs) | Q(counterpart_id__in=orgs)


def match_visible_q(user: User) -> Q:
    """Matches a person may see: their own organisations' (either side) and, for managers, their clusters'."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    orgs = member_org_ids(user)
    # Before an introduction only the counterpart's reviewers (and a colleague asked for an opinion) see it.
    counterpart = Q(counterpart_id__in=orgs) & (
        ~Q(status__in=(S.PROPOSED, S.DECLINED, S.DISMISSED)) | Q(counterpart_id__in=reviewing_org_ids(user))
        | Q(assigned_to=user))
    return Q(need__organization_id__in=orgs) | counterpart | _managed_org_ids_q(user)


def with_relations(qs: QuerySet[Match]) -> QuerySet[Match]:
    facets = Facet.objects.order_by("order", "slug")
    return qs.select_related(
        "need", "need__organization", "need__organization__stage", "need__stage", "counterpart", "decided_by",
        "assigned_to", "requested_by",
    ).prefetch_related(
        Prefetch("need__partnership_types", queryset=facets),
        Prefetch("need__therapeutic_areas", queryset=facets),
        Prefetch("supporting_listings", queryset=Listing.objects.select_related("organization").order_by("pk")),
    )


# What a queue card reads of a proposal, its need, the firm and the colleague asked (selectors.queue_cards).
QUEUE_CARD_FIELDS = (
    "id", "need", "counterpart", "score", "score_parts", "explanation", "source", "status", "assigned_to",
    "need__id", "need__organization", "need__side", "need__title", "need__description", "need__language",
    "need__visibility", "need__status", "need__expires_on",
    "need__organization__id", "need__organization__name_ko", "need__organization__name_en", "need__organization__kind",
    "need__organization__region", "need__organization__stage", "need__organization__stage__id",
    "need__organization__stage__label_ko", "need__organization__stage__label_en",
    "assigned_to__id", "assigned_to__full_name",
)


def queue_cards(ids: list[int], *, facets: dict[int, Facet]) -> list[Match]:
    """One queue page's proposals (``ids``), best score first, with what the cards and their reasons read, in five
    queries whatever the page's length: the rows with their needs, firms and colleagues asked (only the columns a
    card shows); the counterparts once (every row shares the reviewer's organisation); the needs' partnership
    types and therapeutic areas as lists (``need_types``, ``need_areas``; ``facets``: every term by id); the
    supporting capabilities (prefetched: visibility reads them through the relation).

    A lighter with_relations for the busiest list: building 25 full proposals, needs, firms and counterparts and
    three prefetched relations cost about twice the page's rendering."""
    rows = list(Match.objects.filter(pk__in=ids).select_related(
        "need", "need__organization", "need__organization__stage", "assigned_to").only(*QUEUE_CARD_FIELDS)
        .order_by("-score", "id"))
    if not rows:
        return rows
    counterparts = Organization.objects.in_bulk({m.counterpart_id for m in rows})
    need_ids = {m.need_id for m in rows}
    tags: dict[str, dict[int, list[Facet]]] = {}
    for name in ("partnership_types", "therapeutic_areas"):
        through = getattr(Listing, name).through
        tags[name] = defaultdict(list)
        for listing_id, facet_id in through.objects.filter(listing_id__in=need_ids).values_list("listing_id", "facet_id"):
            tags[name][listing_id].append(facets[facet_id])
    for m in rows:
        m.counterpart = counterparts[m.counterpart_id]
        # In the order with_relations prefetches them.
        m.need_types = sorted(tags["partnership_types"][m.need_id], key=lambda f: (f.order, f.slug))
        m.need_areas = sorted(tags["therapeutic_areas"][m.need_id], key=lambda f: (f.order, f.slug))
    prefetch_related_objects(rows, Prefetch("supporting_listings", queryset=Listing.objects.only(
        "id", "organization", "side", "title", "visibility", "status", "expires_on").order_by("pk")))
    return rows


def matches_for(*, user: User, status: str = "", organization_id: int | None = None, partnership_type: str = "",
                region: str = "", source: str = "") -> QuerySet[Match]:
    qs = Match.objects.filter(match_visible_q(user))
    if status:
        qs = qs.filter(status__in=status.split(","))
    if organization_id is not None:
        qs = qs.filter(Q(need__organization_id=organization_id) | Q(counterpart_id=organization_id))
    if partnership_type:
        qs = qs.filter(need__in=Listing.objects.filter(partnership_types__slug=partnership_type).values("pk"))
    if region:
        qs = qs.filter(Q(counterpart__region=region) | Q(need__organization__region=region))
    if source:
        qs = qs.filter(source=source)
    return with_relations(qs).order_by("-score", "need_id", "id")


def viewer_side(user: User, match: Match) -> str:
    """'need', 'counterpart', 'manager' or '' (not allowed to see it)."""
    if not user.is_authenticated:
        return ""
    orgs = member_org_ids(user)
    if match.need.organization_id in orgs:
        return "need"
    if match.counterpart_id in orgs and Match.objects.filter(match_visible_q(user), pk=match.pk).exists():
        return "counterpart"
    if user.is_superuser or Match.objects.filter(_managed_org_ids_q(user), pk=match.pk).exists():
        return "manager"
    return ""


def sides_for(user: User, matches: list[Match]) -> dict[int, str]:
    """viewer_side for rows already scoped by match_visible_q, without a query per row."""
    orgs = member_org_ids(user)
    return {m.pk: "need" if m.need.organization_id in orgs else "counterpart" if m.counterpart_id in orgs else "manager"
            for m in matches}


def reviewing_org_ids(user: User) -> set[int]:
    """Hospitals and universities whose proposals this person reviews (TTO; admins where none is TTO): one query."""
    if not user.is_authenticated:
        return set()
    tto_there = Membership.objects.filter(organization_id=OuterRef("organization_id"), is_tto=True,
                                          status=MembershipStatus.ACTIVE)
    mine = (Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE, organization__kind__in=REVIEW_KINDS)
            .annotate(has_tto=Exists(tto_there)).values_list("organization_id", "is_tto", "role", "has_tto"))
    return {o for o, tto, role, has_tto in mine if tto or (not has_tto and role == MembershipRole.ADMIN)}


def queue_org_ids(user: User, *, assigned_to_me: bool, org_ids: set[int] | None = None) -> set[int]:
    """The counterparts whose proposals make up the person's queue (``org_ids``: reviewing_org_ids, if read)."""
    if assigned_to_me:
        return member_org_ids(user)
    return reviewing_org_ids(user) if org_ids is None else org_ids


def _queue_base(user: User, *, assigned_to_me: bool, org_ids: set[int] | None = None) -> QuerySet[Match]:
    orgs = queue_org_ids(user, assigned_to_me=assigned_to_me, org_ids=org_ids)
    if assigned_to_me:
        return Match.objects.filter(status=S.PROPOSED, counterpart_id__in=orgs, assigned_to=user)
    return Match.objects.filter(status=S.PROPOSED, counterpart_id__in=orgs)


def review_queue(*, user: User, therapeutic_area: str = "", partnership_type: str = "", stage: str = "",
                 region: str = "", assigned_to_me: bool = False, org_ids: set[int] | None = None) -> QuerySet[Match]:
    """Proposals waiting for this reviewer's organisations, best score first (``org_ids``: reviewing_org_ids,
    if the caller has read it already)."""
    qs = _queue_base(user, assigned_to_me=assigned_to_me, org_ids=org_ids)
    if therapeutic_area:
        qs = qs.filter(need__in=Listing.objects.filter(therapeutic_areas__slug=therapeutic_area).values("pk"))
    if partnership_type:
        qs = qs.filter(need__in=Listing.objects.filter(partnership_types__slug=partnership_type).values("pk"))
    if stage:
        qs = qs.filter(Q(need__organization__stage__slug=stage) | Q(need__stage__slug=stage))
    if region:
        qs = qs.filter(need__organization__region=region)
    return with_relations(qs).order_by("-score", "id")


def queue_version(user: User, *, org_ids: set[int], reviewing: set[int]) -> tuple:
    """What the queue's kept cards show, for this viewer, as a tuple read in one round trip (core.fragments).

    ``org_ids`` are the counterparts of the queue (queue_org_ids), ``reviewing`` reviewing_org_ids. Every write to
    a match, a listing or an organisation sets its ``updated_at`` (QuerySet.update calls included), so the three
    maxima see an edit, a decision, a new or closed proposal, a changed answer rate or a description a connection
    reveals; counts over the queue's organisations see deleted proposals and capabilities; digests see a renamed
    colleague (the "opinion asked" badge: users have no ``updated_at``) and an edited taxonomy term; the latest
    admin log entry sees what the admin changes or deletes anywhere (another hospital's match behind a firm's
    answer rate). The viewer's organisations (memberships, TTO roles) are part of the tuple: visibility and the
    queue itself follow them.
    """
    orgs = sorted(org_ids)
    colleagues = User.objects.filter(pk__in=Membership.objects.filter(organization_id__in=orgs).values("user_id"))
    row = version(
        (Match, "updated_at"), (Match.objects.filter(counterpart_id__in=orgs), COUNT),
        (Listing, "updated_at"), (Listing.objects.filter(organization_id__in=orgs), COUNT),
        (Organization, "updated_at"),
        (colleagues, ("id", "full_name"), DIGEST),
        (Facet, ("id", "kind", "slug", "label_en", "label_ko", "order", "is_active"), DIGEST),
        (LogEntry, "id"),
    )
    return (*row, tuple(orgs), tuple(sorted(reviewing)), tuple(sorted(member_org_ids(user))))


# --- fit bands: the queue's score as words ----------------------------------------------------------
# A model score (1.21, 0.82) has no unit and shifts with every refit of the weights, so no fixed
# threshold means the same thing twice. What a reviewer can use is where a proposal stands among the
# ones waiting for them: the top third of their whole queue (unfiltered, all pages) is a "strong fit",
# the middle third "good", the last third "possible". Equal scores share a band (a proposal's rank is the
# number of proposals scoring strictly higher). Under MIN_FOR_BANDS proposals a rank says nothing, so
# no band is shown.
FIT_STRONG, FIT_GOOD, FIT_POSSIBLE = "strong", "good", "possible"
FIT_LABELS = {FIT_STRONG: gettext_lazy("Strong fit"), FIT_GOOD: gettext_lazy("Good fit"),
              FIT_POSSIBLE: gettext_lazy("Possible fit")}
MIN_FOR_BANDS = 3


def queue_ranked(*, user: User, assigned_to_me: bool = False, org_ids: set[int] | None = None) -> list[tuple[int, float]]:
    """(id, score) of the person's whole queue in the queue's order (best score first, then id): one query that
    gives both the unfiltered pages and the scores the fit bands rank against."""
    return list(_queue_base(user, assigned_to_me=assigned_to_me, org_ids=org_ids).order_by("-score", "id")
                .values_list("id", "score"))


def fit_band(score: float, ranked: list[float]) -> str:
    """"strong", "good" or "possible" from the score's rank in ``ranked`` (highest first); "" when the
    queue is too short to rank."""
    n = len(ranked)
    if n < MIN_FOR_BANDS:
        return ""
    higher = n - bisect_right(ranked[::-1], score)  # proposals scoring strictly higher
    if higher * 3 < n:
        return FIT_STRONG
    if higher * 3 < 2 * n:
        return FIT_GOOD
    return FIT_POSSIBLE


def inbox(*, user: User) -> QuerySet[Match]:
    """The introductions of the person's organisations (either side), open ones first."""
    orgs = member_org_ids(user)
    qs = Match.objects.filter(Q(need__organization_id__in=orgs) | Q(counterpart_id__in=orgs)).filter(
        Q(status__in=(S.INTRODUCED, S.CLOSED, *CONNECTED_STATES))
        | Q(status=S.PROPOSED, source__in=(MatchSource.REQUESTED, MatchSource.BROKERED), need__organization_id__in=orgs))
    return with_relations(qs).order_by("-updated_at", "-id")


def waiting_on_me(user: User, match: Match) -> bool:
    if match.status != S.INTRODUCED:
        return False
    orgs = member_org_ids(user)
    if match.need.organization_id in orgs:
        return match.need_side_accepted_at is None
    return match.counterpart_id in orgs and match.counterpart_accepted_at is None


def stale_proposals(*, user: User) -> QuerySet[Match]:
    """Proposals to hospitals/universities of the manager's clusters unreviewed for MATCH_REVIEW_STALE_DAYS."""
    days = settings.MATCH_REVIEW_STALE_DAYS
    cutoff = timezone.now() - timedelta(days=days)
    qs = Match.objects.filter(_managed_org_ids_q(user) if not user.is_superuser else Q(),
                              status=S.PROPOSED, counterpart__kind__in=REVIEW_KINDS, created_at__lt=cutoff)
    return with_relations(qs).order_by("created_at", "id")


# What each audit-trail action reads as (past tense); a state or reason reads as its choice label.
EVENT_LABELS = {
    "request": gettext_lazy("asked for an introduction"),
    "broker": gettext_lazy("proposed the introduction"),
    "approve": gettext_lazy("approved"),
    "auto_approve": gettext_lazy("approved (automatic)"),
    "introduce": gettext_lazy("introduced both sides"),
    "decline": gettext_lazy("declined"),
    "accept": gettext_lazy("accepted the introduction"),
    "reject": gettext_lazy("declined the introduction"),
    "withdraw": gettext_lazy("withdrew"),
    "expire": gettext_lazy("expired without an answer"),
    "replace": gettext_lazy("replaced by a stronger proposal"),
    "met": gettext_lazy("recorded that both sides met"),
    "assign": gettext_lazy("asked a colleague"),
    "partnership_recorded": gettext_lazy("recorded a partnership"),
    "partnership_confirmed": gettext_lazy("confirmed the partnership"),
}
_REASON_LABELS = {**dict(DeclineReason.choices), **dict(CloseReason.choices)}


def _label_event(e: MatchEvent) -> None:
    e.action_label = EVENT_LABELS.get(e.action, e.action)
    e.from_label = MatchStatus(e.from_status).label if e.from_status in MatchStatus.values else ""
    e.to_label = MatchStatus(e.to_status).label if e.to_status in MatchStatus.values else e.to_status
    e.reason_label = _REASON_LABELS.get(e.reason, e.reason)


def history(*, match: Match, side: str) -> list[MatchEvent]:
    """The audit trail, each row with translated labels; internal notes only for the counterpart
    (whose reviewers wrote them)."""
    rows = list(match.events.select_related("actor").order_by("created_at", "id"))
    if side != "counterpart":  # asking a colleague for an opinion is the reviewing side's own business
        rows = [e for e in rows if e.action != "assign"]
    for e in rows:
        if e.internal and side != "counterpart":
            e.note = ""
            if side == "need" and e.action == "decline":
                e.reason = ""  # a firm learns reasons only as aggregates
        _label_event(e)
    return rows


def firm_decline_summary(*, organization_id: int) -> dict[str, int]:
    """Decline categories on this organisation's needs, only once there are ≥3 decisions; no hospital named."""
    rows = Counter(Match.objects.filter(need__organization_id=organization_id, status=S.DECLINED)
                   .exclude(decline_category="").values_list("decline_category", flat=True))
    if sum(rows.values()) < MIN_AGGREGATE:
        return {}
    return {DeclineReason(k).label: v for k, v in rows.most_common()}


def model_version_figures() -> list[dict]:
    """Per model version: decisions, acceptance rate and the decline reasons (managers' view)."""
    decided = (S.DECLINED, S.DISMISSED, S.INTRODUCED, S.CLOSED, *CONNECTED_STATES)
    rows = (Match.objects.filter(status__in=decided).values("model_version", "status", "decline_category")
            .annotate(n=Count("id")).order_by("model_version"))
    out: dict[str, dict] = defaultdict(lambda: {"total": 0, "accepted": 0, "connected": 0, "declined": 0,
                                                "dismissed": 0, "reasons": Counter()})
    for r in rows:
        v = out[r["model_version"] or "—"]
        v["total"] += r["n"]
        if r["status"] in (S.INTRODUCED, S.CLOSED, *CONNECTED_STATES):
            v["accepted"] += r["n"]
        if r["status"] in CONNECTED_STATES:
            v["connected"] += r["n"]
        if r["status"] == S.DECLINED:
            v["declined"] += r["n"]
            if r["decline_category"]:
                v["reasons"][DeclineReason(r["decline_category"]).label] += r["n"]
        if r["status"] == S.DISMISSED:
            v["dismissed"] += r["n"]
    return [{"version": k, **v, "rate": round(100 * v["accepted"] / v["total"]) if v["total"] else 0,
             "reasons": v["reasons"].most_common()} for k, v in sorted(out.items())]


def responsiveness(org_ids: set[int], *, last: bool = True) -> dict[int, dict]:
    """Per organisation: share of asks answered (reviews and introduction answers) and last activity (two
    queries of the four; ``last=False`` leaves it None for a page that shows only the share)."""
    if not org_ids:
        return {}
    out = {o: {"asked": 0, "answered": 0, "last": None} for o in org_ids}
    cp = (Match.objects.filter(counterpart_id__in=org_ids).exclude(status__in=(S.PROPOSED, S.DISMISSED))
          .values_list("counterpart_id", "status", "counterpart_accepted_at", "counterpart_declined_at", "decided_by_id"))
    for org, status, acc, dec, decided_by in cp:
        out[org]["asked"] += 1
        out[org]["answered"] += bool(acc or dec or (status == S.DECLINED and decided_by))
    need = (Match.objects.filter(need__organization_id__in=org_ids, introduced_at__isnull=False)
            .values_list("need__organization_id", "need_side_accepted_at", "need_side_declined_at"))
    for org, acc, dec in need:
        out[org]["asked"] += 1
        out[org]["answered"] += bool(acc or dec)
    if not last:
        return _rates(out)
    people = Membership.objects.filter(organization_id__in=org_ids, status=MembershipStatus.ACTIVE)
    by_user = defaultdict(set)
    for u, o in people.values_list("user_id", "organization_id"):
        by_user[u].add(o)
    last = (MatchEvent.objects.filter(actor_id__in=list(by_user)).values("actor_id").annotate(t=Max("created_at")))
    for row in last:
        for o in by_user[row["actor_id"]]:
            if out[o]["last"] is None or row["t"] > out[o]["last"]:
                out[o]["last"] = row["t"]
    return _rates(out)


def _rates(out: dict[int, dict]) -> dict[int, dict]:
    for v in out.values():
        v["rate"] = round(100 * v["answered"] / v["asked"]) if v["asked"] else None
    return out


def unread_notifications(user: User) -> int:
    if not user.is_authenticated:
        return 0
    return user.notifications.filter(read_at__isnull=True).count()


# --- score parts a reader may see ---------------------------------------------------------------------
# What each part of ``Match.score_parts`` is computed from (``matching.engine.model.Model.query_parts``):
# - text, text_max, embed: the need's title and description against the counterpart's capability texts;
# - peers: the need's text against other organisations' needs; capacity: requirements read from the need's text;
# - facets: tags, which a confidential listing shows to everyone who may see it;
# - popularity, copartner, region: the partnership graph and organisations' profiles, no listing text.
# A number computed from a text is a side channel into it, so a reader who may not read the need's
# description gets only the text-free parts, and one who may not read a capability description of the
# counterpart loses the parts compared with capability texts. A part not named here (a later engine's)
# counts as text-derived: it reaches only a reader who may read both sides' texts.
TEXT_FREE_PARTS = frozenset({"facets", "popularity", "copartner", "region", "activity"})
NEED_TEXT_ONLY_PARTS = frozenset({"peers", "capacity"})


def _counterparts_with_hidden_capabilities(user: User, matches: list[Match]) -> set[int]:
    ids = {m.counterpart_id for m in matches}
    if not ids:
        return set()
    rows = (Listing.objects.filter(organization_id__in=ids, side=ListingSide.CAPABILITY)
            .exclude(description_visible_q(user)).order_by().values_list("organization_id", flat=True).distinct())
    return set(rows)


def score_parts_allowed(user: User, matches: list[Match], *, hidden_ids: set[int]) -> dict[int, frozenset[str] | None]:
    """Per match, the score parts ``user`` may see (None: all of them), in one query for the whole list.

    ``hidden_ids`` are the listings of these matches whose description ``user`` may not read
    (``visibility.hidden_description_ids``)."""
    closed = _counterparts_with_hidden_capabilities(user, matches)
    out: dict[int, frozenset[str] | None] = {}
    for m in matches:
        best = str(((m.explanation or {}).get("best_pair") or {}).get("capability") or "")
        supporting_hidden = any(s.pk in hidden_ids for s in m.supporting_listings.all()) or (
            best.isdigit() and int(best) in hidden_ids)
        if m.need_id in hidden_ids:
            out[m.pk] = TEXT_FREE_PARTS
        elif supporting_hidden or m.counterpart_id in closed:
            out[m.pk] = TEXT_FREE_PARTS | NEED_TEXT_ONLY_PARTS
        else:
            out[m.pk] = None
    return out


def visible_score_parts(match: Match, allowed: frozenset[str] | None) -> dict:
    parts = dict(match.score_parts or {})
    return parts if allowed is None else {k: v for k, v in parts.items() if k in allowed}
