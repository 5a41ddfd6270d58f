from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    """The facets every app tags things with: above core, below accounts and clusters."""

    name = "taxonomy"
    label = "taxonomy"
    verbose_name = _("Taxonomy")
