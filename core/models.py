"""Jobs that could not be queued (the broker was down): kept here until ``core.queueing`` re-sends them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QueuedTaskFailure(models.Model):
    """One Celery task call the broker refused: task name and JSON keyword arguments, the last error.

    A row is deleted once re-sent; tasks are idempotent, so a job that was in fact delivered before its
    error surfaced does no harm when sent again.
    """

    task = models.CharField(_("task"), max_length=200)
    kwargs = models.JSONField(_("arguments"), default=dict)
    error = models.TextField(_("last error"), blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), auto_now=True)

    class Meta:
        db_table = "accounts_queuedtaskfailure"  # created by accounts before the model moved here
        verbose_name = _("task waiting to be queued")
        verbose_name_plural = _("tasks waiting to be queued")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.task} ({self.created_at:%Y-%m-%d %H:%M})"
