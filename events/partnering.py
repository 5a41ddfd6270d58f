"""Partnering events: 1:1 meeting requests, the schedule, and outcomes.

The schedule comes from the pure ``events.scheduling`` package (the same solver the
``schedule_meetings`` command runs). Attendees are passed to it as ``r<registration id>``;
meetings already on the agendas go in as ``fixed`` so late requests never move them.
A held meeting writes one ``meeting`` linkage between the two organisations (source: the Meeting).
"""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from clusters.linkages import linkage_record, linkages_remove
from clusters.models import LinkageKind
from core.errors import Conflict, DomainError, NotAllowed
from matching.review.services import meeting_held

from . import selectors
from .checkin import require_door_open
from .dates import in_range, out_of_range_message
from .models import (
    MAX_SUGGESTED_SLOTS,
    MEETING_MESSAGE_MAX,
    Event,
    EventKind,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    MeetingRequestStatus,
    PartneringSession,
    Registration,
    RegistrationStatus,
)

MAX_SLOTS, MAX_TABLES, MAX_SLOT_MINUTES = 200, 1000, 24 * 60


def _partnering_event(event_id: int, *, lock: bool = False) -> Event:
    qs = Event.objects.select_for_update() if lock else Event.objects
    event = qs.filter(pk=event_id).first()
    if event is None:
        raise DomainError(_("This event no longer exists."))
    if event.kind != EventKind.PARTNERING:
        raise Conflict(_("Only partnering events have 1:1 meetings."))
    return event


def _my_registration(user: User, event: Event) -> Registration:
    reg = Registration.objects.filter(event=event, user=user, status=RegistrationStatus.REGISTERED).first()
    if reg is None:
        raise NotAllowed(_("Only registered attendees can take part in the 1:1 meetings."))
    return reg


@transaction.atomic
def partnering_configure(
    *, user: User, event_id: int, first_slot_at: datetime, slot_minutes: int, slots: int, tables: int
) -> PartneringSession:
    """Set the meeting grid. Once meetings exist, the grid may grow but not shrink under them."""
    event = _partnering_event(event_id, lock=True)
    if not selectors.can_manage_event(user, event):
        raise NotAllowed(_("Only the managers of this event's cluster can do this."))
    if not in_range(first_slot_at):
        raise DomainError(out_of_range_message())
    if min(slot_minutes, slots, tables) <= 0:
        raise DomainError(_("Slots, tables and minutes must be positive."))
    if slots > MAX_SLOTS or tables > MAX_TABLES or slot_minutes > MAX_SLOT_MINUTES:
        # The columns are small integers, and every page of the event draws each slot.
        raise DomainError(_("At most %(slots)s slots, %(tables)s tables and %(minutes)s minutes a meeting.")
                          % {"slots": MAX_SLOTS, "tables": MAX_TABLES, "minutes": MAX_SLOT_MINUTES})
    used = Meeting.objects.filter(event=event)
    if used.filter(Q(slot__gte=slots) | Q(table__gte=tables)).exists():
        raise Conflict(_("Scheduled meetings use slots or tables beyond the new grid."))
    grid = {"first_slot_at": first_slot_at, "slot_minutes": slot_minutes, "slots": slots, "tables": tables}
    # An UPDATE rather than update_or_create: a grid stored out of range could not be read back first.
    if not PartneringSession.objects.filter(event=event).update(**grid):
        PartneringSession.objects.create(event=event, **grid)
    return PartneringSession.objects.get(event=event)


@transaction.atomic
def availability_set(*, user: User, event_id: int, slots: list[int] | None) -> Registration:
    """The slots one is free for; None means every slot. Meetings already placed stay."""
    event = _partnering_event(event_id)
    reg = _my_registration(user, event)
    reg.available_slots = None if slots is None else sorted({int(s) for s in slots if int(s) >= 0})
    reg.save(update_fields=["available_slots", "updated_at"])
    return reg


def _clean_message(message: str) -> str:
    message = message.strip()
    if "\x00" in message:
        raise DomainError(_("The message contains a NUL character; remove it and send again."))
    if len(message) > MEETING_MESSAGE_MAX:
        raise DomainError(_("Keep the message to %(max)d characters (it has %(n)d).")
                          % {"max": MEETING_MESSAGE_MAX, "n": len(message)})
    return message


def _clean_suggested_slots(event: Event, slots: list[int] | None) -> list[int]:
    """Distinct slots of the event's grid, at most MAX_SUGGESTED_SLOTS, ascending."""
    chosen = sorted({int(s) for s in slots or []})
    if not chosen:
        return []
    if len(chosen) > MAX_SUGGESTED_SLOTS:
        raise DomainError(ngettext("Suggest at most %(n)d time.", "Suggest at most %(n)d times.", MAX_SUGGESTED_SLOTS)
                          % {"n": MAX_SUGGESTED_SLOTS})
    session = selectors.partnering_session(event=event)
    if session is None:
        raise DomainError(_("The organisers have not set up the meeting slots yet; send the request without times."))
    if chosen[0] < 0 or chosen[-1] >= session.slots:
        raise DomainError(_("Suggest only times of this event's meeting slots."))
    return chosen


@transaction.atomic
def meeting_request_create(
    *, user: User, event_id: int, recipient_id: int, message: str = "", suggested_slots: list[int] | None = None
) -> MeetingRequest:
    """Ask another attendee for a meeting; if they already asked you, that request is accepted instead."""
    event = _partnering_event(event_id)
    mine = _my_registration(user, event)
    message = _clean_message(message)
    suggested = _clean_suggested_slots(event, suggested_slots)
    other = Registration.objects.filter(pk=recipient_id, event=event, status=RegistrationStatus.REGISTERED).first()
    if other is None or other.user_id is None:
        raise DomainError(_("This person is not attending."))
    if other.pk == mine.pk:
        raise DomainError(_("You cannot request a meeting with yourself."))
    reverse = MeetingRequest.objects.select_for_update().filter(requester=other, recipient=mine).first()
    if reverse is None and not other.show_in_participant_list:
        # Someone who kept off the participant list is not to be found (nor named) by registration id.
        raise DomainError(_("This person is not attending."))
    if reverse is not None and reverse.status == MeetingRequestStatus.REQUESTED:
        return _decide(reverse, accept=True)
    if reverse is not None and reverse.status == MeetingRequestStatus.ACCEPTED:
        raise Conflict(_("You already have a meeting with this person."))
    weight = selectors.match_scores(mine.organization_id, [other.organization_id]).get(other.organization_id, 0.0)
    try:
        with transaction.atomic():
            return MeetingRequest.objects.create(
                event=event, requester=mine, recipient=other, message=message, suggested_slots=suggested,
                weight=weight,
            )
    except IntegrityError as exc:
        raise Conflict(_("You already asked this person for a meeting.")) from exc


def _decide(request: MeetingRequest, *, accept: bool) -> MeetingRequest:
    request.status = MeetingRequestStatus.ACCEPTED if accept else MeetingRequestStatus.DECLINED
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])
    return request


@transaction.atomic
def meeting_request_decide(*, user: User, request_id: int, accept: bool) -> MeetingRequest:
    request = MeetingRequest.objects.select_for_update().select_related("recipient").filter(pk=request_id).first()
    if request is None:
        raise DomainError(_("This request no longer exists."))
    if request.recipient.user_id != user.pk:
        raise NotAllowed(_("Only the person asked can answer this request."))
    if request.status != MeetingRequestStatus.REQUESTED:
        raise Conflict(_("This request has already been answered."))
    return _decide(request, accept=accept)


def _scheduler_input(event: Event, session: PartneringSession) -> tuple[dict, list, list, dict]:
    """Availability, open accepted requests and fixed meetings in the scheduler's terms.

    Suggested slots are not an input of the solver (its weights are per request, not per slot):
    ``meetings_schedule`` moves each new meeting to a suggested slot afterwards when one is free.
    """
    # Imported here for start-up cost only: the scheduler loads scipy, which most requests never need.
    from events.scheduling import Placement, Request

    meetings = list(Meeting.objects.filter(event=event))
    placed = {m.request_id for m in meetings}
    accepted = list(
        MeetingRequest.objects.filter(
            event=event, status=MeetingRequestStatus.ACCEPTED,
            requester__status=RegistrationStatus.REGISTERED, recipient__status=RegistrationStatus.REGISTERED,
        ).exclude(pk__in=placed)
    )
    people = {r.requester_id for r in accepted} | {r.recipient_id for r in accepted}
    people |= {m.a_id for m in meetings} | {m.b_id for m in meetings}
    availability = {
        f"r{pk}": (None if slots is None else [s for s in slots if s < session.slots])
        for pk, slots in Registration.objects.filter(pk__in=people).values_list("pk", "available_slots")
    }
    # Weight = 1 + match score: every request counts, proposed matches break ties.
    requests = [Request(f"r{r.requester_id}", f"r{r.recipient_id}", max(r.weight, 0.0) + 1.0) for r in accepted]
    fixed = [Placement(f"r{m.a_id}", f"r{m.b_id}", m.slot, m.table) for m in meetings]
    by_pair = {frozenset((f"r{r.requester_id}", f"r{r.recipient_id}")): r for r in accepted}
    return availability, requests, fixed, by_pair


@transaction.atomic
def meetings_schedule(*, user: User, event_id: int) -> int:
    """Place every accepted, unscheduled request it can; returns how many meetings were added."""
    from events.scheduling import prefer_slots, schedule  # start-up cost only, as above

    event = _partnering_event(event_id, lock=True)
    if not selectors.can_manage_event(user, event):
        raise NotAllowed(_("Only the managers of this event's cluster can do this."))
    session = selectors.partnering_session(event=event)
    if session is None:
        raise Conflict(_("Set up the meeting slots and tables first."))
    availability, requests, fixed, by_pair = _scheduler_input(event, session)
    if not requests:
        return 0
    result = schedule(session.slots, session.tables, availability, requests, fixed)
    fixed_pairs = {p.pair for p in fixed}
    wishes = {pair: [s for s in r.suggested_slots if s < session.slots] for pair, r in by_pair.items()}
    placements = prefer_slots(session.slots, session.tables, availability, result.placements, fixed_pairs, wishes)
    busy = {(m.slot, who) for m in Meeting.objects.filter(event=event) for who in (m.a_id, m.b_id)}
    added = []
    for placement in placements:
        if placement.pair in fixed_pairs:
            continue
        request = by_pair[placement.pair]
        a, b = request.requester_id, request.recipient_id
        if (placement.slot, a) in busy or (placement.slot, b) in busy:  # defence in depth
            raise Conflict(_("The schedule would double-book someone; nothing was changed."))
        busy |= {(placement.slot, a), (placement.slot, b)}
        added.append(Meeting(event=event, request=request, a_id=a, b_id=b, slot=placement.slot, table=placement.table))
    Meeting.objects.bulk_create(added)
    session.scheduled_at = timezone.now()
    session.save(update_fields=["scheduled_at"])
    return len(added)


def _meeting_linkage(meeting: Meeting, held: bool) -> None:
    org_a, org_b = meeting.a.organization_id, meeting.b.organization_id
    if not held or not org_a or not org_b or org_a == org_b:
        linkages_remove(kind=LinkageKind.MEETING, source=meeting)
        return
    # A matched pair's meeting is the match's one edge (written by the match), not a second one.
    if meeting_held(org_a_id=org_a, org_b_id=org_b, user=None):
        linkages_remove(kind=LinkageKind.MEETING, source=meeting)
        return
    session = selectors.partnering_session(event=meeting.event)
    linkage_record(
        kind=LinkageKind.MEETING, org_a=org_a, org_b=org_b, source=meeting,
        at=session.slot_start(meeting.slot) if session else meeting.event.starts_at, cluster=meeting.event.cluster_id,
    )


@transaction.atomic
def meeting_outcome_record(
    *, user: User, meeting_id: int, outcome: str, follow_up_wanted: bool = False, note: str = ""
) -> Meeting:
    """Either participant or an organiser records whether the meeting happened."""
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("a", "b", "event").filter(pk=meeting_id).first()
    )
    if meeting is None:
        raise DomainError(_("This meeting no longer exists."))
    if user.pk not in (meeting.a.user_id, meeting.b.user_id) and not selectors.can_manage_event(user, meeting.event):
        raise NotAllowed(_("Only the two participants or the organisers can record this."))
    if outcome not in MeetingOutcome.values:
        raise DomainError(_("Unknown outcome."))
    if outcome == MeetingOutcome.HELD:
        require_door_open(meeting.event, held=True)
    meeting.outcome, meeting.follow_up_wanted = outcome, follow_up_wanted
    meeting.outcome_note, meeting.outcome_by, meeting.outcome_at = note.strip()[:2000], user, timezone.now()
    meeting.save(update_fields=["outcome", "follow_up_wanted", "outcome_note", "outcome_by", "outcome_at"])
    _meeting_linkage(meeting, held=outcome == MeetingOutcome.HELD)
    return meeting
