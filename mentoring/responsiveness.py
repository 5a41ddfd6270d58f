"""Seats a mentor leaves unanswered: one reminder, then the seat expires and is refilled.

A published seat unanswered for ``MENTORING_REMIND_AFTER_HOURS`` gets one reminder to its mentor
(``reminded_at`` is set in the same transaction that queues the email, so a second run, or a
redelivered task, sends nothing). One unanswered for ``MENTORING_REASSIGN_AFTER_HOURS`` expires
and is refilled by ``panels.refill`` with every other seat fixed, as a decline is. A seat expires
only once its reminder has had the time between the two limits to work (so a beat that was down
does not expire seats nobody was reminded of). Both steps are plain functions; ``mentoring.tasks``
runs them hourly from Celery beat.

A startup's direct request (``MentoringRequest``) follows the same clock from when it was asked:
one reminder to the mentor, then it expires and the startup is told politely and invited to ask
another mentor (there is no panel to refill).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from . import notify, panels
from .models import MentoringRequest, PanelSeat, ProgrammeStatus, RequestStatus, SeatStatus


def _limits() -> tuple[timedelta, timedelta]:
    remind = timedelta(hours=settings.MENTORING_REMIND_AFTER_HOURS)
    return remind, max(timedelta(hours=settings.MENTORING_REASSIGN_AFTER_HOURS), remind)


def _waiting() -> QuerySet[PanelSeat]:
    """Seats published to a mentor, still unanswered, in a programme whose panels are live."""
    return PanelSeat.objects.filter(status=SeatStatus.PUBLISHED, programme__status=ProgrammeStatus.PUBLISHED,
                                    published_at__isnull=False)


def send_reminders(*, now: datetime | None = None) -> int:
    """One email per mentor listing their seats due for the (only) reminder. Returns the seats reminded."""
    now = now or timezone.now()
    remind, _reassign = _limits()
    with transaction.atomic():
        # skip_locked: a seat being answered right now is left for the next run, not waited for.
        seats = list(
            _waiting().filter(reminded_at__isnull=True, published_at__lte=now - remind)
            .select_for_update(of=("self",), skip_locked=True)
            .select_related("mentor__user", "startup", "programme").order_by("mentor_id", "programme_id", "id")
        )
        if not seats:
            return 0
        PanelSeat.objects.filter(pk__in=[s.pk for s in seats]).update(reminded_at=now)
        by_mentor: dict[int, list[PanelSeat]] = {}
        for seat in seats:
            by_mentor.setdefault(seat.mentor_id, []).append(seat)
        for mentor_seats in by_mentor.values():
            user = mentor_seats[0].mentor.user
            if user.is_active:
                notify.seat_reminder_email(user, mentor_seats)
    return len(seats)


def expire_unanswered(*, now: datetime | None = None) -> tuple[int, int]:
    """Close seats left unanswered past the limit and refill them. Returns (expired, refilled)."""
    now = now or timezone.now()
    remind, reassign = _limits()
    due = _waiting().filter(published_at__lte=now - reassign, reminded_at__lte=now - (reassign - remind))
    expired = refilled = 0
    for programme_id in sorted(set(due.values_list("programme_id", flat=True))):
        with transaction.atomic():  # one programme at a time, locked in id order like every refill
            programme = panels.locked_programme(None, programme_id)
            seats = list(due.filter(programme=programme).select_for_update(of=("self",))
                         .select_related("startup", "mentor__user", "programme__cluster").order_by("id"))
            if not seats:  # answered meanwhile
                continue
            PanelSeat.objects.filter(pk__in=[s.pk for s in seats], status=SeatStatus.PUBLISHED).update(
                status=SeatStatus.EXPIRED)
            for seat in seats:
                seat.status = SeatStatus.EXPIRED
            new = panels.refill(programme=programme, declined=seats)
            for seat in seats:
                mine = [n for n in new if n.startup_id == seat.startup_id]
                notify.seat_expired_email(seat, mine)
                notify.seat_released_to_startup_email(seat, mine)
            expired, refilled = expired + len(seats), refilled + len(new)
    return expired, refilled


def remind_and_reassign(*, now: datetime | None = None) -> dict[str, int]:
    """The hourly pass: expire (and refill) first, then remind, so one run never does both to a seat."""
    now = now or timezone.now()
    expired, refilled = expire_unanswered(now=now)
    reminded = send_reminders(now=now)
    return {"reminded": reminded, "expired": expired, "refilled": refilled}


def send_request_reminders(*, now: datetime | None = None) -> int:
    """One email per mentor listing the direct requests due for the (only) reminder. Returns the requests reminded."""
    now = now or timezone.now()
    remind, _reassign = _limits()
    with transaction.atomic():
        requests = list(
            MentoringRequest.objects.filter(status=RequestStatus.REQUESTED, reminded_at__isnull=True,
                                            created_at__lte=now - remind)
            .select_for_update(of=("self",), skip_locked=True)
            .select_related("mentor__user", "startup").order_by("mentor_id", "id")
        )
        if not requests:
            return 0
        MentoringRequest.objects.filter(pk__in=[r.pk for r in requests]).update(reminded_at=now)
        by_mentor: dict[int, list[MentoringRequest]] = {}
        for request in requests:
            by_mentor.setdefault(request.mentor_id, []).append(request)
        for mentor_requests in by_mentor.values():
            user = mentor_requests[0].mentor.user
            if user.is_active:
                notify.request_reminder_email(user, mentor_requests)
    return len(requests)


def expire_unanswered_requests(*, now: datetime | None = None) -> int:
    """Close direct requests left unanswered past the limit (after their reminder had time to work) and
    tell each startup. Returns the requests expired."""
    now = now or timezone.now()
    remind, reassign = _limits()
    with transaction.atomic():
        requests = list(
            MentoringRequest.objects.filter(status=RequestStatus.REQUESTED, created_at__lte=now - reassign,
                                            reminded_at__lte=now - (reassign - remind))
            .select_for_update(of=("self",), skip_locked=True)
            .select_related("mentor__user", "startup", "requested_by").order_by("id")
        )
        MentoringRequest.objects.filter(pk__in=[r.pk for r in requests], status=RequestStatus.REQUESTED).update(
            status=RequestStatus.EXPIRED)
        for request in requests:
            request.status = RequestStatus.EXPIRED
            notify.request_expired_email(request)
    return len(requests)


def requests_remind_and_expire(*, now: datetime | None = None) -> dict[str, int]:
    """The hourly pass over direct requests: expire first, then remind, as for seats."""
    now = now or timezone.now()
    expired = expire_unanswered_requests(now=now)
    return {"requests_reminded": send_request_reminders(now=now), "requests_expired": expired}
