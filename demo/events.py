"""load_demo stage: twelve months of events across the clusters, with registrations and check-ins.

Nine months back and three ahead of the current month, one or two events a month per cluster (three or
four in Pangyo, whose office runs a co-locating cluster), and the Seoul–Gyeonggi alliance's joint
events, more often and larger as the months pass, so links across the alliance grow.
Everything is derived from a per-cluster seeded random source and the first day of the current
month, so a re-run the same month upserts the same rows (events by ``source``/``external_id``,
registrations by event and person) and changes nothing. Past events get check-ins and their
co-attendance linkages through the same recompute the check-in desk uses.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from django.utils import timezone

from accounts.models import Membership, MembershipStatus, OrganizationStatus
from clusters.models import ClusterMembershipStatus
from events import partnering
from events.checkin import recompute_co_attendance
from events.models import (
    Event,
    EventKind,
    EventStatus,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    MeetingRequestStatus,
    PartneringSession,
    Registration,
    RegistrationStatus,
)
from events.qr import CODE_ALPHABET, CODE_LENGTH

from ._sync import upsert
from .data import read
from .world import DEMO_SOURCE, World

MONTHS_BACK, MONTHS_AHEAD = 9, 3
# Events a month (a random choice of these); Pangyo's busy calendar makes it read as co-locating.
EVENTS_PER_MONTH = {"pangyo": (3, 3, 4)}
DEFAULT_EVENTS_PER_MONTH = (1, 1, 2)
# Month offsets of an alliance's joint events: rare at first, monthly in the last half year.
ALLIANCE_MONTHS = (-9, -6, -4, -3, -2, -1, 0, 1, 2)

_events = read("events")
TITLES: dict[str, list[list[str]]] = _events["titles"]  # by event kind: [title ko, title en], "{c}" = cluster
VENUES: list[str] = _events["venues"]
ALLIANCE_TITLES: list[list[str]] = _events["alliance_titles"]  # [title ko, title en], "{a}" = alliance


def _month_start(now: datetime, offset: int) -> datetime:
    year, month = now.year, now.month + offset
    while month < 1:
        year, month = year - 1, month + 12
    while month > 12:
        year, month = year + 1, month - 12
    return datetime(year, month, 1, tzinfo=UTC)


def _members(cluster_id: int, world: World) -> list[tuple[int, int]]:
    """(user id, organisation id) of active people in verified demo organisations of the cluster."""
    people = {u.pk for u in world.people.values()}
    rows = (
        Membership.objects.filter(
            status=MembershipStatus.ACTIVE,
            organization__status=OrganizationStatus.VERIFIED,
            organization__cluster_memberships__cluster_id=cluster_id,
            organization__cluster_memberships__status=ClusterMembershipStatus.APPROVED,
        )
        .values_list("user_id", "organization_id")
        .order_by("user_id", "organization_id")
    )
    seen: dict[int, int] = {}
    for user_id, org_id in rows:
        if user_id in people:
            seen.setdefault(user_id, org_id)
    return sorted(seen.items())


def _event_rows(world: World, slug: str, rng: random.Random) -> list[dict]:
    cluster = world.clusters[slug]
    manager = (world.managers.get(slug) or [None])[0]
    anchor = world.now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    kinds = list(TITLES)
    rows = []
    for offset in range(-MONTHS_BACK, MONTHS_AHEAD):
        month = _month_start(anchor, offset)
        for n in range(rng.choice(EVENTS_PER_MONTH.get(slug, DEFAULT_EVENTS_PER_MONTH))):
            kind = EventKind(rng.choice(kinds))
            title_ko, title_en = rng.choice(TITLES[kind])
            # 09:00–19:00 Seoul is 00:00–10:00 UTC.
            start = month + timedelta(days=rng.randrange(1, 27), hours=rng.choice((0, 1, 5, 8, 9)))
            rows.append(
                {
                    "source": DEMO_SOURCE,
                    "external_id": f"{slug}-{month:%Y%m}-{n}",
                    "cluster_id": cluster.pk,
                    "kind": kind,
                    "title_ko": title_ko.format(c=cluster.name_ko),
                    "title_en": title_en.format(c=cluster.name_en),
                    "description_ko": f"{cluster.name_ko} 회원 기관을 위한 행사입니다.",
                    "description_en": f"An event for the members of {cluster.name_en}.",
                    "starts_at": start,
                    "ends_at": start + timedelta(hours=rng.choice((2, 3, 4))),
                    "venue": rng.choice(VENUES).format(c=cluster.name_ko),
                    "capacity": rng.choice((20, 30, 40, 60)),
                    "status": EventStatus.PUBLISHED,
                    "published_at": start - timedelta(days=30),
                    "created_by_id": manager.pk if manager else None,
                    "registration_deadline": start - timedelta(days=1),
                }
            )
    return rows


def _alliance_event_rows(world: World, slug: str, rng: random.Random) -> list[dict]:
    """Joint events of an alliance, hosted by its first cluster, growing in number and size."""
    alliance = world.alliances[slug]
    host = min(alliance.clusters.all(), key=lambda c: c.pk)
    manager = (world.managers.get(host.slug) or [None])[0]
    anchor = world.now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    rows = []
    for i, offset in enumerate(ALLIANCE_MONTHS):
        month = _month_start(anchor, offset)
        title_ko, title_en = rng.choice(ALLIANCE_TITLES)
        start = month + timedelta(days=rng.randrange(8, 22), hours=5)  # 14:00 Seoul
        rows.append({
            "source": DEMO_SOURCE,
            "external_id": f"alliance-{slug}-{month:%Y%m}",
            "cluster_id": host.pk,
            "kind": EventKind.MEETUP,
            "title_ko": title_ko.format(a=alliance.name_ko),
            "title_en": title_en.format(a=alliance.name_en),
            "description_ko": f"{alliance.name_ko} 소속 클러스터 회원 기관이 함께하는 행사입니다.",
            "description_en": f"A joint event for the members of the {alliance.name_en}'s clusters.",
            "starts_at": start,
            "ends_at": start + timedelta(hours=4),
            "venue": rng.choice(VENUES).format(c=host.name_ko),
            "capacity": 30 + 10 * i,
            "status": EventStatus.PUBLISHED,
            "published_at": start - timedelta(days=30),
            "created_by_id": manager.pk if manager else None,
            "registration_deadline": start - timedelta(days=1),
        })
    return rows


def _registration_rows(event: Event, members: list[tuple[int, int]], rng: random.Random, now: datetime) -> list[dict]:
    wanted = min(len(members), rng.randrange(event.capacity // 3, event.capacity + 6))
    rows = []
    codes: set[str] = set()
    for i, (user_id, org_id) in enumerate(rng.sample(members, wanted)):
        code = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        while code in codes:
            code = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        codes.add(code)
        status = RegistrationStatus.REGISTERED if i < event.capacity else RegistrationStatus.WAITLISTED
        attended = event.ends_at < now and status == RegistrationStatus.REGISTERED and rng.random() < 0.8
        rows.append(
            {
                "event_id": event.pk,
                "user_id": user_id,
                "organization_id": org_id,
                "status": status,
                "nonce": code,
                "created_at": event.starts_at - timedelta(days=20 - i % 15),
                "show_in_participant_list": rng.random() < 0.85,
                "checked_in_at": event.starts_at + timedelta(minutes=rng.randrange(-20, 40)) if attended else None,
            }
        )
    return rows


def _build_partnering(world: World, event: Event, manager) -> int:
    """A meeting grid, requests (most accepted), the schedule and, for past events, outcomes."""
    rng = random.Random(f"clusterlink-partnering-{event.external_id}")  # noqa: S311 - demo data
    session = upsert(PartneringSession, [{"event_id": event.pk, "first_slot_at": event.starts_at + timedelta(minutes=30),
                                          "slot_minutes": 20, "slots": 8, "tables": 10}],
                     key=["event_id"], sync=["first_slot_at", "slot_minutes", "slots", "tables"])[(event.pk,)]
    regs = list(Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED, user__isnull=False)
                .order_by("pk").values_list("pk", flat=True))
    pairs = sorted({tuple(sorted(rng.sample(regs, 2))) for _ in range(min(len(regs) * 2, 60))}) if len(regs) > 1 else []
    rows = []
    for a, b in pairs:
        status = MeetingRequestStatus.ACCEPTED if rng.random() < 0.75 else rng.choice(
            (MeetingRequestStatus.REQUESTED, MeetingRequestStatus.DECLINED))
        rows.append({"event_id": event.pk, "requester_id": a, "recipient_id": b, "status": status,
                     "weight": round(rng.random(), 3)})
    if rows:
        upsert(MeetingRequest, rows, key=["requester_id", "recipient_id"], sync=["status"])
    # Scheduled once: a request the full grid could not place would make every re-run try (and write) again.
    if manager is not None and session.scheduled_at is None:
        partnering.meetings_schedule(user=manager, event_id=event.pk)
    if event.ends_at < world.now:
        for meeting in Meeting.objects.filter(event=event, outcome=MeetingOutcome.PENDING).order_by("pk"):
            held = rng.random() < 0.85
            partnering.meeting_outcome_record(
                user=manager, meeting_id=meeting.pk, outcome=MeetingOutcome.HELD if held else MeetingOutcome.NO_SHOW,
                follow_up_wanted=held and rng.random() < 0.5,
            )
    return Meeting.objects.filter(event=event).count()


def build_events(world: World) -> list[Event]:
    """Events for every demo cluster; returns them (also kept on ``world.extra["clusters.events"]``)."""
    all_events: list[Event] = []
    for slug in sorted(world.clusters):
        rng = random.Random(f"clusterlink-events-{slug}")  # noqa: S311 - demo data
        rows = _event_rows(world, slug, rng)
        events = upsert(
            Event,
            rows,
            key=["source", "external_id"],
            sync=["kind", "title_ko", "title_en", "starts_at", "ends_at", "venue", "capacity", "status"],
        )
        members = _members(world.clusters[slug].pk, world)
        all_events += _fill(world, events, members, rng, (world.managers.get(slug) or [None])[0])
    for slug in sorted(world.alliances):
        if slug != "seoul-gyeonggi":
            continue  # the alliance whose story the demo tells: links across it grow
        rng = random.Random(f"clusterlink-events-alliance-{slug}")  # noqa: S311 - demo data
        events = upsert(Event, _alliance_event_rows(world, slug, rng), key=["source", "external_id"],
                        sync=["kind", "title_ko", "title_en", "starts_at", "ends_at", "venue", "capacity", "status"])
        members = sorted({m for c in world.alliances[slug].clusters.all() for m in _members(c.pk, world)})
        all_events += _fill(world, events, members, rng, None)
    world.extra["clusters.events"] = all_events
    world.stdout.write(
        f"Demo events: {len(all_events)} events, "
        f"{Registration.objects.filter(event__source=DEMO_SOURCE).count()} registrations, "
        f"{Registration.objects.filter(event__source=DEMO_SOURCE, checked_in_at__isnull=False).count()} check-ins, "
        f"{Meeting.objects.filter(event__source=DEMO_SOURCE).count()} 1:1 meetings.\n"
    )
    return all_events


def _fill(world: World, events: dict, members: list[tuple[int, int]], rng: random.Random, manager) -> list[Event]:
    """Topics, registrations, check-ins, co-attendance linkages and partnering of these events."""
    topics = [f for kind in ("therapeutic_area", "technology") for f in world.facets.get(kind, {}).values()]
    filled = []
    for key in sorted(events):
        event = events[key]
        chosen = rng.sample(topics, min(2, len(topics)))  # drawn every run so the sequence stays the same
        if chosen and not event.topics.exists():
            event.topics.set(chosen)
        if not members:
            continue
        reg_rows = _registration_rows(event, members, rng, world.now)
        upsert(
            Registration,
            reg_rows,
            key=["event_id", "user_id"],
            sync=["status", "checked_in_at"],
            queryset=Registration.objects.exclude(status=RegistrationStatus.CANCELLED),
        )
        taken = sum(1 for r in reg_rows if r["status"] == RegistrationStatus.REGISTERED)
        if event.seats_taken != taken:
            Event.objects.filter(pk=event.pk).update(seats_taken=taken, updated_at=timezone.now())
        if event.ends_at < world.now:
            recompute_co_attendance(event)
        if event.kind == EventKind.PARTNERING:
            _build_partnering(world, event, manager)
        filled.append(event)
    return filled


def delete_events() -> None:
    """Demo events, and with them their registrations, partnering sessions, requests and meetings."""
    Event.objects.filter(source=DEMO_SOURCE).delete()
