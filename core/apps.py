from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer: imports no project app, and every app may import it."""

    name = "core"
    label = "core"
    verbose_name = _("Core")
