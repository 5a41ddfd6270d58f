"""A small cluster for the dashboard tests, all in August 2026 (the third quarter):

members F1 (firm, chungbuk), F2 (firm, seoul), H1 (hospital, chungbuk), U1 (university, chungbuk) of "osong";
D1 (firm) of "daegu"; an outside hospital O1 abroad. Ties between members: F1–H1 (a model match: introduction
then partnership), F2–U1 (a requested match on a confidential need: introduction), F1–F2 (a 1:1 meeting at
the event E1); F1–O1 an introduction to the outsider. Three matches proposed in August: model (partnership),
requested (connected), brokered (declined). E1 on 5 August: F1, F2 checked in, H1 registered and absent.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from clusters.linkages import linkage_record
from clusters.models import Alliance, ClusterMembership
from events.models import Meeting, MeetingRequest, Registration
from matching.models import Listing, Match, Partnership
from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    EventFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
)

AUG = datetime(2026, 8, 1, tzinfo=UTC)


def at(day: int, hour: int = 3) -> datetime:
    return datetime(2026, 8, day, hour, tzinfo=UTC)


@dataclass
class DashWorld:
    cluster: object
    other: object
    alliance: object
    orgs: dict
    manager: object
    other_manager: object
    member: object
    event: object


def _member(cluster, name, kind, region, **kwargs):
    org = OrganizationFactory(name_en=name, name_ko=f"{name} 기관", kind=kind, region=region, **kwargs)
    ClusterMembershipFactory(organization=org, cluster=cluster)
    return org


def _match(need_org, counterpart, *, source, status, visibility="public", decided=None, connected=None):
    need = Listing.objects.create(organization=need_org, side="need", title=f"Need of {need_org.name_en}",
                                  description="x", visibility=visibility)
    match = Match.objects.create(need=need, counterpart=counterpart, source=source, status=status,
                                 decided_at=decided, connected_at=connected)
    Match.objects.filter(pk=match.pk).update(created_at=at(1))
    return match


def build_dash_world() -> DashWorld:
    cluster = ClusterFactory(slug="osong", name_en="Osong Bio", name_ko="오송 바이오", regions=["chungbuk"])
    other = ClusterFactory(slug="daegu", name_en="Daegu Medi", regions=["daegu"])
    alliance = Alliance.objects.create(slug="central", name_en="Central Alliance", name_ko="중부 연합")
    alliance.clusters.add(cluster)
    orgs = {
        "f1": _member(cluster, "Alpha Firm", "firm", "chungbuk"),
        "f2": _member(cluster, "Beta Firm", "firm", "seoul"),
        "h1": _member(cluster, "Gamma Hospital", "hospital", "chungbuk"),
        "u1": _member(cluster, "Delta University", "university", "chungbuk"),
        "d1": _member(other, "Daegu Firm", "firm", "daegu"),
        "o1": OrganizationFactory(name_en="Outside Hospital", kind="hospital", region="abroad", country="US"),
    }
    manager, other_manager, member = UserFactory(), UserFactory(), UserFactory()
    cluster.managers.add(manager)
    other.managers.add(other_manager)
    MembershipFactory(user=member, organization=orgs["f2"])

    m1 = _match(orgs["f1"], orgs["h1"], source="model", status="partnership", decided=at(1), connected=at(3))
    Partnership.objects.create(match=m1, kind="clinical_trial", started_on=date(2026, 8, 21), status="confirmed",
                               confirmed_at=at(21))
    m2 = _match(orgs["f2"], orgs["u1"], source="requested", status="connected", visibility="confidential",
                decided=at(2), connected=at(5))
    _match(orgs["f1"], orgs["u1"], source="brokered", status="declined", decided=at(4))
    linkage_record(kind="introduction", org_a=orgs["f1"], org_b=orgs["h1"], source=m1, at=at(3))
    linkage_record(kind="partnership", org_a=orgs["f1"], org_b=orgs["h1"], source=m1, at=at(21))
    linkage_record(kind="introduction", org_a=orgs["f2"], org_b=orgs["u1"], source=m2, at=at(5))
    stand_in = ClusterMembership.objects.get(organization=orgs["f1"])
    linkage_record(kind="introduction", org_a=orgs["f1"], org_b=orgs["o1"], source=stand_in, at=at(6))

    event = EventFactory(cluster=cluster, kind="partnering", title_en="Osong Partnering Day",
                         starts_at=at(5, 1), ends_at=at(5, 5))
    regs = {}
    for i, (key, came) in enumerate([("f1", True), ("f2", True), ("h1", False)]):
        regs[key] = Registration.objects.create(event=event, user=UserFactory(), organization=orgs[key],
                                                status="registered", nonce=f"n{i}",
                                                checked_in_at=at(5, 1) if came else None)
    request = MeetingRequest.objects.create(event=event, requester=regs["f1"], recipient=regs["f2"], status="accepted")
    meeting = Meeting.objects.create(event=event, request=request, a=regs["f1"], b=regs["f2"], slot=0, table=1,
                                     outcome="held")
    linkage_record(kind="meeting", org_a=orgs["f1"], org_b=orgs["f2"], source=meeting, at=at(5, 2))
    return DashWorld(cluster=cluster, other=other, alliance=alliance, orgs=orgs, manager=manager,
                     other_manager=other_manager, member=member, event=event)
