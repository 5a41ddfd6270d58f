from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The pages that read every other app (home dashboard; later organisation pages and the cluster
    dashboard). The one app allowed to do so: it sits above events, matching and accounts."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        # Accounts may not import the apps above it; what a deleted account leaves there is cleared here.
        from accounts.deletion import account_deleted

        from .erasure import on_account_deleted

        account_deleted.connect(on_account_deleted, dispatch_uid="portal.erasure.on_account_deleted")
