"""Organisers' pages: create, edit, publish, cancel, copy; the check-in desk; attendance CSV."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.selectors import managed_cluster_ids
from clusters.models import Cluster
from core import csvsafe
from core.errors import DomainError
from core.forms import require_valid

from . import checkin, selectors, services
from .dates import display_time
from .forms import (
    CancelEventForm,
    CheckinCodeForm,
    CheckinRegistrationForm,
    CheckinSearchForm,
    EventForm,
    WalkInForm,
    WalkInOrgSearchForm,
)
from .models import Event, Registration


def _managed_clusters(request: HttpRequest):
    if request.user.is_superuser:
        return Cluster.objects.all()
    return Cluster.objects.filter(pk__in=managed_cluster_ids(request.user))


def _managed_event(request: HttpRequest, pk: int) -> Event:
    event = selectors.event_with_safe_dates(Event.objects.select_related("cluster"), pk)
    if event is None:
        raise Http404(_("No such event."))
    if not selectors.can_manage_event(request.user, event):
        raise PermissionDenied(_("Only the managers of this event's cluster can do this."))
    return event


@login_required
def event_create_view(request: HttpRequest) -> HttpResponse:
    clusters = _managed_clusters(request)
    if not clusters.exists():
        raise PermissionDenied(_("Only cluster managers can create events."))
    form = EventForm(request.POST or None, clusters=clusters)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(
                user=request.user, cluster=form.cleaned_data["cluster"], fields=form.service_fields(),
                topics=list(form.cleaned_data["topics"]),
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The event is saved as a draft. Publish it when it is ready."))
            return redirect("events:detail", pk=event.pk)
    return render(request, "events/edit.html", {"form": form, "event": None})


@login_required
def event_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    event = _managed_event(request, pk)
    form = EventForm(request.POST or None, instance=event, clusters=_managed_clusters(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(
                user=request.user, event_id=event.pk, fields=form.service_fields(),
                topics=list(form.cleaned_data["topics"]),
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The event is updated."))
            return redirect("events:detail", pk=event.pk)
    return render(request, "events/edit.html", {"form": form, "event": event})


@login_required
@require_POST
def event_action_view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    event = _managed_event(request, pk)
    try:
        if action == "publish":
            services.event_publish(user=request.user, event_id=event.pk)
            messages.success(request, _("The event is published."))
        elif action == "cancel":
            reason = require_valid(CancelEventForm(request.POST)).cleaned_data["reason"]
            services.event_cancel(user=request.user, event_id=event.pk, reason=reason)
            messages.info(request, _("The event is cancelled; registrants were told."))
        elif action == "copy":
            copy = services.event_copy(user=request.user, event_id=event.pk)
            messages.success(request, _("This is the copy, a week later. Check it and publish it."))
            return redirect("events:edit", pk=copy.pk)
        else:
            raise Http404
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("events:detail", pk=event.pk)


def _checkin_post(request: HttpRequest, event: Event) -> Registration:
    """One of the desk's three ways in: a scanned or typed code, a walk-in, or a row of the list."""
    if "code" in request.POST:
        code = require_valid(CheckinCodeForm(request.POST)).cleaned_data["code"]
        return checkin.checkin_by_code(user=request.user, event_id=event.pk, code=code)
    if "walk_in" in request.POST:
        data = require_valid(WalkInForm(request.POST)).cleaned_data
        return checkin.walk_in_add(user=request.user, event_id=event.pk, name=data["name"],
                                   organization=data["organization"])
    registration_id = require_valid(CheckinRegistrationForm(request.POST)).cleaned_data["registration"]
    return checkin.checkin_registration(user=request.user, event_id=event.pk, registration_id=registration_id)


@login_required
def checkin_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The door: scan or type a code, search by name, see who has arrived, add walk-ins."""
    event = _managed_event(request, pk)
    if event.dates_out_of_range:
        messages.error(request, _("This event's dates are out of range; correct them on the edit page first."))
        return redirect("events:edit", pk=event.pk)
    if request.method == "POST":
        try:
            reg = _checkin_post(request, event)
            messages.success(request, _("%(name)s is checked in.") % {"name": reg.display_name})
        except DomainError as exc:
            messages.error(request, exc.message)
        return redirect(request.get_full_path())
    search = CheckinSearchForm(request.GET)
    q = search.cleaned_data["q"] if search.is_valid() else ""
    if search.errors:
        messages.error(request, _("This search cannot be used; type a name or a code."))
    org_search = WalkInOrgSearchForm(request.GET)
    org_q = org_search.cleaned_data["org_q"] if org_search.is_valid() else ""
    rows = list(selectors.checkin_list(event=event, q=q))
    context = {
        "event": event,
        "q": q,
        "org_q": org_q,
        "rows": rows,
        "arrived": sum(1 for r in rows if r.checked_in_at),
        "walk_in_form": WalkInForm(org_query=org_q),
        "door_opens_at": checkin.door_opens_at(event),
    }
    context["door_open"] = timezone.now() >= context["door_opens_at"]
    return render(request, "events/checkin.html", context)


@login_required
@require_POST
def checkin_undo_view(request: HttpRequest, pk: int, registration_id: int) -> HttpResponse:
    event = _managed_event(request, pk)
    try:
        reg = checkin.checkin_undo(user=request.user, event_id=event.pk, registration_id=registration_id)
        messages.info(request, _("Check-in of %(name)s undone.") % {"name": reg.display_name})
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("events:checkin", pk=event.pk)


@login_required
def attendance_csv_view(request: HttpRequest, pk: int) -> HttpResponse:
    event = _managed_event(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-attendance.csv"'
    response.write("\ufeff")  # so spreadsheet programs (Korean Excel) read the names as UTF-8
    # Times in the display zone (Seoul) whatever zone is active, with the offset written out.
    writer = csvsafe.writer(response)
    writer.writerow(["registration", "name", "email", "organisation", "status", "walk_in", "registered_at",
                     "checked_in_at", "checked_in_by", "answers"])
    for r in selectors.attendance_rows(event=event, viewer=request.user):
        writer.writerow([
            r.pk, r.display_name, r.contact_email, r.organization.name if r.organization_id else "",
            r.status, "yes" if r.walk_in else "no", display_time(r.created_at),
            display_time(r.checked_in_at) if r.checked_in_at else "",
            r.checked_in_by.full_name if r.checked_in_by_id else "",
            "; ".join(f"{k}: {v}" for k, v in r.answers.items() if v),
        ])
    return response
