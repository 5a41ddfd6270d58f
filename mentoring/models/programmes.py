"""Mentoring programmes: applications, the cohort (startups and mentors) and the panels.

A panel is the set of mentors on one startup's ``PanelSeat`` rows. A seat is proposed by the
optimiser (or a manager's swap), published to its mentor, then accepted or declined; a swapped-out
seat is ``replaced``; one left unanswered too long is ``expired``. Declined, replaced and expired
seats stay as history.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.i18n import localized

from .profiles import MentorProfile


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for applications")
    RUNNING = "running", _("Running: forming panels")
    PUBLISHED = "published", _("Panels published")
    CLOSED = "closed", _("Closed")


class Programme(models.Model):
    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.CASCADE, related_name="mentoring_programmes",
                                verbose_name=_("cluster"))
    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_ko = models.TextField(_("description (Korean)"), max_length=5000, blank=True)
    description_en = models.TextField(_("description (English)"), max_length=5000, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    panel_size = models.PositiveSmallIntegerField(_("mentors per startup"), default=3)
    status = models.CharField(_("status"), max_length=10, choices=ProgrammeStatus.choices,
                              default=ProgrammeStatus.DRAFT)
    # Application questions: [{"key": "q1", "label_en": "...", "label_ko": "...", "required": false}]
    questions = models.JSONField(_("application questions"), default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    optimised_at = models.DateTimeField(_("panels last optimised"), null=True, blank=True)
    published_at = models.DateTimeField(_("panels published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentoring programme")
        verbose_name_plural = _("mentoring programmes")
        ordering = ["-starts_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="programme_ends_after_start"),
            models.CheckConstraint(condition=Q(panel_size__gte=1) & Q(panel_size__lte=10),
                                   name="programme_panel_1_to_10"),
        ]
        indexes = [models.Index(fields=["cluster", "status"])]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.name_ko, self.name_en)

    @property
    def description(self) -> str:
        return localized(self.description_ko, self.description_en)


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted into the cohort")
    REJECTED = "rejected", _("Not accepted")


class ProgrammeApplication(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="applications")
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE,
                                     related_name="mentoring_applications", verbose_name=_("startup"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # What the startup wants mentoring on, besides its open needs.
    focus = models.ManyToManyField("taxonomy.Facet", verbose_name=_("areas to be mentored in"), related_name="+",
                                   blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.SUBMITTED)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme application")
        verbose_name_plural = _("programme applications")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "organization"], name="programme_application_once"),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} → {self.programme_id} ({self.status})"


class CohortStartup(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="cohort_startups")
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("startup"))
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("startup in a cohort")
        verbose_name_plural = _("startups in cohorts")
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["programme", "organization"], name="cohort_startup_once")]

    def __str__(self) -> str:
        return f"{self.organization_id} in {self.programme_id}"


class CohortMentor(models.Model):
    """A mentor enlisted for a programme. A programme with none draws on every verified mentor of its cluster."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="cohort_mentors")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="cohorts")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentor in a cohort")
        verbose_name_plural = _("mentors in cohorts")
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["programme", "mentor"], name="cohort_mentor_once")]

    def __str__(self) -> str:
        return f"{self.mentor_id} in {self.programme_id}"


class SeatStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PUBLISHED = "published", _("Waiting for the mentor")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    REPLACED = "replaced", _("Replaced")
    # Published, then left unanswered past MENTORING_REASSIGN_AFTER_HOURS (mentoring.responsiveness).
    EXPIRED = "expired", _("Expired: no answer in time")


LIVE_SEAT_STATUSES = (SeatStatus.PROPOSED, SeatStatus.PUBLISHED, SeatStatus.ACCEPTED)
# Seats that hold a place in the mentor's capacity when panels are formed (a proposal is a draft).
HOLDING_SEAT_STATUSES = (SeatStatus.PUBLISHED, SeatStatus.ACCEPTED)


class PanelSeat(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="seats")
    startup = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="mentor_seats",
                                verbose_name=_("startup"))
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="seats")
    score = models.FloatField(_("fit"), default=0.0)
    status = models.CharField(_("status"), max_length=10, choices=SeatStatus.choices, default=SeatStatus.PROPOSED)
    decline_reason = models.TextField(_("reason"), max_length=1000, blank=True)
    replaces = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    # The one reminder sent to a mentor who has not answered; set before sending, so it is sent once.
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("panel seat")
        verbose_name_plural = _("panel seats")
        ordering = ["programme_id", "startup_id", "-score", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "startup", "mentor"], condition=Q(status__in=["proposed", "published", "accepted"]),
                name="panel_seat_live_once",
            ),
        ]
        indexes = [models.Index(fields=["mentor", "status"]), models.Index(fields=["programme", "status"])]

    def __str__(self) -> str:
        return f"{self.mentor_id} on {self.startup_id} ({self.status})"

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_SEAT_STATUSES
