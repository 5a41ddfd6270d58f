"""Notices of the review lifecycle: what a notice says, and its delivery (an in-app row plus an email
in the recipient's language). The Celery tasks of ``notice_tasks`` call in here; the services queue
them through ``notify_queue``.

Each (event, recipient) has an idempotency key under a unique constraint, so a task delivered twice, or
a retried one, never notifies twice. People who chose the daily digest get their unemailed notices once
a day instead.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Membership, MembershipStatus, User
from core.emails import render_email
from core.tasks import send_email

from ..models import (
    Match,
    MatchEvent,
    MatchMessage,
    MatchStatus,
    Notification,
    NotificationSettings,
)
from .rules import needs_review, reviewer_user_ids

S = MatchStatus


# --- what a notice says (rendered in the reader's language, in the app and in email) -------------------


def notice_text(kind: str, params: dict) -> str:
    texts = {
        "introduced": _("New introduction: “%(need)s” (%(need_org)s) ↔ %(counterpart)s. Please accept or decline."),
        "other_accepted": _("The other side accepted the introduction “%(need)s”; your answer completes it."),
        "connected": _("Connected: “%(need)s” — %(need_org)s and %(counterpart)s can now see each other's contacts."),
        "closed": _("The introduction “%(need)s” is closed."),
        "declined": _("Your request “%(need)s” to %(counterpart)s was not taken forward."),
        "partnership": _("Partnership confirmed: “%(need)s” — %(need_org)s and %(counterpart)s."),
        "partnership_recorded": _("A partnership was recorded for “%(need)s”; please confirm it."),
        "message": _("New message about “%(need)s” from %(sender_org)s."),
        # The files' names only: the files themselves are opened on the platform, by the two sides.
        "message_files": _("New message about “%(need)s” from %(sender_org)s, with files: %(files)s."),
        "assigned": _("Your opinion is asked on the proposal “%(need)s” ↔ %(counterpart)s."),
        "reminder": _("Reminder: the introduction “%(need)s” is waiting for your answer."),
        "review": _("New proposal to review: “%(need)s” (%(need_org)s)."),
    }
    template = texts.get("message_files" if kind == "message" and params.get("files") else kind, "%(need)s")
    try:
        return template % params
    except (KeyError, TypeError, ValueError):
        return params.get("need", "")


def match_params(match: Match, **extra) -> dict:
    """The names a notice about ``match`` fills in (both languages; the reader's is picked at render)."""
    org = match.need.organization
    cp = match.counterpart
    return {"need": match.need.title, "need_org": org.name_ko or org.name_en, "counterpart": cp.name_ko or cp.name_en,
            "need_org_en": org.name_en or org.name_ko, "counterpart_en": cp.name_en or cp.name_ko, **extra}


def _localised(params: dict, language: str) -> dict:
    if language.startswith("ko"):
        return params
    return {**params, "need_org": params.get("need_org_en", params.get("need_org")),
            "counterpart": params.get("counterpart_en", params.get("counterpart"))}


def render_notice(n: Notification, language: str | None = None) -> str:
    lang = language or translation.get_language() or "en"
    return notice_text(n.kind, _localised(n.params, lang))


def _send_now(*, to: str, language: str, template: str, context: dict) -> None:
    """Render with core.emails (names stay raw in the text, escaped in the HTML) and send inside this
    task: we already are the async step, and a failure rolls the notice back so the retried task sends it
    (the key keeps it to one)."""
    subject, text, html = render_email(language=language, template=template, context=context)
    send_email(to=[to], subject=subject, text=text, html=html)


# --- recipients ----------------------------------------------------------------------------------------


def org_members(org_id: int) -> list[User]:
    """The active people of an organisation."""
    return [m.user for m in Membership.objects.filter(organization_id=org_id, status=MembershipStatus.ACTIVE)
            .select_related("user") if m.user.is_active]


def counterpart_people(match: Match) -> list[User]:
    """The counterpart's members who answer for it: its reviewers where it reviews."""
    people = org_members(match.counterpart_id)
    if needs_review(match.counterpart):
        ids = reviewer_user_ids(match.counterpart_id)
        people = [u for u in people if u.pk in ids]
    return people


def deliver(*, user: User, key: str, kind: str, match: Match | None, params: dict) -> bool:
    """Write the in-app notice and send its email once; False when this key was already delivered."""
    try:
        with transaction.atomic():
            notice = Notification.objects.create(user=user, key=key[:120], kind=kind, match=match, params=params)
            digest = NotificationSettings.objects.filter(user=user, daily_digest=True).exists()
            if not digest:
                url = settings.SITE_URL + reverse("matches:detail", args=[match.pk]) if match else settings.SITE_URL
                lang = user.language or settings.LANGUAGE_CODE
                with translation.override(lang):
                    text = notice_text(kind, _localised(params, lang))
                _send_now(to=user.email, language=lang, template="match_notice",
                          context={"user": user, "text": text, "url": url})
                Notification.objects.filter(pk=notice.pk).update(emailed_at=timezone.now())
    except IntegrityError:
        return False  # already delivered for this event: never twice
    return True


def deliver_event(*, event_id: int) -> int:
    event = MatchEvent.objects.select_related("match__need__organization", "match__counterpart").filter(pk=event_id).first()
    if event is None:
        return 0
    match = event.match
    need_people, cp_people = org_members(match.need.organization_id), counterpart_people(match)
    plan: list[tuple[list[User], str]] = []
    if event.action == "introduce":
        plan = [(need_people + cp_people, "introduced")]
    elif event.action == "accept" and event.to_status == S.CONNECTED:
        plan = [(need_people + cp_people, "connected")]
    elif event.action == "accept":
        acted_need = event.actor_id in {u.pk for u in need_people}
        plan = [(cp_people if acted_need else need_people, "other_accepted")]
    elif event.to_status == S.CLOSED:
        plan = [(need_people + cp_people, "closed")]
    elif event.action == "decline" and match.requested_by_id:
        plan = [([u for u in need_people if u.pk == match.requested_by_id], "declined")]
    elif event.action == "partnership_confirmed":
        plan = [(need_people + cp_people, "partnership")]
    sent = 0
    for people, kind in plan:
        for user in {u.pk: u for u in people if u.pk != event.actor_id}.values():
            sent += deliver(user=user, key=f"event:{event.pk}:{user.pk}", kind=kind, match=match, params=match_params(match))
    return sent


def deliver_message(*, message_id: int) -> int:
    msg = MatchMessage.objects.select_related("match__need__organization", "match__counterpart", "sender_org").filter(
        pk=message_id).first()
    if msg is None:
        return 0
    match = msg.match
    other = match.counterpart_id if msg.sender_org_id == match.need.organization_id else match.need.organization_id
    params = match_params(match, sender_org=msg.sender_org.name)  # never the body: read it on the platform
    names = [a.filename for a in msg.attachments.all()]
    if names:
        params["files"] = ", ".join(names)
    return sum(deliver(user=u, key=f"message:{msg.pk}:{u.pk}", kind="message", match=match, params=params)
               for u in org_members(other) if u.pk != msg.sender_id)


def deliver_assignment(*, match_id: int, user_id: int, key: str) -> int:
    match = Match.objects.select_related("need__organization", "counterpart").filter(pk=match_id).first()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if match is None or user is None:
        return 0
    return int(deliver(user=user, key=key, kind="assigned", match=match, params=match_params(match)))


# --- the daily digest (Celery beat) --------------------------------------------------------------------


def send_digests(*, now=None) -> int:
    """One email per digest reader with the notices of the day not yet emailed."""
    now = now or timezone.now()
    sent = 0
    for prefs in NotificationSettings.objects.filter(daily_digest=True).select_related("user"):
        user = prefs.user
        since = prefs.last_digest_at or (now - timedelta(days=1))
        if now - since < timedelta(hours=23):
            continue
        with transaction.atomic():
            rows = list(Notification.objects.select_for_update().filter(user=user, emailed_at__isnull=True,
                                                                        created_at__lte=now))
            if rows:
                lang = user.language or settings.LANGUAGE_CODE
                with translation.override(lang):
                    lines = [f"- {render_notice(n, lang)}" for n in rows]
                _send_now(to=user.email, language=lang, template="match_digest",
                          context={"user": user, "lines": lines, "url": settings.SITE_URL + reverse("matches:inbox")})
                Notification.objects.filter(pk__in=[n.pk for n in rows]).update(emailed_at=now)
                sent += 1
            prefs.last_digest_at = now
            prefs.save(update_fields=["last_digest_at"])
    return sent
