"""Models of the review lifecycle: the audit trail, internal notes, the conversation,
partnership records and notifications."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MatchEvent(models.Model):
    """One transition of a match: who (None = the system), from, to, when, and a note.

    ``internal`` notes (a reviewer's free text on a decline) are shown only to the counterpart's side.
    """

    match = models.ForeignKey("matching.Match", on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20)
    to_status = models.CharField(_("to"), max_length=20)
    reason = models.CharField(_("reason"), max_length=30, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    internal = models.BooleanField(_("internal"), default=False)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("match event")
        verbose_name_plural = _("match events")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.match_id}: {self.from_status} → {self.to_status}"


class MatchNote(models.Model):
    """A reviewer's internal note on a match: the counterpart's own people only, never the firm."""

    match = models.ForeignKey("matching.Match", on_delete=models.CASCADE, related_name="notes")
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("note"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"note {self.pk} on {self.match_id}"


class MatchMessage(models.Model):
    """One message of a connected match's thread; read once someone of the other side opened it."""

    match = models.ForeignKey("matching.Match", on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sender_org = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"message {self.pk} on {self.match_id}"


class PartnershipStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")


class Partnership(models.Model):
    """A partnership one side records; it counts (and the match becomes ``partnership``) once confirmed."""

    match = models.OneToOneField("matching.Match", on_delete=models.CASCADE, related_name="partnership")
    kind = models.CharField(_("partnership type"), max_length=60)
    started_on = models.DateField(_("date"))
    public_note = models.CharField(_("public note"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=PartnershipStatus.choices, default=PartnershipStatus.PENDING)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_org = models.ForeignKey("accounts.Organization", null=True, on_delete=models.SET_NULL, related_name="+")
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self) -> str:
        return f"{self.kind} ({self.status})"


class Notification(models.Model):
    """An in-app notice; ``key`` is the idempotency key (one event, one recipient: one row, one email)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=30)
    match = models.ForeignKey("matching.Match", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    params = models.JSONField(default=dict, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread_idx")]

    def __str__(self) -> str:
        return self.key


class NotificationSettings(models.Model):
    """Per person: one email per event (default) or one daily digest."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    daily_digest = models.BooleanField(_("one daily digest instead of an email per event"), default=False)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"{self.user_id}: digest={self.daily_digest}"
