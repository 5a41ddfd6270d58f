"""A startup asking one mentor directly (outside any programme), and the mentor's answer.

An accepted request is a mentoring relationship: it holds one place of the mentor's capacity
(``MentorProfile.seats_taken``, as an accepted panel seat does) and both sides log sessions against
it. The need it points to is one of the startup's own; a confidential need's description never
reaches the mentor (``mentoring.requests.need_description_for``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from matching.models import ListingVisibility

from .profiles import MentorProfile

MESSAGE_MAX_LENGTH = 2000
REPLY_MAX_LENGTH = 1000


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for the mentor")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    # Left unanswered past MENTORING_REASSIGN_AFTER_HOURS (mentoring.responsiveness).
    EXPIRED = "expired", _("Expired: no answer in time")


# A startup has at most one of these with a given mentor (the constraint below).
OPEN_REQUEST_STATUSES = (RequestStatus.REQUESTED, RequestStatus.ACCEPTED)


class MentoringRequest(models.Model):
    startup = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="mentoring_requests",
                                verbose_name=_("startup"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("requested by"))
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="requests",
                               verbose_name=_("mentor"))
    need = models.ForeignKey("matching.Listing", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name=_("need"))
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    reply = models.TextField(_("reply"), max_length=REPLY_MAX_LENGTH, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices,
                              default=RequestStatus.REQUESTED)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # The one reminder sent to a mentor who has not answered; set before sending, so it is sent once.
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentoring request")
        verbose_name_plural = _("mentoring requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["startup", "mentor"], condition=Q(status__in=["requested", "accepted"]),
                                    name="mentoring_request_open_once"),
        ]
        indexes = [models.Index(fields=["mentor", "status"]), models.Index(fields=["startup", "status"]),
                   models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.startup_id} → {self.mentor_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES

    @property
    def need_description_for_mentor(self) -> str:
        """The need's description as the mentor may read it: empty when the need is confidential."""
        return need_description_for(self.need) if self.need_id else ""


def need_description_for(listing, *, viewer_org_ids=frozenset()) -> str:
    """A need's description for someone outside the startup (a mentor): empty when confidential,
    unless the viewer belongs to the need's own organisation (``viewer_org_ids``)."""
    if listing is None:
        return ""
    if listing.visibility == ListingVisibility.CONFIDENTIAL and listing.organization_id not in viewer_org_ids:
        return ""
    return listing.description
