"""Builders for the mentoring tests: mentors, startups with open needs, programmes with a cohort."""

from datetime import timedelta

from accounts.models import MembershipRole, OrganizationKind
from core.dates import today as local_today
from matching.models import Listing, ListingSide, ListingStatus
from mentoring.models import (
    Availability,
    CohortStartup,
    MentorProfile,
    MentorStatus,
    PanelSeat,
    Programme,
    ProgrammeStatus,
    SeatStatus,
)
from taxonomy.models import Facet, FacetKind
from tests.factories import ClusterFactory, MembershipFactory, OrganizationFactory, UserFactory, cluster_manager

AREA, TECH = FacetKind.THERAPEUTIC_AREA, FacetKind.TECHNOLOGY
# What a mentor and a need say about each slug: fit is ranked on text, so the texts follow the tags
# (two facets apart are two topics apart, well below the scorer's semantic floor).
TOPICS = {"oncology": "solid tumour cancer drugs", "diagnostic": "in-vitro diagnostic test kits",
          "biologic": "antibody biologics", "cardiology": "heart failure and arrhythmia",
          "neurology": "stroke and dementia"}


def topic(slugs) -> str:
    return ", ".join(TOPICS.get(s, s.replace("_", " ")) for s in slugs)


def facets(*slugs: str) -> list[Facet]:
    return list(Facet.objects.filter(slug__in=slugs, kind__in=[AREA, TECH]))


def mentor(*, name: str = "", slugs=("oncology",), languages: str = "ko", capacity: int = 2, clusters=(),
           status: str = MentorStatus.VERIFIED, availability: str = Availability.AVAILABLE, **user_kw) -> MentorProfile:
    user = UserFactory(**({"full_name": name} if name else {}), **user_kw)
    profile = MentorProfile.objects.create(
        user=user, expertise=topic(slugs), languages=languages, capacity=capacity,
        status=status, availability=availability,
    )
    chosen = facets(*slugs)
    profile.therapeutic_areas.set([f for f in chosen if f.kind == AREA])
    profile.technologies.set([f for f in chosen if f.kind == TECH])
    profile.clusters.set(clusters)
    return profile


def startup(*, slugs=("oncology",), language: str = "ko", name: str = ""):
    """A verified firm, its admin, and one open need tagged with ``slugs``."""
    org = OrganizationFactory(kind=OrganizationKind.FIRM, **({"name_en": name} if name else {}))
    admin = UserFactory()
    MembershipFactory(user=admin, organization=org, role=MembershipRole.ADMIN)
    listing = Listing.objects.create(organization=org, side=ListingSide.NEED, title=topic(slugs),
                                     description="We are looking for a mentor.", language=language,
                                     status=ListingStatus.OPEN)
    chosen = facets(*slugs)
    listing.therapeutic_areas.set([f for f in chosen if f.kind == AREA])
    listing.technologies.set([f for f in chosen if f.kind == TECH])
    return admin, org


def programme(*, cluster=None, status: str = ProgrammeStatus.OPEN, panel_size: int = 3, startups=(),
              name: str = "Spring cohort") -> Programme:
    cluster = cluster or ClusterFactory()
    today = local_today()
    prog = Programme.objects.create(cluster=cluster, name_en=name, name_ko="봄 코호트", starts_on=today,
                                    ends_on=today + timedelta(days=90), panel_size=panel_size, status=status)
    for org in startups:
        CohortStartup.objects.create(programme=prog, organization=org)
    return prog


def managed_programme(**kw) -> tuple:
    manager, cluster = cluster_manager()
    return manager, programme(cluster=cluster, **kw)


def seat(prog: Programme, org, profile: MentorProfile, status: str = SeatStatus.PUBLISHED, score: float = 1.0):
    return PanelSeat.objects.create(programme=prog, startup=org, mentor=profile, status=status, score=score)


def pairs(prog: Programme, *statuses: str) -> set[tuple[int, int]]:
    qs = PanelSeat.objects.filter(programme=prog)
    if statuses:
        qs = qs.filter(status__in=statuses)
    return set(qs.values_list("startup_id", "mentor_id"))
