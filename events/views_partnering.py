"""Partnering pages: requests, availability, personal agenda, outcomes; the organisers' scheduling."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import csvsafe
from core.errors import DomainError
from core.forms import require_valid

from . import marketplace, partnering, selectors
from .dates import display_time
from .forms import (
    AvailabilityForm,
    MeetingDecisionForm,
    MeetingRequestForm,
    OutcomeForm,
    PartneringGridForm,
)
from .models import (
    MAX_SUGGESTED_SLOTS,
    MEETING_MESSAGE_MAX,
    Event,
    EventKind,
    MeetingOutcome,
    Registration,
    RegistrationStatus,
)
from .partnering import MAX_SLOTS


def _event(request: HttpRequest, pk: int) -> Event:
    event = selectors.visible_events(request.user).select_related("cluster").filter(pk=pk).first()
    if event is None or event.kind != EventKind.PARTNERING:
        raise Http404(_("No such event."))
    return event


def _post(request: HttpRequest, event: Event) -> None:
    """Run the posted action through its form and service; errors become messages."""
    action, post, user = request.POST.get("action"), request.POST, request.user
    if action == "request":
        data = require_valid(MeetingRequestForm(post)).cleaned_data
        partnering.meeting_request_create(user=user, event_id=event.pk, recipient_id=data["recipient"],
                                          message=data["message"], suggested_slots=data["suggested_slots"])
        messages.success(request, _("Your meeting request is sent."))
    elif action in ("accept", "decline"):
        data = require_valid(MeetingDecisionForm(post)).cleaned_data
        partnering.meeting_request_decide(user=user, request_id=data["request"], accept=action == "accept")
        messages.success(request, _("Your answer is saved."))
    elif action == "availability":
        data = require_valid(AvailabilityForm(post, slot_count=MAX_SLOTS)).cleaned_data
        partnering.availability_set(user=user, event_id=event.pk, slots=None if data["all"] else data["slots"])
        messages.success(request, _("Your availability is saved."))
    elif action == "outcome":
        data = require_valid(OutcomeForm(post)).cleaned_data
        partnering.meeting_outcome_record(user=user, meeting_id=data["meeting"], outcome=data["outcome"],
                                          follow_up_wanted=data["follow_up"], note=data["note"])
        messages.success(request, _("The outcome is recorded."))
    elif action == "configure":
        data = require_valid(PartneringGridForm(post)).cleaned_data
        partnering.partnering_configure(user=user, event_id=event.pk, first_slot_at=data["first_slot_at"],
                                        slot_minutes=data["slot_minutes"], slots=data["slots"], tables=data["tables"])
        messages.success(request, _("The meeting grid is saved."))
    elif action == "schedule":
        added = partnering.meetings_schedule(user=user, event_id=event.pk)
        messages.success(request, ngettext("%(n)d meeting was added to the agendas.",
                                           "%(n)d meetings were added to the agendas.", added) % {"n": added})
    else:
        raise DomainError(_("Unknown action."))


def _waiting(r) -> bool:
    return r.status == "accepted" and not r.has_meeting


@login_required
def partnering_view(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    can_manage = selectors.can_manage_event(request.user, event)
    mine = Registration.objects.filter(event=event, user=request.user, status=RegistrationStatus.REGISTERED).first()
    if mine is None and not can_manage:
        raise PermissionDenied(_("Only registered attendees can take part in the 1:1 meetings."))
    if request.method == "POST":
        try:
            _post(request, event)
        except DomainError as exc:
            messages.error(request, exc.message)
        return redirect("events:partnering", pk=event.pk)
    session = selectors.partnering_session(event=event)
    context: dict = {"event": event, "session": session, "mine": mine, "can_manage": can_manage,
                     "outcomes": MeetingOutcome.choices, "message_max": MEETING_MESSAGE_MAX,
                     "max_suggested": MAX_SUGGESTED_SLOTS,
                     "grid_out_of_range": session is None and selectors.has_unusable_grid(event=event)}
    slot_start = {}
    if session:
        context["slot_times"] = [(i, session.slot_start(i)) for i in range(session.slots)]
        slot_start = dict(context["slot_times"])
    if mine:
        requests = list(marketplace.requests_with_meeting_flag(mine=mine))
        for r in requests:
            r.suggested_times = [slot_start[s] for s in r.suggested_slots if s in slot_start]
        asked = {r.recipient_id for r in requests if r.requester_id == mine.pk}
        asked |= {r.requester_id for r in requests if r.recipient_id == mine.pk}
        meetings = list(selectors.agenda(event=event, mine=mine))
        for m in meetings:
            m.other = m.b if m.a_id == mine.pk else m.a
            m.starts_at = session.slot_start(m.slot) if session else None
        context.update(
            incoming=[r for r in requests if r.recipient_id == mine.pk and r.status == "requested"],
            outgoing=[r for r in requests if r.requester_id == mine.pk and not _waiting(r)],
            # Accepted by either side, not on the agenda yet: both people see it until it is scheduled.
            waiting=[r for r in requests if _waiting(r)],
            attendees=[p for p in selectors.partnering_attendees(event=event, mine=mine) if p.pk not in asked],
            meetings=meetings,
            available=set(mine.available_slots) if mine.available_slots is not None else None,
        )
    if can_manage:
        context["all_meetings"] = list(selectors.agenda(event=event))
        for m in context["all_meetings"]:
            m.starts_at = slot_start.get(m.slot)
        context["figures"] = marketplace.partnering_figures(event=event)
    return render(request, "events/partnering.html", context)


@login_required
def agenda_csv_view(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    if not selectors.can_manage_event(request.user, event):
        raise PermissionDenied(_("Only the managers of this event's cluster can do this."))
    session = selectors.partnering_session(event=event)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-agenda.csv"'
    response.write("\ufeff")
    writer = csvsafe.writer(response)
    writer.writerow(["slot", "starts_at", "table", "person_a", "organisation_a", "person_b", "organisation_b",
                     "outcome", "follow_up_wanted"])
    # Slots and tables numbered from 1, as the pages show them; times in the display zone (Seoul).
    for m in selectors.agenda(event=event):
        start = display_time(session.slot_start(m.slot)) if session else ""
        writer.writerow([m.slot + 1, start, m.table + 1, m.a.display_name, m.a.organization.name if m.a.organization_id else "",
                         m.b.display_name, m.b.organization.name if m.b.organization_id else "", m.outcome,
                         "yes" if m.follow_up_wanted else "no"])
    return response
