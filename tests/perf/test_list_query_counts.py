"""Every list page and list API endpoint runs the same number of queries with 5 rows as with 50.

Each scenario builds what one person sees (an organiser's registrations, a mentor's requests, a manager's
focus areas...), measures a GET with 5 rows and again with 50, and asserts the query counts are equal and
that the 50 rows were really shown. Lists already covered by a test next to their app are named in
``COVERED_ELSEWHERE``; ``test_every_api_list_endpoint_is_covered`` reads the OpenAPI schema, so a new list
endpoint fails here until someone measures it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import MembershipRole, OrganizationKind
from clusters.models import ClusterMembershipStatus
from events import partnering, registration
from events.models import Meeting, MeetingRequestStatus
from matching.models import Listing, ListingSide, Match, MatchRun, MatchRunStatus
from mentoring.models import MentoringRequest, MentoringSession, OfficeHour, OfficeHourBooking
from portal.models import FocusArea, SavedSearch, SavedSearchNotice
from taxonomy.models import Facet
from tests.factories import (
    ClusterMembershipFactory,
    EventFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    cluster_manager,
    verified_member,
)
from tests.mentoring.world import mentor, programme, seat, startup

pytestmark = pytest.mark.django_db

SMALL, LARGE = 5, 50


@dataclass
class Scenario:
    """``setup`` returns (viewer, url, add); ``add(k)`` creates k more rows the viewer sees in the list."""

    name: str
    setup: Callable[[], tuple]
    api: bool = False


# --- builders ------------------------------------------------------------------------------------------


def _firm_member(org=None):
    org = org or OrganizationFactory(kind=OrganizationKind.FIRM)
    user = UserFactory()
    MembershipFactory(user=user, organization=org, role=MembershipRole.ADMIN)
    return user, org


def _partnering_fair(slots: int = 60, tables: int = 2):
    manager, cluster = cluster_manager()
    start = (timezone.now() + timedelta(days=3)).replace(hour=5, minute=0, second=0, microsecond=0)
    event = EventFactory(cluster=cluster, kind="partnering", capacity=None, starts_at=start,
                         ends_at=start + timedelta(hours=8))
    partnering.partnering_configure(user=manager, event_id=event.pk, first_slot_at=start + timedelta(minutes=30),
                                    slot_minutes=5, slots=slots, tables=tables)
    host = verified_member(OrganizationFactory())
    host_reg = registration.event_register(user=host, event_id=event.pk)
    return manager, event, host, host_reg


def _attendees(event, k: int) -> list:
    people = [verified_member(OrganizationFactory()) for _ in range(k)]
    return [(p, registration.event_register(user=p, event_id=event.pk)) for p in people]


def organiser_event_page(suffix: str):
    def setup():
        manager, cluster = cluster_manager()
        event = EventFactory(cluster=cluster, capacity=None)

        def add(k):
            _attendees(event, k)
        return manager, f"/events/{event.pk}/{suffix}", add
    return setup


def partnering_page(as_organiser: bool):
    def setup():
        manager, event, host, host_reg = _partnering_fair()

        def add(k):
            for person, _reg in _attendees(event, k):
                partnering.meeting_request_create(user=person, event_id=event.pk, recipient_id=host_reg.pk,
                                                  message="Shall we meet?")
        return (manager if as_organiser else host), f"/events/{event.pk}/partnering/", add
    return setup


def meeting_requests_api():
    _manager, event, host, host_reg = _partnering_fair()

    def add(k):
        for person, _reg in _attendees(event, k):
            partnering.meeting_request_create(user=person, event_id=event.pk, recipient_id=host_reg.pk)
    return host, "/api/v1/events/meeting-requests/?page_size=100", add


def meetings_api():
    _manager, event, host, host_reg = _partnering_fair()
    taken = [0]

    def add(k):
        for person, reg in _attendees(event, k):
            req = partnering.meeting_request_create(user=person, event_id=event.pk, recipient_id=host_reg.pk)
            req = partnering.meeting_request_decide(user=host, request_id=req.pk, accept=True)
            assert req.status == MeetingRequestStatus.ACCEPTED
            Meeting.objects.create(event=event, request=req, a=reg, b=host_reg, slot=taken[0], table=0)
            taken[0] += 1
    return host, "/api/v1/events/meetings/?page_size=100", add


def match_runs(api: bool):
    def setup():
        manager, _cluster = cluster_manager()
        _user, org = _firm_member()
        hospital = OrganizationFactory(kind=OrganizationKind.HOSPITAL)

        def add(k):
            run = MatchRun.objects.create(status=MatchRunStatus.DONE, finished_at=timezone.now(), created_by=manager)
            for _ in range(k):
                need = Listing.objects.create(organization=org, side=ListingSide.NEED, title="Phase 1 site",
                                              description="A trial site.")
                Match.objects.create(need=need, counterpart=hospital, score=0.5, run=run)
            for _ in range(k - 1):
                MatchRun.objects.create(status=MatchRunStatus.DONE, finished_at=timezone.now(), created_by=manager)
        url = "/api/v1/match-runs/?page_size=100" if api else "/listings/match-runs/"
        return manager, url, add
    return setup


def saved_searches(api: bool):
    def setup():
        user, _org = _firm_member()

        def add(k):
            for i in range(k):
                s = SavedSearch.objects.create(user=user, kind="listing", name=f"Oncology trials {i}",
                                               params={"q": "trial"})
                SavedSearchNotice.objects.create(saved_search=s, user=user, object_id=i + 1, title=f"New need {i}")
        return user, ("/api/v1/saved-searches/?page_size=100" if api else "/saved-searches/"), add
    return setup


def cluster_dashboard():
    manager, cluster = cluster_manager()

    def add(k):
        for _ in range(k):
            org = OrganizationFactory(kind=OrganizationKind.FIRM)
            ClusterMembershipFactory(organization=org, cluster=cluster, status=ClusterMembershipStatus.APPROVED)
            user = verified_member(org)
            event = EventFactory(cluster=cluster, capacity=None)
            reg = registration.event_register(user=user, event_id=event.pk)
            # The event has happened and the person came: the scorecard and the network count it.
            past = timezone.now() - timedelta(days=3)
            type(event).objects.filter(pk=event.pk).update(starts_at=past, ends_at=past + timedelta(hours=2))
            type(reg).objects.filter(pk=reg.pk).update(checked_in_at=past)
    return manager, f"/clusters/{cluster.slug}/dashboard/", add


def focus_areas(api: bool):
    def setup():
        manager, cluster = cluster_manager()
        facet = Facet.objects.filter(kind="therapeutic_area").first()

        def add(k):
            for i in range(k):
                org = OrganizationFactory()
                ClusterMembershipFactory(organization=org, cluster=cluster, status=ClusterMembershipStatus.APPROVED)
                FocusArea.objects.create(cluster=cluster, facet=facet, title=f"Focus {i}", rationale="Strong base.",
                                         proposed_by=org)
        url = "/api/v1/focus-areas/?page_size=100" if api else f"/clusters/{cluster.slug}/specialisation/"
        return manager, url, add
    return setup


def organization_listings():
    user, org = _firm_member()

    def add(k):
        topics = list(Facet.objects.filter(kind="therapeutic_area")[:2])
        for i in range(k):
            listing = Listing.objects.create(organization=org, side=ListingSide.NEED if i % 2 else ListingSide.CAPABILITY,
                                             title=f"Listing {i}", description="Described.")
            listing.therapeutic_areas.set(topics)
    return user, f"/organizations/{org.pk}/listings/", add


def programmes(api: bool):
    def setup():
        manager, cluster = cluster_manager()

        def add(k):
            for i in range(k):
                _admin, org = startup()
                programme(cluster=cluster, name=f"Cohort {i}", startups=[org])
        return manager, ("/api/v1/mentoring/programmes/?page_size=100" if api else "/mentoring/"), add
    return setup


def mentors_api():
    user, _org = _firm_member()

    def add(k):
        for _ in range(k):
            mentor()
    return user, "/api/v1/mentoring/mentors/?page_size=100", add


def seats(url: str):
    def setup():
        _manager, cluster = cluster_manager()
        prog = programme(cluster=cluster)
        profile = mentor(capacity=10, clusters=[cluster])

        def add(k):
            for _ in range(k):
                _admin, org = startup()
                seat(prog, org, profile)
        return profile.user, url, add
    return setup


def mentoring_requests(as_mentor: bool, url: str):
    def setup():
        profile = mentor(capacity=10)
        asker, org = _firm_member()

        def add(k):
            for _ in range(k):
                if as_mentor:
                    _admin, other = startup()
                    MentoringRequest.objects.create(startup=other, requested_by=_admin, mentor=profile, message="Help?")
                else:
                    MentoringRequest.objects.create(startup=org, requested_by=asker, mentor=mentor(), message="Help?")
        return (profile.user if as_mentor else asker), url, add
    return setup


def sessions_api():
    manager, cluster = cluster_manager()
    prog = programme(cluster=cluster)

    def add(k):
        for _ in range(k):
            _admin, org = startup()
            profile = mentor()
            s = seat(prog, org, profile)
            MentoringSession.objects.create(seat=s, programme=prog, startup=org, mentor=profile,
                                            held_on=timezone.now().date(), topics="Trial design")
    return manager, "/api/v1/mentoring/sessions/?page_size=100", add


def office_hours(url: str, as_mentor: bool):
    def setup():
        profile = mentor()
        viewer, _org = _firm_member()

        def add(k):
            base = timezone.now() + timedelta(days=2)
            count = OfficeHour.objects.count()
            for i in range(k):
                owner = profile if as_mentor else mentor()
                OfficeHour.objects.create(mentor=owner, starts_at=base + timedelta(hours=count + i),
                                          location="Room 3", capacity=2)
        return (profile.user if as_mentor else viewer), url, add
    return setup


def office_hour_bookings(url: str, as_mentor: bool):
    def setup():
        profile = mentor()
        booker, org = _firm_member()

        def add(k):
            base = timezone.now() + timedelta(days=2)
            count = OfficeHour.objects.count()
            for i in range(k):
                slot = OfficeHour.objects.create(mentor=profile if as_mentor else mentor(),
                                                 starts_at=base + timedelta(hours=count + i), location="Room 3",
                                                 capacity=2, booked_count=1)
                startup_org = startup()[1] if as_mentor else org
                OfficeHourBooking.objects.create(slot=slot, startup=startup_org, booked_by=booker, message="Trial plan")
        return (profile.user if as_mentor else booker), url, add
    return setup


PAGES = [
    Scenario("event detail (organiser, registrations)", organiser_event_page("")),
    Scenario("attendance CSV (organiser)", organiser_event_page("attendance.csv")),
    Scenario("partnering page (organiser: requests)", partnering_page(as_organiser=True)),
    Scenario("partnering page (attendee: requests received)", partnering_page(as_organiser=False)),
    Scenario("matching runs page (manager)", match_runs(api=False)),
    Scenario("saved searches page", saved_searches(api=False)),
    Scenario("cluster dashboard (members, events)", cluster_dashboard),
    Scenario("specialisation page (focus areas)", focus_areas(api=False)),
    Scenario("organisation listings page", organization_listings),
    Scenario("mentoring programmes page (manager)", programmes(api=False)),
    Scenario("mentor's seats page", seats("/mentoring/me/seats/")),
    Scenario("mentor's requests page", mentoring_requests(as_mentor=True, url="/mentoring/me/requests/")),
    Scenario("startup's requests page", mentoring_requests(as_mentor=False, url="/mentoring/requests/")),
    Scenario("mentor's office hours page", office_hour_bookings("/mentoring/me/office-hours/", as_mentor=True)),
    Scenario("startup's office-hour bookings page", office_hour_bookings("/mentoring/office-hours/", as_mentor=False)),
]

API = {
    "/api/v1/events/meeting-requests/": Scenario("meeting requests", meeting_requests_api, api=True),
    "/api/v1/events/meetings/": Scenario("meetings", meetings_api, api=True),
    "/api/v1/match-runs/": Scenario("match runs", match_runs(api=True), api=True),
    "/api/v1/saved-searches/": Scenario("saved searches", saved_searches(api=True), api=True),
    "/api/v1/focus-areas/": Scenario("focus areas", focus_areas(api=True), api=True),
    "/api/v1/mentoring/programmes/": Scenario("programmes", programmes(api=True), api=True),
    "/api/v1/mentoring/mentors/": Scenario("mentors", mentors_api, api=True),
    "/api/v1/mentoring/seats/": Scenario("seats", seats("/api/v1/mentoring/seats/?page_size=100"), api=True),
    "/api/v1/mentoring/sessions/": Scenario("sessions", sessions_api, api=True),
    "/api/v1/mentoring/requests/": Scenario(
        "requests", mentoring_requests(as_mentor=True, url="/api/v1/mentoring/requests/?page_size=100"), api=True),
    "/api/v1/mentoring/office-hours/": Scenario(
        "office hours", office_hours("/api/v1/mentoring/office-hours/?page_size=100", as_mentor=False), api=True),
    "/api/v1/mentoring/office-hour-bookings/": Scenario(
        "office-hour bookings",
        office_hour_bookings("/api/v1/mentoring/office-hour-bookings/?page_size=100", as_mentor=True), api=True),
}

# List endpoints measured by a test next to their app (5/50 or 3/30 rows): not duplicated here.
COVERED_ELSEWHERE = {
    "/api/v1/events/": "tests/events/test_api.py::test_list_endpoints_run_a_constant_number_of_queries",
    "/api/v1/events/registrations/": "tests/events/test_api.py::test_list_endpoints_run_a_constant_number_of_queries",
    "/api/v1/listings/": "tests/matching/listings/test_listings.py::test_list_query_count_does_not_grow_with_rows",
    "/api/v1/matches/": "tests/matching/review/test_review_pages.py::test_lists_cost_a_constant_number_of_queries",
    "/api/v1/memberships/": "tests/accounts/test_query_counts.py::test_api_memberships_list_constant_queries",
    "/api/v1/organizations/": "tests/accounts/test_query_counts.py::test_api_organizations_list_constant_queries",
}
NOT_LISTS = {"/api/v1/me/"}  # one object, not a list


def _measure(client, url: str) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries), response


def _run(client, scenario: Scenario) -> None:
    viewer, url, add = scenario.setup()
    client.force_login(viewer)
    add(SMALL)
    _measure(client, url)  # warms per-process caches (facet labels, content types)
    few, small = _measure(client, url)
    add(LARGE - SMALL)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    many = len(ctx.captured_queries)
    if scenario.api:
        body = small.json(), response.json()
        assert (body[0]["count"], body[1]["count"]) == (SMALL, LARGE), "the builder's rows are not all listed"
    else:
        assert len(response.content) > len(small.content), "the page with 50 rows shows no more than with 5"
    assert many == few, f"{scenario.name}: {few} queries with {SMALL} rows, {many} with {LARGE}:\n" + "\n".join(
        q["sql"][:300] for q in ctx.captured_queries)


@pytest.mark.parametrize("scenario", PAGES, ids=[s.name for s in PAGES])
def test_list_page_runs_a_constant_number_of_queries(client, scenario, settings):
    # The boards computed live: a kept board (tests/perf/test_dashboard_cache.py) would make the count depend on
    # which of the two requests found it in the cache.
    settings.DASHBOARD_CACHE_SECONDS = 0
    _run(client, scenario)


@pytest.mark.parametrize("path", sorted(API))
def test_list_endpoint_runs_a_constant_number_of_queries(client, path):
    _run(client, API[path])


def test_every_api_list_endpoint_is_covered():
    """From the schema: every GET without a path parameter is measured here, next to its app, or is not a list."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    lists = {path for path, ops in schema["paths"].items() if "get" in ops and "{" not in path}
    assert lists, "the schema lists no endpoints"
    unmeasured = lists - set(API) - set(COVERED_ELSEWHERE) - NOT_LISTS
    assert not unmeasured, f"list endpoints without a query-count test: {sorted(unmeasured)}"
    assert not (set(API) | set(COVERED_ELSEWHERE)) - lists, "a measured endpoint is no longer in the schema"
