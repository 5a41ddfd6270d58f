"""A small cluster with members, outsiders, linkages inside and outside the third quarter of 2026, an event
and two reviewed matches."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from accounts.models import OrganizationStatus
from clusters.linkages import linkage_record
from clusters.models import ClusterMembership, ClusterMembershipStatus
from events.models import Registration
from matching.models import Listing, Match, Partnership
from tests.factories import ClusterFactory, ClusterMembershipFactory, EventFactory, OrganizationFactory, UserFactory

IN_Q3 = datetime(2026, 8, 10, 3, 0, tzinfo=UTC)
IN_Q1 = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)


@dataclass
class World:
    cluster: object
    other: object
    orgs: dict
    source: object


def member(cluster, name, kind, region, **kwargs):
    org = OrganizationFactory(name_en=name, kind=kind, region=region, **kwargs)
    ClusterMembershipFactory(organization=org, cluster=cluster, status=ClusterMembershipStatus.APPROVED)
    return org


def link(world, a, b, kind, at=IN_Q3, weight=1.0):
    return linkage_record(kind=kind, org_a=world.orgs[a], org_b=world.orgs[b], source=world.source, at=at,
                          weight=weight)


@pytest.fixture
def world(db):
    cluster = ClusterFactory(slug="osong", regions=["chungbuk"])
    other = ClusterFactory(slug="daegu", regions=["daegu"])
    orgs = {
        "f1": member(cluster, "F1", "firm", "chungbuk"),
        "f2": member(cluster, "F2", "firm", "seoul"),
        "h1": member(cluster, "H1", "hospital", "chungbuk"),
        "u1": member(cluster, "U1", "university", "chungbuk"),
        "p1": member(cluster, "Pending", "firm", "chungbuk", status=OrganizationStatus.PENDING),
        "d1": member(other, "D1", "firm", "daegu"),
        "o1": OrganizationFactory(name_en="Outside", kind="hospital", region="abroad", country="US"),
    }
    rejected = OrganizationFactory(name_en="Rejected", kind="firm", region="chungbuk")
    ClusterMembershipFactory(organization=rejected, cluster=cluster, status=ClusterMembershipStatus.REJECTED)
    orgs["r1"] = rejected
    # any record can be an edge's source: f1's membership stands in for matches, meetings and events
    source = ClusterMembership.objects.get(organization=orgs["f1"])
    w = World(cluster=cluster, other=other, orgs=orgs, source=source)
    link(w, "f1", "h1", "partnership")
    link(w, "f1", "f2", "meeting")
    link(w, "f2", "h1", "introduction")
    link(w, "f1", "o1", "introduction")  # boundary tie: a member and an outsider
    link(w, "f1", "u1", "co_attendance", weight=0.5)
    link(w, "d1", "o1", "meeting")  # no member end
    link(w, "p1", "r1", "meeting")  # neither is a member (pending, rejected)
    link(w, "f1", "u1", "meeting", at=IN_Q1)  # another quarter
    return w


@pytest.fixture
def event_world(world):
    event = EventFactory(cluster=world.cluster, starts_at=datetime(2026, 8, 5, 1, 0, tzinfo=UTC),
                         ends_at=datetime(2026, 8, 5, 3, 0, tzinfo=UTC))
    came = datetime(2026, 8, 5, 1, 10, tzinfo=UTC)
    for i, (org, checked_in) in enumerate([("f1", came), ("f2", came), ("h1", None)]):
        Registration.objects.create(event=event, user=UserFactory(), organization=world.orgs[org], status="registered",
                                    nonce=f"n{i}", checked_in_at=checked_in)
    Registration.objects.create(event=event, name="Walk-in", organization=world.orgs["u1"], status="registered",
                                walk_in=True, nonce="w1", checked_in_at=came)
    Registration.objects.create(event=event, user=UserFactory(), organization=world.orgs["h1"], status="cancelled",
                                nonce="c1")
    need1 = Listing.objects.create(organization=world.orgs["f1"], side="need", title="Trial site", description="x")
    need2 = Listing.objects.create(organization=world.orgs["f2"], side="need", title="Validation", description="y")
    approved = Match.objects.create(need=need1, counterpart=world.orgs["h1"], status="partnership", source="model",
                                    decided_at=datetime(2026, 8, 1, tzinfo=UTC))
    Partnership.objects.create(match=approved, kind="clinical_trial", started_on=date(2026, 8, 21), status="confirmed",
                               confirmed_at=datetime(2026, 8, 21, tzinfo=UTC))
    Match.objects.create(need=need2, counterpart=world.orgs["u1"], status="declined", source="requested",
                         decided_at=datetime(2026, 8, 2, tzinfo=UTC))
    return world
