"""A small world for the review tests: a startup, another firm, two hospitals (one with a TTO
reviewer and an admin who is not TTO), a cluster manager, one proposal with confidential texts."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import MembershipRole
from matching.models import Listing, Match, MatchSource
from taxonomy.models import Facet, FacetKind
from tests.factories import ClusterMembershipFactory, MembershipFactory, OrganizationFactory, UserFactory, cluster_manager

MARKER = "QZX77비밀표지"  # in the hospital's confidential capability
NEED_MARKER = "NEEDMK-4411기밀"  # in the firm's confidential need
PHONE_MARKER = "010-7731-4242"  # the hospital reviewer's phone (a contact detail)
EMAIL_MARKER = "tto.reviewer@hospital-marker.kr"
MESSAGE_MARKER = "MSGMARK-5521 첫 메시지"


@dataclass
class World:
    firm: object
    startup: object  # a member of the firm
    other_firm_user: object
    hospital: object
    tto: object
    hospital_admin: object  # admin of the hospital, not TTO
    other_tto: object
    manager: object
    outsider: object  # a manager of another cluster
    need: Listing
    capability: Listing
    match: Match
    cluster: object = None


def facets(kind, *slugs):
    return list(Facet.objects.filter(kind=kind, slug__in=slugs))


def make_listing(org, side, title, description, *, visibility="confidential") -> Listing:
    obj = Listing.objects.create(organization=org, side=side, title=title, description=description, language="en",
                                 visibility=visibility)
    obj.partnership_types.set(facets(FacetKind.PARTNERSHIP_TYPE, "clinical_trial"))
    obj.therapeutic_areas.set(facets(FacetKind.THERAPEUTIC_AREA, "oncology"))
    return obj


def build_world() -> World:
    manager, cluster = cluster_manager()
    outsider, _other_cluster = cluster_manager()
    firm = OrganizationFactory(name_en="Alpha Bio", name_ko="알파바이오", kind="firm")
    startup = UserFactory(full_name="Startup Founder", phone="010-1111-2222")
    MembershipFactory(user=startup, organization=firm, role=MembershipRole.ADMIN)
    other_firm = OrganizationFactory(name_en="Beta Devices", kind="firm")
    other_firm_user = UserFactory()
    MembershipFactory(user=other_firm_user, organization=other_firm)
    hospital = OrganizationFactory(name_en="Han River Hospital", name_ko="한강병원", kind="hospital", irb_days=21,
                                   trial_phases=["1", "2"])
    tto = UserFactory(full_name="TTO Reviewer", phone=PHONE_MARKER, email=EMAIL_MARKER)
    MembershipFactory(user=tto, organization=hospital, is_tto=True)
    hospital_admin = UserFactory(full_name="Hospital Admin")
    MembershipFactory(user=hospital_admin, organization=hospital, role=MembershipRole.ADMIN)
    other_hospital = OrganizationFactory(name_en="Other Hospital", kind="hospital")
    other_tto = UserFactory()
    MembershipFactory(user=other_tto, organization=other_hospital, is_tto=True)
    for org in (firm, other_firm, hospital, other_hospital):
        ClusterMembershipFactory(organization=org, cluster=cluster)
    need = make_listing(firm, "need", "Phase 1 oncology site", f"Our antibody {NEED_MARKER} needs a phase 1 site.")
    cap = make_listing(hospital, "capability", "Early-phase trial unit", f"Ward with {MARKER} research nurses.")
    match = Match.objects.create(need=need, counterpart=hospital, score=0.82, source=MatchSource.MODEL,
                                 model_version="v-test", explanation={"shared_facets": ["oncology"]},
                                 score_parts={"text": 0.5})
    match.supporting_listings.set([cap])
    return World(firm, startup, other_firm_user, hospital, tto, hospital_admin, other_tto, manager, outsider,
                 need, cap, match, cluster)
