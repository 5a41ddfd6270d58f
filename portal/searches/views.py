"""Saved-search pages: save a search from the listings or directory page, list, run, rename and delete them,
and read their notices (what the daily alerts found)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from portal.models import SavedSearch, SavedSearchKind, SavedSearchNotice

from . import queries, services
from .forms import KIND_PARAM, SavedSearchCreateForm, SavedSearchNameForm, filter_data

NOTICES_SHOWN = 30


def _error_lines(exc: ValidationError, kind: str) -> list[str]:
    """Each refusal with the page's label of its filter (an unknown one is quoted as sent)."""
    if not hasattr(exc, "error_dict"):
        return list(exc.messages)
    labels = queries.field_labels(kind)
    return [m if key == "__all__" else f"{labels.get(key, repr(key))}: {m}"
            for key, msgs in exc.message_dict.items() for m in msgs]


@login_required
def list_view(request: HttpRequest) -> HttpResponse:
    searches = list(
        SavedSearch.objects.filter(user=request.user)
        .annotate(unread=Count("notices", filter=Q(notices__read_at__isnull=True)))
        .order_by("-created_at", "-id")
    )
    summaries = queries.describe(searches)
    for s in searches:
        s.summary = summaries[s.pk]
        s.run_url = queries.search_url(s)
    notices = list(SavedSearchNotice.objects.filter(user=request.user).select_related("saved_search")[:NOTICES_SHOWN])
    for n in notices:
        n.url = queries.item_url(n.saved_search.kind, n.object_id)
    context = {"searches": searches, "notices": notices, "unread_count": sum(s.unread for s in searches),
               "max_searches": services.MAX_PER_PERSON}
    return render(request, "portal/saved_searches/list.html", context)


def _new_context(kind: str, params: dict, form: SavedSearchCreateForm | None = None) -> dict:
    probe = SavedSearch(kind=kind, params=params)
    summary = queries.describe([probe])[None]
    if form is None:
        form = SavedSearchCreateForm(initial={"name": " · ".join(summary)[: services.NAME_MAX], KIND_PARAM: kind})
    return {"form": form, "kind": kind, "kind_label": SavedSearchKind(kind).label, "summary": summary,
            "params": [(k, "on" if v is True else v) for k, v in params.items()],
            "search_url": queries.search_url(probe)}


@login_required
def new_view(request: HttpRequest) -> HttpResponse:
    """GET: the name form for the filters in the query (the search page's own); POST: save it."""
    data = request.POST if request.method == "POST" else request.GET
    kind = data.get(KIND_PARAM, "")
    partial = "portal/saved_searches/_partials/save_form.html"
    page = "portal/saved_searches/new.html"
    htmx = bool(request.headers.get("HX-Request"))
    template = partial if htmx else page
    try:
        params = queries.clean_params(kind, filter_data(data))
    except ValidationError as exc:
        # htmx swaps only a 200: the refusal shows where the button was.
        return render(request, template, {"errors": _error_lines(exc, kind)}, status=200 if htmx else 400)
    if request.method != "POST":
        return render(request, template, _new_context(kind, params))
    form = SavedSearchCreateForm(request.POST)
    if form.is_valid():
        try:
            saved = services.saved_search_create(user=request.user, kind=kind, name=form.cleaned_data["name"],
                                                 params=filter_data(request.POST))
        except ValidationError as exc:
            form.add_error(None, " ".join(_error_lines(exc, kind)))
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("“%(name)s” is saved. You will be told here and by a daily email when "
                                        "something new matches it.") % {"name": saved.name})
            return redirect("portal:saved_searches")
    return render(request, page, _new_context(kind, params, form), status=400)


def _own(request: HttpRequest, pk: int) -> SavedSearch:
    return get_object_or_404(SavedSearch, pk=pk, user=request.user)  # anyone else's: no such page


@login_required
@require_POST
def rename_view(request: HttpRequest, pk: int) -> HttpResponse:
    saved = _own(request, pk)
    form = SavedSearchNameForm(request.POST)
    if form.is_valid():
        services.saved_search_update(user=request.user, saved=saved, name=form.cleaned_data["name"])
        messages.success(request, _("Renamed to “%(name)s”.") % {"name": saved.name})
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("portal:saved_searches")


@login_required
@require_POST
def delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    saved = _own(request, pk)
    name = saved.name
    services.saved_search_delete(user=request.user, saved=saved)
    messages.success(request, _("“%(name)s” is deleted; its alerts stop.") % {"name": name})
    return redirect("portal:saved_searches")


@login_required
def run_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Open the search page with the saved filters; what it found is now read."""
    saved = _own(request, pk)
    services.notices_mark_read(user=request.user, saved=saved)
    return redirect(queries.search_url(saved))


@login_required
@require_POST
def notices_read_view(request: HttpRequest) -> HttpResponse:
    services.notices_mark_read(user=request.user)
    return redirect("portal:saved_searches")
