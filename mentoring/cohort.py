"""From the database to the optimiser: a programme's cohort as an ``assignment.Instance``.

Startups are the programme's cohort; mentors are its enlisted mentors (or, when it enlisted none,
every mentor serving its cluster) who are verified and available. A mentor's capacity here is
what their capacity leaves after seats they hold in other open programmes. Hard conflicts: the
startup is among the mentor's affiliated or invested organisations, the mentor belongs to it, or it
is the organisation they mentor for. Fit comes from ``scoring.pair_scores`` (or the scorer given).
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from accounts.models import Membership, MembershipStatus, Organization
from matching.engine.types import Listing as EngineListing
from matching.models import Listing, ListingSide, ListingStatus, ListingVisibility
from taxonomy.models import FacetKind

from .assignment import Instance
from .models import (
    HOLDING_SEAT_STATUSES,
    Availability,
    CohortStartup,
    MentoringRequest,
    MentorProfile,
    MentorStatus,
    PanelSeat,
    Programme,
    ProgrammeApplication,
    ProgrammeStatus,
    RequestStatus,
)
from .scoring import MentorCard, StartupCard, pair_scores

Scorer = Callable[[list[StartupCard], list[MentorCard]], dict[tuple[str, str], float]]
FIT_KINDS = (FacetKind.THERAPEUTIC_AREA, FacetKind.TECHNOLOGY)


@dataclass
class Cohort:
    instance: Instance
    startups: dict[str, Organization]
    mentors: dict[str, MentorProfile]


def _facet_keys(facets: Iterable) -> set[str]:
    return {f"{f.kind}:{f.slug}" for f in facets if f.kind in FIT_KINDS}


def need_record(listing: Listing, focus: Iterable = ()) -> EngineListing:
    """A need as the ranking reads it. A confidential need gives only its title and tags: its
    description is for connected partners, never for a mentor."""
    confidential = listing.visibility == ListingVisibility.CONFIDENTIAL
    return EngineListing(
        id=str(listing.pk), org=str(listing.organization_id), side="need", title=listing.title,
        description="" if confidential else listing.description, lang=listing.language,
        therapeutic_areas=tuple(sorted({f.slug for f in [*listing.therapeutic_areas.all(), *focus]
                                        if f.kind == FacetKind.THERAPEUTIC_AREA})),
        technologies=tuple(sorted({f.slug for f in [*listing.technologies.all(), *focus]
                                   if f.kind == FacetKind.TECHNOLOGY})),
    )


def startup_cards(programme: Programme, orgs: list[Organization]) -> list[StartupCard]:
    """Each startup's open needs and its application's focus (three queries).

    The focus ("areas to be mentored in") tags every need of the startup, and a startup without an
    open need is ranked on its focus alone (a need record with tags and no text).
    """
    ids = [o.pk for o in orgs]
    facets: dict[int, set[str]] = {pk: set() for pk in ids}
    languages: dict[int, set[str]] = {pk: set() for pk in ids}
    focus: dict[int, list] = {pk: [] for pk in ids}
    applications = ProgrammeApplication.objects.filter(programme=programme, organization_id__in=ids)
    for application in applications.select_related("submitted_by").prefetch_related("focus"):
        org = application.organization_id
        focus[org] += list(application.focus.all())
        facets[org] |= _facet_keys(focus[org])
        if application.submitted_by_id:
            languages[org].add(application.submitted_by.language)
    records: dict[int, list[EngineListing]] = {pk: [] for pk in ids}
    needs = Listing.objects.filter(organization_id__in=ids, side=ListingSide.NEED, status=ListingStatus.OPEN)
    for listing in needs.prefetch_related("therapeutic_areas", "technologies").order_by("pk"):
        org = listing.organization_id
        facets[org] |= _facet_keys([*listing.therapeutic_areas.all(), *listing.technologies.all()])
        languages[org].add(listing.language)
        records[org].append(need_record(listing, focus[org]))
    for pk in ids:
        if not records[pk] and focus[pk]:
            records[pk].append(EngineListing(
                id=f"focus-{pk}", org=str(pk), side="need", lang=min(languages[pk], default=""),
                therapeutic_areas=tuple(f.slug for f in focus[pk] if f.kind == FacetKind.THERAPEUTIC_AREA),
                technologies=tuple(f.slug for f in focus[pk] if f.kind == FacetKind.TECHNOLOGY)))
    return [StartupCard(str(pk), frozenset(facets[pk]), frozenset(languages[pk]), tuple(records[pk])) for pk in ids]


def mentor_card(profile: MentorProfile) -> MentorCard:
    facets = _facet_keys([*profile.therapeutic_areas.all(), *profile.technologies.all()])
    expertise = "\n".join(t for t in (profile.headline, profile.expertise, profile.career) if t.strip())
    publications = tuple((p.title, p.abstract) for p in profile.publications.all())
    return MentorCard(str(profile.pk), frozenset(facets), frozenset(profile.language_list), expertise, publications)


def _mentor_qs() -> QuerySet[MentorProfile]:
    return MentorProfile.objects.select_related("user").prefetch_related(
        "therapeutic_areas", "technologies", "publications", "affiliated_organizations", "invested_organizations",
    )


def eligible_mentors(programme: Programme) -> QuerySet[MentorProfile]:
    qs = _mentor_qs().filter(status=MentorStatus.VERIFIED, availability=Availability.AVAILABLE, user__is_active=True)
    if programme.cohort_mentors.exists():
        return qs.filter(cohorts__programme=programme).order_by("id")
    return qs.filter(clusters=programme.cluster_id).order_by("id")


def held_elsewhere(programme: Programme, mentor_ids: Iterable[int]) -> Counter:
    """Places each mentor holds outside this programme: seats (published or accepted) in the other
    programmes that are not closed, and startups' direct requests they accepted."""
    mentor_ids = list(mentor_ids)
    rows = (
        PanelSeat.objects.filter(mentor_id__in=mentor_ids, status__in=HOLDING_SEAT_STATUSES)
        .exclude(programme=programme).exclude(programme__status=ProgrammeStatus.CLOSED)
        .values("mentor_id").annotate(n=Count("id")).values_list("mentor_id", "n")
    )
    requests = (
        MentoringRequest.objects.filter(mentor_id__in=mentor_ids, status=RequestStatus.ACCEPTED)
        .values("mentor_id").annotate(n=Count("id")).values_list("mentor_id", "n")
    )
    return Counter(dict(rows)) + Counter(dict(requests))


def conflict_pairs(mentors: Iterable[MentorProfile], startup_ids: set[int]) -> set[tuple[str, str]]:
    """(startup id, mentor id) pairs that may never be assigned."""
    mentors = list(mentors)
    own: dict[int, set[int]] = {}
    for user_id, org_id in Membership.objects.filter(
        user_id__in=[m.user_id for m in mentors], status=MembershipStatus.ACTIVE
    ).values_list("user_id", "organization_id"):
        own.setdefault(user_id, set()).add(org_id)
    pairs = set()
    for m in mentors:
        orgs = {o.pk for o in m.affiliated_organizations.all()} | {o.pk for o in m.invested_organizations.all()}
        orgs |= own.get(m.user_id, set()) | ({m.organization_id} if m.organization_id else set())
        pairs |= {(str(s), str(m.pk)) for s in orgs & startup_ids}
    return pairs


def build_cohort(
    programme: Programme, *, scorer: Scorer = pair_scores, keep: Iterable[PanelSeat] = (),
    also: Iterable[PanelSeat] = (),
) -> Cohort:
    """The programme as an optimiser instance.

    ``keep`` are seats that stay (the refill's fixed seats): their mentors are in the instance even
    when no longer eligible, with room for at least those seats, and their pairs keep their stored
    fit. ``also`` are seats that must be known to the instance without being kept (the declined ones).
    """
    keep, also = list(keep), list(also)
    orgs = [c.organization for c in CohortStartup.objects.filter(programme=programme).select_related("organization")]
    # A seat's startup is in the cohort; should one not be (removed by hand in the admin), it stays known.
    missing = {s.startup_id for s in [*keep, *also]} - {o.pk for o in orgs}
    orgs += list(Organization.objects.filter(pk__in=missing).order_by("pk"))
    startups = {str(o.pk): o for o in orgs}
    eligible = {str(m.pk): m for m in eligible_mentors(programme)}
    extra_ids = {s.mentor_id for s in [*keep, *also]} - {int(k) for k in eligible}
    mentors = {**eligible, **{str(m.pk): m for m in _mentor_qs().filter(pk__in=extra_ids)}}
    fixed = Counter(str(s.mentor_id) for s in keep)
    held = held_elsewhere(programme, [m.pk for m in mentors.values()])
    capacity = {}
    for key, m in mentors.items():
        room = max(m.capacity - held[m.pk], 0) if key in eligible else 0
        capacity[key] = max(room, fixed[key])
    cards = startup_cards(programme, orgs)
    scores = scorer(cards, [mentor_card(m) for k, m in eligible.items() if capacity[k] > 0])
    scores = {pair: float(w) for pair, w in scores.items() if pair[0] in startups and pair[1] in mentors}
    kept_pairs = set()
    for seat in [*keep, *also]:
        pair = (str(seat.startup_id), str(seat.mentor_id))
        scores.setdefault(pair, seat.score)
        if seat in keep:
            kept_pairs.add(pair)
    conflicts = conflict_pairs(mentors.values(), {o.pk for o in orgs}) - kept_pairs
    instance = Instance(
        startups=tuple(startups), capacity=capacity, scores=scores, conflicts=frozenset(conflicts),
        panel=programme.panel_size,
    )
    return Cohort(instance=instance, startups=startups, mentors=mentors)
