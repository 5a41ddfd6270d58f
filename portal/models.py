"""Portal models: stored indicator snapshots (read by the trends), focus areas and their endorsements (smart
specialisation), and the weekly indicators digests sent."""

from django.conf import settings
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


class FocusStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class FocusArea(models.Model):
    """A smart-specialisation focus a member organisation proposes for its cluster; managers publish it.

    Written only through ``portal.specialisation.services`` (who may propose, endorse, publish).
    """

    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.CASCADE, related_name="focus_areas",
                                verbose_name=_("cluster"))
    facet = models.ForeignKey(
        "taxonomy.Facet", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("therapeutic area or technology"),
        limit_choices_to={"kind__in": ("therapeutic_area", "technology")},
    )
    title = models.CharField(_("title"), max_length=200)
    rationale = models.TextField(_("rationale"), max_length=4000)
    proposed_by = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+",
                                    verbose_name=_("proposed by"))
    proposed_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("proposed by (person)"),
    )
    status = models.CharField(_("status"), max_length=10, choices=FocusStatus.choices, default=FocusStatus.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["-created_at", "id"]
        indexes = [models.Index(fields=["cluster", "status"])]

    def __str__(self) -> str:
        return self.title


class FocusEndorsement(models.Model):
    """One organisation's support for a focus area: at most one per organisation."""

    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="endorsements",
                                   verbose_name=_("focus area"))
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("organisation"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+", verbose_name=_("endorsed by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("focus area endorsement")
        verbose_name_plural = _("focus area endorsements")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["focus_area", "organization"], name="focus_endorsement_once_per_org"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} → {self.focus_area}"


class IndicatorDigest(models.Model):
    """The weekly indicators digest sent to one manager for one cluster in one ISO week (never twice)."""

    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("cluster"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("recipient"))
    week = models.CharField(_("ISO week"), max_length=8, help_text=_("2026-W49."))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("indicators digest")
        verbose_name_plural = _("indicators digests")
        ordering = ["-sent_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "user", "week"], name="indicator_digest_once_a_week"),
        ]

    def __str__(self) -> str:
        return f"{self.cluster} → {self.user} {self.week}"


class SavedSearchKind(models.TextChoices):
    LISTING = "listing", _("Needs and capabilities")
    ORGANIZATION = "organization", _("Organisation directory")


class SavedSearch(models.Model):
    """A member's named listing or directory search; the daily alerts tell them what is new in it.

    ``params`` are the filter values exactly as the search page's own filter form cleaned them (written only
    through ``portal.searches.services``). ``baseline_id`` is the high-water mark: the highest id of that kind
    when the search was saved, so the first alert does not announce everything that already existed.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches",
                             verbose_name=_("person"))
    kind = models.CharField(_("search of"), max_length=20, choices=SavedSearchKind.choices)
    name = models.CharField(_("name"), max_length=120)
    params = models.JSONField(_("filters"), default=dict, blank=True)
    baseline_id = models.PositiveBigIntegerField(_("newest item when saved"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_notified_at = models.DateTimeField(_("last alert"), null=True, blank=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "kind"])]

    def __str__(self) -> str:
        return self.name


class SavedSearchNotice(models.Model):
    """One new listing or organisation found for one saved search: shown in the app, then in one email digest.

    Unique per saved search and item, so an item is announced at most once however often the alerts run.
    """

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="notices",
                                     verbose_name=_("saved search"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("person"))
    object_id = models.PositiveBigIntegerField(_("listing or organisation id"))
    title = models.CharField(_("title"), max_length=300)
    created_at = models.DateTimeField(_("found at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("saved-search notice")
        verbose_name_plural = _("saved-search notices")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["saved_search", "object_id"], name="saved_search_notice_once"),
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="saved_notice_user_unread_idx")]

    def __str__(self) -> str:
        return self.title
