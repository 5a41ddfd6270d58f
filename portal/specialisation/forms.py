"""Forms for proposing and endorsing a focus area; the organisation is one the person may act for."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization
from portal.models import FocusArea
from taxonomy.models import Facet, FacetKind


class _ActingOrgMixin:
    def _set_orgs(self, orgs: list[Organization]) -> None:
        field = self.fields["organization"]
        field.queryset = Organization.objects.filter(pk__in=[o.pk for o in orgs]).order_by("name_en")
        if len(orgs) == 1:
            field.initial = orgs[0].pk
            field.widget = forms.HiddenInput()


class FocusAreaForm(_ActingOrgMixin, forms.ModelForm):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("On behalf of"))

    class Meta:
        model = FocusArea
        fields = ["facet", "title", "rationale"]
        widgets = {"rationale": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"rationale": _("Why the cluster should focus here: strengths, partners, demand.")}

    def __init__(self, *args, orgs: list[Organization], **kwargs):
        super().__init__(*args, **kwargs)
        self._set_orgs(orgs)
        facet = self.fields["facet"]
        facet.queryset = Facet.objects.filter(
            kind__in=(FacetKind.THERAPEUTIC_AREA, FacetKind.TECHNOLOGY), is_active=True).order_by("kind", "order")
        facet.label_from_instance = lambda f: f"{f.get_kind_display()}: {f.label}"
        facet.required = False
        facet.empty_label = _("(none: a theme of its own)")
        for name, field in self.fields.items():  # Bootstrap widths: a long term must not widen a phone page
            if not field.widget.is_hidden:
                css = "form-select" if name in ("facet", "organization") else "form-control"
                field.widget.attrs.setdefault("class", css)


class EndorseForm(_ActingOrgMixin, forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Endorse as"))

    def __init__(self, *args, orgs: list[Organization], **kwargs):
        super().__init__(*args, **kwargs)
        self._set_orgs(orgs)
