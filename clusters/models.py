"""Clusters, inter-regional alliances, organisations' cluster membership and the linkage edge log."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import localized


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
    # The cluster's own lifecycle-stage thresholds ({rule code: number}); managers edit them on the
    # dashboard, and a rule without one keeps the platform's (INDICATOR_STAGE_THRESHOLDS, then the default).
    stage_thresholds = models.JSONField(_("lifecycle-stage thresholds"), default=dict, blank=True)

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.name_ko, self.name_en)

    @property
    def specialisation(self) -> str:
        return localized(self.specialisation_ko, self.specialisation_en)


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
        return localized(self.name_ko, self.name_en)


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
    """One edge of the cluster graph, written once when the thing happens (only by ``clusters.linkages``).

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
