"""Specialisation: the profile a page shows, and the one place focus areas are written.

Who may do what (the pages and the API share these checks):
- see a cluster's specialisation page: its managers and platform admins, and people of its member
  organisations (verified, membership approved) — the dashboard's rule;
- propose a focus area, endorse one: a person acting for a verified member organisation of that cluster; an
  organisation endorses a focus area at most once, and never its own proposal (proposing is its support);
- publish or withdraw: the cluster's managers (and platform admins).
Proposed and published focus areas are visible to the cluster's members; withdrawn ones to managers only;
nothing to anyone outside the cluster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organization
from accounts.selectors import managed_cluster_ids, member_org_ids
from clusters.indicators.specialisation import (
    DOWN,
    NEW,
    STEADY,
    UP,
    complementarity,
    location_quotients,
    specialisation_profiles,
)
from clusters.models import Alliance, Cluster
from portal.models import FocusArea, FocusEndorsement, FocusStatus
from taxonomy.models import FacetKind

from . import selectors

TOP_TERMS = 10
STATUS_ORDER = (FocusStatus.PUBLISHED, FocusStatus.PROPOSED, FocusStatus.WITHDRAWN)
TREND_DAYS = 365  # the trend compares the profile now with the one a year ago

TREND_WORDS = {
    UP: ("↑", gettext_lazy("more specialised than a year ago")),
    DOWN: ("↓", gettext_lazy("less specialised than a year ago")),
    STEADY: ("→", gettext_lazy("about as specialised as a year ago")),
    NEW: ("+", gettext_lazy("new since a year ago")),
}


def trend_text(code: str | None) -> tuple[str, str]:
    """An arrow and its words (translated) for a trend code."""
    arrow, words = TREND_WORDS.get(code or "", ("", ""))
    return arrow, str(words)


# --- permissions --------------------------------------------------------------------------------------


def can_manage(user, cluster: Cluster) -> bool:
    return bool(user.is_authenticated) and (user.is_superuser or cluster.pk in managed_cluster_ids(user))


def acting_orgs(user, cluster: Cluster) -> list[Organization]:
    """The organisations ``user`` may act for in ``cluster``: active membership, verified, approved member."""
    if not user.is_authenticated:
        return []
    ids = selectors.verified_member_org_ids(cluster.pk, member_org_ids(user))
    return selectors.organizations(ids)


def can_view(user, cluster: Cluster) -> bool:
    return can_manage(user, cluster) or bool(acting_orgs(user, cluster))


def visible_focus_areas(user, cluster: Cluster) -> QuerySet[FocusArea]:
    """The cluster's focus areas ``user`` may see, with ``endorsement_count``, published first."""
    qs = FocusArea.objects.filter(cluster=cluster)
    if can_manage(user, cluster):
        pass
    elif acting_orgs(user, cluster):
        qs = qs.exclude(status=FocusStatus.WITHDRAWN)
    else:
        qs = qs.none()
    rank = Case(*[When(status=s, then=Value(i)) for i, s in enumerate(STATUS_ORDER)], output_field=IntegerField())
    return (qs.select_related("facet", "proposed_by").annotate(endorsement_count=Count("endorsements"), rank=rank)
            .order_by("rank", "-endorsement_count", "-created_at", "id"))


def visible_focus_areas_anywhere(user) -> QuerySet[FocusArea]:
    """Every focus area ``user`` may see over the API: all of the clusters it manages, proposed and published
    ones of the clusters its organisations are verified members of."""
    qs = FocusArea.objects.select_related("cluster", "facet", "proposed_by").annotate(
        endorsement_count=Count("endorsements"))
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    managed = managed_cluster_ids(user)
    member_of = selectors.clusters_of_orgs(member_org_ids(user))
    return qs.filter(Q(cluster_id__in=managed) | (Q(cluster_id__in=member_of) & ~Q(status=FocusStatus.WITHDRAWN)))


def endorsed_by(orgs: list[Organization], focus_ids: list[int]) -> set[int]:
    """Focus areas (of ``focus_ids``) any of ``orgs`` already endorsed."""
    return set(FocusEndorsement.objects.filter(organization__in=orgs, focus_area_id__in=focus_ids)
               .values_list("focus_area_id", flat=True))


def endorsable(orgs: list[Organization], focus_areas: list[FocusArea]) -> set[int]:
    """Focus areas at least one of ``orgs`` may still endorse: not withdrawn, not its own, not endorsed yet."""
    if not orgs or not focus_areas:
        return set()
    done: dict[int, set[int]] = {}
    for focus_id, org_id in FocusEndorsement.objects.filter(
        organization__in=orgs, focus_area__in=focus_areas,
    ).values_list("focus_area_id", "organization_id"):
        done.setdefault(focus_id, set()).add(org_id)
    return {f.pk for f in focus_areas if f.status != FocusStatus.WITHDRAWN
            and any(o.pk != f.proposed_by_id and o.pk not in done.get(f.pk, set()) for o in orgs)}


def _require_acting(user, cluster: Cluster, organization: Organization) -> None:
    if organization.pk not in {o.pk for o in acting_orgs(user, cluster)}:
        raise PermissionDenied(_("Only people of a verified member organisation of this cluster may do this."))


# --- writes -------------------------------------------------------------------------------------------


def propose(*, user, cluster: Cluster, organization: Organization, title: str, rationale: str,
            facet=None) -> FocusArea:
    """A member organisation proposes a focus area for its cluster (status ``proposed``)."""
    _require_acting(user, cluster, organization)
    if facet is not None and facet.kind not in (FacetKind.THERAPEUTIC_AREA, FacetKind.TECHNOLOGY):
        raise ValidationError(_("Choose a therapeutic area or a technology."))
    return FocusArea.objects.create(cluster=cluster, facet=facet, title=title.strip(), rationale=rationale.strip(),
                                    proposed_by=organization, proposed_by_user=user)


def endorse(*, user, focus: FocusArea, organization: Organization) -> FocusEndorsement:
    """A member organisation of the focus area's cluster supports it: once, and never its own proposal."""
    _require_acting(user, focus.cluster, organization)
    if focus.status == FocusStatus.WITHDRAWN:
        raise ValidationError(_("This focus area was withdrawn and can no longer be endorsed."))
    if focus.proposed_by_id == organization.pk:
        raise ValidationError(_("Your organisation proposed this focus area; its proposal already counts as its support."))
    try:
        with transaction.atomic():
            return FocusEndorsement.objects.create(focus_area=focus, organization=organization, user=user)
    except IntegrityError:
        raise ValidationError(
            _("%(org)s has already endorsed this focus area.") % {"org": organization.name}
        ) from None


def decide(*, user, focus: FocusArea, status: str) -> FocusArea:
    """Managers publish or withdraw a focus area."""
    if not can_manage(user, focus.cluster):
        raise PermissionDenied(_("Only the cluster's managers publish or withdraw focus areas."))
    if status not in (FocusStatus.PUBLISHED, FocusStatus.WITHDRAWN):
        raise ValidationError(_("A focus area can only be published or withdrawn."))
    focus.status = status
    focus.decided_by = user
    focus.decided_at = timezone.now()
    focus.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    return focus


# --- the profile --------------------------------------------------------------------------------------


@dataclass
class ProfileRow:
    facet_id: int
    label: str
    count: float
    lq: float | None
    previous_lq: float | None
    trend: str | None
    arrow: str = ""
    trend_words: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"facet": self.facet_id, "label": self.label, "count": self.count, "lq": self.lq,
                "previous_lq": self.previous_lq, "trend": self.trend}


@dataclass
class Profiles:
    """Every cluster's profile per facet kind (LQ against all clusters), now and a year before."""

    at: datetime
    kinds: dict[str, dict[int, list[ProfileRow]]] = field(default_factory=dict)
    lqs: dict[str, dict[int, dict[int, float | None]]] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)


KINDS = (FacetKind.THERAPEUTIC_AREA, FacetKind.TECHNOLOGY)


def profiles(*, at: datetime | None = None) -> Profiles:
    """The profiles of all clusters (the reference is all clusters, so one is never computed alone)."""
    at = at or timezone.now()
    before = at - timedelta(days=TREND_DAYS)
    cluster_ids = list(Cluster.objects.order_by("pk").values_list("pk", flat=True))
    members = selectors.member_clusters()
    out = Profiles(at=at)
    raw: dict[str, Any] = {}
    facet_ids: set[int] = set()
    for kind in KINDS:
        now_counts = selectors.facet_counts(kind, at, cluster_ids, members)
        then_counts = selectors.facet_counts(kind, before, cluster_ids, members)
        raw[kind] = specialisation_profiles(now_counts, then_counts)
        out.lqs[kind] = location_quotients(now_counts)  # type: ignore[assignment]
        facet_ids |= {f for terms in now_counts.values() for f in terms}
    out.labels = {pk: f.label for pk, f in selectors.facets(facet_ids).items()}
    for kind in KINDS:
        out.kinds[kind] = {}
        for cluster_id, entries in raw[kind].items():
            rows = []
            for e in entries:
                arrow, words = trend_text(e.trend)
                rows.append(ProfileRow(e.term, out.labels.get(e.term, str(e.term)), e.count, e.lq, e.previous_lq,
                                       e.trend, arrow, words))
            out.kinds[kind][cluster_id] = rows
    return out


def cluster_profile(cluster: Cluster, *, top: int = TOP_TERMS, at: datetime | None = None) -> list[dict[str, Any]]:
    """Per facet kind: a title and the cluster's top terms by LQ (the page's and the API's profile)."""
    found = profiles(at=at)
    return [{"kind": kind, "title": str(FacetKind(kind).label), "rows": found.kinds[kind].get(cluster.pk, [])[:top]}
            for kind in KINDS]


@dataclass
class AllianceView:
    clusters: list[Cluster]
    profiles: list[dict[str, Any]]  # per cluster: its name and per-kind top rows
    complements: list[dict[str, Any]]  # per kind: rows of term, strong clusters, weak clusters
    overlap: list[dict[str, Any]]  # per kind: the terms ≥2 clusters are specialised in


def _lq_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def alliance_view(alliance: Alliance, *, top: int = TOP_TERMS, at: datetime | None = None) -> AllianceView:
    """How the alliance's clusters complement each other: where one's LQ > 1 and another's < 1, and overlap."""
    clusters = list(alliance.clusters.order_by("name_en"))
    found = profiles(at=at)
    names = {c.pk: c.name for c in clusters}
    ids = [c.pk for c in clusters]
    per_cluster = [{"cluster": c, "kinds": [{"kind": k, "title": str(FacetKind(k).label),
                                             "rows": found.kinds[k].get(c.pk, [])[:top]} for k in KINDS]}
                   for c in clusters]
    complements, overlap = [], []
    for kind in KINDS:
        lqs = found.lqs[kind]
        comp, over = complementarity(lqs, ids)
        complements.append({"kind": kind, "title": str(FacetKind(kind).label), "rows": [
            {"facet": c.term, "label": found.labels.get(c.term, str(c.term)),
             "strong": [{"name": names[x], "lq": _lq_text(lqs[x].get(c.term))} for x in c.strong],
             "weak": [{"name": names[x], "lq": _lq_text(lqs[x].get(c.term) or 0.0)} for x in c.weak]}
            for c in comp]})
        overlap.append({"kind": kind, "title": str(FacetKind(kind).label), "rows": [
            {"facet": t, "label": found.labels.get(t, str(t)),
             "clusters": [{"name": names[x], "lq": _lq_text(lqs[x].get(t))} for x in ids if (lqs[x].get(t) or 0) > 1]}
            for t in over]})
    return AllianceView(clusters, per_cluster, complements, overlap)
