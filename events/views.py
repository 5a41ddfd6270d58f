"""Public and registrant pages: list, month calendar, event page, registration, calendar files."""

import calendar as pycal
import re
import secrets
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.dates import today as local_today
from core.errors import DomainError
from core.fragments import cached_fragment

from . import ical, marketplace, qr, registration, selectors
from .forms import EventFilterForm, RegistrationForm
from .models import CalendarFeed, Event, EventKind, Registration, RegistrationStatus

PAGE_SIZE = 20
FEED_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,100}")


def _month_start(value: str) -> date:
    today = local_today()
    try:
        year, month = (int(x) for x in value.split("-"))
        # The grid reaches into the months around it: stay clear of date's year limits.
        if not 1900 <= year <= 2999:
            raise ValueError(year)
        return date(year, month, 1)
    except (ValueError, AttributeError):
        return today.replace(day=1)


def _month_grid(events: list[Event], first: date) -> list[list[dict]]:
    by_day: dict[date, list[Event]] = {}
    for event in events:
        by_day.setdefault(timezone.localtime(event.starts_at).date(), []).append(event)
    weeks = pycal.Calendar(firstweekday=6).monthdatescalendar(first.year, first.month)  # Sunday first, as in Korea
    return [[{"day": d, "in_month": d.month == first.month, "events": by_day.get(d, [])} for d in week] for week in weeks]


def _list_context(request: HttpRequest) -> dict:
    """What the events list or its month view shows (the kept part, built only when it is not kept)."""
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    query = {k: filters.get(k, "") for k in ("cluster", "kind", "topic")}
    is_manager = bool(selectors.managed_cluster_ids(request.user))
    context: dict = {
        "form": form, "is_manager": is_manager,
        "out_of_range": list(selectors.events_to_repair(request.user))
        if is_manager or request.user.is_superuser else [],
    }
    params = request.GET.copy()
    params.pop("page", None)
    if request.GET.get("view") == "month":  # as the page around it (event_list_view), even with a bad filter
        first = _month_start(filters.get("month", ""))
        tz = timezone.get_current_timezone()
        start = datetime(first.year, first.month, 1, tzinfo=tz)
        end = (start + timedelta(days=32)).replace(day=1)
        events = list(selectors.event_search(user=request.user, start=start, end=end, **query))
        prev_month = (first - timedelta(days=1)).replace(day=1)
        params.pop("month", None)
        context.update(
            view="month", weeks=_month_grid(events, first), month=first, query=params.urlencode(),
            prev_month=prev_month.strftime("%Y-%m"), next_month=end.strftime("%Y-%m"),
        )
        return context
    include_past = request.GET.get("past") == "1"
    qs = selectors.event_search(user=request.user, include_past=include_past, now=timezone.now(), **query)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context.update(view="list", page=page, query=params.urlencode(), include_past=include_past)
    return context


def event_list_view(request: HttpRequest) -> HttpResponse:
    # The list (or month) is kept per viewer and filters under the events' version (core.fragments).
    month = request.GET.get("view") == "month"
    version = selectors.event_list_version(user=request.user, now=timezone.now())
    body = cached_fragment(request, "events/_partials/body.html", lambda: _list_context(request), version=version)
    return render(request, "events/calendar.html" if month else "events/list.html", {"body": body})


def _visible_event(request: HttpRequest, pk: int) -> Event:
    event = selectors.visible_events(request.user).select_related("cluster").filter(pk=pk).first()
    if event is None:
        raise Http404(_("No such event."))
    return event


def event_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.visible_events(request.user).select_related("cluster").filter(pk=pk).first()
    if event is None:
        if selectors.events_to_repair(request.user).filter(pk=pk).exists():
            messages.error(request, _("This event's dates are out of range; correct them on the edit page first."))
            return redirect("events:edit", pk=pk)
        raise Http404(_("No such event."))
    mine = selectors.active_registration(request.user, event)
    can_manage = selectors.can_manage_event(request.user, event)
    orgs = selectors.verified_organizations(request.user)
    context = {
        "event": event,
        "registration": mine,
        "can_manage": can_manage,
        "show_online_link": can_manage or (mine is not None and mine.status == RegistrationStatus.REGISTERED),
        "participants": selectors.participants(event=event, viewer=request.user),
        "may_register": request.user.is_authenticated and orgs.exists(),
        "registration_open": event.is_published and event.starts_at > timezone.now()
        and not (event.registration_deadline and event.registration_deadline < timezone.now()),
        "topics": list(event.topics.all()),
        "figures": marketplace.partnering_figures(event=event)
        if can_manage and event.kind == EventKind.PARTNERING else None,
        "show_marketplace": can_manage or (mine is not None and mine.status == RegistrationStatus.REGISTERED),
    }
    if mine is not None and mine.status == RegistrationStatus.REGISTERED:
        token = qr.checkin_token(mine)
        context["qr_svg"], context["qr_token"] = qr.qr_svg(token), token
    if context["may_register"] and mine is None:
        context["form"] = RegistrationForm(event=event, organizations=orgs)
    return render(request, "events/detail.html", context)


@login_required
@require_POST
def register_view(request: HttpRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk)
    form = RegistrationForm(request.POST, event=event, organizations=selectors.verified_organizations(request.user))
    if not form.is_valid():
        messages.error(request, _("Please check the registration form."))
        return redirect("events:detail", pk=pk)
    try:
        reg = registration.event_register(
            user=request.user, event_id=event.pk, organization_id=form.cleaned_data["organization"].pk,
            answers=form.answers(), show_in_participant_list=form.cleaned_data["show_in_participant_list"],
            share_listings=form.cleaned_data["share_listings"],
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("events:detail", pk=pk)
    if reg.status == RegistrationStatus.REGISTERED:
        messages.success(request, _("You are registered. Your check-in code is on this page and in your email."))
    else:
        messages.info(request, _("The event is full: you are on the waiting list. We will email you if a seat frees."))
    return redirect("events:detail", pk=pk)


@login_required
@require_POST
def registration_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    reg = get_object_or_404(Registration, pk=pk, user=request.user)
    try:
        registration.registration_cancel(user=request.user, registration_id=reg.pk)
        messages.info(request, _("Your registration is cancelled."))
    except DomainError as exc:
        messages.error(request, exc.message)
    if request.POST.get("next") == "mine":
        return redirect("events:mine")
    return redirect("events:detail", pk=reg.event_id)


@login_required
@require_POST
def offer_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    reg = get_object_or_404(Registration, pk=pk, user=request.user)
    try:
        registration.offer_accept(user=request.user, registration_id=reg.pk)
        messages.success(request, _("The seat is yours. See you there!"))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("events:detail", pk=reg.event_id)


@login_required
def my_registrations_view(request: HttpRequest) -> HttpResponse:
    feed = CalendarFeed.objects.filter(user=request.user).first()
    context = {
        "registrations": selectors.my_registrations(user=request.user),
        "feed_url": settings.SITE_URL + feed_path(feed) if feed else "",
        "now": timezone.now(),
    }
    return render(request, "events/mine.html", context)


def feed_path(feed: CalendarFeed) -> str:
    return reverse("events:feed", args=[feed.token])


@login_required
@require_POST
def feed_reset_view(request: HttpRequest) -> HttpResponse:
    """Make (or replace) the secret feed URL; the old URL stops working at once."""
    CalendarFeed.objects.update_or_create(user=request.user, defaults={"token": secrets.token_urlsafe(32)})
    messages.success(request, _("Your calendar link is new; the old link no longer works."))
    return redirect("events:mine")


def _ics_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_ics_view(request: HttpRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk)
    mine = selectors.active_registration(request.user, event)
    show_link = selectors.can_manage_event(request.user, event) or (
        mine is not None and mine.status == RegistrationStatus.REGISTERED
    )
    return _ics_response(ical.calendar([(event, show_link)], name=event.title), f"event-{event.pk}.ics")


def feed_view(request: HttpRequest, token: str) -> HttpResponse:
    """No login: calendar apps subscribe with the secret URL itself."""
    # A deactivated account's link stops working with the account.
    if not FEED_TOKEN.fullmatch(token):  # not one we made (a NUL byte would even upset the database)
        raise Http404
    feed = CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if feed is None:
        raise Http404
    events = selectors.feed_events(user=feed.user)
    pairs = [(e, any(r.status == RegistrationStatus.REGISTERED for r in e.mine)) for e in events]
    return _ics_response(ical.calendar(pairs, name=_("My ClusterLink events")), "clusterlink.ics")


def qr_view(request: HttpRequest, token: str) -> HttpResponse:
    """The QR image for a signed token (linked from the confirmation email; the token is the secret)."""
    if qr.read_token(token) is None:
        raise Http404
    response = HttpResponse(qr.qr_svg(token), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=86400"
    return response
