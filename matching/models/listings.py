"""Listings: what an organisation needs or can offer, tagged with the taxonomy."""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Facet, FacetKind


class ListingSide(models.TextChoices):
    NEED = "need", _("Need")
    CAPABILITY = "capability", _("Capability")


class ListingVisibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone, also without an account")
    MEMBERS = "members", _("Members: signed-in ClusterLink members")
    CONFIDENTIAL = "confidential", _("Confidential: title and tags only; description for connected partners")


class ListingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ListingLanguage(models.TextChoices):
    KOREAN = "ko", _("Korean")
    ENGLISH = "en", _("English")


TRIAL_PHASES = [("1", _("Phase 1")), ("2", _("Phase 2")), ("3", _("Phase 3")), ("4", _("Phase 4"))]


class Listing(models.Model):
    """A need or a capability an organisation posts.

    A confidential listing's description reaches only its own organisation (and the other side of
    a connected match): read it through ``matching.selectors``.
    The hospital capability profile (departments … contact programme) is optional and applies to
    capability listings.
    """

    organization = models.ForeignKey(
        "accounts.Organization", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="listings"
    )
    side = models.CharField(_("need or capability"), max_length=12, choices=ListingSide.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10000)
    language = models.CharField(
        _("language of the text"), max_length=2, choices=ListingLanguage.choices, default=ListingLanguage.KOREAN
    )
    partnership_types = models.ManyToManyField(
        Facet, verbose_name=_("partnership types"), related_name="+",
        limit_choices_to={"kind": FacetKind.PARTNERSHIP_TYPE}, blank=True,
    )
    therapeutic_areas = models.ManyToManyField(
        Facet, verbose_name=_("therapeutic areas"), related_name="+",
        limit_choices_to={"kind": FacetKind.THERAPEUTIC_AREA}, blank=True,
    )
    technologies = models.ManyToManyField(
        Facet, verbose_name=_("technologies"), related_name="+",
        limit_choices_to={"kind": FacetKind.TECHNOLOGY}, blank=True,
    )
    stage = models.ForeignKey(
        Facet, verbose_name=_("development stage"), null=True, blank=True, on_delete=models.SET_NULL,
        limit_choices_to={"kind": FacetKind.STAGE}, related_name="+",
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=ListingVisibility.choices, default=ListingVisibility.MEMBERS
    )
    status = models.CharField(_("status"), max_length=10, choices=ListingStatus.choices, default=ListingStatus.OPEN)
    expires_on = models.DateField(_("open until"), null=True, blank=True)
    # Hospital capability profile: what TTO offices describe (optional; capability listings only).
    departments = models.TextField(_("departments and clinical specialties"), max_length=2000, blank=True)
    trial_phases = models.JSONField(_("clinical-trial phases run"), default=list, blank=True)
    startup_weeks = models.PositiveSmallIntegerField(_("typical trial start-up time (weeks)"), null=True, blank=True)
    cohorts = models.TextField(_("patient cohorts and data assets"), max_length=2000, blank=True)
    equipment = models.TextField(_("equipment and facilities open to outside use"), max_length=2000, blank=True)
    contact_programme = models.CharField(_("contact programme"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    # Where a bulk import came from (like Organization's), so re-importing updates, not duplicates.
    source = models.CharField(max_length=50, blank=True)
    external_id = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)  # page versions read its max

    PROFILE_FIELDS = ("departments", "trial_phases", "startup_weeks", "cohorts", "equipment", "contact_programme")

    class Meta:
        verbose_name = _("listing")
        verbose_name_plural = _("listings")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["side", "status"], name="listing_side_status_idx"),
            models.Index(fields=["organization", "status"], name="listing_org_status_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], condition=~models.Q(external_id=""),
                name="listing_source_external_id_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def has_profile(self) -> bool:
        return any(getattr(self, name) for name in self.PROFILE_FIELDS)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        # Empty values are refused by the fields themselves; this catches whitespace-only ones.
        if self.title and not self.title.strip():
            errors["title"] = _("Give the listing a title.")
        if self.description and not self.description.strip():
            errors["description"] = _("Describe what you need or offer.")
        phases = self.trial_phases if isinstance(self.trial_phases, list) else None
        allowed = {code for code, _label in TRIAL_PHASES}
        if phases is None or not all(isinstance(p, str) and p in allowed for p in phases):
            errors["trial_phases"] = _("Trial phases must be among 1, 2, 3 and 4.")
        if self.side == ListingSide.NEED and self.has_profile:
            errors[NON_FIELD_ERRORS] = _(
                "The hospital capability profile applies to capability listings; describe a need's "
                "requirements in its description."
            )
        if self.stage_id and self.stage and self.stage.kind != FacetKind.STAGE:
            errors["stage"] = _("Choose a development stage.")
        if errors:
            raise ValidationError(errors)
