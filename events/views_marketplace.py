"""The participant marketplace: who comes, and what their organisations need and offer."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import marketplace, selectors


@login_required
def marketplace_view(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.visible_events(request.user).select_related("cluster").filter(pk=pk).first()
    if event is None:
        raise Http404(_("No such event."))
    if not marketplace.may_see_marketplace(request.user, event):
        raise PermissionDenied(_("Only registered attendees and the organisers see the participants' needs and offers."))
    entries = marketplace.marketplace(event=event)
    return render(request, "events/marketplace.html", {"event": event, "entries": entries})
