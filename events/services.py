"""Writes for events themselves: create, edit, publish, cancel, copy. Managers of the cluster only."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from clusters.models import Cluster
from core.errors import Conflict, DomainError, NotAllowed

from . import notify, selectors
from .dates import EVENT_DATE_FIELDS, out_of_range_message, shifted, validate_in_range
from .models import Event, EventStatus, Registration
from .registration import fill_free_seats

EDITABLE_FIELDS = (
    "kind", "title_ko", "title_en", "description_ko", "description_en", "starts_at", "ends_at", "venue",
    "online_url", "capacity", "registration_deadline", "questions", "followup_to",
)
# A change to one of these on a published event is news for everyone registered.
NEWSWORTHY = ("starts_at", "ends_at", "venue", "online_url")


def _require_manager(user: User, cluster_id: int) -> None:
    if not selectors.can_manage_cluster(user, cluster_id):
        raise NotAllowed(_("Only the managers of this event's cluster can do this."))


def _locked_event(user: User, event_id: int) -> Event:
    # Read tolerantly so an event stored with impossible dates can still be edited back.
    event = selectors.event_with_safe_dates(Event.objects.select_for_update().select_related("cluster"), event_id)
    if event is None:
        raise DomainError(_("This event no longer exists."))
    _require_manager(user, event.cluster_id)
    return event


def _require_dates_in_range(event: Event) -> None:
    if event.dates_out_of_range:
        raise Conflict(_("This event's dates are out of range; correct them on the edit page first."))


def _validate(event: Event) -> None:
    if not (event.title_ko.strip() or event.title_en.strip()):
        raise DomainError(_("Give the event a title in Korean, English or both."))
    if event.starts_at is None or event.ends_at is None:
        raise DomainError(_("Give the event a start and an end."))
    for name in EVENT_DATE_FIELDS:
        try:
            validate_in_range(getattr(event, name))
        except ValidationError as exc:
            raise DomainError(exc.messages[0]) from exc
    if event.ends_at <= event.starts_at:
        raise DomainError(_("The event must end after it starts."))
    if event.registration_deadline and event.registration_deadline > event.ends_at:
        raise DomainError(_("The registration deadline must be before the event ends."))
    if event.capacity is not None and event.capacity < event.seats_taken:
        raise Conflict(
            ngettext("%(n)d person already holds a seat; the capacity cannot be lower.",
                     "%(n)d people already hold a seat; the capacity cannot be lower.", event.seats_taken)
            % {"n": event.seats_taken}
        )
    for question in event.questions:
        if not isinstance(question, dict) or not question.get("key"):
            raise DomainError(_("Each registration question needs a key."))


def _live_registrations(event: Event) -> list[Registration]:
    return list(
        Registration.objects.filter(event=event, status__in=selectors.ACTIVE, user__isnull=False).select_related("user")
    )


@transaction.atomic
def event_create(*, user: User, cluster: Cluster, fields: dict, topics: list | None = None) -> Event:
    """A new draft event; it becomes visible when published."""
    _require_manager(user, cluster.pk)
    event = Event(cluster=cluster, created_by=user, status=EventStatus.DRAFT)
    for name in EDITABLE_FIELDS:
        if name in fields:
            setattr(event, name, fields[name])
    _validate(event)
    event.save()
    if topics:
        event.topics.set(topics)
    return event


@transaction.atomic
def event_update(*, user: User, event_id: int, fields: dict, topics: list | None = None) -> Event:
    """Edit an event; registrants of a published event hear about a new time, place or link."""
    event = _locked_event(user, event_id)
    if event.status == EventStatus.CANCELLED:
        raise Conflict(_("A cancelled event cannot be changed; copy it instead."))
    changed = [n for n in EDITABLE_FIELDS if n in fields and getattr(event, n) != fields[n]]
    old_capacity = event.capacity
    for name in changed:
        setattr(event, name, fields[name])
    _validate(event)
    news = event.is_published and any(n in NEWSWORTHY for n in changed)
    if news:
        event.sequence += 1  # calendar apps replace the entry they hold
    event.save()
    if topics is not None:
        event.topics.set(topics)
    if event.is_published and (event.capacity is None or (old_capacity or 0) < event.capacity):
        fill_free_seats(event=event)
    if news:
        notify.registrants_email(event, _live_registrations(event), "event_changed")
    return event


@transaction.atomic
def event_publish(*, user: User, event_id: int) -> Event:
    event = _locked_event(user, event_id)
    if event.status != EventStatus.DRAFT:
        raise Conflict(_("Only a draft can be published."))
    _require_dates_in_range(event)
    if event.starts_at <= timezone.now():
        raise Conflict(_("This event is in the past; change its time before publishing."))
    event.status, event.published_at = EventStatus.PUBLISHED, timezone.now()
    event.save(update_fields=["status", "published_at", "updated_at"])
    return event


@transaction.atomic
def event_cancel(*, user: User, event_id: int, reason: str = "") -> Event:
    """Call an event off; everyone registered, offered or waiting is told, calendars updated."""
    event = _locked_event(user, event_id)
    if event.status == EventStatus.CANCELLED:
        raise Conflict(_("This event is already cancelled."))
    was_published = event.is_published
    event.status, event.cancelled_at, event.cancel_reason = EventStatus.CANCELLED, timezone.now(), reason.strip()
    event.sequence += 1
    event.save(update_fields=["status", "cancelled_at", "cancel_reason", "sequence", "updated_at"])
    if was_published:
        # Registrations stay as they are so the calendar feed can show the cancellation.
        notify.registrants_email(event, _live_registrations(event), "event_cancelled")
    return event


@transaction.atomic
def event_copy(*, user: User, event_id: int, shift: timedelta = timedelta(days=7)) -> Event:
    """A new draft with the same content, a week later by default (a series is copied forward)."""
    source = selectors.event_with_safe_dates(Event.objects.select_related("cluster"), event_id)
    if source is None:
        raise DomainError(_("This event no longer exists."))
    _require_manager(user, source.cluster_id)
    _require_dates_in_range(source)
    copy = Event(cluster=source.cluster, created_by=user, copied_from=source, status=EventStatus.DRAFT)
    for name in EDITABLE_FIELDS:
        setattr(copy, name, getattr(source, name))
    for name in EVENT_DATE_FIELDS:
        if getattr(source, name) is not None:
            moved = shifted(getattr(source, name), shift)
            if moved is None:
                raise DomainError(_("The copy would fall outside the dates events may use.") + " "
                                  + out_of_range_message())
            setattr(copy, name, moved)
    copy.save()
    copy.topics.set(source.topics.all())
    return copy
