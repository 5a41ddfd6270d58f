"""Mentoring emails, each rendered in the recipient's language and queued after commit."""

from django.conf import settings
from django.urls import reverse

from accounts.models import Membership, MembershipStatus, User
from core.emails import send_templated_email

from .models import MentorInvitation, PanelSeat, Programme


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
