"""One small world for the permission matrix: a person for every role and one of every object a route's id
can name (see tests/security/test_permission_matrix.py).

Cluster "mx" (managed by ``manager``) holds the startup's firm, another firm, two hospitals and an investor;
a pending firm asked to join it. Cluster "mx-other" has its own manager. Alliance "mx-alliance" joins the two.
The startup's confidential need has one proposed match with the hospital (reviewed by the hospital's TTO); its
second need is connected with the other hospital (one message with a file in its thread).
A published partnering event of "mx" has registrations of the startup and the TTO, a meeting request between
them and a scheduled meeting. A mentoring programme of "mx" has the startup's firm in its cohort and a
published seat for the mentor, with one logged session; the startup also asked the mentor directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import (
    Invitation,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationChange,
    User,
)
from clusters.models import Alliance, ClusterMembership
from core.dates import today as local_today
from events.models import CalendarFeed, Meeting, MeetingRequest, PartneringSession, Registration
from events.qr import checkin_token
from events.registration import event_register
from matching.models import Match, MatchMessage, MatchRun, MatchSource, MessageAttachment
from mentoring.models import (
    MentoringRequest,
    MentoringSession,
    MentorInvitation,
    OfficeHour,
    OfficeHourBooking,
    SeatStatus,
)
from portal.models import FocusArea, SavedSearch
from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    EventFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
)
from tests.matching.review_world import make_listing
from tests.mentoring.world import mentor as make_mentor
from tests.mentoring.world import programme as make_programme
from tests.mentoring.world import seat as make_seat

ROLES = (
    "anonymous", "pending", "startup", "other_firm", "tto", "other_tto", "hospital_admin", "mentor", "investor",
    "manager", "other_manager", "platform_admin",
)


@dataclass
class MatrixWorld:
    users: dict[str, User | None]
    objects: dict[str, object] = field(default_factory=dict)

    def __getitem__(self, key: str):
        return self.objects[key]


def _person(org: Organization | None, *, role: str = MembershipRole.MEMBER, tto: bool = False, **kw) -> User:
    user = UserFactory(**kw)
    if org is not None:
        MembershipFactory(user=user, organization=org, role=role, is_tto=tto)
    return user


def build_matrix_world() -> MatrixWorld:
    cluster = ClusterFactory(slug="mx", name_en="Matrix Bio", name_ko="매트릭스 바이오")
    other_cluster = ClusterFactory(slug="mx-other", name_en="Other Bio", name_ko="다른 바이오")
    alliance = Alliance.objects.create(slug="mx-alliance", name_en="Matrix Alliance", name_ko="매트릭스 연합")
    alliance.clusters.add(cluster, other_cluster)

    firm = OrganizationFactory(name_en="Alpha Bio", name_ko="알파바이오", kind="firm")
    other_firm = OrganizationFactory(name_en="Beta Devices", name_ko="베타", kind="firm")
    hospital = OrganizationFactory(name_en="Han River Hospital", name_ko="한강병원", kind="hospital", irb_days=21,
                                   trial_phases=["1", "2"])
    other_hospital = OrganizationFactory(name_en="Other Hospital", name_ko="다른병원", kind="hospital")
    fund = OrganizationFactory(name_en="Cheongram Partners", name_ko="청람", kind="investor")
    pending_org = OrganizationFactory(name_en="Gamma Pending", name_ko="감마", kind="firm", status="pending")
    for org in (firm, other_firm, hospital, other_hospital, fund):
        ClusterMembershipFactory(organization=org, cluster=cluster)
    pending_request = ClusterMembershipFactory(organization=pending_org, cluster=cluster, status="requested")

    users: dict[str, User | None] = {"anonymous": None}
    users["pending"] = _person(pending_org, role=MembershipRole.ADMIN)
    users["startup"] = _person(firm, role=MembershipRole.ADMIN, full_name="Startup Founder")
    users["other_firm"] = _person(other_firm)
    users["tto"] = _person(hospital, tto=True, full_name="TTO Reviewer")
    users["other_tto"] = _person(other_hospital, tto=True)
    users["hospital_admin"] = _person(hospital, role=MembershipRole.ADMIN)
    users["investor"] = _person(fund)
    users["manager"] = _person(None)
    cluster.managers.add(users["manager"])
    users["other_manager"] = _person(None)
    other_cluster.managers.add(users["other_manager"])
    users["platform_admin"] = User.objects.create_superuser("root@matrix.example.kr", "Root-Password-991",
                                                            full_name="Platform Admin")
    mentor_profile = make_mentor(name="Matrix Mentor", clusters=[cluster])
    users["mentor"] = mentor_profile.user

    startup_membership = Membership.objects.get(user=users["startup"], organization=firm)
    joiner = UserFactory()
    join_request = Membership.objects.create(user=joiner, organization=firm, status=MembershipStatus.REQUESTED)
    invitation = Invitation.objects.create(organization=firm, email="invitee@matrix.example.kr",
                                           invited_by=users["startup"])

    need = make_listing(firm, "need", "Phase 1 oncology site", "Our antibody needs a phase 1 site.")
    capability = make_listing(hospital, "capability", "Early-phase trial unit", "Ward with research nurses.")
    match = Match.objects.create(need=need, counterpart=hospital, score=0.82, source=MatchSource.MODEL,
                                 model_version="v-test", explanation={"shared_facets": ["oncology"]},
                                 score_parts={"text": 0.5})
    match.supporting_listings.set([capability])
    # A connected match (the startup and the other hospital): its messages are open to the two sides.
    second_need = make_listing(firm, "need", "Real-world data", "Registry data for a device.")
    connected = Match.objects.create(need=second_need, counterpart=other_hospital, score=0.7, status="connected",
                                     source=MatchSource.REQUESTED, explanation={}, score_parts={},
                                     need_side_accepted_at=timezone.now(), counterpart_accepted_at=timezone.now(),
                                     connected_at=timezone.now())
    message = MatchMessage.objects.create(match=connected, sender=users["startup"], sender_org=firm,
                                          body="Protocol attached.")
    attachment = MessageAttachment(message=message, filename="protocol.pdf", content_type="application/pdf",
                                   size=8, sha256="0" * 64)
    attachment.file.save("protocol.pdf", ContentFile(b"%PDF-1.4"), save=True)  # under PRIVATE_MEDIA_ROOT
    run = MatchRun.objects.create(created_by=users["manager"], status="done", finished_at=timezone.now())

    event = EventFactory(cluster=cluster, kind="partnering", title_en="Matrix Partnering Day")
    PartneringSession.objects.create(event=event, first_slot_at=event.starts_at)
    startup_reg = event_register(user=users["startup"], event_id=event.pk)
    tto_reg = event_register(user=users["tto"], event_id=event.pk)
    startup_reg = Registration.objects.get(pk=getattr(startup_reg, "pk", startup_reg))
    tto_reg = Registration.objects.get(pk=getattr(tto_reg, "pk", tto_reg))
    meeting_request = MeetingRequest.objects.create(event=event, requester=startup_reg, recipient=tto_reg,
                                                    status="accepted")
    meeting = Meeting.objects.create(event=event, request=meeting_request, a=startup_reg, b=tto_reg, slot=0, table=1)
    feed = CalendarFeed.objects.create(user=users["startup"], token="matrix-feed-token-0123456789")
    proposed_request = MeetingRequest.objects.create(event=event, requester=tto_reg, recipient=startup_reg)

    programme = make_programme(cluster=cluster, startups=[firm], name="Matrix cohort")
    seat = make_seat(programme, firm, mentor_profile, status=SeatStatus.PUBLISHED)
    session = MentoringSession.objects.create(seat=seat, programme=programme, startup=firm, mentor=mentor_profile,
                                              held_on=local_today() - timedelta(days=1), topics="Regulatory path",
                                              logged_by=users["startup"])
    mentor_invitation = MentorInvitation.objects.create(cluster=cluster, email="new.mentor@matrix.example.kr",
                                                        invited_by=users["manager"])
    mentoring_request = MentoringRequest.objects.create(startup=firm, requested_by=users["startup"],
                                                        mentor=mentor_profile, need=need, message="Help with the IND.")
    # Office hours (mentoring.office_hours): the mentor's open slot (two places), the startup's booking of it.
    office_hour = OfficeHour.objects.create(mentor=mentor_profile, starts_at=timezone.now() + timedelta(days=3),
                                            duration_minutes=30, location="https://meet.example.kr/matrix",
                                            capacity=2, booked_count=1)
    office_hour_booking = OfficeHourBooking.objects.create(slot=office_hour, startup=firm, booked_by=users["startup"],
                                                           need=need, message="Our IND plan.")
    saved_search = SavedSearch.objects.create(user=users["startup"], kind="listing", name="Oncology sites",
                                              params={"q": "oncology"})
    focus = FocusArea.objects.create(cluster=cluster, title="Antibody oncology", rationale="Two hospitals and a firm.",
                                     proposed_by=firm, proposed_by_user=users["startup"])

    # A verified organisation's held rename (accounts.services: a manager decides it on the verification queue).
    name_change = OrganizationChange.objects.create(
        organization=firm, name_ko=firm.name_ko, name_en="Alpha Bio Inc.", website=firm.website,
        old_name_ko=firm.name_ko, old_name_en=firm.name_en, old_website=firm.website, requested_by=users["startup"],
    )
    objects = {
        "name_change": name_change,
        "cluster": cluster, "other_cluster": other_cluster, "alliance": alliance,
        "firm": firm, "other_firm": other_firm, "hospital": hospital, "pending_org": pending_org,
        "pending_request": pending_request, "startup_membership": startup_membership, "join_request": join_request,
        "invitation": invitation, "need": need, "capability": capability, "match": match, "run": run,
        "event": event, "startup_reg": startup_reg, "tto_reg": tto_reg, "qr_token": checkin_token(startup_reg),
        "feed_token": feed.token,
        "meeting_request": proposed_request, "meeting": meeting,
        "programme": programme, "mentor_profile": mentor_profile, "seat": seat, "session": session,
        "mentor_invitation": mentor_invitation,
        "mentoring_request": mentoring_request, "connected_match": connected,
        "office_hour": office_hour, "office_hour_booking": office_hour_booking,
        "attachment": attachment, "saved_search": saved_search, "focus": focus,
    }
    assert ClusterMembership.objects.filter(cluster=cluster, status="approved").count() == 5
    return MatrixWorld(users=users, objects=objects)
