"""Mentoring sessions: what a mentor and a startup met about, with each side's feedback."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .office_hours import OfficeHourBooking
from .profiles import MentorProfile
from .programmes import PanelSeat, Programme
from .requests import MentoringRequest

RATINGS = [(n, str(n)) for n in range(1, 6)]


class MentoringSession(models.Model):
    """One meeting. Logging it writes one ``mentoring`` linkage (its source is this row).

    A session belongs to a programme's panel seat, a startup's direct request or an office-hour
    booking, never two of them (the constraints below; ``mentoring.sessions`` always sets exactly one).
    The keys are SET_NULL so a deleted seat, request or booking keeps the session and its linkage as
    history, hence "at most one" rather than "exactly one" in the database. A booking is one meeting:
    it is logged once.
    """

    seat = models.ForeignKey(PanelSeat, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions")
    request = models.ForeignKey(MentoringRequest, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="sessions", verbose_name=_("request"))
    office_hour_booking = models.ForeignKey(OfficeHourBooking, null=True, blank=True, on_delete=models.SET_NULL,
                                            related_name="sessions", verbose_name=_("office-hour booking"))
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions")
    startup = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="mentoring_sessions",
                                verbose_name=_("startup"))
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(_("minutes"), default=60)
    topics = models.TextField(_("topics"), max_length=2000)
    follow_ups = models.TextField(_("follow-ups"), max_length=2000, blank=True)
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    mentor_rating = models.PositiveSmallIntegerField(_("mentor's rating"), null=True, blank=True, choices=RATINGS)
    mentor_note = models.TextField(_("mentor's note"), max_length=2000, blank=True)
    startup_rating = models.PositiveSmallIntegerField(_("startup's rating"), null=True, blank=True, choices=RATINGS)
    startup_note = models.TextField(_("startup's note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(duration_minutes__gte=1) & Q(duration_minutes__lte=600),
                                   name="session_duration_sane"),
            models.CheckConstraint(
                condition=Q(mentor_rating__isnull=True) | (Q(mentor_rating__gte=1) & Q(mentor_rating__lte=5)),
                name="session_mentor_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(startup_rating__isnull=True) | (Q(startup_rating__gte=1) & Q(startup_rating__lte=5)),
                name="session_startup_rating_1_to_5",
            ),
            models.CheckConstraint(condition=Q(seat__isnull=True) | Q(request__isnull=True),
                                   name="session_seat_or_request_not_both"),
            models.CheckConstraint(
                condition=Q(office_hour_booking__isnull=True) | (Q(seat__isnull=True) & Q(request__isnull=True)),
                name="session_booking_alone"),
            models.UniqueConstraint(fields=["office_hour_booking"], condition=Q(office_hour_booking__isnull=False),
                                    name="session_once_per_booking"),
        ]
        indexes = [models.Index(fields=["mentor", "held_on"]), models.Index(fields=["startup", "held_on"])]

    def __str__(self) -> str:
        return f"{self.mentor_id} × {self.startup_id} on {self.held_on}"
