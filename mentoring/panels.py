"""Panels: the optimiser's proposal, a manager's swap, publication, and the mentors' answers.

Panel writes of one programme are serialised by a lock on the programme row. A mentor's capacity is
kept on accept by a conditional UPDATE of ``MentorProfile.seats_taken`` (``seats_taken <
capacity``), backed by a check constraint, as event registration keeps its seats: two accepts at
once for a mentor with one free place end with one accepted and one refused. A declined seat is
refilled by ``assignment.refill_declined``: every other seat of the programme stays as it is.
"""

from collections import Counter

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import Conflict, DomainError, NotAllowed

from . import notify, selectors
from .assignment import Assignment, Seat, assign, make_assignment, refill_declined
from .cohort import Scorer, build_cohort, conflict_pairs, held_elsewhere, mentor_card, startup_cards
from .models import (
    HOLDING_SEAT_STATUSES,
    LIVE_SEAT_STATUSES,
    Availability,
    MentorProfile,
    MentorStatus,
    PanelSeat,
    Programme,
    ProgrammeStatus,
    SeatStatus,
)
from .scoring import pair_scores

FORMING = (ProgrammeStatus.OPEN, ProgrammeStatus.RUNNING)
OPEN_SEATS = (SeatStatus.PROPOSED, SeatStatus.PUBLISHED)


def locked_programme(user: User | None, programme_id: int) -> Programme:
    programme = Programme.objects.select_for_update(of=("self",)).select_related("cluster").filter(
        pk=programme_id).first()
    if programme is None:
        raise DomainError(_("This programme no longer exists."))
    if user is not None and not selectors.can_manage_programme(user, programme):
        raise NotAllowed(_("Only the managers of this programme's cluster can do this."))
    return programme


@transaction.atomic
def optimise_panels(*, user: User, programme_id: int, scorer: Scorer = pair_scores) -> Assignment:
    """Propose every panel at once (the most seats, then the best total fit); closes applications.

    Earlier proposals are replaced; nothing is shown to mentors or startups until published.
    """
    programme = locked_programme(user, programme_id)
    if programme.status not in FORMING:
        raise Conflict(_("Panels can be formed only before they are published."))
    if not programme.cohort_startups.exists():
        raise DomainError(_("Accept startups into the cohort first."))
    if PanelSeat.objects.filter(programme=programme, status__in=HOLDING_SEAT_STATUSES).exists():
        # Seats mentors already see cannot be re-proposed wholesale (one live seat per pair): refill them one by one.
        raise Conflict(_("Some seats of this programme are already published; change them seat by seat."))
    PanelSeat.objects.filter(programme=programme, status__in=[SeatStatus.PROPOSED, SeatStatus.REPLACED]).delete()
    cohort = build_cohort(programme, scorer=scorer)
    result = assign(cohort.instance)
    PanelSeat.objects.bulk_create([
        PanelSeat(programme=programme, startup=cohort.startups[s.startup], mentor=cohort.mentors[s.mentor],
                  score=cohort.instance.scores[s.startup, s.mentor], status=SeatStatus.PROPOSED)
        for s in result.seats
    ])
    programme.status, programme.optimised_at = ProgrammeStatus.RUNNING, timezone.now()
    programme.save(update_fields=["status", "optimised_at", "updated_at"])
    return result


def _room_left(mentor: MentorProfile, programme: Programme) -> int:
    here = PanelSeat.objects.filter(programme=programme, mentor=mentor, status__in=LIVE_SEAT_STATUSES).count()
    return mentor.capacity - here - held_elsewhere(programme, [mentor.pk])[mentor.pk]


@transaction.atomic
def seat_swap(*, user: User, seat_id: int, mentor_id: int, scorer: Scorer = pair_scores) -> PanelSeat:
    """A manager puts another mentor in a seat not yet accepted; capacity and conflicts are checked."""
    found = PanelSeat.objects.filter(pk=seat_id).values_list("programme_id", flat=True).first()
    if found is None:
        raise DomainError(_("This seat no longer exists."))
    programme = locked_programme(user, found)
    seat = PanelSeat.objects.select_related("startup", "mentor").get(pk=seat_id)
    if programme.status in (ProgrammeStatus.DRAFT, ProgrammeStatus.CLOSED):
        raise Conflict(_("This programme's panels cannot change now."))
    if seat.status not in OPEN_SEATS:
        raise Conflict(_("Only a seat that is not accepted yet can be given to another mentor."))
    mentor = MentorProfile.objects.select_related("user").filter(pk=mentor_id).first()
    if mentor is None or mentor.status != MentorStatus.VERIFIED or mentor.availability != Availability.AVAILABLE:
        raise Conflict(_("Choose a verified mentor who is available."))
    if PanelSeat.objects.filter(programme=programme, startup=seat.startup, mentor=mentor,
                                status__in=LIVE_SEAT_STATUSES).exists():
        raise Conflict(_("This mentor is already on this startup's panel."))
    if conflict_pairs([mentor], {seat.startup_id}):
        raise Conflict(_("This mentor has a conflict of interest with this startup."))
    if _room_left(mentor, programme) <= 0:
        raise Conflict(_("This mentor has no capacity left."))
    fit = scorer(startup_cards(programme, [seat.startup]), [mentor_card(mentor)]).get(
        (str(seat.startup_id), str(mentor.pk)), 0.0)
    was = seat.status
    seat.status = SeatStatus.REPLACED
    seat.save(update_fields=["status"])
    new = PanelSeat.objects.create(
        programme=programme, startup=seat.startup, mentor=mentor, score=fit, status=was, replaces=seat,
        published_at=timezone.now() if was == SeatStatus.PUBLISHED else None,
    )
    if was == SeatStatus.PUBLISHED:
        notify.seat_refilled_email(new)
    return new


@transaction.atomic
def panels_publish(*, user: User, programme_id: int) -> list[PanelSeat]:
    """Show the proposed panels to mentors (by email) and startups."""
    programme = locked_programme(user, programme_id)
    if programme.status != ProgrammeStatus.RUNNING:
        raise Conflict(_("Form the panels before publishing them."))
    seats = list(PanelSeat.objects.filter(programme=programme, status=SeatStatus.PROPOSED)
                 .select_related("mentor__user", "startup").order_by("mentor_id", "startup_id"))
    if not seats:
        raise Conflict(_("There is no proposed seat to publish."))
    # Another programme may have published seats for the same mentors since the panels were formed.
    load = Counter(s.mentor_id for s in seats)
    held = held_elsewhere(programme, load)
    full = sorted({s.mentor.user.full_name for s in seats if load[s.mentor_id] + held[s.mentor_id] > s.mentor.capacity})
    if full:
        raise Conflict(_("These mentors no longer have the capacity: %(names)s. Form the panels again.")
                       % {"names": ", ".join(full)})
    now = timezone.now()
    PanelSeat.objects.filter(pk__in=[s.pk for s in seats]).update(status=SeatStatus.PUBLISHED, published_at=now)
    programme.status, programme.published_at = ProgrammeStatus.PUBLISHED, now
    programme.save(update_fields=["status", "published_at", "updated_at"])
    notify.seats_published_email(programme, seats)
    notify.panels_published_to_startups_email(programme, seats)
    return seats


def _own_seat(user: User, seat_id: int) -> PanelSeat:
    seat = PanelSeat.objects.select_related("mentor__user", "programme__cluster", "startup").filter(pk=seat_id).first()
    if seat is None:
        raise DomainError(_("This seat no longer exists."))
    if not user.is_authenticated or seat.mentor.user_id != user.pk:
        raise NotAllowed(_("This seat is offered to someone else."))
    if seat.programme.status == ProgrammeStatus.CLOSED:
        raise Conflict(_("This programme is closed."))
    return seat


@transaction.atomic
def seat_accept(*, user: User, seat_id: int) -> PanelSeat:
    """The mentor takes the seat, if their capacity still has room."""
    seat = _own_seat(user, seat_id)
    now = timezone.now()
    if not PanelSeat.objects.filter(pk=seat.pk, status=SeatStatus.PUBLISHED).update(
        status=SeatStatus.ACCEPTED, responded_at=now
    ):
        raise Conflict(_("This seat is no longer waiting for your answer."))
    # Conditional: PostgreSQL re-checks it after a concurrent accept's row lock; the raise rolls back.
    if not MentorProfile.objects.filter(pk=seat.mentor_id, seats_taken__lt=F("capacity")).update(
        seats_taken=F("seats_taken") + 1, last_activity_at=now
    ):
        raise Conflict(_("You already mentor as many startups as your capacity allows. Raise it on your "
                         "profile, or decline."))
    seat.status, seat.responded_at = SeatStatus.ACCEPTED, now
    notify.seat_answered_email(seat)
    return seat


@transaction.atomic
def seat_decline(*, user: User, seat_id: int, reason: str = "") -> tuple[PanelSeat, list[PanelSeat]]:
    """The mentor declines; the seat is refilled with every other seat kept. Returns the seat and its refills."""
    seat = _own_seat(user, seat_id)
    programme = locked_programme(None, seat.programme_id)
    now = timezone.now()
    if not PanelSeat.objects.filter(pk=seat.pk, status=SeatStatus.PUBLISHED).update(
        status=SeatStatus.DECLINED, responded_at=now, decline_reason=reason.strip()[:1000]
    ):
        raise Conflict(_("This seat is no longer waiting for your answer."))
    MentorProfile.objects.filter(pk=seat.mentor_id).update(last_activity_at=now)
    seat.status, seat.responded_at, seat.decline_reason = SeatStatus.DECLINED, now, reason.strip()[:1000]
    refills = refill(programme=programme, declined=[seat])
    notify.seat_answered_email(seat, refills)
    return seat, refills


def refill(*, programme: Programme, declined: list[PanelSeat], scorer: Scorer = pair_scores) -> list[PanelSeat]:
    """New seats for the panels of ``declined`` seats (already saved as declined), others untouched.

    Every declined, replaced or expired pair of the programme is never offered again. Call with the
    programme row locked.
    """
    if programme.status not in (*FORMING, ProgrammeStatus.PUBLISHED) or not declined:
        return []
    live = list(PanelSeat.objects.filter(programme=programme, status__in=LIVE_SEAT_STATUSES))
    cohort = build_cohort(programme, scorer=scorer, keep=live, also=declined)
    gone = [Seat(str(s.startup_id), str(s.mentor_id)) for s in declined]
    current = make_assignment(cohort.instance, [*(Seat(str(s.startup_id), str(s.mentor_id)) for s in live), *gone])
    forbidden = {
        (str(s), str(m)) for s, m in PanelSeat.objects.filter(
            programme=programme, status__in=[SeatStatus.DECLINED, SeatStatus.REPLACED, SeatStatus.EXPIRED]
        ).values_list("startup_id", "mentor_id")
    }
    result = refill_declined(cohort.instance, current, gone, forbidden=forbidden, startups={g.startup for g in gone})
    published = programme.status == ProgrammeStatus.PUBLISHED
    replaced = {str(s.startup_id): s for s in declined}
    new = [
        PanelSeat(programme=programme, startup=cohort.startups[s.startup], mentor=cohort.mentors[s.mentor],
                  score=cohort.instance.scores[s.startup, s.mentor], replaces=replaced.get(s.startup),
                  status=SeatStatus.PUBLISHED if published else SeatStatus.PROPOSED,
                  published_at=timezone.now() if published else None)
        for s in result.seats if s not in set(current.seats)
    ]
    PanelSeat.objects.bulk_create(new)
    if published:
        for seat in new:
            notify.seat_refilled_email(seat)
    return new


def release_open_seats(*, mentor: MentorProfile, reason: str) -> list[PanelSeat]:
    """Decline, on the mentor's behalf, every seat not yet accepted, and refill each (call in a transaction)."""
    refills: list[PanelSeat] = []
    programme_ids = sorted(set(PanelSeat.objects.filter(mentor=mentor, status__in=OPEN_SEATS)
                               .values_list("programme_id", flat=True)))
    for programme_id in programme_ids:  # in id order: two releases lock programmes in the same order
        programme = locked_programme(None, programme_id)
        seats = list(PanelSeat.objects.select_for_update(of=("self",)).select_related("startup", "mentor__user", "programme__cluster")
                     .filter(programme=programme, mentor=mentor, status__in=OPEN_SEATS))
        now = timezone.now()
        PanelSeat.objects.filter(pk__in=[s.pk for s in seats]).update(
            status=SeatStatus.DECLINED, responded_at=now, decline_reason=reason)
        for seat in seats:
            seat.status, seat.responded_at, seat.decline_reason = SeatStatus.DECLINED, now, reason
        new = refill(programme=programme, declined=seats)
        refills += new
        if programme.status == ProgrammeStatus.PUBLISHED:
            for seat in seats:
                refilled = [n for n in new if n.startup_id == seat.startup_id]
                notify.seat_answered_email(seat, refilled)
                if seat.published_at is not None:  # the startup saw this mentor waiting on its panel
                    notify.seat_released_to_startup_email(seat, refilled)
    return refills


def release_programme_capacity(programme: Programme) -> None:
    """A closed programme gives its mentors' accepted places back (their seats stay as history)."""
    per_mentor = Counter(PanelSeat.objects.filter(programme=programme, status=SeatStatus.ACCEPTED)
                         .values_list("mentor_id", flat=True))
    for mentor_id, n in sorted(per_mentor.items()):
        MentorProfile.objects.filter(pk=mentor_id, seats_taken__gte=n).update(seats_taken=F("seats_taken") - n)
