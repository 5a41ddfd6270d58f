"""The taxonomy: partnership types, therapeutic areas, technologies and development stages."""

from django.db import models
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
        # The table keeps the name it was created with in the matching app.
        db_table = "matching_facet"
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        ordering = ["kind", "order", "slug"]
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="facet_kind_slug_unique")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self.label_ko, self.label_en)
