"""Events, registrations, calendar feeds and partnering (1:1 meeting requests and meetings).

The tables keep the names they had under the clusters app (``clusters_event`` ...): the models moved
app, the data did not.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from core.i18n import localized


class EventKind(models.TextChoices):
    MEETUP = "meetup", _("Meetup")
    SEMINAR = "seminar", _("Seminar")
    PARTNERING = "partnering", _("Partnering session")
    PITCH = "pitch", _("Pitch event")
    WORKSHOP = "workshop", _("Workshop")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class FollowUpAudience(models.TextChoices):
    ATTENDED = "attended", _("Those who attended")
    NO_SHOWS = "no_shows", _("Only no-shows")
    EVERYONE = "everyone", _("Everyone registered")
    NOBODY = "nobody", _("Nobody")


class Event(models.Model):
    """An occasion a cluster organises. Times are stored in UTC and shown in Seoul time.

    ``seats_taken`` counts registrations that hold a seat (registered or offered). It only moves
    through conditional UPDATEs in ``events.services``; the check constraint below makes
    overbooking impossible even if a code path forgot that.
    """

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="events", verbose_name=_("cluster"))
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices, default=EventKind.MEETUP)
    title_ko = models.CharField(_("title (Korean)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Shown only to registered people."))
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty for no limit."))
    seats_taken = models.PositiveIntegerField(default=0, editable=False)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    topics = models.ManyToManyField("taxonomy.Facet", blank=True, related_name="events", verbose_name=_("topics"))
    # Registration questions: [{"key": "seek", "label_en": "...", "label_ko": "...", "required": false}]
    questions = models.JSONField(_("registration questions"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT)
    followup_to = models.CharField(
        _("follow-up email goes to"), max_length=10, choices=FollowUpAudience.choices,
        default=FollowUpAudience.ATTENDED,
    )
    followup_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # iCalendar SEQUENCE: bumped when a published event's time or venue changes or it is cancelled.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    copied_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    source = models.CharField(max_length=50, blank=True)
    external_id = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)  # page versions read its max

    class Meta:
        db_table = "clusters_event"
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(seats_taken__lte=F("capacity")), name="event_no_overbooking"
            ),
        ]
        indexes = [models.Index(fields=["cluster", "status", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self.title_ko, self.title_en)

    @property
    def description(self) -> str:
        return localized(self.description_ko, self.description_en)

    @property
    def seats_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.seats_taken, 0)

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    OFFERED = "offered", _("Seat offered")
    CANCELLED = "cancelled", _("Cancelled")


SEAT_HOLDING = (RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED)


class Registration(models.Model):
    """A person's place at an event (or a walk-in the organiser added at the door)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="event_registrations"
    )
    organization = models.ForeignKey(
        "accounts.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="event_registrations"
    )
    name = models.CharField(_("name"), max_length=150, blank=True, help_text=_("For walk-ins without an account."))
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    offer_expires_at = models.DateTimeField(_("offer held until"), null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    show_in_participant_list = models.BooleanField(_("show me on the participant list"), default=True)
    # Consent to show the organisation's open needs and offers (titles and tags) to the other attendees.
    share_listings = models.BooleanField(_("show my organisation's needs and offers to other attendees"), default=False)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    walk_in = models.BooleanField(_("walk-in"), default=False)
    # Partnering events: the meeting slots the person is free for (0-based); null = every slot.
    available_slots = models.JSONField(_("available meeting slots"), null=True, blank=True)
    # Random part of the QR payload, also the short code typed at the door; unique per event.
    nonce = models.CharField(max_length=16, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    followup_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)  # page versions read its max

    class Meta:
        db_table = "clusters_registration"
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]  # also the waiting-list order
        constraints = [
            # One live registration per person and event; cancelled ones stay as history.
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(user__isnull=False) & ~Q(status="cancelled"),
                name="registration_one_active_per_user",
            ),
            models.UniqueConstraint(fields=["event", "nonce"], name="registration_nonce_unique"),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""), name="registration_has_person"
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.display_name} @ {self.event_id} ({self.status})"

    @property
    def display_name(self) -> str:
        return self.user.full_name if self.user_id else self.name

    @property
    def code(self) -> str:
        """The short check-in code printed under the QR code (typed at the door)."""
        return self.nonce


class CalendarFeed(models.Model):
    """A person's secret iCalendar feed URL; resetting the token revokes the old URL."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "clusters_calendarfeed"
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"feed of {self.user_id}"


# --- Partnering sessions: 1:1 meeting requests and the schedule ---------------------------


class PartneringSession(models.Model):
    """The meeting grid of a partnering event: ``slots`` consecutive slots at ``tables`` tables."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="partnering")
    first_slot_at = models.DateTimeField(_("first meeting slot starts at"))
    slot_minutes = models.PositiveSmallIntegerField(_("minutes per meeting"), default=20)
    slots = models.PositiveSmallIntegerField(_("number of slots"), default=12)
    tables = models.PositiveSmallIntegerField(_("number of tables"), default=20)
    scheduled_at = models.DateTimeField(_("last scheduled at"), null=True, blank=True)

    class Meta:
        db_table = "clusters_partneringsession"
        verbose_name = _("partnering session")
        verbose_name_plural = _("partnering sessions")
        constraints = [
            models.CheckConstraint(condition=Q(slots__gt=0) & Q(tables__gt=0) & Q(slot_minutes__gt=0),
                                   name="partnering_positive_grid"),
        ]

    def __str__(self) -> str:
        return f"partnering of {self.event_id}"

    def slot_start(self, slot: int) -> datetime:
        return self.first_slot_at + timedelta(minutes=self.slot_minutes * slot)


class MeetingRequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


MEETING_MESSAGE_MAX = 500
MAX_SUGGESTED_SLOTS = 3


class MeetingRequest(models.Model):
    """One attendee asks another for a 1:1 meeting at a partnering event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_requests")
    requester = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="requests_sent")
    recipient = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="requests_received")
    message = models.TextField(_("why we should meet"), blank=True, max_length=MEETING_MESSAGE_MAX)
    # Up to MAX_SUGGESTED_SLOTS 0-based slots of the event's grid the requester would like.
    suggested_slots = models.JSONField(_("suggested slots"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingRequestStatus.choices, default=MeetingRequestStatus.REQUESTED
    )
    weight = models.FloatField(_("priority"), default=0.0, help_text=_("The match score of the two, if any."))
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "clusters_meetingrequest"
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["-weight", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["requester", "recipient"], name="meeting_request_once"),
            models.CheckConstraint(condition=~Q(requester=F("recipient")), name="meeting_request_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.requester_id} → {self.recipient_id} ({self.status})"


class MeetingOutcome(models.TextChoices):
    PENDING = "pending", _("Not recorded yet")
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("No-show")


class Meeting(models.Model):
    """A scheduled 1:1: once on the agendas it keeps its slot and table when others are added."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(MeetingRequest, on_delete=models.CASCADE, related_name="meeting")
    a = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="meetings_as_a")
    b = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="meetings_as_b")
    slot = models.PositiveSmallIntegerField(_("slot"))
    table = models.PositiveSmallIntegerField(_("table"))
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=MeetingOutcome.choices, default=MeetingOutcome.PENDING
    )
    follow_up_wanted = models.BooleanField(_("follow-up wanted"), default=False)
    outcome_note = models.TextField(_("note"), blank=True, max_length=2000)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "clusters_meeting"
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["slot", "table", "id"]
        constraints = [
            # No table twice in a slot, nobody twice in a slot on the same side; the service checks
            # the cross-side case (a in one meeting, b in another) before writing.
            models.UniqueConstraint(fields=["event", "slot", "table"], name="meeting_table_once_per_slot"),
            models.UniqueConstraint(fields=["event", "slot", "a"], name="meeting_a_once_per_slot"),
            models.UniqueConstraint(fields=["event", "slot", "b"], name="meeting_b_once_per_slot"),
        ]

    def __str__(self) -> str:
        return f"{self.a_id}–{self.b_id} slot {self.slot} table {self.table}"
