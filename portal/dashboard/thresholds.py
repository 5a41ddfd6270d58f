"""A cluster's own lifecycle-stage thresholds: the form its managers edit on the dashboard, and the save.

Only values that differ from the platform's (``INDICATOR_STAGE_THRESHOLDS``, then the package default)
are stored on the cluster, so a later change of the platform's default still reaches every cluster that
never chose its own. An emptied field goes back to the platform's value.
"""

from __future__ import annotations

import math

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from clusters.indicators import DEFAULT_THRESHOLDS, SCHEMES
from clusters.models import Cluster
from portal.indicators.snapshots import snapshot_now

from .labels import COUNT, OPS, SHARE, indicator_format, indicator_label, rule_label

RULES = {rule.code: rule for ladder in SCHEMES.values() for _stage, rules in ladder for rule in rules}


def platform_thresholds() -> dict[str, float]:
    return {**DEFAULT_THRESHOLDS, **settings.INDICATOR_STAGE_THRESHOLDS}


def _field_name(code: str) -> str:
    return code.replace(".", "__")


class StageThresholdsForm(forms.Form):
    """One number per stage rule; the platform's value is the placeholder and the fallback."""

    def __init__(self, *args, cluster: Cluster, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        platform = platform_thresholds()
        own = cluster.stage_thresholds or {}
        for code, rule in RULES.items():
            fmt = indicator_format(rule.indicator)
            bounds = {"min_value": -1, "max_value": 1} if rule.indicator.startswith("ei_index") else {"min_value": 0}
            if fmt == SHARE:
                bounds["max_value"] = 1
            field = forms.FloatField(
                required=False, **bounds,
                label=f"{rule_label(code)}: {indicator_label(rule.indicator)} {OPS.get(rule.op, rule.op)}",
                help_text=_("Platform value: %(value)s") % {"value": platform[code]},
            )
            field.widget.attrs.update({"placeholder": platform[code], "step": "1" if fmt == COUNT else "any",
                                       "inputmode": "decimal", "class": "form-control form-control-sm"})
            field.initial = own.get(code)
            self.fields[_field_name(code)] = field

    def clean(self) -> dict:
        cleaned = super().clean()
        for code in RULES:
            value = cleaned.get(_field_name(code))
            if value is not None and not math.isfinite(value):
                self.add_error(_field_name(code), _("Enter a finite number."))
        return cleaned

    def thresholds(self) -> dict[str, float]:
        """The cluster's own values: the filled fields that differ from the platform's."""
        platform = platform_thresholds()
        out = {}
        for code in RULES:
            value = self.cleaned_data.get(_field_name(code))
            if value is not None and value != platform[code]:
                out[code] = value
        return out


@transaction.atomic
def thresholds_update(*, cluster: Cluster, thresholds: dict[str, float]) -> int:
    """Store the cluster's own thresholds and recompute its current snapshots, so the stage shown follows
    at once; returns the snapshots written. The caller checks that the user manages the cluster."""
    Cluster.objects.filter(pk=cluster.pk).update(stage_thresholds=thresholds)
    cluster.stage_thresholds = thresholds
    return len(snapshot_now(cluster))
