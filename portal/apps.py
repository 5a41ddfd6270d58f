from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The pages that read every other app (home dashboard; later organisation pages and the cluster
    dashboard). The one app allowed to do so: it sits above events, matching and accounts."""

    name = "portal"
    verbose_name = _("Portal")
