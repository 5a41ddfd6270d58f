"""Stored indicator snapshots: one row per cluster (or alliance) and period, read by the dashboard's trends."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")


class IndicatorSnapshot(models.Model):
    """The indicators and lifecycle stage of one cluster or one alliance over one month or quarter.

    Written only by ``portal.indicators.snapshots.snapshot`` (an upsert on the unique scope and period),
    so recomputing a period replaces its row instead of adding one.
    """

    cluster = models.ForeignKey(
        "clusters.Cluster", null=True, blank=True, on_delete=models.CASCADE, related_name="indicator_snapshots",
        verbose_name=_("cluster"),
    )
    alliance = models.ForeignKey(
        "clusters.Alliance", null=True, blank=True, on_delete=models.CASCADE, related_name="indicator_snapshots",
        verbose_name=_("alliance"),
    )
    period_kind = models.CharField(_("period kind"), max_length=10, choices=PeriodKind.choices)
    period_label = models.CharField(_("period"), max_length=10, help_text=_("2026-07 or 2026-Q3."))
    period_start = models.DateTimeField(_("period start"))
    period_end = models.DateTimeField(_("period end"), help_text=_("Exclusive."))
    indicators = models.JSONField(_("indicators"), default=dict)
    stage = models.JSONField(_("lifecycle stage"), default=dict)
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)

    class Meta:
        verbose_name = _("indicator snapshot")
        verbose_name_plural = _("indicator snapshots")
        ordering = ["-period_start", "period_kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cluster__isnull=False, alliance__isnull=True) | Q(cluster__isnull=True, alliance__isnull=False),
                name="indicator_snapshot_one_scope",
            ),
            models.UniqueConstraint(
                fields=["cluster", "period_kind", "period_start"], condition=Q(cluster__isnull=False),
                name="indicator_snapshot_cluster_period",
            ),
            models.UniqueConstraint(
                fields=["alliance", "period_kind", "period_start"], condition=Q(alliance__isnull=False),
                name="indicator_snapshot_alliance_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cluster or self.alliance} {self.period_label}"
