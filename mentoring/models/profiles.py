"""Mentors: their profile, publications and the invitations cluster managers send.

A mentoring linkage joins two organisations, but a mentor is a person. ``MentorProfile.organization``
is the organisation the mentor mentors for: one of their verified organisations they chose on their
profile (a clinician for their hospital, an investor for their fund). A mentor who chose none (an
independent expert) gets a one-person organisation of kind ``service`` made for them when their first
session is logged (``mentoring.sessions.linkage_organization``): named after them, verified (a cluster
manager verified the mentor), in the clusters they serve, keyed ``source="mentoring"``,
``external_id="mentor-<profile id>"`` so it is made once and recognisable. The cluster office is not
used: it would turn every independent mentor into one hub and distort the network indicators.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from taxonomy.models import FacetKind

MIN_CAPACITY, MAX_CAPACITY = 1, 10


class MentorStatus(models.TextChoices):
    INVITED = "invited", _("Invited: completing the profile")
    PENDING = "pending", _("Waiting for verification")
    VERIFIED = "verified", _("Verified")
    SUSPENDED = "suspended", _("Suspended")


class Availability(models.TextChoices):
    AVAILABLE = "available", _("Available for new startups")
    UNAVAILABLE = "unavailable", _("Not available for now")


class MentorLanguage(models.TextChoices):
    KOREAN = "ko", _("Korean")
    ENGLISH = "en", _("English")
    CHINESE = "zh", _("Chinese")
    JAPANESE = "ja", _("Japanese")


class MentorProfile(models.Model):
    """One per person. Only verified, available mentors are proposed for panels.

    ``seats_taken`` counts accepted panel seats; it moves only by conditional UPDATEs in
    ``mentoring.panels`` and the check constraint below keeps it within ``capacity``.
    ``languages`` holds two-letter codes joined by commas ("ko,en").
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile")
    headline = models.CharField(_("headline"), max_length=200, blank=True,
                                help_text=_("One line, e.g. 'Former CMO of a Korean biotech'."))
    expertise = models.TextField(_("expertise"), max_length=4000)
    career = models.TextField(_("career"), max_length=4000, blank=True)
    languages = models.CharField(_("languages"), max_length=40, default="ko")
    therapeutic_areas = models.ManyToManyField(
        "taxonomy.Facet", verbose_name=_("therapeutic areas"), related_name="+",
        limit_choices_to={"kind": FacetKind.THERAPEUTIC_AREA}, blank=True,
    )
    technologies = models.ManyToManyField(
        "taxonomy.Facet", verbose_name=_("technologies"), related_name="+",
        limit_choices_to={"kind": FacetKind.TECHNOLOGY}, blank=True,
    )
    partnership_types = models.ManyToManyField(
        "taxonomy.Facet", verbose_name=_("kinds of help"), related_name="+",
        limit_choices_to={"kind": FacetKind.PARTNERSHIP_TYPE}, blank=True,
    )
    capacity = models.PositiveSmallIntegerField(_("startups at a time"), default=2)
    seats_taken = models.PositiveSmallIntegerField(default=0, editable=False)
    affiliations = models.JSONField(_("affiliations"), default=list, blank=True,
                                    help_text=_("Organisations you work for or advise."))
    investments = models.JSONField(_("investments"), default=list, blank=True,
                                   help_text=_("Companies you hold shares in."))
    affiliated_organizations = models.ManyToManyField(
        "accounts.Organization", verbose_name=_("affiliated organisations on ClusterLink"), related_name="+", blank=True,
    )
    invested_organizations = models.ManyToManyField(
        "accounts.Organization", verbose_name=_("invested organisations on ClusterLink"), related_name="+", blank=True,
    )
    availability = models.CharField(_("availability"), max_length=12, choices=Availability.choices,
                                    default=Availability.AVAILABLE)
    status = models.CharField(_("status"), max_length=10, choices=MentorStatus.choices, default=MentorStatus.PENDING)
    status_reason = models.TextField(_("reason"), blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    clusters = models.ManyToManyField("clusters.Cluster", verbose_name=_("clusters served"), related_name="mentors",
                                      blank=True)
    organization = models.ForeignKey(
        "accounts.Organization", verbose_name=_("mentors for"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("The organisation your mentoring counts for in the cluster's indicators."),
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")
        ordering = ["user__full_name", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=MIN_CAPACITY) & Q(capacity__lte=MAX_CAPACITY),
                                   name="mentor_capacity_1_to_10"),
            models.CheckConstraint(condition=Q(seats_taken__lte=F("capacity")), name="mentor_seats_within_capacity"),
        ]
        indexes = [models.Index(fields=["status", "availability"])]

    def __str__(self) -> str:
        return self.user.full_name if self.user_id else f"mentor {self.pk}"

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def is_verified(self) -> bool:
        return self.status == MentorStatus.VERIFIED

    @property
    def is_available(self) -> bool:
        return self.availability == Availability.AVAILABLE


class Publication(models.Model):
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="publications")
    title = models.CharField(_("title"), max_length=300)
    abstract = models.TextField(_("abstract"), max_length=5000, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-year", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(year__isnull=True) | (Q(year__gte=1900) & Q(year__lte=2100)),
                                   name="publication_year_sane"),
        ]

    def __str__(self) -> str:
        return self.title


class MentorInvitation(models.Model):
    """A cluster manager asks someone by email to mentor in their cluster; the link proves the address."""

    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.CASCADE, related_name="mentor_invitations")
    email = models.EmailField(_("email address"))
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        verbose_name = _("mentor invitation")
        verbose_name_plural = _("mentor invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), "cluster", condition=Q(accepted_at__isnull=True),
                                    name="mentor_invitation_open_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.cluster_id}"
