"""Office hours: short slots a mentor publishes, which members of verified firms book.

A slot (``OfficeHour``) holds ``capacity`` startups (1 by default). ``booked_count`` counts its live
bookings; it moves only by conditional UPDATEs in ``mentoring.office_hours`` and the check constraint
keeps it within ``capacity``, so two bookings racing for the last place end with one refused. A
startup books a slot at most once (partial unique constraint on live bookings).

``starts_at`` is stored in UTC; pages and emails show it in Seoul time (``DISPLAY_TIME_ZONE``).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .profiles import MentorProfile
from .requests import need_description_for

MIN_SLOT_MINUTES, MAX_SLOT_MINUTES = 15, 120
MAX_SLOT_CAPACITY = 10
LOCATION_MAX_LENGTH, TOPIC_MAX_LENGTH, BOOKING_MESSAGE_MAX_LENGTH = 300, 500, 1000


class OfficeHour(models.Model):
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="office_hours",
                               verbose_name=_("mentor"))
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("minutes"), default=30)
    location = models.CharField(_("where"), max_length=LOCATION_MAX_LENGTH,
                                help_text=_("An online meeting link or a place."))
    topic = models.CharField(_("topic note"), max_length=TOPIC_MAX_LENGTH, blank=True)
    capacity = models.PositiveSmallIntegerField(_("startups per slot"), default=1)
    booked_count = models.PositiveSmallIntegerField(default=0, editable=False)
    # Withdrawn by the mentor (its bookings are cancelled with it); kept as history.
    cancelled_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("office hour")
        verbose_name_plural = _("office hours")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1) & Q(capacity__lte=MAX_SLOT_CAPACITY),
                                   name="office_hour_capacity_1_to_10"),
            models.CheckConstraint(condition=Q(booked_count__lte=F("capacity")), name="office_hour_within_capacity"),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=MIN_SLOT_MINUTES) & Q(duration_minutes__lte=MAX_SLOT_MINUTES),
                name="office_hour_duration_sane"),
        ]
        indexes = [models.Index(fields=["mentor", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.mentor_id} @ {self.starts_at:%Y-%m-%d %H:%M} UTC"

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.booked_count, 0)

    @property
    def is_withdrawn(self) -> bool:
        return self.cancelled_at is not None


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")


class OfficeHourBooking(models.Model):
    """A startup's place in a slot. Only the mentor and the startup's members ever see it."""

    slot = models.ForeignKey(OfficeHour, on_delete=models.CASCADE, related_name="bookings",
                             verbose_name=_("office hour"))
    startup = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="office_hour_bookings",
                                verbose_name=_("startup"))
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                  verbose_name=_("booked by"))
    need = models.ForeignKey("matching.Listing", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name=_("need"))
    message = models.TextField(_("what to discuss"), max_length=BOOKING_MESSAGE_MAX_LENGTH)
    status = models.CharField(_("status"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.BOOKED)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("office-hour booking")
        verbose_name_plural = _("office-hour bookings")
        ordering = ["slot__starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "startup"], condition=Q(status="booked"),
                                    name="office_hour_booking_once"),
        ]
        indexes = [models.Index(fields=["startup", "status"])]

    def __str__(self) -> str:
        return f"{self.startup_id} → slot {self.slot_id} ({self.status})"

    @property
    def need_description_for_mentor(self) -> str:
        """Empty when the need is confidential (the one rule, as for direct requests)."""
        return need_description_for(self.need) if self.need_id else ""
