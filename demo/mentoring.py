"""load_demo stage: invented mentors and one published mentoring programme, moved by the real services.

About twelve mentors (Korean and English, expertise and publications in either language) verified by
the cluster's manager; one programme in the data's cluster with a cohort of demo startups, panels
formed by the optimiser and published, most seats accepted, one declined and refilled, and a few
logged sessions with both sides' feedback (each writes its ``mentoring`` linkage). The login mentor
and a few others publish office hours in the coming weeks (Seoul times) and the startup login has
booked one of them.
Idempotent: users are upserted, a mentor with a profile is left alone, office hours are published
once (while the demo mentors have none), and once the programme exists the stage writes nothing more.
"""

from __future__ import annotations

from datetime import time, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password

from accounts.models import Organization, User
from core.dates import local_date
from core.errors import DomainError
from matching.models import Listing, ListingSide, ListingStatus
from mentoring import office_hours, panels, programmes, selectors, services, sessions
from mentoring.models import MentorProfile, OfficeHour, PanelSeat, Programme, ProgrammeStatus, SeatStatus
from mentoring.sessions import MENTOR_ORG_SOURCE

from ._sync import upsert
from .data import read
from .world import DEMO_DOMAIN, World, demo_users_q

DATA: dict = read("mentoring")
MENTOR_DOMAIN = f"mentors.{DEMO_DOMAIN}"
_SALT = "clusterlinkdemo"  # as demo.load's, when the world has no hash yet
_USER_SYNC = ["full_name", "language", "is_active", "password", "privacy_consent_version"]
# Office hours: (mentor's email local part, days from today, Seoul start, minutes, startups per slot, where, topic).
OFFICE_HOURS = [
    ("mentor", 4, time(10, 0), 30, 1, "https://meet.example.kr/cl-office-hours", "IR deck and Series A story"),
    ("mentor", 11, time(16, 30), 45, 2, "오송 C&V센터 3층 회의실", "임상 전략 / clinical strategy"),
    ("mentor", 18, time(10, 0), 30, 1, "https://meet.example.kr/cl-office-hours", ""),
    ("jiwoo.kang", 6, time(14, 0), 20, 1, "https://meet.example.kr/jiwoo", "인허가 (MFDS) 질의응답"),
    ("jiwoo.kang", 13, time(14, 0), 20, 1, "https://meet.example.kr/jiwoo", "인허가 (MFDS) 질의응답"),
    ("rachel.kim", 8, time(9, 0), 60, 3, "https://meet.example.kr/rachel", "US FDA pre-submission meetings"),
    ("david.lee", 9, time(11, 0), 30, 1, "Seoul Bio Hub, room 201", "Licensing term sheets"),
    ("david.lee", 23, time(11, 0), 30, 1, "Seoul Bio Hub, room 201", "Licensing term sheets"),
]
STARTUP_LOGIN = f"startup@{DEMO_DOMAIN}"


def mentor_email(local: str) -> str:
    """The login mentor lives at the demo domain itself, the others at a subdomain."""
    return f"{local}@{DEMO_DOMAIN}" if local == "mentor" else f"{local}@{MENTOR_DOMAIN}"


def _users(world: World) -> dict[str, User]:
    """Mentor accounts; one the people stage already made (a login in logins.json) is left to it."""
    password = world.password_hash or make_password(world.password, salt=_SALT)  # stable: a re-run writes nothing
    joined = world.now - timedelta(days=300)
    emails = [mentor_email(m["email"]) for m in DATA["mentors"]]
    rows = [{
        "email": email, "full_name": m["name"][0 if m["language"] == "ko" else 1],
        "language": m["language"], "is_active": True, "password": password,
        "privacy_consent_version": settings.PRIVACY_POLICY_VERSION, "date_joined": joined,
        "email_verified_at": joined, "privacy_consent_at": joined,
    } for email, m in zip(emails, DATA["mentors"], strict=True) if email not in world.people]
    users = {k[0]: u for k, u in upsert(User, rows, key=["email"], sync=_USER_SYNC).items()} if rows else {}
    return {email: users.get(email) or world.people[email] for email in emails}


def _facets(world: World, kind: str, slugs: list[str]) -> list:
    return [world.facets[kind][s] for s in slugs if s in world.facets.get(kind, {})]


def build_mentors(world: World, manager: User) -> dict[str, MentorProfile]:
    """Mentor profiles by email: signed up and verified through the services, once."""
    cluster = world.clusters[DATA["cluster"]]
    users = _users(world)
    have = {p.user_id: p for p in MentorProfile.objects.filter(user__in=users.values())}
    profiles = {}
    for spec in DATA["mentors"]:
        user = users[mentor_email(spec["email"])]
        if user.pk in have:
            profiles[user.email] = have[user.pk]
            continue
        affiliated = [world.orgs[k] for k in spec.get("affiliations", []) if k in world.orgs]
        fields = {"headline": spec["headline"], "expertise": spec["expertise"], "languages": spec["languages"],
                  "capacity": spec["capacity"], "affiliations": [o.name_en for o in affiliated]}
        m2m = {"clusters": [cluster], "therapeutic_areas": _facets(world, "therapeutic_area", spec["areas"]),
               "technologies": _facets(world, "technology", spec["technologies"]),
               "affiliated_organizations": affiliated}
        profile = services.mentor_signup(user=user, fields=fields, m2m=m2m, publications=spec["publications"])
        profiles[user.email] = services.mentor_verify(user=manager, mentor_id=profile.pk)
    world.extra["mentors"] = profiles
    return profiles


def _member(org: Organization) -> User | None:
    return User.objects.filter(memberships__organization=org, memberships__status="active",
                               memberships__role="admin").order_by("pk").first()


def _startups(world: World) -> list[Organization]:
    """The data's startups that are verified firms of the cluster with an open need and an admin."""
    cluster = world.clusters[DATA["cluster"]]
    chosen = []
    for key in DATA["startups"]:
        org = world.orgs.get(key)
        ok = (org is not None and org.kind == "firm" and org.status == "verified"
              and org.cluster_memberships.filter(cluster=cluster, status="approved").exists()
              and Listing.objects.filter(organization=org, side=ListingSide.NEED, status=ListingStatus.OPEN).exists()
              and _member(org) is not None)
        if ok:
            chosen.append(org)
    return chosen


def _form_panels(manager: User, programme: Programme, login_mentor: MentorProfile | None) -> None:
    panels.optimise_panels(user=manager, programme_id=programme.pk)
    proposed = PanelSeat.objects.filter(programme=programme, status=SeatStatus.PROPOSED).order_by("startup_id", "pk")
    if login_mentor is not None and not proposed.filter(mentor=login_mentor).exists():
        # The login mentor should have a seat to show: the manager swaps them into the first one they fit.
        for seat in proposed.exclude(mentor=login_mentor):
            try:
                panels.seat_swap(user=manager, seat_id=seat.pk, mentor_id=login_mentor.pk)
                break
            except DomainError:  # a conflict or a full panel: try the next seat
                continue
    panels.panels_publish(user=manager, programme_id=programme.pk)


def _answer_seats(programme: Programme, login_mentor: MentorProfile | None) -> list[PanelSeat]:
    """One seat declined (refilled by the service), the rest accepted but the login mentor's last one,
    which stays waiting for their answer. Returns the accepted seats."""
    seats = list(PanelSeat.objects.filter(programme=programme, status=SeatStatus.PUBLISHED)
                 .select_related("mentor__user").order_by("startup_id", "pk"))
    decline = next((s for s in reversed(seats) if s.mentor != login_mentor), None)
    if decline is not None:
        reason = DATA["declines"][0]
        panels.seat_decline(user=decline.mentor.user, seat_id=decline.pk,
                            reason=reason["reason_ko"] if decline.mentor.user.language == "ko" else reason["reason_en"])
    own = [s for s in seats if s.mentor == login_mentor]
    waiting = own[-1] if len(own) > 1 else None
    accepted = []
    for seat in seats:
        if seat in (decline, waiting):
            continue
        accepted.append(panels.seat_accept(user=seat.mentor.user, seat_id=seat.pk))
    return accepted


def _log_sessions(world: World, accepted: list[PanelSeat], login_mentor: MentorProfile | None) -> None:
    ordered = sorted(accepted, key=lambda s: (s.mentor != login_mentor, s.startup_id, s.pk))
    today = world.now.date()
    for spec, seat in zip(DATA["sessions"], ordered, strict=False):
        mentor_user = seat.mentor.user
        session = sessions.session_log(user=mentor_user, seat_id=seat.pk, held_on=today - timedelta(days=spec["days_ago"]),
                                       duration_minutes=spec["minutes"], topics=spec["topics"],
                                       follow_ups=spec["follow_ups"])
        sessions.session_feedback(user=mentor_user, session_id=session.pk, rating=spec["mentor_rating"])
        member = _member(seat.startup)
        if member is not None:
            sessions.session_feedback(user=member, session_id=session.pk, rating=spec["startup_rating"],
                                      note=spec["startup_note"])


def publish_office_hours(world: World, profiles: dict[str, MentorProfile]) -> list[OfficeHour]:
    """The mentors' slots in the coming weeks, and the startup login's booking of the login mentor's
    first one (or the first it may book). Once: nothing is written while the demo mentors have a slot."""
    if OfficeHour.objects.filter(mentor__in=profiles.values()).exists():
        return []
    today = local_date(world.now)
    slots = []
    for local, days, start, minutes, capacity, where, topic in OFFICE_HOURS:
        profile = profiles.get(mentor_email(local))
        if profile is None or not (profile.is_verified and profile.is_available):
            continue
        slots.append(office_hours.slot_publish(user=profile.user, day=today + timedelta(days=days), start=start,
                                               duration_minutes=minutes, location=where, topic=topic,
                                               capacity=capacity))
    founder = world.people.get(STARTUP_LOGIN) or User.objects.filter(email=STARTUP_LOGIN).first()
    firm = selectors.asking_organizations(founder).first() if founder is not None else None
    if firm is None:
        return slots
    need = Listing.objects.filter(organization=firm, side=ListingSide.NEED, status=ListingStatus.OPEN).order_by(
        "pk").first()
    for slot in slots:
        try:  # a conflict of interest (or the like) with one mentor: the next slot
            office_hours.booking_create(
                user=founder, slot_id=slot.pk, organization_id=firm.pk, need_id=need.pk if need else None,
                message="We would like feedback on our pitch and on how to approach our first hospital partner.")
            break
        except DomainError:
            continue
    return slots


def load(world: World) -> Programme | None:
    """Mentors and their office hours, then the programme with its panels and sessions (the programme only once)."""
    slug = DATA["cluster"]
    manager = (world.managers.get(slug) or [None])[0]
    if manager is None:
        manager = world.clusters[slug].managers.order_by("pk").first()
    profiles = build_mentors(world, manager)
    publish_office_hours(world, profiles)
    spec = DATA["programme"]
    existing = Programme.objects.filter(cluster=world.clusters[slug], name_en=spec["name_en"]).first()
    if existing is not None:
        return existing
    starts = world.now.date() - timedelta(days=spec["started_days_ago"])
    programme = programmes.programme_create(user=manager, cluster=world.clusters[slug], fields={
        "name_ko": spec["name_ko"], "name_en": spec["name_en"], "description_ko": spec["description_ko"],
        "description_en": spec["description_en"], "starts_on": starts,
        "ends_on": starts + timedelta(weeks=spec["weeks"]), "panel_size": spec["panel_size"]})
    programmes.programme_move(user=manager, programme_id=programme.pk, status=ProgrammeStatus.OPEN)
    for org in _startups(world):
        application = programmes.application_submit(user=_member(org), programme_id=programme.pk,
                                                     organization_id=org.pk)
        programmes.application_decide(user=manager, application_id=application.pk, accept=True)
    login_mentor = profiles.get(mentor_email("mentor"))
    _form_panels(manager, programme, login_mentor)
    accepted = _answer_seats(programme, login_mentor)
    _log_sessions(world, accepted, login_mentor)
    programme.refresh_from_db()
    return programme


def delete_mentoring() -> None:
    """What ``delete_demo`` must remove before the demo people: their programmes and the one-person
    organisations the sessions made for independent demo mentors."""
    demo_people = User.objects.filter(demo_users_q())
    Programme.objects.filter(created_by__in=demo_people).delete()
    OfficeHour.objects.filter(mentor__user__in=demo_people).delete()  # their bookings go with them
    mentor_ids = MentorProfile.objects.filter(user__in=demo_people).values_list("pk", flat=True)
    Organization.objects.filter(source=MENTOR_ORG_SOURCE,
                                external_id__in=[f"mentor-{pk}" for pk in mentor_ids]).delete()
