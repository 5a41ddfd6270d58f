"""A small world for organisation pages and saved searches: a firm with listings of every kind, a second firm
and a hospital (all verified); a member of each firm."""

from dataclasses import dataclass

from matching.models import Listing, ListingStatus, ListingVisibility
from taxonomy.models import Facet, FacetKind
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

SECRET = "QZV-9931 비밀 설명"  # only ever in the confidential listing's description


def make_listing(org, *, title: str, side: str = "need", visibility: str = ListingVisibility.MEMBERS,
                 status: str = ListingStatus.OPEN, description: str = "We look for a phase 1 site.",
                 areas: tuple[str, ...] = ("oncology",)) -> Listing:
    listing = Listing.objects.create(organization=org, side=side, title=title, description=description,
                                     language="en", visibility=visibility, status=status)
    listing.partnership_types.set(Facet.objects.filter(kind=FacetKind.PARTNERSHIP_TYPE, slug="clinical_trial"))
    listing.therapeutic_areas.set(Facet.objects.filter(kind=FacetKind.THERAPEUTIC_AREA, slug__in=areas))
    return listing


@dataclass
class World:
    firm: object
    other_firm: object
    hospital: object
    member: object  # of firm
    other: object  # of other_firm
    open_need: Listing
    draft: Listing
    closed: Listing
    confidential: Listing
    capability: Listing


def build_world() -> World:
    firm = OrganizationFactory(name_en="Alpha Bio", name_ko="알파바이오")
    other_firm = OrganizationFactory(name_en="Beta Devices", name_ko="베타디바이스")
    hospital = OrganizationFactory(name_en="Han River Hospital", name_ko="한강병원", kind="hospital")
    member, other = UserFactory(language="en"), UserFactory(language="ko")
    MembershipFactory(user=member, organization=firm)
    MembershipFactory(user=other, organization=other_firm)
    return World(
        firm=firm, other_firm=other_firm, hospital=hospital, member=member, other=other,
        open_need=make_listing(firm, title="Open sepsis need"),
        draft=make_listing(firm, title="Draft biomarker need", status=ListingStatus.DRAFT),
        closed=make_listing(firm, title="Closed imaging need", status=ListingStatus.CLOSED),
        confidential=make_listing(firm, title="Confidential companion diagnostic", description=SECRET,
                                  visibility=ListingVisibility.CONFIDENTIAL),
        capability=make_listing(firm, title="Assay development capability", side="capability",
                                visibility=ListingVisibility.PUBLIC),
    )
