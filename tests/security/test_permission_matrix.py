"""The permission matrix: every route × every role, against what each role should get.

Routes come from the URL resolver (every pattern, namespaces included, the admin too) and API operations from
the OpenAPI schema generated in-process, so a new route joins the matrix by itself — and fails it ("no
expectation for <route>") until it has an entry in PARAMS (how to fill its path) and EXPECT (who may use it).
Each cell is one request by one role: a GET, or for a route that only takes POST a POST (empty, or the body in
POST_DATA) with the CSRF-exempt test client. Every cell runs inside a savepoint that is rolled back, so one
world serves the whole matrix and no cell sees another's writes. On top of the statuses: for the POSTs in
_effects the world itself must change exactly for the allowed roles, and every API list must show the world's
object exactly to the roles its detail route lets see it. The failure message lists every unexpected cell and
the matrix size.

Status classes: ``ok`` = 200 (for a POST: anything past the permission check: 2xx, 400, 409, or a redirect that
is not to a sign-in page, with or without an error message); ``refused`` = 403, 404 or a redirect carrying an
error message (how the house answers a refused form post); ``login`` / ``admin_login`` = 302 to that sign-in
page; ``redirect`` = 302 elsewhere without an error; a number = exactly that status. Never a 500.

Adding a route: MATRIX_OBSERVE=1 MATRIX_DUMP=/tmp/matrix.txt runs the routes without an entry and writes what
each role got, to compare with what the views and services intend.
"""
from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import constants as message_constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import transaction
from django.http import HttpRequest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import _clear_own_cache_keys

from .matrix_world import ROLES, MatrixWorld, build_matrix_world

pytestmark = pytest.mark.django_db

# --- role groups ----------------------------------------------------------------------------------------------

SIGNED_IN = frozenset(ROLES) - {"anonymous"}
# People of verified organisations of the cluster (the mentor and the managers belong to none).
MEMBERS = frozenset({"startup", "other_firm", "tto", "other_tto", "hospital_admin", "investor"})
MANAGER = frozenset({"manager", "platform_admin"})  # this cluster's manager and the platform admin
ANY_MANAGER = MANAGER | {"other_manager"}
STARTUP_SIDE = frozenset({"startup"})  # the need's organisation (its admin)
HOSPITAL_REVIEWERS = frozenset({"tto", "hospital_admin"})  # the counterpart's reviewers
MATCH_SIDES = STARTUP_SIDE | HOSPITAL_REVIEWERS
EVERYONE = frozenset(ROLES)


@dataclass(frozen=True)
class Exp:
    """Who gets ``ok``; everyone else signed in gets ``deny``; the anonymous visitor gets ``anon``.

    ``method`` is the one request made; ``roles`` overrides single cells."""

    allow: frozenset = SIGNED_IN
    deny: str | int = 403
    anon: str | int = "login"
    method: str = "GET"
    roles: tuple = ()  # ((role, class), ...)

    def expected(self, role: str) -> str | int:
        special = dict(self.roles)
        if role in special:
            return special[role]
        if role in self.allow:
            return "ok"
        return self.anon if role == "anonymous" else self.deny


def E(allow=SIGNED_IN, deny: str | int = 403, anon: str | int = "login", method: str = "GET", **roles) -> Exp:
    return Exp(frozenset(allow), deny, anon, method, tuple(sorted(roles.items())))


def POST(allow=SIGNED_IN, deny: str | int = 403, anon: str | int = "login", **roles) -> Exp:
    return E(allow, deny, anon, "POST", **roles)


PUBLIC = E(EVERYONE)
API_ANON = 401  # Token authentication comes first, so an anonymous API call is challenged with 401


def API(allow=SIGNED_IN, deny: str | int = 403, anon: str | int = API_ANON, **roles) -> Exp:
    return E(allow, deny, anon, **roles)


def API_POST(allow=SIGNED_IN, deny: str | int = 403, anon: str | int = API_ANON, **roles) -> Exp:
    return E(allow, deny, anon, "POST", **roles)


# --- how to fill each route's path ----------------------------------------------------------------------------

Kwargs = Callable[[MatrixWorld], dict]


def pk(key: str, name: str = "pk") -> Kwargs:
    return lambda w: {name: w[key].pk}


def slug(key: str, **extra) -> Kwargs:
    return lambda w: {"slug": w[key].slug, **extra}


PARAMS: dict[str, Kwargs] = {
    "accounts:verify_email": lambda w: {"token": "not-a-real-token"},
    "accounts:api_token_revoke_one": lambda w: {"token_id": 999_999},  # nobody's: the same 404 as another's
    "accounts:invitation": lambda w: {"token": w["invitation"].token},
    "accounts:password_reset_confirm": lambda w: {"uidb64": "MQ", "token": "set-password"},
    "organizations:detail": pk("firm"),
    "organizations:edit": pk("firm"),
    "organizations:reapply": pk("firm"),
    "organizations:change_withdraw": lambda w: {"pk": w["firm"].pk, "change_id": w["name_change"].pk},
    "organizations:invite": pk("firm"),
    "organizations:cluster_join": pk("firm"),
    "organizations:membership_edit": lambda w: {"pk": w["firm"].pk, "membership_id": w["startup_membership"].pk},
    "organizations:join_request_decide": lambda w: {"pk": w["firm"].pk, "membership_id": w["join_request"].pk},
    "manage:verification_decide": pk("pending_request", "membership_id"),
    "manage:organization_change_decide": pk("name_change", "change_id"),
    "listings:detail": pk("need"),
    "listings:edit": pk("need"),
    "listings:close": pk("need"),
    "listings:proposal_dismiss": pk("match"),
    "listings:match_run_progress": pk("run"),
    "matches:message_files": pk("connected_match"),
    "matches:attachment": lambda w: {"pk": w["connected_match"].pk, "attachment_id": w["attachment"].pk},
    **{f"matches:{name}": pk("match") for name in
       ("detail", "read", "transition", "message", "note", "assign", "contact", "met")},
    "events:feed": lambda w: {"token": w["feed_token"]},
    "events:qr": lambda w: {"token": w["qr_token"]},
    **{f"events:{name}": pk("event") for name in
       ("detail", "ics", "register", "edit", "checkin", "attendance_csv", "marketplace", "partnering", "agenda_csv")},
    "events:checkin_undo": lambda w: {"pk": w["event"].pk, "registration_id": w["startup_reg"].pk},
    "events:action": lambda w: {"pk": w["event"].pk, "action": "copy"},
    "events:registration_cancel": pk("startup_reg"),
    "events:offer_accept": pk("startup_reg"),
    "mentoring:mentor": pk("mentor_profile"),
    "mentoring:invitation": lambda w: {"token": w["mentor_invitation"].token},
    "mentoring:log_session": pk("seat"),
    "mentoring:seat_answer": lambda w: {"pk": w["seat"].pk, "answer": "accept"},
    "mentoring:session_feedback": pk("session"),
    "mentoring:request_answer": lambda w: {"pk": w["mentoring_request"].pk, "answer": "accept"},
    "mentoring:ask": pk("mentor_profile"),
    "mentoring:request_withdraw": pk("mentoring_request"),
    "mentoring:request_sessions": pk("mentoring_request"),
    "mentoring:office_hour_withdraw": pk("office_hour"),
    "mentoring:office_hour_book": pk("office_hour"),
    "mentoring:booking_cancel": pk("office_hour_booking"),
    "mentoring:booking_session": pk("office_hour_booking"),
    **{f"mentoring:{name}": pk("programme") for name in ("programme", "apply", "programme_edit", "manage_programme")},
    "mentoring:programme_action": lambda w: {"pk": w["programme"].pk, "action": "close"},
    "mentoring:mentor_action": lambda w: {"pk": w["mentor_profile"].pk, "action": "suspend"},
    "portal:organization_listings": pk("firm"),
    **{f"portal:saved_search_{name}": pk("saved_search") for name in ("run", "rename", "delete")},
    "dashboard:cluster": slug("cluster"),
    "dashboard:cluster_refresh": slug("cluster"),
    "dashboard:cluster_thresholds": slug("cluster"),
    "dashboard:cluster_export": slug("cluster", table="stage", fmt="csv"),
    "dashboard:alliance": slug("alliance"),
    "dashboard:alliance_refresh": slug("alliance"),
    "dashboard:alliance_export": slug("alliance", table="stage", fmt="csv"),
    "dashboard:specialisation:cluster": slug("cluster"),
    "dashboard:specialisation:alliance": slug("alliance"),
    **{f"dashboard:specialisation:{name}": (lambda w: {"slug": w["cluster"].slug, "pk": w["focus"].pk})
       for name in ("endorse", "publish", "withdraw")},
}

# Query strings for GET routes that need one to be a page at all.
QUERY: dict[str, dict] = {"portal:saved_search_new": {"of": "listing"}}

# API paths: the world object a path parameter names, by the path up to that parameter.
API_IDS: dict[str, str] = {
    "/api/v1/organizations/": "firm",
    "/api/v1/memberships/": "startup_membership",
    "/api/v1/listings/": "need",
    "/api/v1/matches/": "match",
    "/api/v1/match-runs/": "run",
    "/api/v1/events/": "event",
    "/api/v1/events/registrations/": "startup_reg",
    "/api/v1/events/meeting-requests/": "meeting_request",
    "/api/v1/events/meetings/": "meeting",
    "/api/v1/mentoring/mentors/": "mentor_profile",
    "/api/v1/mentoring/programmes/": "programme",
    "/api/v1/mentoring/seats/": "seat",
    "/api/v1/mentoring/sessions/": "session",
    "/api/v1/focus-areas/": "focus",
    "/api/v1/clusters/": "cluster",
    "/api/v1/alliances/": "alliance",
    "/api/v1/mentoring/requests/": "mentoring_request",
    "/api/v1/mentoring/office-hours/": "office_hour",
    "/api/v1/mentoring/office-hour-bookings/": "office_hour_booking",
    "/api/v1/saved-searches/": "saved_search",
}
API_PATH_IDS: dict[str, str] = {"/api/v1/matches/{id}/messages/": "connected_match"}

# --- what each role should get ----------------------------------------------------------------------------------

ORG_ADMIN = frozenset({"startup", "platform_admin"})  # the firm's admin (its pages), and the platform admin
# Who sees the proposed match: its need's side, the counterpart's reviewers (TTO members; its admins only where it
# has no TTO, so the hospital admin does not), this cluster's manager and the platform admin.
MATCH_VIEWERS = frozenset({"startup", "tto"}) | MANAGER
SEAT_SIDES = frozenset({"startup", "mentor"}) | MANAGER  # the panel seat's startup and mentor, the organisers
ATTENDEES = frozenset({"startup", "tto"})  # registered for the partnering event
CLUSTER_VIEWERS = MEMBERS | MANAGER  # the dashboard: people of verified member organisations and managers
NOT_PENDING = SIGNED_IN - {"pending"}  # the mentoring directory is for verified organisations' people and staff
WITH_ORG = MEMBERS | {"pending"}  # pages about one's own organisation; the others are sent to join one


def ALL(status: str | int) -> Exp:
    """The same answer for everyone (a redirect, a 404...)."""
    return E(frozenset(), deny=status, anon=status)


EXPECT: dict[str, Exp] = {
    # Open to everyone (capability URLs carry their own secret token).
    **dict.fromkeys([
        "home", "healthz", "privacy", "accounts:login", "accounts:signup", "accounts:signup_done",
        "accounts:invitation", "accounts:password_reset", "accounts:password_reset_done",
        "accounts:password_reset_confirm", "accounts:password_reset_complete", "listings:browse", "events:list",
        "events:feed", "events:qr", "events:detail", "events:ics", "mentoring:programmes", "mentoring:programme",
        "mentoring:invitation", "schema", "api-docs",
    ], PUBLIC),
    "admin-login": E(EVERYONE, platform_admin="redirect"),  # already signed in as staff: on to the admin
    "set_language": ALL("redirect"),
    "accounts:verify_email": ALL("redirect"),  # a token that is not one: back with a message
    "accounts:logout": POST(EVERYONE),
    "accounts:resend_verification": POST(),
    "accounts:profile": E(),
    "accounts:account_delete": E(),  # the confirmation page (its POST needs the password: tests/accounts)
    "accounts:api_token_create": POST(),  # one's own token; an empty form is a 400 (the password: tests/accounts)
    "accounts:api_token_revoke": POST(),  # all of one's own tokens (nothing in the request names one)
    "accounts:api_token_revoke_one": POST(allow=(), deny=404),  # only one's own token id; anyone else's is a 404
    "portal:data_export": E(),  # one's own data only (tests/portal/test_data_export.py)
    # Organisations.
    "organizations:directory": E(),
    "organizations:detail": E(),
    "organizations:edit": E(ORG_ADMIN),
    "organizations:reapply": POST(ORG_ADMIN),
    "organizations:change_withdraw": POST(ORG_ADMIN),  # the firm's held rename: its admins withdraw it (no body)
    "organizations:invite": POST(ORG_ADMIN),
    # An empty form names no cluster: 404 once the permission check has passed.
    "organizations:cluster_join": POST(ORG_ADMIN, startup=404, platform_admin=404),
    "organizations:membership_edit": E(ORG_ADMIN),
    "organizations:join_request_decide": POST(ORG_ADMIN),
    "manage:verification": E(ANY_MANAGER),
    "manage:verification_decide": POST(MANAGER, other_manager="refused"),  # body: approve (POST_DATA)
    "manage:organization_change_decide": POST(MANAGER, other_manager="refused"),  # a held rename; approve (POST_DATA)
    # Listings and proposals.
    "listings:create": E(WITH_ORG, deny="redirect"),
    "listings:detail": E(anon=404),  # a confidential need: its title for people signed in, hidden from the public
    "listings:edit": E(STARTUP_SIDE),  # the organisation's own (the platform admin edits in the admin site)
    "listings:close": POST(STARTUP_SIDE),
    "listings:proposals": E(WITH_ORG, deny="redirect"),
    "listings:proposal_dismiss": POST(STARTUP_SIDE, deny=404),
    "listings:match_runs": E(ANY_MANAGER),  # runs are platform-wide
    "listings:match_run_start": POST(ANY_MANAGER),
    "listings:match_run_progress": E(ANY_MANAGER),
    "listings:import_orgs": E(ANY_MANAGER),
    # Matches.
    "matches:inbox": E(),
    "matches:queue": E({"tto", "other_tto"}),  # reviewers only (each sees their own hospital's proposals)
    **dict.fromkeys(["matches:bulk", "matches:request", "matches:digest", "matches:notifications_read"], POST()),
    "matches:manage": E(ANY_MANAGER),  # each manager's own clusters' matches
    "matches:manage_export": E(ANY_MANAGER),
    "matches:detail": E(MATCH_VIEWERS, deny=404),
    **dict.fromkeys([f"matches:{name}" for name in ("read", "transition", "message", "note", "assign", "contact",
                                                     "met")],
                    POST(MATCH_VIEWERS, deny=404)),
    # The connected match's thread (the startup and the other hospital): its two sides only, never managers.
    "matches:message_files": POST({"startup", "other_tto"}, deny=404),
    "matches:attachment": E({"startup", "other_tto"}, deny=404),
    # Events.
    "events:mine": E(),
    "events:feed_reset": POST(),
    "events:create": E(ANY_MANAGER),  # a manager creates events of their own clusters
    "events:register": POST(),  # the service refuses those who may not register, with a message
    **dict.fromkeys(["events:edit", "events:checkin", "events:attendance_csv", "events:agenda_csv"], E(MANAGER)),
    "events:checkin_undo": POST(MANAGER),
    "events:action": POST(MANAGER),
    "events:marketplace": E(ATTENDEES | MANAGER),
    "events:partnering": E(ATTENDEES | MANAGER),
    "events:registration_cancel": POST(STARTUP_SIDE, deny=404),
    "events:offer_accept": POST(STARTUP_SIDE, deny=404),
    # Mentoring.
    "mentoring:directory": E(NOT_PENDING),
    "mentoring:mentor": E(NOT_PENDING, deny=404),
    **dict.fromkeys(["mentoring:my_profile", "mentoring:my_seats", "mentoring:my_panels", "mentoring:my_requests",
                     "mentoring:startup_requests"], E()),
    "mentoring:availability": POST(),
    "mentoring:log_session": E(SEAT_SIDES, deny=404),
    "mentoring:seat_answer": POST({"mentor"}, deny="refused"),  # accept: the seat's mentor only
    "mentoring:session_feedback": POST(SEAT_SIDES, deny=404),
    # Direct requests: a verified firm's people ask (the others are refused with a message); the mentor answers;
    # the startup withdraws; its two sides see its sessions. Anyone else's request is a 404.
    "mentoring:ask": POST({"startup", "other_firm"}, deny="refused", pending=404),
    "mentoring:request_answer": POST({"mentor"}, deny=404),
    "mentoring:request_withdraw": POST(STARTUP_SIDE, deny=404),
    "mentoring:request_sessions": E({"startup", "mentor"}, deny=404),
    # Office hours: the mentor's own page (anyone signed in: "not a mentor yet"); a verified firm's people book
    # (the others are refused with a message; pending: 404, they may not browse mentors); the booking's two
    # sides cancel it and open its session page; only its mentor withdraws the slot. Anyone else: 404.
    **dict.fromkeys(["mentoring:my_office_hours", "mentoring:office_hour_bookings"], E()),
    "mentoring:office_hour_withdraw": POST({"mentor"}, deny=404),
    "mentoring:office_hour_book": POST({"startup", "other_firm"}, deny="refused", pending=404),
    "mentoring:booking_cancel": POST({"startup", "mentor"}, deny=404),
    "mentoring:booking_session": E({"startup", "mentor"}, deny=404),
    "mentoring:programme_create": E(ANY_MANAGER),
    "mentoring:apply": POST(),  # startups apply; the service refuses anyone else with a message
    "mentoring:programme_edit": E(MANAGER),
    "mentoring:manage_programme": E(MANAGER),
    "mentoring:programme_action": POST(MANAGER),
    "mentoring:manage_mentors": E(ANY_MANAGER),
    "mentoring:mentor_action": POST(MANAGER, deny="refused"),  # suspend, with a reason (POST_DATA)
    # Portal: an organisation's listings (loaded into its page), one's own saved searches (anyone else's: 404).
    "portal:organization_listings": E(),
    "portal:saved_searches": E(),
    "portal:saved_search_new": E(),  # with the filters of a listing search in the query (QUERY)
    "portal:saved_search_notices_read": POST(),
    "portal:saved_search_run": E(STARTUP_SIDE, deny=404, startup="redirect"),  # to the search with its filters
    "portal:saved_search_rename": POST(STARTUP_SIDE, deny=404),
    "portal:saved_search_delete": POST(STARTUP_SIDE, deny=404),
    # Dashboards and specialisation.
    **dict.fromkeys(["dashboard:cluster", "dashboard:cluster_export", "dashboard:specialisation:cluster"],
                    E(CLUSTER_VIEWERS)),
    # The other cluster's manager manages one of the alliance's clusters.
    **dict.fromkeys(["dashboard:alliance", "dashboard:alliance_export", "dashboard:specialisation:alliance"],
                    E(CLUSTER_VIEWERS | {"other_manager"})),
    "dashboard:cluster_refresh": POST(MANAGER),
    "dashboard:cluster_thresholds": POST(MANAGER),  # the cluster's own stage rules
    "dashboard:alliance_refresh": POST(ANY_MANAGER),
    # An empty form names no endorsing organisation: refused (403) for everyone.
    "dashboard:specialisation:endorse": POST(frozenset()),
    "dashboard:specialisation:publish": POST(MANAGER),
    "dashboard:specialisation:withdraw": POST(MANAGER),
    # The API.
    "api-root": API(),
    "api-not-found": ALL(404),
    "API /api/v1/auth/token/": E(EVERYONE, method="POST"),  # no sign-in needed; an empty body is a 400
    "API /api/v1/me/": API(),
    "API /api/v1/organizations/": API(),
    "API /api/v1/organizations/{id}/": API(),
    "API /api/v1/memberships/": API(),
    "API /api/v1/memberships/{id}/": API(),  # a verified organisation's members (contacts hidden)
    "API /api/v1/listings/": API(),
    "API /api/v1/listings/{id}/": API(),
    "API /api/v1/listings/{id}/close/": API_POST(STARTUP_SIDE),
    "API /api/v1/match-runs/": API(ANY_MANAGER),
    "API /api/v1/match-runs/{id}/": API(ANY_MANAGER),
    "API /api/v1/matches/": API(),
    "API /api/v1/matches/{id}/": API(MATCH_VIEWERS, deny=404),
    "API /api/v1/matches/{id}/history/": API(MATCH_VIEWERS, deny=404),
    "API /api/v1/matches/{id}/dismiss/": API_POST(MATCH_VIEWERS, deny=404),
    "API /api/v1/matches/{id}/transition/": API_POST(MATCH_VIEWERS, deny=404),
    "API /api/v1/matches/{id}/read/": API_POST(MATCH_VIEWERS, deny=404),
    # The thread of the connected match (the startup and the other hospital): its two sides only, never managers.
    "API /api/v1/matches/{id}/messages/": API({"startup", "other_tto"}, deny=404),
    "API /api/v1/events/": PUBLIC,
    "API /api/v1/events/{id}/": PUBLIC,
    "API /api/v1/events/{id}/register/": API_POST(MEMBERS),  # 409 for the two already registered
    "API /api/v1/events/{id}/cancel-registration/": API_POST(),  # 409 for those with nothing to cancel
    "API /api/v1/events/registrations/": API(),
    "API /api/v1/events/registrations/{id}/": API(STARTUP_SIDE, deny=404),
    "API /api/v1/events/registrations/{id}/accept/": API_POST(STARTUP_SIDE, deny=404),
    "API /api/v1/events/meeting-requests/": API(),
    "API /api/v1/events/meeting-requests/{id}/": API(ATTENDEES, deny=404),
    # The request is the TTO's to the startup: the recipient answers it, the requester may not (403).
    "API /api/v1/events/meeting-requests/{id}/accept/": API_POST(STARTUP_SIDE, deny=404, tto=403),
    "API /api/v1/events/meeting-requests/{id}/decline/": API_POST(STARTUP_SIDE, deny=404, tto=403),
    "API /api/v1/events/meetings/": API(),
    "API /api/v1/events/meetings/{id}/": API(ATTENDEES, deny=404),
    "API /api/v1/events/meetings/{id}/outcome/": API_POST(ATTENDEES, deny=404),
    "API /api/v1/mentoring/mentors/": API(),
    "API /api/v1/mentoring/mentors/{id}/": API(NOT_PENDING, deny=404),
    "API /api/v1/mentoring/programmes/": PUBLIC,
    "API /api/v1/mentoring/programmes/{id}/": PUBLIC,
    "API /api/v1/mentoring/seats/": API(),
    "API /api/v1/mentoring/seats/{id}/": API(SEAT_SIDES, deny=404),
    # The seat's mentor answers; the startup and the organisers see the seat but may not answer it (403).
    "API /api/v1/mentoring/seats/{id}/accept/": API_POST({"mentor"}, deny=404, **dict.fromkeys(
        ["startup", "manager", "platform_admin"], 403)),
    "API /api/v1/mentoring/seats/{id}/decline/": API_POST({"mentor"}, deny=404, **dict.fromkeys(
        ["startup", "manager", "platform_admin"], 403)),
    "API /api/v1/mentoring/sessions/": API(),
    "API /api/v1/mentoring/sessions/{id}/": API(SEAT_SIDES, deny=404),
    "API /api/v1/mentoring/sessions/{id}/feedback/": API_POST(SEAT_SIDES, deny=404),
    # Direct mentoring requests: the startup's (withdraw) and the mentor's (answer); anyone else's is a 404.
    "API /api/v1/mentoring/requests/": API(),
    "API /api/v1/mentoring/requests/{id}/": API({"startup", "mentor"}, deny=404),
    "API /api/v1/mentoring/requests/{id}/accept/": API_POST({"mentor"}, deny=404),
    "API /api/v1/mentoring/requests/{id}/decline/": API_POST({"mentor"}, deny=404),
    "API /api/v1/mentoring/requests/{id}/withdraw/": API_POST(STARTUP_SIDE, deny=404),
    # Office hours: open slots' times for directory readers (never who booked), bookings for their two sides.
    "API /api/v1/mentoring/office-hours/": API(),
    "API /api/v1/mentoring/office-hours/{id}/": API(NOT_PENDING, deny=404),
    "API /api/v1/mentoring/office-hours/{id}/withdraw/": API_POST({"mentor"}, deny=404),
    "API /api/v1/mentoring/office-hour-bookings/": API(),
    "API /api/v1/mentoring/office-hour-bookings/{id}/": API({"startup", "mentor"}, deny=404),
    "API /api/v1/mentoring/office-hour-bookings/{id}/cancel/": API_POST({"startup", "mentor"}, deny=404),
    "API /api/v1/mentoring/office-hour-bookings/{id}/session/": API_POST({"startup", "mentor"}, deny=404),
    "API /api/v1/saved-searches/": API(),
    "API /api/v1/saved-searches/{id}/": API(STARTUP_SIDE, deny=404),
    "API /api/v1/focus-areas/": API(),
    "API /api/v1/focus-areas/{id}/": API(CLUSTER_VIEWERS, deny=404),
    "API /api/v1/focus-areas/{id}/endorse/": API_POST(CLUSTER_VIEWERS, deny=404),
    "API /api/v1/focus-areas/{id}/publish/": API_POST(MANAGER, deny=404, **dict.fromkeys(MEMBERS, 403)),
    "API /api/v1/focus-areas/{id}/withdraw/": API_POST(MANAGER, deny=404, **dict.fromkeys(MEMBERS, 403)),
    "API /api/v1/clusters/{slug}/dashboard/": API(CLUSTER_VIEWERS),
    "API /api/v1/clusters/{slug}/specialisation/": API(CLUSTER_VIEWERS),
    "API /api/v1/alliances/{slug}/dashboard/": API(CLUSTER_VIEWERS | {"other_manager"}),
    "API /api/v1/alliances/{slug}/specialisation/": API(CLUSTER_VIEWERS | {"other_manager"}),
}

# Bodies for POST cells where an empty one could not tell a refusal from a rejected form: with these, the
# allowed roles' request would succeed, so a refusal must come from the permission check.
POST_DATA: dict[str, Callable[[MatrixWorld], dict]] = {
    "manage:verification_decide": lambda w: {"decision": "approve"},
    "manage:organization_change_decide": lambda w: {"decision": "approve"},
    "mentoring:mentor_action": lambda w: {"reason": "Matrix test"},
    "matches:bulk": lambda w: {"action": "approve", "ids": str(w["match"].pk)},
    "matches:transition": lambda w: {"action": "approve"},
}


def _state(model, pk: int, field: str = "status") -> Callable[[MatrixWorld], object]:
    return lambda w: model.objects.filter(pk=pk).values_list(field, flat=True).first()


# What a POST must not do for anyone outside the given roles: a probe of the world read inside the cell's
# savepoint, before it is rolled back. The given roles' request (with POST_DATA) must change it, so the probe
# is not blind; anyone else's must leave it as it was, whatever the status code said.
def _effects(w: MatrixWorld) -> dict[str, tuple[Callable[[MatrixWorld], object], frozenset]]:
    from accounts.models import OrganizationChange
    from clusters.models import ClusterMembership
    from events.models import Event
    from matching.models import Listing, Match
    from mentoring.models import MentorProfile, OfficeHour, OfficeHourBooking, PanelSeat

    return {
        "manage:verification_decide": (_state(ClusterMembership, w["pending_request"].pk), MANAGER),
        "manage:organization_change_decide": (_state(OrganizationChange, w["name_change"].pk), MANAGER),
        "organizations:change_withdraw": (_state(OrganizationChange, w["name_change"].pk), ORG_ADMIN),
        "mentoring:mentor_action": (_state(MentorProfile, w["mentor_profile"].pk), MANAGER),
        "mentoring:seat_answer": (_state(PanelSeat, w["seat"].pk), frozenset({"mentor"})),
        "mentoring:booking_cancel": (_state(OfficeHourBooking, w["office_hour_booking"].pk),
                                     frozenset({"startup", "mentor"})),
        "mentoring:office_hour_withdraw": (_state(OfficeHour, w["office_hour"].pk, "cancelled_at"),
                                           frozenset({"mentor"})),
        "matches:bulk": (_state(Match, w["match"].pk), frozenset({"tto"})),
        "matches:transition": (_state(Match, w["match"].pk), frozenset({"tto"})),
        "listings:close": (_state(Listing, w["need"].pk), STARTUP_SIDE),
        "events:action": (lambda _w: Event.objects.count(), MANAGER),  # copy
    }


# Routes of the resolver that are not pages of their own: DRF's format-suffix twins of API routes (the same view).
FORMAT_SUFFIX = re.compile(r"\(\?P<format>|<drf_format_suffix:format>")


# --- enumeration ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    key: str  # the route's name (namespaced), or "API <path>" for an API operation
    pattern: str
    params: tuple[str, ...]
    kind: str  # page | admin | api
    callback: object = None
    methods: tuple[str, ...] = ()


def _walk(resolver: URLResolver, prefix: str = "", namespace: str | None = None):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield name, prefix + str(entry.pattern), entry


def _template(pattern: str) -> str:
    """A resolver pattern as an OpenAPI-like path template: ``api/v1/^x/(?P<pk>[^/.]+)/$`` → ``/api/v1/x/{}/``."""
    text = pattern.replace("^", "").replace("$", "")
    text = re.sub(r"\(\?P<\w+>[^)]*\)|<(?:\w+:)?\w+>", "{}", text)
    return "/" + text


def api_operations() -> dict[str, tuple[str, ...]]:
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {path: tuple(sorted(m.upper() for m in ops if m in ("get", "post", "put", "patch", "delete")))
            for path, ops in schema["paths"].items()}


def enumerate_routes() -> list[Route]:
    operations = api_operations()
    schema_templates = {re.sub(r"\{\w+\}", "{}", p) for p in operations}
    routes: list[Route] = []
    seen: set[tuple] = set()
    for name, pattern, entry in _walk(get_resolver()):
        if FORMAT_SUFFIX.search(pattern) or (name, pattern) in seen:
            continue  # a format-suffix twin, or the API root each router repeats
        seen.add((name, pattern))
        params = tuple(entry.pattern.regex.groupindex)
        if pattern.startswith("admin/") and name != "admin-login":
            routes.append(Route(name or pattern, pattern, params, "admin", entry.callback))
        elif pattern.startswith("api/v1/") and _template(pattern) in schema_templates:
            continue  # the API operation below covers it
        else:
            routes.append(Route(name or pattern, pattern, params, "page", entry.callback))
    for path, methods in operations.items():
        routes.append(Route(f"API {path}", path, tuple(re.findall(r"\{(\w+)\}", path)), "api", methods=methods))
    return routes


# --- filling paths ----------------------------------------------------------------------------------------------


class NoExpectation(Exception):
    pass


def _admin_kwargs(route: Route, world: MatrixWorld) -> tuple[dict, bool]:
    """Kwargs for an admin route and whether the object it names exists (else the admin redirects)."""
    model_admin = getattr(route.callback, "model_admin", None)
    if model_admin is None and route.key.startswith("admin:auth_user_"):
        model_admin = admin.site._registry[get_user_model()]  # the user admin's own views (password change)
    kwargs, exists = {}, True
    for param in route.params:
        if param == "app_label":
            kwargs[param] = re.search(r"\(\?P<app_label>([\w]+)", route.pattern).group(1)
        elif param == "content_type_id":
            kwargs[param] = ContentType.objects.get_for_model(world["firm"]).pk
        elif param == "object_id" and route.key == "admin:view_on_site":
            kwargs[param] = world["firm"].pk
        elif param == "url":  # the admin's catch-all: an address it does not have
            kwargs[param] = "no-such-page/"
            exists = False
        elif param in ("object_id", "id") and model_admin is not None:
            first = model_admin.model._default_manager.order_by("pk").first()
            exists = first is not None
            kwargs[param] = first.pk if first else 999_999
        else:
            raise NoExpectation(f"no expectation for {route.key}: no value for parameter {param!r}")
    return kwargs, exists


# Admin routes whose answer to the platform admin is not a page: the autocomplete needs its query parameters, and
# an organisation has no public address of its own to "view on site".
ADMIN_PLATFORM: dict[str, str | int] = {"admin:autocomplete": 403, "admin:view_on_site": 404,
                                        "admin:login": "redirect"}


def _admin_allows(route: Route, world: MatrixWorld) -> bool:
    """Whether the model admin offers this add or delete page to a superuser (read-only models do not)."""
    model_admin = getattr(route.callback, "model_admin", None)
    if model_admin is None:
        return True
    request = HttpRequest()
    request.user = world.users["platform_admin"]
    if route.key.endswith("_add"):
        return model_admin.has_add_permission(request)
    if route.key.endswith("_delete"):
        return model_admin.has_delete_permission(request)
    return True


def build_url(route: Route, world: MatrixWorld) -> str:
    if route.kind == "api":
        path = route.pattern
        for param in route.params:
            placeholder = "{" + param + "}"
            key = API_PATH_IDS.get(route.pattern) or API_IDS.get(path[: path.index(placeholder)])
            if key is None:
                raise NoExpectation(f"no expectation for {route.key}: no value for parameter {param!r}")
            obj = world[key]
            path = path.replace(placeholder, str(obj.slug if param == "slug" else obj.pk), 1)
        return path
    if route.kind == "admin":
        kwargs, _exists = _admin_kwargs(route, world)
        if route.key == route.pattern:  # an unnamed admin pattern: fill its groups by hand
            path = "/" + route.pattern
            for param, value in kwargs.items():
                path = re.sub(r"<(?:\w+:)?" + param + r">|\(\?P<" + param + r">[^)]*\)", str(value), path)
            return path.replace("$", "").replace("^", "")
        return reverse(route.key, kwargs=kwargs)
    if not route.params:
        if route.key == "api-not-found":
            return "/api/v1/no-such-thing/"
        return reverse(route.key) if ":" in route.key or not route.pattern.startswith("^") else route.pattern
    if route.key not in PARAMS:
        raise NoExpectation(f"no expectation for {route.key}: add its path parameters to PARAMS")
    return reverse(route.key, kwargs=PARAMS[route.key](world))


def expectation(route: Route, world: MatrixWorld) -> Exp:
    if route.kind == "admin":
        _kwargs, exists = _admin_kwargs(route, world)
        # The admin is the platform admin's: everyone else is sent to its sign-in page (404s for a missing
        # object become a redirect to the index). Logging out is POST-only.
        method = "POST" if route.key == "admin:logout" else "GET"
        if "url" in route.params:
            platform = 404
        elif route.key in ADMIN_PLATFORM:
            platform = ADMIN_PLATFORM[route.key]
        elif route.key == route.pattern:  # <object_id>/ alone: the old address of the change page, redirected
            platform = "redirect"
        elif not _admin_allows(route, world):
            platform = 403  # a read-only model: the admin itself offers no add or delete
        else:
            platform = "ok" if exists or not route.params else "redirect"
        if route.key == "admin:login":  # the sign-in page itself: open to all
            return E(EVERYONE, method=method, platform_admin=platform)
        if route.key == "admin:logout":
            return E(EVERYONE, method=method)
        return E({"platform_admin"}, deny="admin_login", anon="admin_login", method=method, platform_admin=platform)
    exp = EXPECT.get(route.key)
    if exp is None and os.environ.get("MATRIX_OBSERVE"):
        return Exp(frozenset(), "?", "?", "GET")
    if exp is None:
        raise NoExpectation(f"no expectation for {route.key}")
    return exp


# --- running ----------------------------------------------------------------------------------------------------


def _error_messages(response) -> list[str]:
    """The error-level flash messages a redirect carries (the house's answer to a refused form post)."""
    morsel = response.cookies.get("messages")
    if morsel is None or not morsel.value:
        return []
    stored = CookieStorage(HttpRequest())._decode(morsel.value) or []
    return [str(m) for m in stored if m.level >= message_constants.ERROR]


def classify(response, method: str) -> str:
    status = response.status_code
    location = response.headers.get("Location", "")
    if status in (301, 302, 303):
        if location.startswith("/accounts/login/"):
            return "login"
        if location.startswith("/admin/login/"):
            return "admin_login"
        if method != "GET" and _error_messages(response):
            return "refused"  # back with an error message
        return "redirect"
    return str(status)


def matches(got: str, want: str | int, method: str) -> bool:
    if want == "ok":
        if method == "GET":
            return got == "200"
        # Past the permission check: done, or the (empty) form refused with a message, a 400 or a 409.
        return got in ("200", "201", "204", "400", "409", "redirect", "refused")
    if want == "refused":  # any of the product's ways of saying no to a post
        return got in ("refused", "403", "404")
    return got == str(want)


def _client_for(world: MatrixWorld, role: str) -> Client:
    client = Client(raise_request_exception=False)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def run_matrix(world: MatrixWorld, routes: list[Route], roles=ROLES):
    clients = {role: _client_for(world, role) for role in roles}
    effects = _effects(world)
    cells, unexpected, missing = 0, [], []
    for route in routes:
        try:
            url = build_url(route, world)
            exp = expectation(route, world)
        except NoExpectation as exc:
            missing.append(str(exc))
            continue
        method = exp.method
        if route.kind == "api" and "GET" not in route.methods:
            method = "POST"
        for role in roles:
            client = clients[role]
            if method != "GET":
                _clear_own_cache_keys()  # throttles: sixty empty sign-ins must not lock the later cells out
            effect = effects.get(route.key)
            with transaction.atomic():
                before = effect[0](world) if effect else None
                if method == "GET":
                    response = client.get(url, QUERY.get(route.key))
                else:
                    response = client.post(url, POST_DATA[route.key](world) if route.key in POST_DATA else {})
                changed = effect is not None and effect[0](world) != before
                transaction.set_rollback(True)
            if method != "GET" and world.users[role] is not None:
                client.force_login(world.users[role])  # the cell may have signed out (logout routes)
            client.cookies.pop("messages", None)  # not carried into the next cell
            cells += 1
            got = classify(response, method)
            want = exp.expected(role)
            if got == "500" or not matches(got, want, method):
                detail = ""
                if getattr(response, "exc_info", None):
                    detail = f" {response.exc_info[0].__name__}: {response.exc_info[1]}"
                unexpected.append((route.key, role, method, url, got, want, detail))
            if effect is not None and changed != (role in effect[1]):
                unexpected.append((route.key, role, method, url, "changed" if changed else "unchanged",
                                   "changed" if role in effect[1] else "unchanged", " (its effect on the world)"))
    list_cells, leaks = check_lists(world, routes, clients)
    return (cells, list_cells), unexpected + leaks, missing


def check_lists(world: MatrixWorld, routes: list[Route], clients: dict[str, Client]):
    """An API list agrees with its detail route: the world's object of the collection is among the list's rows
    exactly for the roles whose expectation for ``<list>{id}/`` is ``ok`` (otherwise the list leaks it)."""
    cells, leaks = 0, []
    paths = {route.pattern for route in routes if route.kind == "api"}
    for path in sorted(paths):
        detail = EXPECT.get(f"API {path}{{id}}/")
        key = API_IDS.get(path)
        if "{" in path or detail is None or key is None:
            continue
        obj = world[key]
        for role, client in clients.items():
            if role == "anonymous":
                continue
            response = client.get(path, {"page_size": 100})
            cells += 1
            if response.status_code != 200:
                continue  # the list itself is refused: nothing handed out
            body = response.json()
            rows = body.get("results", body) if isinstance(body, dict) else body
            listed = obj.pk in {row.get("id") for row in rows if isinstance(row, dict)}
            allowed = detail.expected(role) == "ok"
            if listed != allowed:  # a leak, or (the other way) a list that would make this check blind
                leaks.append((f"API {path} (list)", role, "GET", path, "listed" if listed else "not listed",
                              f"{'listed' if allowed else 'not listed'} (its detail is {detail.expected(role)})", ""))
    return cells, leaks


def test_permission_matrix(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")  # the world's message attachment
    started = time.perf_counter()
    world = build_matrix_world()
    routes = enumerate_routes()
    (cells, list_cells), unexpected, missing = run_matrix(world, routes)
    elapsed = time.perf_counter() - started
    summary = (f"permission matrix: {len(routes)} routes × {len(ROLES)} roles = {cells} cells "
               f"(+ {list_cells} API list cells), {len(unexpected)} unexpected, "
               f"{len(missing)} routes without expectation, {elapsed:.0f} s")
    print(summary)
    lines = [summary, *missing]
    lines += [f"{key} [{role}] {method} {url}: got {got}, expected {want}{detail}"
              for key, role, method, url, got, want, detail in unexpected]
    if os.environ.get("MATRIX_DUMP"):
        with open(os.environ["MATRIX_DUMP"], "w") as fh:
            fh.write("\n".join(lines) + "\n")
    assert not missing and not unexpected, "\n".join(lines)


def test_every_route_is_enumerated_and_an_unknown_one_fails():
    """The enumeration reaches nested namespaces, the admin and every schema operation; a route with no entry
    fails the matrix by name."""
    routes = {route.key: route for route in enumerate_routes()}
    assert "dashboard:specialisation:endorse" in routes and "admin:index" in routes
    assert {key for key in routes if key.startswith("API ")} == {f"API {path}" for path in api_operations()}
    assert "API /api/v1/matches/{id}/transition/" in routes
    world = MatrixWorld(users={})
    newcomer = Route("reports:detail", "reports/<int:pk>/", ("pk",), "page")
    with pytest.raises(NoExpectation, match="no expectation for reports:detail"):
        build_url(newcomer, world)
    plain = Route("reports:list", "reports/", (), "page")
    with pytest.raises(NoExpectation, match="no expectation for reports:list"):
        expectation(plain, world)
