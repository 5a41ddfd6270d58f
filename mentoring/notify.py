"""Mentoring emails, each rendered in the recipient's language and queued after commit."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership, MembershipStatus, User
from core.emails import send_templated_email

from .models import MentoringRequest, MentorInvitation, OfficeHourBooking, PanelSeat, Programme


def _url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _startup_members(org_ids) -> dict[int, list[User]]:
    """The active people of each startup (one query), who hear about its panel."""
    members: dict[int, list[User]] = {}
    for m in Membership.objects.filter(
        organization_id__in=list(org_ids), status=MembershipStatus.ACTIVE, user__is_active=True,
    ).select_related("user").order_by("organization_id", "user_id"):
        members.setdefault(m.organization_id, []).append(m.user)
    return members


def invitation_email(invitation: MentorInvitation) -> None:
    """The invitee has no language on record yet: the inviter's language is the best guess."""
    inviter = invitation.invited_by
    send_templated_email(
        to=invitation.email, language=inviter.language, template="mentoring_invitation",
        context={"inviter": inviter, "cluster": invitation.cluster,
                 "url": _url("mentoring:invitation", invitation.token)},
    )


def mentor_verified_email(user: User) -> None:
    send_templated_email(
        to=user.email, language=user.language, template="mentoring_verified",
        context={"user": user, "url": _url("mentoring:my_profile")},
    )


def seats_published_email(programme: Programme, seats: list[PanelSeat]) -> None:
    """One email per mentor, naming every startup of this programme waiting for their answer."""
    by_mentor: dict[int, list[PanelSeat]] = {}
    for seat in seats:
        by_mentor.setdefault(seat.mentor_id, []).append(seat)
    for mentor_seats in by_mentor.values():
        user = mentor_seats[0].mentor.user
        send_templated_email(
            to=user.email, language=user.language, template="mentoring_seats_published",
            context={"user": user, "programme": programme, "startups": [s.startup for s in mentor_seats],
                     "url": _url("mentoring:my_seats")},
        )


def seat_refilled_email(seat: PanelSeat) -> None:
    """A freed seat offered to another mentor."""
    user = seat.mentor.user
    send_templated_email(
        to=user.email, language=user.language, template="mentoring_seat_refilled",
        context={"user": user, "programme": seat.programme, "startup": seat.startup, "url": _url("mentoring:my_seats")},
    )


def seat_answered_email(seat: PanelSeat, refills: list[PanelSeat] | None = None) -> None:
    """Tell the programme's cluster managers that a mentor accepted or declined (and who refills it)."""
    programme = seat.programme
    for manager in programme.cluster.managers.filter(is_active=True):
        send_templated_email(
            to=manager.email, language=manager.language, template="mentoring_seat_answered",
            context={"manager": manager, "seat": seat, "mentor": seat.mentor.user, "startup": seat.startup,
                     "programme": programme, "accepted": seat.status == "accepted", "refills": refills or [],
                     "url": _url("mentoring:manage_programme", programme.pk)},
        )


def panels_published_to_startups_email(programme: Programme, seats: list[PanelSeat]) -> None:
    """Each startup's people get their panel: the mentors asked, who will answer in the coming days."""
    by_startup: dict[int, list[PanelSeat]] = {}
    for seat in seats:
        by_startup.setdefault(seat.startup_id, []).append(seat)
    members = _startup_members(by_startup)
    for startup_id, panel in by_startup.items():
        for user in members.get(startup_id, []):
            send_templated_email(
                to=user.email, language=user.language, template="mentoring_panel_published",
                context={"user": user, "programme": programme, "startup": panel[0].startup,
                         "mentors": [s.mentor for s in panel], "url": _url("mentoring:my_panels")},
            )


def seat_released_to_startup_email(seat: PanelSeat, refills: list[PanelSeat]) -> None:
    """A mentor on the startup's panel cannot take part after all (unavailable, or no answer in time):
    tell the startup without blaming anyone, and that another mentor is being asked."""
    for user in _startup_members([seat.startup_id]).get(seat.startup_id, []):
        send_templated_email(
            to=user.email, language=user.language, template="mentoring_panel_seat_released",
            context={"user": user, "programme": seat.programme, "startup": seat.startup,
                     "mentor": seat.mentor.user, "refilled": bool(refills), "url": _url("mentoring:my_panels")},
        )


def seat_reminder_email(user: User, seats: list[PanelSeat]) -> None:
    """The one reminder to a mentor whose seats have waited MENTORING_REMIND_AFTER_HOURS."""
    send_templated_email(
        to=user.email, language=user.language, template="mentoring_seat_reminder",
        context={"user": user, "seats": seats, "url": _url("mentoring:my_seats")},
    )


def seat_expired_email(seat: PanelSeat, refills: list[PanelSeat]) -> None:
    """Tell the programme's managers a seat went unanswered and who was asked instead."""
    programme = seat.programme
    for manager in programme.cluster.managers.filter(is_active=True):
        send_templated_email(
            to=manager.email, language=manager.language, template="mentoring_seat_expired",
            context={"manager": manager, "mentor": seat.mentor.user, "startup": seat.startup,
                     "programme": programme, "refills": refills,
                     "url": _url("mentoring:manage_programme", programme.pk)},
        )


def _request_context(request: MentoringRequest) -> dict:
    """What a mentor is told of a request: the startup, the need's title, and its description only when
    the need is not confidential (the listing itself is never put in the context)."""
    return {"startup": request.startup, "message": request.message,
            "need_title": request.need.title if request.need_id else "",
            "need_description": request.need_description_for_mentor}


def request_received_email(request: MentoringRequest) -> None:
    """The mentor hears of a startup asking them."""
    user = request.mentor.user
    send_templated_email(
        to=user.email, language=user.language, template="mentoring_request_received",
        context={"user": user, **_request_context(request), "url": _url("mentoring:my_requests")},
    )


def _requesters(request: MentoringRequest) -> list[User]:
    """Who asked, or (if they left) the startup's active people."""
    if request.requested_by_id and request.requested_by.is_active:
        return [request.requested_by]
    return _startup_members([request.startup_id]).get(request.startup_id, [])


def request_answered_email(request: MentoringRequest, *, released: bool = False) -> None:
    """The startup hears the mentor's answer; ``released``: the mentor went unavailable (told politely)."""
    for user in _requesters(request):
        send_templated_email(
            to=user.email, language=user.language, template="mentoring_request_answered",
            context={"user": user, "mentor": request.mentor.user, "startup": request.startup,
                     "accepted": request.status == "accepted", "released": released, "reply": request.reply,
                     "url": _url("mentoring:startup_requests"), "directory_url": _url("mentoring:directory")},
        )


def request_reminder_email(user: User, requests: list[MentoringRequest]) -> None:
    """The one reminder to a mentor whose requests have waited MENTORING_REMIND_AFTER_HOURS."""
    send_templated_email(
        to=user.email, language=user.language, template="mentoring_request_reminder",
        context={"user": user, "startups": [r.startup for r in requests], "url": _url("mentoring:my_requests")},
    )


def request_expired_email(request: MentoringRequest) -> None:
    """The startup is told, without blame, that the mentor could not answer, and invited to ask another."""
    for user in _requesters(request):
        send_templated_email(
            to=user.email, language=user.language, template="mentoring_request_expired",
            context={"user": user, "mentor": request.mentor.user, "startup": request.startup,
                     "url": _url("mentoring:directory")},
        )


def _booking_context(booking: OfficeHourBooking) -> dict:
    """What both sides read of a booking; the need's description only when it is not confidential."""
    return {"slot": booking.slot, "mentor": booking.slot.mentor.user, "startup": booking.startup,
            "message": booking.message, "need_title": booking.need.title if booking.need_id else "",
            "need_description": booking.need_description_for_mentor}


def _send_in_seoul_time(**kwargs) -> None:
    """Times in the email are Seoul's, whatever time zone the caller (a task, a shell) has active."""
    with timezone.override(ZoneInfo(settings.DISPLAY_TIME_ZONE)):
        send_templated_email(**kwargs)


def office_hour_booked_email(booking: OfficeHourBooking) -> None:
    """The mentor hears of a startup booking one of their office hours."""
    user = booking.slot.mentor.user
    _send_in_seoul_time(to=user.email, language=user.language, template="mentoring_office_hour_booked",
                        context={"user": user, **_booking_context(booking), "url": _url("mentoring:my_office_hours")})


def _bookers(booking: OfficeHourBooking) -> list[User]:
    """Who booked, or (if they left) the startup's active people."""
    if booking.booked_by_id and booking.booked_by.is_active:
        return [booking.booked_by]
    return _startup_members([booking.startup_id]).get(booking.startup_id, [])


def office_hour_cancelled_email(booking: OfficeHourBooking, *, by_mentor: bool) -> None:
    """The other side hears of a cancellation: the startup when the mentor cancels (or withdraws the
    slot), the mentor when the startup does."""
    context = _booking_context(booking)
    if by_mentor:
        for user in _bookers(booking):
            _send_in_seoul_time(to=user.email, language=user.language, template="mentoring_office_hour_cancelled",
                                context={"user": user, **context, "by_mentor": True,
                                         "url": _url("mentoring:mentor", booking.slot.mentor_id)})
        return
    user = booking.slot.mentor.user
    _send_in_seoul_time(to=user.email, language=user.language, template="mentoring_office_hour_cancelled",
                        context={"user": user, **context, "by_mentor": False,
                                 "url": _url("mentoring:my_office_hours")})
