"""Matches: a need listing paired with a counterpart organisation, with the evidence and the decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .listings import Listing
from .runs import MatchRun


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


# States in which the two sides see each other's contacts and confidential descriptions.
CONNECTED_STATES = (MatchStatus.CONNECTED, MatchStatus.MET, MatchStatus.PARTNERSHIP)
OPEN_STATES = (MatchStatus.PROPOSED, MatchStatus.APPROVED, MatchStatus.INTRODUCED)


class CloseReason(models.TextChoices):
    DECLINED_BY_FIRM = "declined_by_firm", _("Declined by the requesting side")
    DECLINED_BY_COUNTERPART = "declined_by_counterpart", _("Declined by the counterpart")
    EXPIRED = "expired", _("Expired without an answer")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    # The system withdrew an undecided proposal because its need was closed or expired.
    NEED_CLOSED = "need_closed", _("The need was closed")
    # A recompute found a clearly stronger candidate (``replaced_by``) or no evidence left for this one.
    REPLACED = "replaced", _("Replaced by a stronger proposal")
    NO_LONGER_SUPPORTED = "no_longer_supported", _("No longer supported by the evidence")


class DeclineReason(models.TextChoices):
    TOO_EARLY = "too_early", _("Too early stage")
    BENEFIT_UNCLEAR = "benefit_unclear", _("Benefit unclear")
    COMMERCIAL_ROUTE_UNCLEAR = "commercial_route_unclear", _("Commercial route unclear")
    OUTSIDE_FIELD = "outside_field", _("Outside our field")
    NO_CAPACITY = "no_capacity", _("No capacity now")


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
    # The review lifecycle (matching.review.services): structured reasons, each side's answer, who asked.
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
    # Each side's named contact person: only this person's details open to the other side, and only
    # once connected (CONNECTED_STATES). Chosen among the side's members with Membership.may_be_contact.
    need_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("contact of the requesting side"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    counterpart_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("contact of the counterpart"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    met_on = models.DateField(_("met on"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    # A recompute that takes a live proposal out says by which one (shown to the firm and to managers).
    replaced_by = models.ForeignKey(
        "self", verbose_name=_("replaced by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    replaced_at = models.DateTimeField(_("replaced at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)  # page versions read its max

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["need_id", "-score", "id"]
        constraints = [models.UniqueConstraint(fields=["need", "counterpart"], name="match_need_counterpart_unique")]
        indexes = [models.Index(fields=["status", "need"], name="match_status_need_idx")]

    def __str__(self) -> str:
        return f"{self.need_id} → {self.counterpart_id} ({self.status})"
