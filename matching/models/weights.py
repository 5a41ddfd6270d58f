"""What the matching model learns from (known links) and with (the adopted part weights)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class KnownLink(models.Model):
    """A partnership known from outside the platform (an import), history the model may learn from.

    It is also the source record of the ``clusters.Linkage`` edge the import writes, so the
    indicators count it once and re-importing the file writes nothing new.
    """

    org_a = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    org_b = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, default="partnership")
    source = models.CharField(_("source"), max_length=50)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("known link")
        verbose_name_plural = _("known links")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "org_a", "org_b"], name="knownlink_unique"),
            models.CheckConstraint(condition=models.Q(org_a__lt=models.F("org_b")), name="knownlink_ordered_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.org_a_id}–{self.org_b_id} {self.kind} ({self.source})"


class WeightsSource(models.TextChoices):
    DECISIONS = "decisions", _("Reviewers' and firms' decisions")
    LINKS = "links", _("Known partnerships (the engine's refit)")


class LearnedWeights(models.Model):
    """One adopted set of the model's part weights; the active row is what the live model scores with.

    The database is the record (``matching.learned_weights`` reads it through the cache). A later refit
    deactivates the row, never deletes it: proposals carrying an older version still name their weights.
    """

    version = models.CharField(_("model version"), max_length=60, unique=True)
    weights = models.JSONField(_("weights"))
    metrics = models.JSONField(_("refit figures"), default=dict, blank=True)
    source = models.CharField(_("learned from"), max_length=10, choices=WeightsSource.choices)
    adopted_at = models.DateTimeField(_("adopted at"), default=timezone.now)
    is_active = models.BooleanField(_("active"), default=False)

    class Meta:
        verbose_name = _("learned weights")
        verbose_name_plural = _("learned weights")
        ordering = ["-adopted_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["is_active"], condition=models.Q(is_active=True),
                                               name="learnedweights_one_active")]

    def __str__(self) -> str:
        return self.version
