"""Matching domain: the taxonomy facets, listings, proposed matches and the runs that compute them."""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import localized


class FacetKind(models.TextChoices):
    PARTNERSHIP_TYPE = "partnership_type", _("Partnership type")
    THERAPEUTIC_AREA = "therapeutic_area", _("Therapeutic area")
    TECHNOLOGY = "technology", _("Technology")
    STAGE = "stage", _("Development stage")


class Facet(models.Model):
    """One term of the taxonomy. Data, not code: loaded from a fixture, edited in the admin."""

    kind = models.CharField(_("kind"), max_length=20, choices=FacetKind.choices)
    slug = models.SlugField(_("slug"), max_length=60)
    label_en = models.CharField(_("label (English)"), max_length=120)
    label_ko = models.CharField(_("label (Korean)"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        ordering = ["kind", "order", "slug"]
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="facet_kind_slug_unique")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self.label_ko, self.label_en)


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
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

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


class MatchSource(models.TextChoices):
    MODEL = "model", _("Proposed by the matching model")
    REQUESTED = "requested", _("Requested by an organisation")
    BROKERED = "brokered", _("Brokered by a cluster manager")


class MatchStatus(models.TextChoices):
    """proposed → approved | declined → introduced → connected → met → partnership | closed (+ dismissed)."""

    PROPOSED = "proposed", _("Proposed")
    DISMISSED = "dismissed", _("Dismissed")
    DECLINED = "declined", _("Declined")
    APPROVED = "approved", _("Approved")
    INTRODUCED = "introduced", _("Introduced")
    CONNECTED = "connected", _("Connected")
    MET = "met", _("Met")
    PARTNERSHIP = "partnership", _("Partnership")
    CLOSED = "closed", _("Closed")


class CloseReason(models.TextChoices):
    DECLINED_BY_FIRM = "declined_by_firm", _("Declined by the requesting side")
    DECLINED_BY_COUNTERPART = "declined_by_counterpart", _("Declined by the counterpart")
    EXPIRED = "expired", _("Expired without an answer")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    # The system withdrew an undecided proposal because its need was closed or expired.
    NEED_CLOSED = "need_closed", _("The need was closed")


class DeclineReason(models.TextChoices):
    TOO_EARLY = "too_early", _("Too early stage")
    BENEFIT_UNCLEAR = "benefit_unclear", _("Benefit unclear")
    COMMERCIAL_ROUTE_UNCLEAR = "commercial_route_unclear", _("Commercial route unclear")
    OUTSIDE_FIELD = "outside_field", _("Outside our field")
    NO_CAPACITY = "no_capacity", _("No capacity now")


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
    needs_total = models.PositiveIntegerField(_("needs"), default=0)
    chunks_total = models.PositiveIntegerField(_("chunks"), default=0)
    chunks_done = models.PositiveIntegerField(_("chunks done"), default=0)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
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


class Match(models.Model):
    """One need listing ↔ one counterpart organisation, with the evidence behind the proposal."""

    need = models.ForeignKey(Listing, verbose_name=_("need"), on_delete=models.CASCADE, related_name="matches")
    counterpart = models.ForeignKey(
        "accounts.Organization", verbose_name=_("counterpart"), on_delete=models.CASCADE, related_name="matched_for"
    )
    supporting_listings = models.ManyToManyField(
        Listing, verbose_name=_("supporting capabilities"), related_name="supporting_matches", blank=True
    )
    score = models.FloatField(_("score"), default=0.0)
    score_parts = models.JSONField(_("score parts"), default=dict, blank=True)
    explanation = models.JSONField(_("explanation"), default=dict, blank=True)
    model_version = models.CharField(_("model version"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=MatchSource.choices, default=MatchSource.MODEL)
    status = models.CharField(_("status"), max_length=20, choices=MatchStatus.choices, default=MatchStatus.PROPOSED)
    # The need as it was when proposed: a declined pair comes back only after the need is edited.
    need_updated_at = models.DateTimeField(_("need last edited at proposal time"), null=True, blank=True)
    run = models.ForeignKey(
        MatchRun, verbose_name=_("run"), null=True, blank=True, on_delete=models.SET_NULL, related_name="matches"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True, max_length=2000)
    # The review lifecycle (matching.review): structured reasons, each side's answer, who asked.
    decline_category = models.CharField(_("decline reason"), max_length=30, choices=DeclineReason.choices, blank=True)
    close_reason = models.CharField(_("close reason"), max_length=30, choices=CloseReason.choices, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opinion asked from"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    introduced_at = models.DateTimeField(_("introduced at"), null=True, blank=True)
    need_side_accepted_at = models.DateTimeField(_("requesting side accepted at"), null=True, blank=True)
    need_side_declined_at = models.DateTimeField(_("requesting side declined at"), null=True, blank=True)
    counterpart_accepted_at = models.DateTimeField(_("counterpart accepted at"), null=True, blank=True)
    counterpart_declined_at = models.DateTimeField(_("counterpart declined at"), null=True, blank=True)
    connected_at = models.DateTimeField(_("connected at"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["need_id", "-score", "id"]
        constraints = [models.UniqueConstraint(fields=["need", "counterpart"], name="match_need_counterpart_unique")]
        indexes = [models.Index(fields=["status", "need"], name="match_status_need_idx")]

    def __str__(self) -> str:
        return f"{self.need_id} → {self.counterpart_id} ({self.status})"


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


from .models_review import (  # noqa: E402,F401  (the review models live beside, to keep files small)
    MatchEvent,
    MatchMessage,
    MatchNote,
    Notification,
    NotificationSettings,
    Partnership,
)
