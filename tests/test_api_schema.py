"""The API schema describes what the API does.

- Every operation is fuzzed through the real WSGI app with schemathesis, as each role of the permission
  matrix (the firm's member, another firm, the hospital's TTO reviewer and admin, another hospital's TTO, the
  firm's mentor, an investor, the cluster's manager, another cluster's manager, a member of a pending
  organisation, a platform admin) of a
  small world (a verified firm with a need, a hospital with a capability, a match between them, a
  partnering event with registrations, a meeting request and a meeting, a mentoring programme whose
  panel for the firm has waiting and accepted seats and a session, a cluster in an alliance whose
  dashboards the member sees in summary) and anonymously, with valid
  and invalid inputs (a fixed, derandomized set of cases): no 5xx, every status documented, every body
  and documented header as the schema says. Each operation starts from the same world (a savepoint).
- Every operation gets one hand-written valid request (real ids), validated against the schema.
- Pagination and authentication errors: invalid pages answer 400, pages past the end 404, and
  unauthenticated requests 401 with ``WWW-Authenticate: Token``, all documented.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import time as time_of_day
from datetime import timedelta

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts import tokens
from accounts.models import Membership
from clusters.models import Alliance
from config.wsgi import application
from core.dates import today as local_today
from events import partnering, registration
from events.models import Meeting, RegistrationStatus
from matching.models import (
    Match,
    MatchRun,
    MatchRunStatus,
    MatchSource,
    MatchStatus,
)
from matching.review import services as review
from mentoring import office_hours as mentoring_office_hours
from mentoring import requests as mentoring_requests
from mentoring import sessions as mentoring_sessions
from mentoring.models import OfficeHour, ProgrammeStatus, SeatStatus
from tests.factories import PASSWORD, EventFactory, OrganizationFactory, UserFactory, verified_member
from tests.matching.review_world import build_world, make_listing
from tests.mentoring.world import mentor, programme, seat

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 10  # per identity and generation mode: about 1,700 cases per identity, under a minute
# The other roles differ from these four mostly in what they may reach: fewer cases each keep CI short.
DEEP_IDENTITIES = ("member", "tto", "manager", "anonymous")
EXAMPLES_OTHER_ROLES = 5


@pytest.fixture
def wsgi_app():
    """The project's WSGI app inside the test transaction.

    Like Django's test client: a finished request must not close the connection that holds the test's
    transaction.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield application
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(wsgi_app):
    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)


@dataclass
class ApiWorld:
    member: object  # admin of the firm, registered for the partnering event, need side of the match
    manager: object
    ids: dict  # path prefix → a real id the member can reach
    slugs: dict = field(default_factory=dict)  # path prefix → a real slug the member can reach
    extra: dict = field(default_factory=dict)


@pytest.fixture
def api_world() -> ApiWorld:
    """The review world (tests/matching/review_world.py) plus events, partnering and a second, connected match."""
    w = build_world()
    member = w.startup
    event = EventFactory(cluster=w.cluster, kind="partnering", capacity=None, online_url="https://meet.example.kr/room")
    full = EventFactory(cluster=w.cluster, capacity=1, online_url="https://meet.example.kr/other")
    partner, asker, other_asker = verified_member(), verified_member(), verified_member()
    reg_member = registration.event_register(user=member, event_id=event.pk)
    reg_partner = registration.event_register(user=partner, event_id=event.pk)
    reg_tto = registration.event_register(user=w.tto, event_id=event.pk)
    for person in (asker, other_asker):
        registration.event_register(user=person, event_id=event.pk)
    partnering.partnering_configure(user=w.manager, event_id=event.pk, first_slot_at=event.starts_at, slot_minutes=20,
                                    slots=3, tables=2)
    accepted = partnering.meeting_request_create(user=member, event_id=event.pk, recipient_id=reg_partner.pk)
    partnering.meeting_request_decide(user=partner, request_id=accepted.pk, accept=True)
    partnering.meetings_schedule(user=w.manager, event_id=event.pk)
    to_accept = partnering.meeting_request_create(user=asker, event_id=event.pk, recipient_id=reg_member.pk)
    to_decline = partnering.meeting_request_create(user=other_asker, event_id=event.pk, recipient_id=reg_member.pk)
    # A seat offered to the member: the only seat's holder cancels while the member waits.
    seat = registration.event_register(user=partner, event_id=full.pk)
    offered = registration.event_register(user=member, event_id=full.pk)
    registration.registration_cancel(user=partner, registration_id=seat.pk)
    offered.refresh_from_db()
    assert offered.status == RegistrationStatus.OFFERED
    # A second need whose match with the hospital is connected (both sides accepted): it has a message thread.
    second_need = make_listing(w.firm, "need", "Biomarker assay partner", "We need a validated assay.")
    connected = Match.objects.create(need=second_need, counterpart=w.hospital, score=0.6, source=MatchSource.MODEL,
                                     model_version="v-test")
    review.match_approve(user=w.tto, match_id=connected.pk)
    review.match_accept(user=member, match_id=connected.pk)
    connected.refresh_from_db()
    if connected.status != MatchStatus.CONNECTED:
        review.match_accept(user=w.tto, match_id=connected.pk)
        connected.refresh_from_db()
    assert connected.status == MatchStatus.CONNECTED
    run = MatchRun.objects.create(status=MatchRunStatus.DONE, finished_at=timezone.now() - timedelta(hours=1))
    mentoring = _mentoring_world(w)
    alliance = Alliance.objects.create(slug="api-alliance", name_en="API Alliance", name_ko="API 연합")
    alliance.clusters.add(w.cluster)
    ids = {
        "/api/v1/events/registrations/": reg_member.pk,
        "/api/v1/events/meeting-requests/": to_accept.pk,
        "/api/v1/events/meetings/": Meeting.objects.get(request=accepted).pk,
        "/api/v1/events/": event.pk,
        "/api/v1/listings/": w.need.pk,
        "/api/v1/match-runs/": run.pk,
        "/api/v1/matches/": w.match.pk,
        "/api/v1/memberships/": Membership.objects.get(user=member, organization=w.firm).pk,
        "/api/v1/organizations/": w.firm.pk,
        "/api/v1/mentoring/mentors/": mentoring["accepted"].mentor_id,
        "/api/v1/mentoring/programmes/": mentoring["programme"].pk,
        "/api/v1/mentoring/seats/": mentoring["to_accept"].pk,  # waiting: the member sees it, only its mentor answers
        "/api/v1/mentoring/sessions/": mentoring["session"].pk,
        "/api/v1/mentoring/requests/": mentoring["requests"]["accept"].pk,
        "/api/v1/mentoring/office-hours/": mentoring["office_hour"].pk,
        "/api/v1/mentoring/office-hour-bookings/": mentoring["office_hour_booking"].pk,
    }
    slugs = {"/api/v1/clusters/": w.cluster.slug, "/api/v1/alliances/": alliance.slug}
    return ApiWorld(member=member, manager=w.manager, ids=ids, slugs=slugs, extra={
        "world": w, "event": event, "full": full, "reg_tto": reg_tto, "partner": partner, "offered": offered,
        "to_decline": to_decline, "connected": connected, "second_need": second_need, "alliance": alliance,
        **mentoring,
    })


def _mentoring_world(w) -> dict:
    """A published programme of the world's cluster whose panel for the firm has two seats waiting for
    their mentors (one to accept, one to decline) and an accepted seat with a session the member logged."""
    prog = programme(cluster=w.cluster, status=ProgrammeStatus.PUBLISHED, startups=[w.firm])
    mentors = [mentor(name=name, clusters=[w.cluster]) for name in ("Mentor Accepts", "Mentor Declines", "Mentor Met")]
    to_accept, to_decline = (seat(prog, w.firm, m) for m in mentors[:2])
    accepted = seat(prog, w.firm, mentors[2], status=SeatStatus.ACCEPTED)
    session = mentoring_sessions.session_log(user=w.startup, seat_id=accepted.pk,
                                             held_on=local_today() - timedelta(days=7), duration_minutes=45,
                                             topics="Phase 1 design")
    # Direct requests of the firm (mentoring.requests): one to accept, one to decline, one to withdraw.
    asked = {key: mentoring_requests.request_create(
        user=w.startup, mentor_id=mentor(name=f"Mentor Asked {key}", clusters=[w.cluster]).pk,
        organization_id=w.firm.pk, message="Help with our phase 1 design.") for key in ("accept", "decline", "withdraw")}
    # Office hours (mentoring.office_hours): an open slot of two places, one the firm booked, one held and booked.
    host = mentor(name="Mentor Office Hours", clusters=[w.cluster])

    def slot(days: int, capacity: int = 1) -> OfficeHour:
        return mentoring_office_hours.slot_publish(user=host.user, day=local_today() + timedelta(days=days),
                                                   start=time_of_day(10), duration_minutes=30, location="Room 1",
                                                   capacity=capacity)

    def booked(days: int):
        return mentoring_office_hours.booking_create(user=w.startup, slot_id=slot(days).pk,
                                                     organization_id=w.firm.pk, message="Our IND plan.")

    office_hour, office_hour_booking, held_booking = slot(5, capacity=2), booked(6), booked(7)
    OfficeHour.objects.filter(pk=held_booking.slot_id).update(starts_at=timezone.now() - timedelta(hours=2))
    return {"programme": prog, "to_accept": to_accept, "seat_to_decline": to_decline, "accepted": accepted,
            "session": session, "requests": asked, "fresh_mentor": mentor(name="Mentor Not Asked", clusters=[w.cluster]),
            "office_hour": office_hour, "office_hour_booking": office_hour_booking, "held_booking": held_booking}


def describe(exc: BaseException) -> str:
    """A short account of a schemathesis failure group: each failure's title and message."""
    parts = [f"{getattr(e, 'title', type(e).__name__)}: {getattr(e, 'message', e)}" for e in getattr(exc, "exceptions", [exc])]
    return "\n".join(parts)[:2000]


def real_id(api_world: ApiWorld, path: str) -> int | None:
    for prefix, pk in api_world.ids.items():  # longest prefixes first, as listed
        if path.startswith(prefix) and "{id}" in path:
            return pk
    return None


def real_slug(api_world: ApiWorld, path: str) -> str | None:
    for prefix, slug in api_world.slugs.items():
        if path.startswith(prefix) and "{slug}" in path:
            return slug
    return None


def real_path_parameters(api_world: ApiWorld, path: str) -> dict | None:
    """The path parameters of a real object the member can reach, if the path has one."""
    pk, slug = real_id(api_world, path), real_slug(api_world, path)
    if pk is not None:
        return {"id": pk}
    return {"slug": slug} if slug is not None else None


def auth_headers(user) -> dict:
    return {"Authorization": f"Token {tokens.token_issue(user=user).key}"}


# --- the fuzz: every operation, signed in and anonymous ---------------------------------------------


@dataclass
class Tally:
    cases: Counter = field(default_factory=Counter)
    statuses: dict = field(default_factory=dict)
    failures: dict = field(default_factory=dict)


def _fuzz_operation(operation, *, headers: dict | None, fixed: dict | None, mode: GenerationMode, tally: Tally,
                    examples: int = EXAMPLES_PER_OPERATION) -> None:
    strategies = [operation.as_strategy(generation_mode=mode)]
    if fixed is not None and mode is GenerationMode.POSITIVE:  # random ids and slugs mostly miss: half the cases hit a real object
        strategies.append(operation.as_strategy(generation_mode=mode, path_parameters=fixed))
    label = f"{operation.method.upper()} {operation.path}"

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=st.one_of(strategies))
    def run(case):
        # Only our credentials (or none): the generator may invent an Authorization header or a session cookie.
        if case.headers:
            case.headers.pop("Authorization", None)
            case.headers.pop("Cookie", None)
        if case.cookies:
            case.cookies.clear()
        response = case.call(headers=headers)
        tally.cases[label] += 1
        tally.statuses.setdefault(label, Counter())[response.status_code] += 1
        # Invalid input (negative mode) too: a documented status and body, never a 5xx. It need not be
        # refused: an unknown filter value or a page_size over 100 is ignored or capped by design.
        case.validate_response(response, checks=CHECKS)

    try:
        with transaction.atomic():  # each operation starts from the same world
            run()
            transaction.set_rollback(True)
    except (Exception, BaseExceptionGroup) as exc:  # collect every operation's failure, then fail once with all of them
        tally.failures[f"{label} ({'signed in' if headers else 'anonymous'}, {mode.value})"] = describe(exc)


def _fuzz(api_schema, api_world: ApiWorld, *, user, examples: int = EXAMPLES_PER_OPERATION) -> Tally:
    tally = Tally()
    headers = auth_headers(user) if user is not None else None
    for result in api_schema.get_all_operations():
        operation = result.ok()
        fixed = real_path_parameters(api_world, operation.path)
        raw = operation.definition.raw
        # Invalid input needs an input to spoil: a parameter or a body.
        modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE] if raw.get("parameters") or raw.get("requestBody") else [
            GenerationMode.POSITIVE]
        for mode in modes:
            _fuzz_operation(operation, headers=headers, fixed=fixed, mode=mode, tally=tally, examples=examples)
    return tally


def _report(tally: Tally, started: float) -> str:
    lines = [f"{len(tally.cases)} operations, {sum(tally.cases.values())} cases in {time.monotonic() - started:.1f}s"]
    for label in sorted(tally.statuses):
        lines.append(f"  {label}: {dict(sorted(tally.statuses[label].items()))}")
    return "\n".join(lines)


def _pending_member(_w):
    """A member of an organisation still waiting for verification."""
    return verified_member(OrganizationFactory(status="pending"))


def _platform_admin(_w):
    return UserFactory(is_staff=True, is_superuser=True)


# Every role of the permission matrix (tests/security/test_permission_matrix.py): a firm's member (need side,
# registrant, startup of a panel), another firm, the hospital's TTO reviewer (counterpart side) and admin, another
# hospital's TTO, the firm's mentor, an investor, the cluster's manager (dashboards, runs, programmes), another
# cluster's manager, a member of a pending organisation, a platform admin, nobody.
IDENTITIES = {
    "member": lambda w: w.member,
    "other_firm": lambda w: w.extra["world"].other_firm_user,
    "tto": lambda w: w.extra["world"].tto,
    "hospital_admin": lambda w: w.extra["world"].hospital_admin,
    "other_tto": lambda w: w.extra["world"].other_tto,
    "mentor": lambda w: w.extra["accepted"].mentor.user,
    "investor": lambda w: verified_member(OrganizationFactory(kind="investor")),
    "manager": lambda w: w.manager,
    "other_manager": lambda w: w.extra["world"].outsider,
    "pending": _pending_member,
    "platform_admin": _platform_admin,
    "anonymous": lambda w: None,
}


@pytest.mark.parametrize("identity", list(IDENTITIES))
def test_every_operation_conforms_to_the_schema(api_schema, api_world, identity):
    started = time.monotonic()
    operations = [r.ok() for r in api_schema.get_all_operations()]

    examples = EXAMPLES_PER_OPERATION if identity in DEEP_IDENTITIES else EXAMPLES_OTHER_ROLES
    tally = _fuzz(api_schema, api_world, user=IDENTITIES[identity](api_world), examples=examples)

    print(_report(tally, started))  # shown with -rP: operations covered, cases run, statuses seen
    assert set(tally.cases) == {f"{op.method.upper()} {op.path}" for op in operations}
    report = "\n\n".join(f"== {k}\n{v}" for k, v in sorted(tally.failures.items()))
    assert not tally.failures, report


# --- one valid request per operation --------------------------------------------------------------


def _valid_requests(api_world: ApiWorld) -> list[tuple]:
    """(operationId, user, path parameters, query, JSON body, expected status), run in this order.

    Every operation of the schema is here and succeeds; a few more rows show documented refusals.
    """
    return [*_valid_core_requests(api_world), *_valid_mentoring_and_dashboard_requests(api_world),
            *_valid_specialisation_requests(api_world), *_valid_saved_search_requests(api_world),
            *_valid_office_hour_requests(api_world)]


def _valid_core_requests(api_world: ApiWorld) -> list[tuple]:
    w, x = api_world.extra["world"], api_world.extra
    member, manager, event = api_world.member, api_world.manager, x["event"]
    ids, need, connected = api_world.ids, w.need.pk, x["connected"].pk
    meeting, request = ids["/api/v1/events/meetings/"], ids["/api/v1/events/meeting-requests/"]
    listing = {"organization": w.firm.pk, "side": "need", "title": "A second need", "description": "Looking for a CRO.",
               "language": "en", "visibility": "members"}
    return [
        ("v1_auth_token_create", None, {}, {}, {"username": member.email, "password": PASSWORD}, 200),
        ("v1_events_list", None, {}, {"upcoming": "true"}, None, 200),
        ("v1_events_retrieve", member, {"id": event.pk}, {}, None, 200),
        ("v1_events_register_create", verified_member(), {"id": event.pk}, {}, {"show_in_participant_list": True}, 201),
        ("v1_events_cancel_registration_create", x["partner"], {"id": event.pk}, {}, None, 200),
        ("v1_events_meeting_requests_list", member, {}, {"event": event.pk}, None, 200),
        ("v1_events_meeting_requests_create", member, {}, {}, {"event": event.pk, "recipient": x["reg_tto"].pk}, 201),
        ("v1_events_meeting_requests_retrieve", member, {"id": request}, {}, None, 200),
        ("v1_events_meeting_requests_accept_create", member, {"id": request}, {}, None, 200),
        ("v1_events_meeting_requests_decline_create", member, {"id": x["to_decline"].pk}, {}, None, 200),
        ("v1_events_meetings_list", member, {}, {}, None, 200),
        ("v1_events_meetings_retrieve", member, {"id": meeting}, {}, None, 200),
        ("v1_events_meetings_outcome_create", member, {"id": meeting}, {}, {"outcome": "no_show", "follow_up_wanted": True},
         200),
        # A meeting is recorded as held only once the event's door opens: the event is next week.
        ("v1_events_meetings_outcome_create", x["partner"], {"id": meeting}, {}, {"outcome": "held"}, 409),
        ("v1_events_registrations_list", member, {}, {}, None, 200),
        ("v1_events_registrations_retrieve", member, {"id": ids["/api/v1/events/registrations/"]}, {}, None, 200),
        ("v1_events_registrations_accept_create", member, {"id": x["offered"].pk}, {}, None, 200),
        ("v1_listings_list", member, {}, {"side": "need"}, None, 200),
        ("v1_listings_create", member, {}, {}, listing, 201),
        ("v1_listings_retrieve", member, {"id": need}, {}, None, 200),
        ("v1_listings_update", member, {"id": need}, {}, {**listing, "title": "Phase 1 oncology site, updated"}, 200),
        ("v1_listings_partial_update", member, {"id": need}, {}, {"title": "Phase 1 oncology site"}, 200),
        ("v1_match_runs_list", manager, {}, {}, None, 200),
        ("v1_match_runs_create", manager, {}, {}, None, 202),
        ("v1_match_runs_retrieve", manager, {"id": ids["/api/v1/match-runs/"]}, {}, None, 200),
        ("v1_matches_list", member, {}, {"status": "all"}, None, 200),
        ("v1_matches_retrieve", member, {"id": w.match.pk}, {}, None, 200),
        ("v1_matches_history_list", member, {"id": connected}, {}, None, 200),
        ("v1_matches_messages_create", member, {"id": connected}, {}, {"body": "Hello"}, 201),
        ("v1_matches_messages_list", member, {"id": connected}, {}, None, 200),
        ("v1_matches_messages_list", member, {"id": connected}, {"page": 1, "page_size": 1}, None, 200),
        ("v1_matches_history_list", member, {"id": connected}, {"page_size": 100}, None, 200),
        ("v1_matches_read_create", member, {"id": connected}, {}, None, 200),
        ("v1_matches_transition_create", w.tto, {"id": w.match.pk}, {}, {"action": "approve"}, 200),
        # Only a proposal can be dismissed: after the approval above this is the documented 409.
        ("v1_matches_dismiss_create", member, {"id": w.match.pk}, {}, {"reason": "Not our field."}, 409),
        ("v1_listings_close_create", member, {"id": need}, {}, None, 200),
        ("v1_me_retrieve", member, {}, {}, None, 200),
        ("v1_me_update", member, {}, {}, {"full_name": "Startup Founder", "phone": "010-1111-2222", "language": "ko",
                                          "news_opt_in": True}, 200),
        ("v1_me_partial_update", member, {}, {}, {"language": "en"}, 200),
        ("v1_memberships_list", member, {}, {"organization": w.firm.pk}, None, 200),
        ("v1_memberships_retrieve", member, {"id": ids["/api/v1/memberships/"]}, {}, None, 200),
        ("v1_organizations_list", member, {}, {"kind": "hospital"}, None, 200),
        ("v1_organizations_retrieve", member, {"id": w.hospital.pk}, {}, None, 200),
        ("v1_organizations_update", member, {"id": w.firm.pk}, {}, {"name_en": "Alpha Bio", "name_ko": "알파바이오",
                                                                     "kind": "firm", "region": "seoul"}, 200),
        ("v1_organizations_partial_update", member, {"id": w.firm.pk}, {}, {"employees": 12}, 200),
        # Documented refusals: not a manager, not signed in (401 with its challenge), a page past the end.
        ("v1_match_runs_list", member, {}, {}, None, 403),
        ("v1_me_retrieve", None, {}, {}, None, 401),
        ("v1_organizations_list", member, {}, {"page": 99}, None, 404),
    ]


def _valid_mentoring_and_dashboard_requests(api_world: ApiWorld) -> list[tuple]:
    w, x = api_world.extra["world"], api_world.extra
    member, manager, prog = api_world.member, api_world.manager, x["programme"]
    to_accept, to_decline, accepted, session = x["to_accept"], x["seat_to_decline"], x["accepted"], x["session"]
    asked = x["requests"]
    held_on = (local_today() - timedelta(days=1)).isoformat()
    cluster, alliance = {"slug": w.cluster.slug}, {"slug": x["alliance"].slug}
    return [
        ("v1_mentoring_mentors_list", member, {}, {"language": "ko"}, None, 200),
        ("v1_mentoring_mentors_retrieve", member, {"id": accepted.mentor_id}, {}, None, 200),
        ("v1_mentoring_programmes_list", None, {}, {"status": "published"}, None, 200),
        ("v1_mentoring_programmes_retrieve", member, {"id": prog.pk}, {}, None, 200),
        ("v1_mentoring_seats_list", member, {}, {"programme": prog.pk}, None, 200),
        ("v1_mentoring_seats_retrieve", member, {"id": to_accept.pk}, {}, None, 200),
        ("v1_mentoring_seats_accept_create", to_accept.mentor.user, {"id": to_accept.pk}, {}, None, 200),
        ("v1_mentoring_seats_decline_create", to_decline.mentor.user, {"id": to_decline.pk}, {},
         {"reason": "No time this spring."}, 200),
        ("v1_mentoring_sessions_list", member, {}, {"programme": prog.pk}, None, 200),
        ("v1_mentoring_sessions_create", accepted.mentor.user, {}, {},
         {"seat": accepted.pk, "held_on": held_on, "duration_minutes": 60, "topics": "Licensing terms"}, 201),
        ("v1_mentoring_sessions_retrieve", member, {"id": session.pk}, {}, None, 200),
        ("v1_mentoring_sessions_feedback_create", member, {"id": session.pk}, {}, {"rating": 5, "note": "Useful."}, 200),
        ("v1_mentoring_requests_list", member, {}, {"status": "requested"}, None, 200),
        ("v1_mentoring_requests_create", member, {}, {},
         {"mentor": x["fresh_mentor"].pk, "startup": w.firm.pk, "message": "Regulatory strategy"}, 201),
        ("v1_mentoring_requests_retrieve", member, {"id": asked["accept"].pk}, {}, None, 200),
        ("v1_mentoring_requests_accept_create", asked["accept"].mentor.user, {"id": asked["accept"].pk}, {},
         {"reply": "Glad to."}, 200),
        ("v1_mentoring_requests_decline_create", asked["decline"].mentor.user, {"id": asked["decline"].pk}, {},
         {"reply": ""}, 200),
        ("v1_mentoring_requests_withdraw_create", member, {"id": asked["withdraw"].pk}, {}, None, 200),
        ("v1_clusters_dashboard_retrieve", manager, cluster, {"period": "2026", "table": ""}, None, 200),
        ("v1_clusters_dashboard_retrieve", member, cluster, {}, None, 200),
        ("v1_alliances_dashboard_retrieve", manager, alliance, {"region": "seoul"}, None, 200),
        # Documented refusals: another startup's seat is not there for its reader; only its mentor answers a
        # seat; a session of a seat not yet accepted; another cluster's manager reading this dashboard.
        ("v1_mentoring_seats_retrieve", w.other_firm_user, {"id": accepted.pk}, {}, None, 404),
        ("v1_mentoring_requests_retrieve", w.other_firm_user, {"id": asked["accept"].pk}, {}, None, 404),
        ("v1_mentoring_seats_accept_create", member, {"id": accepted.pk}, {}, None, 403),
        ("v1_mentoring_sessions_create", member, {}, {}, {"seat": to_decline.pk, "held_on": held_on, "topics": "x"}, 400),
        ("v1_clusters_dashboard_retrieve", w.outsider, cluster, {}, None, 403),
    ]


def _valid_office_hour_requests(api_world: ApiWorld) -> list[tuple]:
    """Office hours: the host mentor publishes and withdraws; the member lists, books, cancels and logs a held one."""
    w, x, member = api_world.extra["world"], api_world.extra, api_world.member
    open_slot, booking, held = x["office_hour"], x["office_hour_booking"], x["held_booking"]
    host = open_slot.mentor.user
    day = (local_today() + timedelta(days=20)).isoformat()
    return [
        ("v1_mentoring_office_hours_list", member, {}, {"mentor": open_slot.mentor_id}, None, 200),
        ("v1_mentoring_office_hours_create", host, {}, {},
         {"day": day, "start": "15:00", "duration_minutes": 30, "location": "https://meet.example.kr/x",
          "topic": "IND strategy", "capacity": 1}, 201),
        ("v1_mentoring_office_hours_retrieve", member, {"id": open_slot.pk}, {}, None, 200),
        ("v1_mentoring_office_hour_bookings_list", member, {}, {"status": "booked"}, None, 200),
        ("v1_mentoring_office_hour_bookings_create", member, {}, {},
         {"slot": open_slot.pk, "startup": w.firm.pk, "message": "Pricing strategy"}, 201),
        ("v1_mentoring_office_hour_bookings_retrieve", member, {"id": booking.pk}, {}, None, 200),
        ("v1_mentoring_office_hour_bookings_cancel_create", member, {"id": booking.pk}, {}, None, 200),
        ("v1_mentoring_office_hour_bookings_session_create", member, {"id": held.pk}, {},
         {"topics": "Reimbursement", "follow_ups": "Send the deck"}, 201),
        ("v1_mentoring_office_hours_withdraw_create", host, {"id": open_slot.pk}, {}, None, 200),
        # Documented refusals: another firm's booking is not there for its reader; a full slot; a past slot.
        ("v1_mentoring_office_hour_bookings_retrieve", w.other_firm_user, {"id": booking.pk}, {}, None, 404),
        ("v1_mentoring_office_hour_bookings_create", member, {}, {},
         {"slot": held.slot_id, "startup": w.firm.pk, "message": "Late"}, 400),
    ]


def _valid_specialisation_requests(api_world: ApiWorld) -> list[tuple]:
    """Focus areas: the hospital proposed two (the member endorses one, the manager publishes and withdraws)."""
    from portal.specialisation import services as specialisation

    w, member, manager = api_world.extra["world"], api_world.member, api_world.manager
    cluster, alliance = {"slug": w.cluster.slug}, {"slug": api_world.extra["alliance"].slug}
    first, second = (specialisation.propose(user=w.tto, cluster=w.cluster, organization=w.hospital, title=t,
                                            rationale="Trial sites and firms already work together.")
                     for t in ("Oncology trials", "Digital pathology"))
    body = {"cluster": w.cluster.slug, "proposed_by": w.firm.pk, "title": "Companion diagnostics", "rationale": "Why."}
    return [
        ("v1_clusters_specialisation_retrieve", member, cluster, {"top": 5}, None, 200),
        ("v1_alliances_specialisation_retrieve", manager, alliance, {}, None, 200),
        ("v1_focus_areas_list", member, {}, {"cluster": w.cluster.slug}, None, 200),
        ("v1_focus_areas_create", member, {}, {}, body, 201),
        ("v1_focus_areas_retrieve", member, {"id": first.pk}, {}, None, 200),
        ("v1_focus_areas_endorse_create", member, {"id": first.pk}, {}, {"organization": w.firm.pk}, 201),
        ("v1_focus_areas_endorse_create", member, {"id": first.pk}, {}, {"organization": w.firm.pk}, 400),
        ("v1_focus_areas_publish_create", manager, {"id": first.pk}, {}, None, 200),
        ("v1_focus_areas_withdraw_create", manager, {"id": second.pk}, {}, None, 200),
        ("v1_focus_areas_publish_create", member, {"id": second.pk}, {}, None, 404),  # withdrawn: managers only
    ]


def _valid_saved_search_requests(api_world: ApiWorld) -> list[tuple]:
    """Saved searches: the member's own (list, create, read, update, delete); another user's is 404."""
    from portal.searches import services as saved_searches

    w, member = api_world.extra["world"], api_world.member
    saved = saved_searches.saved_search_create(user=member, kind="listing", name="Oncology needs",
                                              params={"therapeutic_area": "oncology"})
    body = {"kind": "organization", "name": "Hospitals in Seoul", "params": {"kind": "hospital", "region": "seoul"}}
    rows = [
        ("v1_saved_searches_list", member, {}, {}, None, 200),
        ("v1_saved_searches_create", member, {}, {}, body, 201),
        ("v1_saved_searches_retrieve", member, {"id": saved.pk}, {}, None, 200),
        ("v1_saved_searches_update", member, {"id": saved.pk}, {}, {"kind": "listing", "name": "Oncology",
                                                                    "params": {"q": "phase 1"}}, 200),
        ("v1_saved_searches_partial_update", member, {"id": saved.pk}, {}, {"name": "Oncology needs"}, 200),
        ("v1_saved_searches_create", member, {}, {}, {**body, "params": {"cluster": "no-such"}}, 400),
        ("v1_saved_searches_retrieve", w.other_firm_user, {"id": saved.pk}, {}, None, 404),
        ("v1_saved_searches_destroy", member, {"id": saved.pk}, {}, None, 204),
    ]
    return rows


def test_one_valid_request_per_operation_matches_the_schema(api_schema, api_world):
    requests = _valid_requests(api_world)
    operations = {r.ok().definition.raw["operationId"]: r.ok() for r in api_schema.get_all_operations()}
    assert {row[0] for row in requests} == set(operations), "add a valid request for each new operation"

    failures, statuses, expected = {}, {}, {}
    for operation_id, user, path_parameters, query, body, status in requests:
        name = f"{operation_id} as {user or 'anonymous'}"
        expected[name] = status
        kwargs = {"path_parameters": path_parameters, "query": query}
        if body is not None:
            kwargs.update(body=body, media_type="application/json")
        case = operations[operation_id].Case(**kwargs)
        response = case.call(headers=auth_headers(user) if user else None)
        statuses[name] = response.status_code
        try:
            case.validate_response(response, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as exc:
            failures[name] = f"[{response.status_code}] {describe(exc)}"
    print(json.dumps(statuses, indent=1))
    assert not failures, "\n\n".join(f"== {k}\n{v}" for k, v in sorted(failures.items()))
    assert statuses == expected


# --- pagination, authentication and the documented errors -----------------------------------------

ORGS_API = "/api/v1/organizations/"


@pytest.fixture
def member():
    """A member of a verified organisation, with a second organisation in the directory."""
    OrganizationFactory()
    return verified_member()


@pytest.fixture
def signed_in_api(member):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=auth_headers(member)["Authorization"])
    return api


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "", " 1", "١"])
def test_a_page_that_is_not_a_whole_number_from_1_is_a_bad_request(signed_in_api, page):
    response = signed_in_api.get(ORGS_API, {"page": page})

    if page == "":  # an empty page parameter is the first page
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert response.json() == {"page": ["Give the page as a whole number from 1."]}


@pytest.mark.parametrize("page", ["3", str(10**30)])
def test_a_page_past_the_last_one_is_not_found(signed_in_api, page):
    response = signed_in_api.get(ORGS_API, {"page": page})

    assert response.status_code == 404
    assert response.json()["detail"].startswith(f"There is no page {page}: the last page is 1")


def test_first_and_last_pages_and_page_size_bounds(signed_in_api):
    first = signed_in_api.get(ORGS_API, {"page": "1", "page_size": "1"}).json()
    last = signed_in_api.get(ORGS_API, {"page": "last", "page_size": "1"}).json()
    capped = signed_in_api.get(ORGS_API, {"page_size": "100000"})
    ignored = signed_in_api.get(ORGS_API, {"page_size": "0"})

    assert first["count"] == last["count"] > 1
    assert first["previous"] is None and last["next"] is None
    assert capped.status_code == 200 and len(capped.json()["results"]) == first["count"]
    assert ignored.status_code == 200


@pytest.mark.parametrize("url", ["/api/v1/me/", ORGS_API, "/api/v1/matches/", "/api/v1/match-runs/"])
def test_unauthenticated_requests_get_401_with_a_token_challenge(url):
    anonymous = APIClient().get(url)
    bad_token = APIClient().get(url, HTTP_AUTHORIZATION="Token not-a-real-token")

    for response in (anonymous, bad_token):
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"
    assert anonymous.json() == {"detail": "Authentication credentials were not provided."}
    assert bad_token.json() == {"detail": "Invalid token."}


def test_signed_in_but_not_allowed_is_still_403(signed_in_api):
    response = signed_in_api.get("/api/v1/match-runs/")

    assert response.status_code == 403
    assert "WWW-Authenticate" not in response


def test_session_sign_in_still_works_and_its_writes_need_the_csrf_token(member):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)

    assert browser.get("/api/v1/me/").status_code == 200
    refused = browser.patch("/api/v1/me/", {"language": "ko"}, content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    browser.get("/accounts/login/")  # any page that renders a form sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    allowed = browser.patch("/api/v1/me/", {"language": "ko"}, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert allowed.status_code == 200 and allowed.json()["language"] == "ko"


def test_schema_documents_the_error_responses_of_every_operation(api_schema):
    raw = api_schema.raw_schema
    components = raw["components"]["schemas"]
    assert components["ErrorDetail"]["required"] == ["detail"]
    assert "ValidationError" in components
    for path, operations in raw["paths"].items():
        for method, operation in operations.items():
            responses, label = operation["responses"], f"{method.upper()} {path}"
            write = method in ("post", "put", "patch", "delete")
            query = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
            assert "401" in responses, label
            assert responses["401"]["headers"]["WWW-Authenticate"]["required"] is True, label
            if write:
                assert {"400", "403"} <= set(responses), label
                assert responses["400"]["content"]["application/json"]["schema"]["$ref"].endswith("/ValidationError")
            if "{id}" in path:
                assert "404" in responses, label
            if "page" in query:
                assert {"400", "404"} <= set(responses), label
                page = next(p for p in operation["parameters"] if p["name"] == "page")
                assert page["schema"]["minimum"] == 1, label
            for code, response in responses.items():
                if code >= "400" and code != "400":
                    assert response["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorDetail"), label
    # State-changing steps of the domain document 409; plain edits of one's own records do not.
    assert "409" in raw["paths"]["/api/v1/matches/{id}/transition/"]["post"]["responses"]
    assert "409" in raw["paths"]["/api/v1/events/{id}/register/"]["post"]["responses"]
    assert "409" not in raw["paths"]["/api/v1/me/"]["patch"]["responses"]
    assert "429" in raw["paths"]["/api/v1/auth/token/"]["post"]["responses"]
    # Signing in for a token needs no credentials.
    assert {} in raw["paths"]["/api/v1/auth/token/"]["post"]["security"]


def test_unknown_api_addresses_answer_a_json_404_and_a_missing_slash_still_redirects(signed_in_api):
    for url in ("/api/v1/matches/2.5e-7/", "/api/v1/no-such-thing/", "/api/v2/"):
        response = signed_in_api.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"
        assert response.json() == {"detail": "There is no such API address."}
    assert APIClient().post("/api/v1/no-such-thing/", HTTP_AUTHORIZATION="Token not-a-real-token").status_code == 401
    redirect = signed_in_api.get("/api/v1/me")
    assert redirect.status_code == 301 and redirect["Location"] == "/api/v1/me/"


def test_schema_generates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))

    assert "WWW-Authenticate" in (tmp_path / "schema.yml").read_text()
