"""Match runs: one full recompute of the proposals, its progress and its record."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MatchRunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class MatchRun(models.Model):
    """One full recompute of the proposals: a row is the unit of work, its progress and its record."""

    status = models.CharField(_("status"), max_length=10, choices=MatchRunStatus.choices, default=MatchRunStatus.QUEUED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Last sign of life from a worker (start, each chunk): a running run silent for longer is abandoned.
    heartbeat_at = models.DateTimeField(_("last progress at"), null=True, blank=True)
    # Set once the chord is sent: a dispatch redelivered after its worker died between claiming the run and
    # sending the chord sends it then (matching.proposals.tasks.match_run_dispatch).
    dispatched_at = models.DateTimeField(_("chunks sent at"), null=True, blank=True)
    needs_total = models.PositiveIntegerField(_("needs"), default=0)
    chunks_total = models.PositiveIntegerField(_("chunks"), default=0)
    chunks_done = models.PositiveIntegerField(_("chunks done"), default=0)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    # The recompute summary: every live proposal the round took out, with what replaced it and the scores.
    changes = models.JSONField(_("changes"), default=list, blank=True)
    model_version = models.CharField(_("model version"), max_length=60, blank=True)
    fingerprint = models.CharField(_("data fingerprint"), max_length=64, blank=True)
    weights_info = models.JSONField(_("weights and refit figures"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("match run")
        verbose_name_plural = _("match runs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"MatchRun {self.pk} ({self.status})"

    @property
    def progress_percent(self) -> int:
        if self.status == MatchRunStatus.DONE:
            return 100
        if not self.chunks_total:
            return 0
        return min(100, round(100 * self.chunks_done / self.chunks_total))

    @property
    def is_active(self) -> bool:
        return self.status in (MatchRunStatus.QUEUED, MatchRunStatus.RUNNING)
