"""In a real browser: a cluster manager watches the dashboard while a partnering meetup is held (check-ins,
a held 1:1 meeting) and a proposal turns into a connected introduction; each moves the figures the page
shows (read from the page's own JSON download, with the manager's session)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events import checkin, partnering, registration
from matching.models import Listing, Match, MatchSource, MatchStatus
from matching.review import services as review
from tests.e2e.helpers import sign_in
from tests.factories import (
    ClusterMembershipFactory,
    EventFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    cluster_manager,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCHED = ("events", "registrations", "event_meetings", "density", "matches_decided", "match_acceptance_rate")


def figures(page, base: str, slug: str) -> dict:
    """The dashboard as the manager sees it now: load the page, then its 'all indicators' JSON download."""
    response = page.goto(f"{base}/clusters/{slug}/dashboard/")
    assert response.status == 200
    assert page.locator("#stage").count() == 1
    table = page.evaluate(
        """async (url) => (await (await fetch(url, {credentials: 'same-origin'})).json())""",
        f"{base}/clusters/{slug}/dashboard/export/indicators.json",
    )
    rows = table["rows"]
    return {row["indicator"]: row["value"] for row in rows}


def test_a_meetup_a_held_meeting_and_an_introduction_move_the_dashboard(page, live_server):
    base = live_server.url
    manager, cluster = cluster_manager()
    firm, other_firm = OrganizationFactory(kind="firm"), OrganizationFactory(kind="firm")
    hospital = OrganizationFactory(kind="hospital")
    for org in (firm, other_firm, hospital):
        ClusterMembershipFactory(organization=org, cluster=cluster)
    founder, other, tto = UserFactory(), UserFactory(), UserFactory()
    MembershipFactory(user=founder, organization=firm, role="admin")
    MembershipFactory(user=other, organization=other_firm, role="admin")
    MembershipFactory(user=tto, organization=hospital, is_tto=True)

    sign_in(page, base, manager.email)
    before = figures(page, base, cluster.slug)
    assert before["events"] == 0 and before["event_meetings"] == 0

    # The manager's partnering meetup, starting shortly: two firms register, are checked in and meet 1:1.
    start = timezone.now() + timedelta(minutes=10)
    event = EventFactory(cluster=cluster, kind="partnering", capacity=None, starts_at=start,
                         ends_at=start + timedelta(minutes=90))
    regs = [registration.event_register(user=u, event_id=event.pk, share_listings=True) for u in (founder, other)]
    for reg in regs:
        checkin.checkin_registration(user=manager, event_id=event.pk, registration_id=reg.pk)
    partnering.partnering_configure(user=manager, event_id=event.pk, first_slot_at=start, slot_minutes=20,
                                    slots=3, tables=2)
    request = partnering.meeting_request_create(user=founder, event_id=event.pk, recipient_id=regs[1].pk,
                                                message="Our assay and your device", suggested_slots=[0])
    partnering.meeting_request_decide(user=other, request_id=request.pk, accept=True)
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    meeting = event.meetings.get()
    partnering.meeting_outcome_record(user=manager, meeting_id=meeting.pk, outcome="held")
    # Then it is over (as if it had started 90 minutes ago): it now counts among the period's events.
    type(event).objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(minutes=91),
                                                    ends_at=timezone.now() - timedelta(minutes=1))

    after_meetup = figures(page, base, cluster.slug)
    assert after_meetup["events"] == 1 and after_meetup["registrations"] == 2
    assert after_meetup["event_meetings"] == 1
    assert after_meetup["density"] > before["density"]  # the co-attendance and meeting tie

    # A proposal the hospital's TTO approves and both sides accept: a connected introduction.
    need = Listing.objects.create(organization=firm, side="need", title="Phase 1 site", description="x")
    match = Match.objects.create(need=need, counterpart=hospital, source=MatchSource.MODEL,
                                 status=MatchStatus.PROPOSED, score=0.9)
    review.match_approve(user=tto, match_id=match.pk)
    review.match_accept(user=founder, match_id=match.pk)
    review.match_accept(user=tto, match_id=match.pk)
    assert Match.objects.get(pk=match.pk).status == MatchStatus.CONNECTED

    after_intro = figures(page, base, cluster.slug)
    assert after_intro["matches_decided"] == after_meetup["matches_decided"] + 1
    assert after_intro["match_acceptance_rate"] == 1
    assert after_intro["density"] > after_meetup["density"]  # firm–hospital tie added
