"""Pages for direct mentoring requests: a startup asks from the mentor's page, the mentor answers on
"Requests", either side logs sessions of an accepted request."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.forms import form_error_text

from . import requests as mentor_requests
from . import selectors, sessions, views_office_hours
from .forms import FeedbackForm, ReasonForm, ReplyForm, RequestForm, SessionForm
from .models import MentoringRequest, RequestStatus


def request_form(user, data=None) -> RequestForm | None:
    """The ask form for a member of a verified firm, else None."""
    orgs, needs = mentor_requests.asking_choices(user)
    if not orgs.exists():
        return None
    return RequestForm(data, organizations=orgs, needs=needs)


def render_mentor_page(request: HttpRequest, mentor, form: RequestForm | None, status: int = 200,
                       office_hours: dict | None = None) -> HttpResponse:
    can_manage = request.user.is_superuser or any(
        selectors.can_manage_cluster(request.user, c.pk) for c in mentor.clusters.all())
    asked = mentor.pk in selectors.open_request_mentor_ids(user=request.user)
    may_ask = mentor.is_verified and mentor.is_available and mentor.user_id != request.user.pk
    return render(request, "mentoring/mentor_detail.html", {
        "mentor": mentor, "can_manage": can_manage, "reason_form": ReasonForm(),
        "request_form": form if may_ask and not asked else None, "already_asked": asked,
        "office_hours": office_hours or views_office_hours.slots_context(request, mentor),
    }, status=status)


@login_required
def ask_view(request: HttpRequest, pk: int) -> HttpResponse:
    mentor = selectors.mentor_for_viewer(user=request.user, pk=pk)
    if mentor is None:
        raise Http404(_("No such mentor."))
    if request.method != "POST":
        return redirect("mentoring:mentor", pk=pk)
    form = request_form(request.user, request.POST)
    if form is None:
        messages.error(request, _("Only members of a verified firm can ask a mentor."))
        return redirect("mentoring:mentor", pk=pk)
    if form.is_valid():
        data = form.cleaned_data
        try:
            mentor_requests.request_create(
                user=request.user, mentor_id=mentor.pk, organization_id=data["organization"].pk,
                message=data["message"], need_id=data["need"].pk if data["need"] else None)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Your request is on its way; you will hear from the mentor by email."))
            return redirect("mentoring:startup_requests")
    return render_mentor_page(request, mentor, form)


@login_required
def startup_requests_view(request: HttpRequest) -> HttpResponse:
    """The requests of the user's startups (they read their own needs in full)."""
    return render(request, "mentoring/startup_requests.html", {
        "requests": list(selectors.startup_requests(user=request.user)[:200]),
    })


@login_required
@require_POST
def withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not selectors.startup_requests(user=request.user).filter(pk=pk).exists():
        raise Http404(_("No such request."))
    try:
        mentor_requests.request_withdraw(user=request.user, request_id=pk)
        messages.info(request, _("The request is withdrawn."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("mentoring:startup_requests")


@login_required
def my_requests_view(request: HttpRequest) -> HttpResponse:
    """Requests addressed to the signed-in mentor. A need's description shows only if it is not confidential."""
    rows = list(selectors.mentor_requests(user=request.user)[:200])
    waiting = [r for r in rows if r.status == RequestStatus.REQUESTED]
    for r in waiting:  # a form of its own per button, so each textarea's id is unique on the page
        r.accept_form, r.decline_form = ReplyForm(auto_id=f"id_accept{r.pk}_%s"), ReplyForm(auto_id=f"id_decline{r.pk}_%s")
    return render(request, "mentoring/my_requests.html", {
        "profile": selectors.mentor_profile_of(request.user), "waiting": waiting,
        "accepted": [r for r in rows if r.status == RequestStatus.ACCEPTED],
        "closed": [r for r in rows if r.status not in (RequestStatus.REQUESTED, RequestStatus.ACCEPTED)],
    })


@login_required
@require_POST
def answer_view(request: HttpRequest, pk: int, answer: str) -> HttpResponse:
    if answer not in ("accept", "decline") or not selectors.mentor_requests(user=request.user).filter(pk=pk).exists():
        raise Http404(_("No such request."))
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_error_text(form))
        return redirect("mentoring:my_requests")
    try:
        if answer == "accept":
            mentor_requests.request_accept(user=request.user, request_id=pk, reply=form.cleaned_data["reply"])
            messages.success(request, _("Thank you! The startup is told; log your sessions from here."))
        else:
            mentor_requests.request_decline(user=request.user, request_id=pk, reply=form.cleaned_data["reply"])
            messages.info(request, _("You declined; the startup is told and can ask another mentor."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("mentoring:my_requests")


def _visible_request(request: HttpRequest, pk: int) -> MentoringRequest:
    found = selectors.visible_requests(request.user).filter(pk=pk).first()
    if found is None:
        raise Http404(_("No such request."))
    return found


@login_required
def request_sessions_view(request: HttpRequest, pk: int) -> HttpResponse:
    mentoring = _visible_request(request, pk)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sessions.request_session_log(user=request.user, request_id=mentoring.pk, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The session is logged."))
            return redirect("mentoring:request_sessions", pk=mentoring.pk)
    past = selectors.visible_sessions(request.user).filter(request=mentoring)
    return render(request, "mentoring/request_sessions.html", {
        "mentoring": mentoring, "form": form, "sessions": past, "feedback_form": FeedbackForm(),
        "is_mentor": mentoring.mentor.user_id == request.user.pk,
    })
