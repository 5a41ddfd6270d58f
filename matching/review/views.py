"""Pages of the review lifecycle: the TTO review queue, the inbox of introductions, a match's page
(history, contacts once connected, the message thread), requests and brokering, the managers'
overview. Writes go through ``actions``/``services``/``conversation``; reads through
``selectors``."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accounts.models import OrganizationKind
from accounts.regions import Region
from accounts.selectors import is_cluster_manager, member_org_ids, organization_people
from core import csvsafe
from core.errors import DomainError
from core.forms import form_error_text
from core.fragments import cached_fragment
from taxonomy import selectors as taxonomy_selectors
from taxonomy.models import Facet, FacetKind

from .. import visibility
from ..models import (
    CONNECTED_STATES,
    DeclineReason,
    Match,
    MatchSource,
    MatchStatus,
    NotificationSettings,
)
from ..proposals.learning import last_refit
from ..proposals.reasons import COUNTERPART, NEED, facet_labels, reasons_for
from . import actions, contacts, conversation, selectors
from . import services as review
from .forms import (
    AssignForm,
    BulkReviewForm,
    ContactForm,
    DigestForm,
    IntroductionRequestForm,
    MatchMessageForm,
    MatchNoteForm,
    MetForm,
    TransitionForm,
)
from .notify import render_notice

PAGE_SIZE = 25
QUEUE_REASONS = 3  # a queue card shows the strongest reasons; the match page has them all


class QueueFilterForm(forms.Form):
    therapeutic_area = forms.ChoiceField(label=gettext_lazy("Therapeutic area"), required=False)
    partnership_type = forms.ChoiceField(label=gettext_lazy("Partnership type"), required=False)
    stage = forms.ChoiceField(label=gettext_lazy("Firm stage"), required=False)
    region = forms.ChoiceField(label=gettext_lazy("Region"), required=False)

    def __init__(self, *args, facets: dict[str, list] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        facets = taxonomy_selectors.facet_choices() if facets is None else facets
        any_ = [("", _("Any"))]
        self.fields["therapeutic_area"].choices = any_ + [(f.slug, f.label) for f in facets[FacetKind.THERAPEUTIC_AREA]]
        self.fields["partnership_type"].choices = any_ + [(f.slug, f.label) for f in facets[FacetKind.PARTNERSHIP_TYPE]]
        self.fields["stage"].choices = any_ + [(f.slug, f.label) for f in facets[FacetKind.STAGE]]
        self.fields["region"].choices = any_ + list(Region.choices)
        for f in self.fields.values():
            f.widget.attrs["class"] = "form-select form-select-sm"


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    nxt = request.POST.get("next", "")
    # Control characters (a NUL, a newline) have no place in a Location header. Only a path: redirect() would
    # take a bare word ("0", "abc") for a URL name to reverse (NoReverseMatch, a 500).
    if (nxt.startswith("/") and nxt.isprintable()
            and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()})):
        return HttpResponseRedirect(nxt)
    return redirect(fallback)


def _error(request: HttpRequest, exc: DomainError) -> None:
    messages.error(request, exc.message)


def _invalid(request: HttpRequest, form: forms.Form) -> None:
    messages.error(request, form_error_text(form))


def _decorate(user, rows: list[Match], side: str = COUNTERPART, *, labels: dict | None = None,
              last_active: bool = True) -> None:
    """Reasons (from the reader's side), readable descriptions and the firm's responsiveness, from
    prefetched rows (no per-row queries). ``labels``: facet_labels(), if read; ``last_active=False`` skips the
    firms' last activity (two queries) for a page that shows only their answer rate."""
    hidden = visibility.hidden_description_ids(user, rows)
    labels = facet_labels() if labels is None else labels
    needs = [m.need for m in rows]
    readable = visibility.description_visible_ids(user, needs + [s for m in rows for s in m.supporting_listings.all()])
    resp = selectors.responsiveness({m.need.organization_id for m in rows}, last=last_active)
    for m in rows:
        m.reasons = reasons_for(m, hidden_ids=hidden, facet_labels=labels, side=side)
        m.readable_ids = readable
        m.need_readable = m.need.pk in readable
        m.firm_response = resp.get(m.need.organization_id)


# --- the TTO review queue ----------------------------------------------------------------------------

QUEUE_FILTER_WIDTHS = {"therapeutic_area": 3, "partnership_type": 3, "stage": 2, "region": 2}  # grid columns
QUEUE_FILTERS = tuple(QUEUE_FILTER_WIDTHS)


def _facets() -> tuple[dict[str, Facet], dict[str, list[Facet]], dict[int, Facet]]:
    """facet_labels() and facet_choices() from one query: every term by slug, the active ones by kind; and
    every term by id."""
    by_slug, active, by_id = {}, {kind: [] for kind in FacetKind.values}, {}
    for f in Facet.objects.all():  # ordered by kind, order, slug, as both of them read it
        by_slug[f.slug], by_id[f.pk] = f, f
        if f.is_active:
            active[f.kind].append(f)
    return by_slug, active, by_id


def _queue_part(request: HttpRequest, *, orgs: set[int], assigned: bool, form: QueueFilterForm | None,
                filters: dict, invalid: bool, facets: tuple | None) -> dict:
    """The context of the queue's kept part (matching/review/_queue.html): built only when it is rendered."""
    labels, active, by_id = facets or _facets()
    if form is None:  # no filter asked for: the form is built only to be shown
        form = QueueFilterForm(request.GET or None, facets=active)
    # The whole queue in one query: its (id, score) rows page the unfiltered queue and rank the fit bands.
    queue = [] if invalid else selectors.queue_ranked(user=request.user, assigned_to_me=assigned, org_ids=orgs)
    if invalid:
        ids: list[int] = []
    elif filters:
        ids = list(selectors.review_queue(user=request.user, assigned_to_me=assigned, org_ids=orgs, **filters)
                   .prefetch_related(None).values_list("pk", flat=True))
    else:
        ids = [pk for pk, _score in queue]
    # Page on the bare ids, then load one page with its relations: sorting the joined rows made PostgreSQL
    # join every proposal waiting (about 1,000 at 5,000 organisations) to its need before the LIMIT.
    page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = selectors.queue_cards(list(page), facets=by_id)
    _decorate(request.user, rows, labels=labels, last_active=False)
    # Bands rank against the whole queue, so a filter or a page never changes a proposal's band.
    ranked = [score for _pk, score in queue] if rows else []
    # What each card shows, read once here rather than per card in the template (a choice label costs the whole
    # list's translations; each ``.all`` of a prefetched relation a new queryset).
    kinds, regions, sources = ({k: str(v) for k, v in choices} for choices in (
        OrganizationKind.choices, Region.choices, MatchSource.choices))
    fit_labels = {k: str(v) for k, v in selectors.FIT_LABELS.items()}
    comma = conditional_escape(", ")
    for m in rows:
        org = m.need.organization
        m.firm_kind, m.firm_region = kinds.get(org.kind, org.kind), regions.get(org.region, org.region)
        m.source_label = sources.get(m.source, m.source)
        m.supporting = list(m.supporting_listings.all())
        m.fit = selectors.fit_band(m.score, ranked)
        m.fit_label = fit_labels.get(m.fit, "")
        m.top_reasons = m.reasons[:QUEUE_REASONS]
        for r in m.top_reasons:  # as ``items|slice:":3"|join:", "`` wrote them
            r.shown = mark_safe(comma.join(conditional_escape(v) for v in r.items[:3]))  # each item escaped
            r.more = len(r.items) > 3
    params = request.GET.copy()
    params.pop("page", None)
    return {"form": form, "filter_fields": [(width, form[name], _select_html(form[name]))
                                            for name, width in QUEUE_FILTER_WIDTHS.items()],
            "page": page, "rows": rows, "query": params.urlencode(),
            "reason_options": _reason_options(), "next": request.get_full_path(), "assigned": assigned,
            "queue_total": len(ranked), "banded": len(ranked) >= selectors.MIN_FOR_BANDS}


def _select_html(bf: forms.BoundField) -> str:
    """What ``str(bf)`` renders for a plain Select (django/forms/widgets/select.html), written here: Django renders
    every <option> from a template of its own, a hundred calls each, and the four filters have about 60. Anything
    else (errors, groups, a required field) is left to Django."""
    widget = bf.field.widget
    choices = list(widget.choices)
    if (type(widget) is not forms.Select or bf.errors or bf.help_text or bf.field.required
            or any(isinstance(label, (list, tuple)) for _value, label in choices)):
        return str(bf)
    attrs = bf.build_widget_attrs({}, widget)
    if bf.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bf.auto_id)
    attrs = widget.build_attrs(widget.attrs, attrs)
    attr_html = mark_safe("".join(  # each part escaped by format_html
        format_html(" {}", k) if v is True else format_html(' {}="{}"', k, v) for k, v in attrs.items() if v is not False))
    current, chosen, options = set(widget.format_value(bf.value())), False, []
    for value, label in choices:
        selected = not chosen and str(value) in current
        chosen = chosen or selected
        options.append(format_html('\n  <option value="{}"{}>{}</option>\n', value, " selected" if selected else "", label))
    return format_html('<select name="{}"{}>{}\n</select>', bf.html_name, attr_html, mark_safe("".join(options)))


def _reason_options() -> str:
    """The decline reasons' <option>s, rendered once for the bulk form and every card."""
    return format_html_join("", '<option value="{}">{}</option>', DeclineReason.choices)


@login_required
def queue_view(request: HttpRequest) -> HttpResponse:
    orgs = selectors.reviewing_org_ids(request.user)
    request.reviewing_org_ids = orgs  # the navigation's review link reads it (review_tags.review_nav)
    assigned = request.GET.get("assigned") == "me"
    if not orgs and not assigned:
        raise PermissionDenied(_("The review queue is for the TTO reviewers of hospitals and universities."))
    form, invalid, filters, facets = None, False, {}, None
    if any(request.GET.get(k) for k in QUEUE_FILTERS):  # without a filter value the form is always valid
        facets = _facets()
        form = QueueFilterForm(request.GET, facets=facets[1])
        invalid = not form.is_valid()
        # A filter that is not one of the choices shows nothing but the form's errors.
        filters = {} if invalid else {k: v for k, v in form.cleaned_data.items() if v}
    # The cards are kept per viewer, language, day and full path under the data's version (selectors.queue_version).
    queue_orgs = selectors.queue_org_ids(request.user, assigned_to_me=assigned, org_ids=orgs)
    version = selectors.queue_version(request.user, org_ids=queue_orgs, reviewing=orgs)
    part = cached_fragment(request, "matching/review/_queue.html", lambda: _queue_part(
        request, orgs=orgs, assigned=assigned, form=form, filters=filters, invalid=invalid, facets=facets),
        version=version)
    return render(request, "matching/review/queue.html", {"part": part, "assigned": assigned},
                  status=400 if invalid else 200)


BULK_LIMIT = 100


@login_required
@require_POST
def bulk_view(request: HttpRequest) -> HttpResponse:
    """Approve or decline the ticked proposals one by one: each is its own transaction and event."""
    form = BulkReviewForm(request.POST)
    if not form.is_valid():
        _invalid(request, form)
        return _back(request, reverse("matches:queue"))
    data = form.cleaned_data
    # One transaction per match, so a request is capped at one queue page.
    done, failed = 0, 0
    for pk in data["ids"][:BULK_LIMIT]:
        try:
            actions.perform(user=request.user, match_id=pk, action=data["action"], reason=data["reason"],
                            note=data["note"])
            done += 1
        except DomainError:
            failed += 1
    messages.info(request, _bulk_outcome(data["action"], done, failed))
    return _back(request, reverse("matches:queue"))


# --- what happened and what comes next (read off services.py and notify.py; keep them in step) ----------


def _outcome(match: Match, action: str) -> str:
    """The reviewer's feedback after approving or declining: what the services did, who is told, what next."""
    firm = match.need.organization.name
    if action == "approve":
        # services._introduce: approved then introduced; notify.deliver_event mails both sides ("introduced");
        # reminders.remind_and_expire closes it after MATCH_INTRO_EXPIRE_DAYS unless both accepted.
        days = settings.MATCH_INTRO_EXPIRE_DAYS
        return ngettext(
            "Introduction sent to %(firm)s. Both sides now accept or decline it in their inbox, your side too; "
            "it closes unless both accept within %(days)s day. You will be notified when both sides agree, and "
            "each side's named contact then opens to the other.",
            "Introduction sent to %(firm)s. Both sides now accept or decline it in their inbox, your side too; "
            "it closes unless both accept within %(days)s days. You will be notified when both sides agree, and "
            "each side's named contact then opens to the other.", days) % {"firm": firm, "days": days}
    if action == "decline":
        # notify.deliver_event tells only the person who asked for the introduction; the reason reaches the
        # firm as a category counted over at least MIN_AGGREGATE declines, the note never.
        if match.source == MatchSource.REQUESTED:
            told = _("%(firm)s asked for this introduction and is told it was not taken forward, without your "
                     "reason or note.") % {"firm": firm}
        else:
            told = _("%(firm)s gets no message; the proposal leaves its list.") % {"firm": firm}
        return _("Declined. %(told)s Your reason reaches firms only as an anonymous category once there are "
                 "%(min)s declines; your note stays internal. The need stays open to other partners.") % {
                     "told": told, "min": selectors.MIN_AGGREGATE}
    return _("Done.")


def _bulk_outcome(action: str, done: int, failed: int) -> str:
    if action == "approve":
        text = ngettext("%(n)s introduction sent: both sides now accept or decline it in their inbox within "
                        "%(days)s days.", "%(n)s introductions sent: both sides now accept or decline each in their "
                        "inbox within %(days)s days.", done) % {"n": done, "days": settings.MATCH_INTRO_EXPIRE_DAYS}
    else:
        text = ngettext("%(n)s proposal declined; the firms' needs stay open to other partners.",
                        "%(n)s proposals declined; the firms' needs stay open to other partners.", done) % {"n": done}
    if failed:
        text += " " + ngettext("%(n)s was not possible (already decided by someone, or the need has closed).",
                               "%(n)s were not possible (already decided by someone, or the needs have closed).",
                               failed) % {"n": failed}
    return text


# --- one match ------------------------------------------------------------------------------------------


def _visible_match(request: HttpRequest, pk: int) -> tuple[Match, str]:
    match = selectors.with_relations(Match.objects.filter(pk=pk)).first()
    side = selectors.viewer_side(request.user, match) if match else ""
    if not side:
        raise Http404(_("No such match."))
    return match, side


@login_required
def detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    match, side = _visible_match(request, pk)
    _decorate(request.user, [match], side=side if side in (NEED, COUNTERPART) else "")
    connected = match.status in CONNECTED_STATES and side in ("need", "counterpart")
    context = {"m": match, "side": side, "history": selectors.history(match=match, side=side),
               "actions": actions.available(request.user, match, side), "labels": actions.ACTIONS,
               "reasons": DeclineReason.choices, "connected": connected, "next": request.get_full_path()}
    if side in (contacts.NEED, contacts.COUNTERPART):
        # Only the named contact of the other side, and only once connected (contacts.py); never its staff list.
        named = contacts.contacts_for_reader([match], {match.pk: side})[match.pk]
        other_side = contacts.COUNTERPART if side == contacts.NEED else contacts.NEED
        context["own_contact"], context["other_contact"] = named[side], named[other_side]
        context["other_org"] = match.counterpart if side == contacts.NEED else match.need.organization
        if match.status in contacts.CHANGEABLE_STATES:
            own_org = match.need.organization_id if side == contacts.NEED else match.counterpart_id
            eligible = list(contacts.eligible_memberships({own_org}))
            context["contact_form"] = ContactForm(
                eligible=eligible, initial={"contact": named[side].user_id if named[side] else None})
        if "met" in context["actions"]:
            context["met_form"] = MetForm(match=match)
    if connected:
        # Reading is a GET: nothing is marked read here (a prefetch or a link scanner must not change state);
        # the page's script, or its "Mark as read" button, posts to read_view.
        context["thread"] = list(match.messages.select_related("sender", "sender_org").prefetch_related("attachments"))
    if side == "counterpart":
        context["notes"] = list(match.notes.select_related("author"))
        context["colleagues"] = organization_people(org=match.counterpart)
    if side in ("need", "counterpart"):
        context["unread"] = conversation.match_unread(user=request.user, match=match)
    context["partnership"] = getattr(match, "partnership", None) if hasattr(match, "partnership") else None
    context["responsiveness"] = selectors.responsiveness({match.need.organization_id, match.counterpart_id})
    return render(request, "matching/review/detail.html", context)


@login_required
@require_POST
def read_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a match read (the other side's messages, one's own notifications about it). The match page's script
    posts here once after load and gets a 204; without JavaScript its "Mark as read" button does, back to the page."""
    match, _side = _visible_match(request, pk)
    conversation.match_mark_read(user=request.user, match=match)
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    return redirect(reverse("matches:detail", args=[pk]))


@login_required
@require_POST
def transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    _visible_match(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        _invalid(request, form)
        return _back(request, reverse("matches:detail", args=[pk]))
    try:
        match = actions.perform(user=request.user, match_id=pk, **form.cleaned_data)
        text, level = _outcome(match, form.cleaned_data["action"]), messages.SUCCESS
    except DomainError as exc:
        text, level = exc.message, messages.ERROR
    if request.headers.get("HX-Request"):
        # htmx swaps the card for this line (a 200 either way: htmx swaps only a 200); no flash on top.
        return render(request, "matching/review/_outcome.html", {"text": text, "error": level == messages.ERROR})
    messages.add_message(request, level, text)
    return _back(request, reverse("matches:detail", args=[pk]))


@login_required
@require_POST
def contact_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Name one's own side's contact person for this match (only eligible people of one's organisation)."""
    match, side = _visible_match(request, pk)
    back = redirect(reverse("matches:detail", args=[pk]) + "#contacts")
    if side not in (contacts.NEED, contacts.COUNTERPART):
        messages.error(request, _("Only the two sides of a match can name their contact person."))
        return back
    own_org = match.need.organization_id if side == contacts.NEED else match.counterpart_id
    form = ContactForm(request.POST, eligible=list(contacts.eligible_memberships({own_org})))
    if not form.is_valid():
        _invalid(request, form)
        return back
    try:
        contacts.match_contact_set(user=request.user, match_id=pk, contact_id=form.cleaned_data["contact"])
        messages.success(request, _("The contact person for this match is saved. The other side sees their name, "
                                    "email and phone once both sides have accepted."))
    except DomainError as exc:
        _error(request, exc)
    return back


@login_required
@require_POST
def met_view(request: HttpRequest, pk: int) -> HttpResponse:
    """"We have met": the date (and optional notes) through MetForm, then the one service that writes the edge."""
    match, _side = _visible_match(request, pk)
    form = MetForm(request.POST, match=match)
    if not form.is_valid():
        _invalid(request, form)
        return redirect(reverse("matches:detail", args=[pk]) + "#actions")
    try:
        review.match_record_met(user=request.user, match_id=pk, note=form.cleaned_data["note"],
                                met_on=form.cleaned_data["date"])
        messages.success(request, _("Your meeting on %(date)s is recorded. Record a partnership here when you agree "
                                    "on one.") % {"date": form.cleaned_data["date"].isoformat()})
    except DomainError as exc:
        _error(request, exc)
    return redirect(reverse("matches:detail", args=[pk]) + "#actions")


@login_required
@require_POST
def message_view(request: HttpRequest, pk: int) -> HttpResponse:
    _visible_match(request, pk)
    form = MatchMessageForm(request.POST)
    if not form.is_valid():
        _invalid(request, form)
        return redirect(reverse("matches:detail", args=[pk]) + "#thread")
    try:
        conversation.message_send(user=request.user, match_id=pk, body=form.cleaned_data["body"])
    except DomainError as exc:
        _error(request, exc)
    return redirect(reverse("matches:detail", args=[pk]) + "#thread")


@login_required
@require_POST
def note_view(request: HttpRequest, pk: int) -> HttpResponse:
    _visible_match(request, pk)
    form = MatchNoteForm(request.POST)
    if not form.is_valid():
        _invalid(request, form)
        return redirect(reverse("matches:detail", args=[pk]) + "#notes")
    try:
        conversation.match_note_add(user=request.user, match_id=pk, body=form.cleaned_data["body"])
    except DomainError as exc:
        _error(request, exc)
    return redirect(reverse("matches:detail", args=[pk]) + "#notes")


@login_required
@require_POST
def assign_view(request: HttpRequest, pk: int) -> HttpResponse:
    _visible_match(request, pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        _invalid(request, form)
        return _back(request, reverse("matches:detail", args=[pk]))
    try:
        conversation.match_assign(user=request.user, match_id=pk, assignee_id=form.cleaned_data["assignee"],
                                  note=form.cleaned_data["note"])
        messages.success(request, _("Your colleague is asked for an opinion."))
    except DomainError as exc:
        _error(request, exc)
    return _back(request, reverse("matches:detail", args=[pk]))


@login_required
@require_POST
def request_view(request: HttpRequest) -> HttpResponse:
    """Ask for an introduction (a member, from a profile page) or broker one (a cluster manager)."""
    form = IntroductionRequestForm(request.POST)
    if not form.is_valid():
        _invalid(request, form)
        return _back(request, reverse("matches:inbox"))
    data = form.cleaned_data
    pair = {"need_id": data["need"], "counterpart_id": data["counterpart"], "note": data["note"]}
    try:
        if data["broker"] and is_cluster_manager(request.user):
            match = review.match_broker(user=request.user, **pair)
        else:
            match = review.match_request(user=request.user, **pair)
        messages.success(request, _("Your request is sent."))
        return redirect("matches:detail", match.pk)
    except DomainError as exc:
        _error(request, exc)
    return _back(request, reverse("matches:inbox"))


# --- the inbox, notifications, the managers' overview ---------------------------------------------------


@login_required
def inbox_view(request: HttpRequest) -> HttpResponse:
    qs = selectors.inbox(user=request.user)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page)
    for m in rows:
        m.waiting_on_me = selectors.waiting_on_me(request.user, m)
        m.offer = [a for a in actions.available(request.user, m, "need" if m.need.organization_id in
                                                member_org_ids(request.user) else "counterpart") if a in ("accept", "reject")]
    orgs = sorted(member_org_ids(request.user))
    summaries = {o: selectors.firm_decline_summary(organization_id=o) for o in orgs[:5]}
    prefs = NotificationSettings.objects.filter(user=request.user).first()
    notices = list(request.user.notifications.all()[:10])
    for n in notices:
        n.text = render_notice(n)
    context = {"page": page, "rows": rows, "summaries": {k: v for k, v in summaries.items() if v},
               "digest": bool(prefs and prefs.daily_digest), "notices": notices, "labels": actions.ACTIONS,
               "next": request.get_full_path()}
    return render(request, "matching/review/inbox.html", context)


@login_required
@require_POST
def digest_view(request: HttpRequest) -> HttpResponse:
    form = DigestForm(request.POST)
    daily = form.is_valid() and form.cleaned_data["daily_digest"]
    NotificationSettings.objects.update_or_create(user=request.user, defaults={"daily_digest": daily})
    messages.success(request, _("Your notification settings are saved."))
    return redirect("matches:inbox")


@login_required
@require_POST
def notifications_read_view(request: HttpRequest) -> HttpResponse:
    request.user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
    return redirect("matches:inbox")


@login_required
def manage_view(request: HttpRequest) -> HttpResponse:
    if not is_cluster_manager(request.user):
        raise PermissionDenied(_("Only cluster managers can see this overview."))
    visible = selectors.matches_for(user=request.user)
    counts = dict.fromkeys(MatchStatus.values, 0)
    for status in visible.values_list("status", flat=True).order_by():
        counts[status] += 1
    stale = list(selectors.stale_proposals(user=request.user)[:50])
    recent = list(visible.exclude(status=MatchStatus.PROPOSED).order_by("-updated_at", "-id")[:50])
    orgs = {m.counterpart_id for m in stale + recent} | {m.need.organization_id for m in stale + recent}
    context = {"counts": [(MatchStatus(s).label, n) for s, n in counts.items()], "stale": stale, "recent": recent,
               "figures": selectors.model_version_figures(), "resp": selectors.responsiveness(orgs),
               "stale_days": selectors.settings.MATCH_REVIEW_STALE_DAYS, "refit": last_refit()}
    return render(request, "matching/review/manage.html", context)


@login_required
def manage_export_view(request: HttpRequest) -> HttpResponse:
    """The managers' CSV of matches in their clusters: states and titles, never descriptions or messages."""
    if not is_cluster_manager(request.user):
        raise PermissionDenied(_("Only cluster managers can see this overview."))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="matches.csv"'
    writer = csvsafe.writer(response)  # titles and names are typed by users: no spreadsheet formulas
    writer.writerow(["id", "need", "need_organisation", "counterpart", "status", "source", "model_version", "score",
                     "decline_category", "close_reason", "created_at", "updated_at"])
    for m in selectors.matches_for(user=request.user).order_by("id").iterator(chunk_size=500):
        writer.writerow([m.pk, m.need.title, m.need.organization.name, m.counterpart.name, m.status, m.source,
                         m.model_version, f"{m.score:.4f}", m.decline_category, m.close_reason,
                         m.created_at.isoformat(), m.updated_at.isoformat()])
    return response
