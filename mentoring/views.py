"""Pages for mentors and startups: the directory, my profile, invitations, seats, panels, sessions."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.forms import InviteeSignupForm
from accounts.services import PersonData
from core.errors import DomainError
from core.forms import require_valid

from . import panels, selectors, services, sessions, views_requests
from .forms import AvailabilityForm, DirectoryFilterForm, FeedbackForm, MentorProfileForm, ReasonForm, SessionForm
from .models import Availability, MentorInvitation, PanelSeat, SeatStatus

PAGE_SIZE = 20


@login_required
def directory_view(request: HttpRequest) -> HttpResponse:
    if not selectors.may_browse_mentors(request.user):
        raise PermissionDenied(_("The mentor directory is open to members of verified organisations."))
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.mentor_directory(user=request.user, **{k: filters.get(k, "") for k in
                                                          ("q", "area", "language", "availability")})
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "mentoring/directory.html", {"form": form, "page": page, "query": params.urlencode()})


@login_required
def mentor_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    mentor = selectors.mentor_for_viewer(user=request.user, pk=pk)
    if mentor is None:
        raise Http404(_("No such mentor."))
    return views_requests.render_mentor_page(request, mentor, views_requests.request_form(request.user))


@login_required
def my_profile_view(request: HttpRequest) -> HttpResponse:
    """Create (sign up as a mentor) or edit one's mentor profile."""
    profile = selectors.mentor_profile_of(request.user)
    form = MentorProfileForm(request.POST or None, instance=profile, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            if profile is None:
                services.mentor_signup(user=request.user, fields=form.service_fields(), m2m=form.service_m2m(),
                                       publications=form.service_publications())
                messages.success(request, _("Thank you! A manager of the clusters you chose will verify your profile."))
            else:
                services.mentor_profile_update(user=request.user, fields=form.service_fields(),
                                               m2m=form.service_m2m(), publications=form.service_publications())
                messages.success(request, _("Your mentor profile is saved."))
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("mentoring:my_profile")
    return render(request, "mentoring/my_profile.html", {"form": form, "profile": profile})


@login_required
@require_POST
def availability_view(request: HttpRequest) -> HttpResponse:
    try:
        data = require_valid(AvailabilityForm(request.POST)).cleaned_data
        available = data["availability"] == Availability.AVAILABLE
        services.mentor_set_availability(user=request.user, available=available)
        messages.success(request, _("You are available for new startups.") if available else
                         _("You are marked unavailable; the seats waiting for you were passed on."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("mentoring:my_profile")


def invitation_view(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(MentorInvitation.objects.select_related("cluster", "invited_by"), token=token)
    if not services.invitation_is_open(invitation):
        messages.error(request, _("This invitation has expired or was already used."))
        return redirect("home")
    form = None if request.user.is_authenticated else InviteeSignupForm(
        request.POST or None, invitation_email=invitation.email)
    if request.method == "POST":
        try:
            if request.user.is_authenticated:
                services.mentor_invitation_accept(user=request.user, invitation=invitation)
            elif form.is_valid():
                user = services.mentor_invitation_signup(
                    invitation=invitation, person=PersonData(**form.person_data()),
                    privacy_consent=form.cleaned_data["privacy_consent"],
                )
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            else:
                return render(request, "mentoring/invitation.html", {"invitation": invitation, "form": form})
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Welcome! Describe your expertise so startups can find you."))
            return redirect("mentoring:my_profile")
    return render(request, "mentoring/invitation.html", {"invitation": invitation, "form": form})


@login_required
def my_seats_view(request: HttpRequest) -> HttpResponse:
    """The startups proposed to or mentored by the signed-in mentor."""
    seats = list(selectors.mentor_seats(user=request.user))
    return render(request, "mentoring/my_seats.html", {
        "profile": selectors.mentor_profile_of(request.user), "seats": seats,
        "waiting": [s for s in seats if s.status == SeatStatus.PUBLISHED],
        "accepted": [s for s in seats if s.status == SeatStatus.ACCEPTED],
        "declined": [s for s in seats if s.status in (SeatStatus.DECLINED, SeatStatus.EXPIRED)],
        "decline_form": ReasonForm(),
    })


@login_required
@require_POST
def seat_answer_view(request: HttpRequest, pk: int, answer: str) -> HttpResponse:
    try:
        if answer == "accept":
            panels.seat_accept(user=request.user, seat_id=pk)
            messages.success(request, _("Thank you! The startup and the programme's managers can now see you on the panel."))
        elif answer == "decline":
            reason = require_valid(ReasonForm(request.POST)).cleaned_data["reason"]
            panels.seat_decline(user=request.user, seat_id=pk, reason=reason)
            messages.info(request, _("You declined; the seat is offered to another mentor."))
        else:
            raise Http404
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("mentoring:my_seats")


@login_required
def my_panels_view(request: HttpRequest) -> HttpResponse:
    """The published panels of the user's organisations, with their sessions."""
    seats = list(selectors.startup_panels(user=request.user))
    panels_by_key: dict[tuple[int, int], dict] = {}
    for seat in seats:
        panel = panels_by_key.setdefault((seat.programme_id, seat.startup_id),
                                         {"programme": seat.programme, "startup": seat.startup, "seats": []})
        panel["seats"].append(seat)
    recent = selectors.visible_sessions(request.user).filter(startup_id__in=[s.startup_id for s in seats])[:50]
    return render(request, "mentoring/my_panels.html", {"panels": list(panels_by_key.values()), "sessions": recent})


def _seat_for_sessions(request: HttpRequest, pk: int) -> PanelSeat:
    seat = selectors.visible_seats(request.user).filter(pk=pk).first()
    if seat is None:
        raise Http404(_("No such seat."))
    return seat


@login_required
def log_session_view(request: HttpRequest, pk: int) -> HttpResponse:
    seat = _seat_for_sessions(request, pk)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sessions.session_log(user=request.user, seat_id=seat.pk, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The session is logged."))
            return redirect("mentoring:log_session", pk=seat.pk)
    past = selectors.visible_sessions(request.user).filter(seat=seat)
    return render(request, "mentoring/log_session.html", {"seat": seat, "form": form, "sessions": past,
                                                          "feedback_form": FeedbackForm()})


@login_required
@require_POST
def session_feedback_view(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(selectors.visible_sessions(request.user), pk=pk)
    try:
        data = require_valid(FeedbackForm(request.POST)).cleaned_data
        sessions.session_feedback(user=request.user, session_id=session.pk, rating=data["rating"], note=data["note"])
        messages.success(request, _("Thank you for your feedback."))
    except DomainError as exc:
        messages.error(request, exc.message)
    if session.seat_id:
        return redirect("mentoring:log_session", pk=session.seat_id)
    if session.request_id:
        return redirect("mentoring:request_sessions", pk=session.request_id)
    return redirect("mentoring:my_panels")


