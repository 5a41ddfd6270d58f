from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        # Imported here because models may be imported only once the app registry is ready.
        from accounts.selectors import register_contact_grant

        from .review.selectors import connected_counterpart_org_ids

        # The other side of a connected match may see the contact people (accounts' privacy rule).
        register_contact_grant(connected_counterpart_org_ids)
