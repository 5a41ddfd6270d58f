"""Clusters, inter-regional alliances, organisations' cluster membership and the linkage edge log."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Cluster(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name_ko = models.CharField(_("name (Korean)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    regions = models.JSONField(_("regions"), default=list, help_text=_("Region codes the cluster covers."))
    specialisation_ko = models.CharField(_("specialisation (Korean)"), max_length=300, blank=True)
    specialisation_en = models.CharField(_("specialisation (English)"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    # Cluster managers: the staff who verify members, organise events and watch indicators.
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="managed_clusters", verbose_name=_("managers")
    )
    wants_inter_regional = models.BooleanField(
        _("favours inter-regional links"), default=True,
        help_text=_("Matching gives a bonus to partners in the cluster's alliances."),
    )

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_ko if (get_language() or "en").startswith("ko") else self.name_en

    @property
    def specialisation(self) -> str:
        ko = (get_language() or "en").startswith("ko")
        return (self.specialisation_ko if ko else self.specialisation_en) or self.specialisation_en


class Alliance(models.Model):
    """An inter-regional alliance of clusters (e.g. Seoul universities with Gyeonggi firms)."""

    slug = models.SlugField(_("slug"), unique=True)
    name_ko = models.CharField(_("name (Korean)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    clusters = models.ManyToManyField(Cluster, related_name="alliances", verbose_name=_("clusters"))

    class Meta:
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_ko if (get_language() or "en").startswith("ko") else self.name_en


class ClusterMembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ClusterMembership(models.Model):
    """An organisation's membership of a cluster: requested by it, decided by the cluster's managers."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="cluster_memberships"
    )
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="memberships")
    status = models.CharField(
        _("status"), max_length=10, choices=ClusterMembershipStatus.choices,
        default=ClusterMembershipStatus.REQUESTED,
    )
    requested_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("cluster membership")
        verbose_name_plural = _("cluster memberships")
        ordering = ["-requested_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "cluster"], name="cluster_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organization} in {self.cluster} ({self.status})"


class LinkageKind(models.TextChoices):
    CO_ATTENDANCE = "co_attendance", _("Co-attendance")
    MEETING = "meeting", _("Meeting")
    INTRODUCTION = "introduction", _("Introduction")
    PARTNERSHIP = "partnership", _("Partnership")
    MENTORING = "mentoring", _("Mentoring")


class Linkage(models.Model):
    """One edge of the cluster graph, written once when the thing happens.

    Edges are undirected: ``org_a_id < org_b_id`` always. The source record (an event check-in,
    a match, ...) plus kind and the pair are unique, so writing the same event twice is a no-op.
    """

    org_a = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    org_b = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=LinkageKind.choices)
    weight = models.FloatField(_("weight"), default=1.0)
    occurred_at = models.DateTimeField(_("occurred at"), default=timezone.now, db_index=True)
    cluster = models.ForeignKey(
        Cluster, null=True, blank=True, on_delete=models.SET_NULL, related_name="linkages"
    )
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("linkage")
        verbose_name_plural = _("linkages")
        ordering = ["-occurred_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(org_a__lt=F("org_b")), name="linkage_ordered_pair"),
            models.UniqueConstraint(
                fields=["kind", "source_type", "source_id", "org_a", "org_b"], name="linkage_once_per_event"
            ),
        ]
        indexes = [models.Index(fields=["cluster", "occurred_at"]), models.Index(fields=["org_b"])]

    def __str__(self) -> str:
        return f"{self.org_a_id}–{self.org_b_id} {self.kind}"


# --- Events, registrations and check-in (issue 5) -------------------------------------------


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
    through conditional UPDATEs in ``clusters.events.services``; the check constraint below makes
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
    topics = models.ManyToManyField("matching.Facet", blank=True, related_name="events", verbose_name=_("topics"))
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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
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
        ko = (get_language() or "en").startswith("ko")
        return (self.title_ko if ko else self.title_en) or self.title_en or self.title_ko

    @property
    def description(self) -> str:
        ko = (get_language() or "en").startswith("ko")
        return (self.description_ko if ko else self.description_en) or self.description_en or self.description_ko

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
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    walk_in = models.BooleanField(_("walk-in"), default=False)
    # Random part of the QR payload, also the short code typed at the door; unique per event.
    nonce = models.CharField(max_length=16, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    followup_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
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
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"feed of {self.user_id}"
