"""Writes around a match that are not lifecycle steps of their own: a reviewer's internal notes and
colleague assignments, the message thread of a connected match, and the partnership record
(pending until the other side or a manager confirms, which moves the match to ``partnership``)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import MembershipStatus, User
from accounts.selectors import member_org_ids
from core.errors import Conflict, DomainError, NotAllowed

from ..models import (
    CONNECTED_STATES,
    MatchEvent,
    MatchMessage,
    MatchNote,
    MatchStatus,
    MessageAttachment,
    Notification,
    Partnership,
    PartnershipStatus,
)
from .attachments import CheckedFile, max_files, too_many_text
from .notify_queue import queue_assignment_notice, queue_message_notice
from .services import (
    _locked,
    _move,
    acts_for_need,
    atomic_transition,
    manages_match,
    partnership_linkage,
)

S = MatchStatus


def _counterpart_member(user: User, match) -> bool:
    return user.is_authenticated and match.counterpart_id in member_org_ids(user)


@atomic_transition
def match_note_add(*, user: User, match_id: int, body: str) -> MatchNote:
    """An internal note of the counterpart's people (the requesting firm never sees it)."""
    match = _locked(match_id)
    if not _counterpart_member(user, match):
        raise NotAllowed(_("Only the counterpart's people can keep internal notes."))
    if not body.strip():
        raise DomainError(_("Write a note first."))
    return MatchNote.objects.create(match=match, organization_id=match.counterpart_id, author=user, body=body.strip()[:4000])


@atomic_transition
def match_assign(*, user: User, match_id: int, assignee_id: int | None, note: str = "") -> None:
    """Ask a colleague (a clinician, a department) of the counterpart for an opinion on a proposal."""
    match = _locked(match_id)
    if not _counterpart_member(user, match):
        raise NotAllowed(_("Only the counterpart's people can assign a proposal."))
    if assignee_id is not None and not match.counterpart.memberships.filter(
            user_id=assignee_id, status=MembershipStatus.ACTIVE).exists():
        raise DomainError(_("Choose a colleague of your organisation."))
    match.assigned_to_id = assignee_id
    match.save(update_fields=["assigned_to", "updated_at"])
    MatchEvent.objects.create(match=match, actor=user, action="assign", from_status=match.status,
                              to_status=match.status, note=note.strip()[:2000], internal=True)
    if assignee_id:
        queue_assignment_notice(match_id=match.pk, assignee_id=assignee_id, actor_id=user.pk)


def _side_org(user: User, match) -> int:
    if acts_for_need(user, match):
        return match.need.organization_id
    if _counterpart_member(user, match):
        return match.counterpart_id
    raise NotAllowed(_("Only the two sides of a match can write in its thread."))


@atomic_transition
def message_send(*, user: User, match_id: int, body: str, files: Sequence[CheckedFile] = ()) -> MatchMessage:
    """A message in a connected match's thread, with files already checked by ``attachments.check_files``;
    the other side is told by email after commit (the files' names only, never the files)."""
    match = _locked(match_id)
    org_id = _side_org(user, match)
    if match.status not in CONNECTED_STATES:
        raise Conflict(_("Messages open once both sides have accepted the introduction."))
    if not body.strip() and not files:
        raise DomainError(_("Write a message first."))
    if len(files) > max_files():
        raise DomainError(too_many_text())
    msg = MatchMessage.objects.create(match=match, sender=user, sender_org_id=org_id, body=body.strip()[:5000])
    stored: list[str] = []
    try:
        for f in files:
            f.upload.seek(0)
            row = MessageAttachment(message=msg, filename=f.filename, content_type=f.content_type, size=f.size,
                                    sha256=f.sha256)
            row.file.save("upload", f.upload, save=False)
            stored.append(row.file.name)
            row.save()
    except BaseException:  # the transaction rolls back: leave no file without its row
        for name in stored:
            MessageAttachment.file.field.storage.delete(name)
        raise
    queue_message_notice(message_id=msg.pk)
    return msg


def messages_mark_read(*, user: User, match) -> int:
    """Messages from the other side count as read once someone of this side opened the thread."""
    mine = member_org_ids(user) & {match.need.organization_id, match.counterpart_id}
    if not mine:
        return 0
    return MatchMessage.objects.filter(match=match, read_at__isnull=True).exclude(sender_org_id__in=mine).update(
        read_at=timezone.now())


def match_unread(*, user: User, match) -> int:
    """What ``match_mark_read`` would mark: the reader's own unread notifications about this match and, for a
    member of one side, the other side's unread messages (connected matches only). Read-only, for the page's "Mark as read" button."""
    mine = member_org_ids(user) & {match.need.organization_id, match.counterpart_id}
    unread = Notification.objects.filter(user=user, match=match, read_at__isnull=True).count()
    if mine and match.status in CONNECTED_STATES:
        unread += MatchMessage.objects.filter(match=match, read_at__isnull=True).exclude(sender_org_id__in=mine).count()
    return unread


def match_mark_read(*, user: User, match) -> int:
    """The reader marks the match read: their own notifications about it and, for a member of one side, the
    other side's messages. An explicit POST (never a page view: a GET, a prefetch or a crawler must not change state)."""
    done = Notification.objects.filter(user=user, match=match, read_at__isnull=True).update(read_at=timezone.now())
    if match.status in CONNECTED_STATES:
        done += messages_mark_read(user=user, match=match)
    return done


@atomic_transition
def partnership_record(*, user: User, match_id: int, kind: str, started_on: datetime.date, note: str = "") -> Partnership:
    """One side records a partnership; it stays pending until the other side or a manager confirms."""
    match = _locked(match_id)
    org_id = _side_org(user, match)
    if match.status not in (S.CONNECTED, S.MET):
        raise Conflict(_("A partnership is recorded once the two sides are connected."))
    if not kind.strip():
        raise DomainError(_("Choose the partnership type."))
    record, created = Partnership.objects.get_or_create(
        match=match, defaults={"kind": kind.strip()[:60], "started_on": started_on, "public_note": note.strip()[:500],
                               "recorded_by": user, "recorded_org_id": org_id})
    if not created:
        raise Conflict(_("A partnership is already recorded for this match."))
    MatchEvent.objects.create(match=match, actor=user, action="partnership_recorded", from_status=match.status,
                              to_status=match.status, note=note.strip()[:500])
    return record


@atomic_transition
def partnership_confirm(*, user: User, match_id: int) -> Partnership:
    """The other side or a cluster manager confirms: the match becomes ``partnership`` and one edge is written."""
    match = _locked(match_id)
    record = Partnership.objects.select_for_update().filter(match=match).first()
    if record is None:
        raise DomainError(_("No partnership is recorded for this match."))
    other_side = member_org_ids(user) & ({match.need.organization_id, match.counterpart_id} - {record.recorded_org_id})
    if not (other_side or manages_match(user, match)):
        raise NotAllowed(_("The other side or a cluster manager confirms a partnership."))
    if record.status == PartnershipStatus.CONFIRMED:
        raise Conflict(_("This partnership is already confirmed."))
    _move(match, to=S.PARTNERSHIP, frm=(S.CONNECTED, S.MET), actor=user, action="partnership_confirmed")
    record.status, record.confirmed_by, record.confirmed_at = PartnershipStatus.CONFIRMED, user, timezone.now()
    record.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    partnership_linkage(match)
    return record
