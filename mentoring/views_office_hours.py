"""Pages for office hours: the mentor publishes slots and sees their bookings, a startup books from
the mentor's page and sees its bookings, either side cancels (until the start) or logs the held hour
as a session. The rules live in ``mentoring.office_hours``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError

from . import office_hours, selectors, sessions
from . import requests as mentor_requests
from .forms import BookingForm, BookingSessionForm, OfficeHourForm
from .models import BookingStatus, OfficeHourBooking

SHOWN_SLOTS = 12


def booking_form(user, data=None, slot_id: int | None = None) -> BookingForm | None:
    """The booking form for a member of a verified firm (the people who may ask a mentor), else None."""
    orgs, needs = mentor_requests.asking_choices(user)
    if not orgs.exists():
        return None
    return BookingForm(data, organizations=orgs, needs=needs, auto_id=f"id_book{slot_id or 0}_%s")


def slots_context(request: HttpRequest, mentor, bound: BookingForm | None = None, bound_slot: int | None = None) -> dict:
    """The mentor page's office hours: upcoming open slots (times and places left, never who booked),
    each with its booking form when the viewer may book."""
    slots = list(office_hours.bookable_slots(mentor=mentor)[:SHOWN_SLOTS])
    orgs, needs = mentor_requests.asking_choices(request.user)
    may_book = bool(slots) and mentor.user_id != request.user.pk and orgs.exists()
    mine = office_hours.booked_slot_ids(user=request.user, slots=slots) if may_book else set()
    choices = None
    for slot in slots:
        slot.mine = slot.pk in mine
        if not may_book or slot.mine:
            slot.form = None
        elif bound is not None and slot.pk == bound_slot:
            slot.form = bound
        else:
            slot.form = BookingForm(organizations=orgs, needs=needs, auto_id=f"id_book{slot.pk}_%s")
            # The firms and needs are read once for the page: each form shows the same (unbound) choices.
            choices = choices or {name: list(slot.form.fields[name].choices) for name in ("organization", "need")}
            for name, listed in choices.items():
                slot.form.fields[name].choices = listed
    return {"slots": slots, "may_book": may_book, "bound_slot": bound_slot}


@login_required
def my_office_hours_view(request: HttpRequest) -> HttpResponse:
    """The signed-in mentor's slots with who booked them; the form to publish one more."""
    profile = selectors.mentor_profile_of(request.user)
    form = OfficeHourForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            office_hours.slot_publish(user=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The office hour is published on your mentor page."))
            return redirect("mentoring:my_office_hours")
    slots = list(office_hours.mentor_slots(user=request.user)) if profile else []
    now = timezone.now()
    return render(request, "mentoring/my_office_hours.html", {
        "profile": profile, "form": form,
        "upcoming": [s for s in slots if s.starts_at > now and not s.is_withdrawn],
        "past": [s for s in reversed(slots) if s.starts_at <= now and not s.is_withdrawn and s.live_bookings],
    }, status=400 if request.method == "POST" and form.errors else 200)


@login_required
@require_POST
def office_hour_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not office_hours.mentor_slots(user=request.user).filter(pk=pk).exists():
        raise Http404(_("No such office hour."))
    try:
        office_hours.slot_withdraw(user=request.user, slot_id=pk)
        messages.info(request, _("The office hour is withdrawn; the startups that had booked it are told."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("mentoring:my_office_hours")


@login_required
@require_POST
def office_hour_book_view(request: HttpRequest, pk: int) -> HttpResponse:
    # Any slot of a mentor the user may see: a full, past or withdrawn one gets the service's clear message.
    slot = office_hours.bookable_lookup(request.user).filter(pk=pk).first()
    if slot is None:
        raise Http404(_("No such office hour."))
    mentor = selectors.mentor_for_viewer(user=request.user, pk=slot.mentor_id)
    if mentor is None:
        raise Http404(_("No such office hour."))
    form = booking_form(request.user, request.POST, slot_id=slot.pk)
    if form is None:
        messages.error(request, _("Only members of a verified firm can book office hours."))
        return redirect("mentoring:mentor", pk=mentor.pk)
    if form.is_valid():
        data = form.cleaned_data
        try:
            office_hours.booking_create(user=request.user, slot_id=slot.pk, organization_id=data["organization"].pk,
                                        message=data["message"], need_id=data["need"].pk if data["need"] else None)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("mentoring:mentor", pk=mentor.pk)
        messages.success(request, _("Booked! The mentor is told; your bookings are listed here."))
        return redirect("mentoring:office_hour_bookings")
    from .views_requests import render_mentor_page  # the mentor page, with this slot's form and its errors

    return render_mentor_page(request, mentor, None, status=400,
                              office_hours=slots_context(request, mentor, bound=form, bound_slot=slot.pk))


@login_required
def office_hour_bookings_view(request: HttpRequest) -> HttpResponse:
    """The bookings of the user's startups: upcoming ones to cancel, held ones to log."""
    rows = list(office_hours.startup_bookings(user=request.user, recent=True)[:200])
    now = timezone.now()
    return render(request, "mentoring/office_hour_bookings.html", {
        "upcoming": [b for b in rows if b.status == BookingStatus.BOOKED and b.slot.starts_at > now],
        "held": [b for b in reversed(rows) if b.status == BookingStatus.BOOKED and b.slot.starts_at <= now],
        "cancelled": [b for b in rows if b.status == BookingStatus.CANCELLED],
    })


def _visible_booking(request: HttpRequest, pk: int) -> OfficeHourBooking:
    found = office_hours.visible_bookings(request.user).filter(pk=pk).first()
    if found is None:
        raise Http404(_("No such booking."))
    return found


@login_required
@require_POST
def booking_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _visible_booking(request, pk)
    try:
        office_hours.booking_cancel(user=request.user, booking_id=booking.pk)
        messages.info(request, _("The booking is cancelled and the other side is told."))
    except DomainError as exc:
        messages.error(request, exc.message)
    if booking.slot.mentor.user_id == request.user.pk:
        return redirect("mentoring:my_office_hours")
    return redirect("mentoring:office_hour_bookings")


@login_required
def booking_session_view(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _visible_booking(request, pk)
    logged = list(booking.sessions.all())
    form = BookingSessionForm(request.POST or None, initial={"duration_minutes": booking.slot.duration_minutes})
    if request.method == "POST" and form.is_valid():
        try:
            sessions.booking_session_log(user=request.user, booking_id=booking.pk, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The session is logged."))
            return redirect("mentoring:booking_session", pk=booking.pk)
    return render(request, "mentoring/booking_session.html", {
        "booking": booking, "form": form, "sessions": logged, "started": office_hours.has_started(booking.slot),
        "is_mentor": booking.slot.mentor.user_id == request.user.pk,
    }, status=400 if form.errors else 200)
