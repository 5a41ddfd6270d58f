from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")

    # No contact grant to accounts any more: the other side of a connected match sees only the named
    # contact person, on the match (matching.review.contacts), never the organisation's staff list.
