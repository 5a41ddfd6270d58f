from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import MembershipStatus, Organization
from core.forms import StyledFormMixin
from taxonomy.models import Facet, FacetKind

from ..engine.types import INSTITUTION_KINDS
from ..models import (
    TRIAL_PHASES,
    Listing,
    ListingSide,
)


class ListingForm(StyledFormMixin, forms.ModelForm):
    """Create or edit a listing. The organisation is chosen only when creating, among the user's own."""

    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none(),
        error_messages={"invalid_choice": _("You can post only for an organisation you are an active member of.")},
    )
    trial_phases = forms.MultipleChoiceField(
        label=_("Clinical-trial phases run"), choices=TRIAL_PHASES, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Listing
        fields = [
            "side", "title", "description", "language", "partnership_types", "therapeutic_areas", "technologies",
            "stage", "visibility", "status", "expires_on",
            "departments", "trial_phases", "startup_weeks", "cohorts", "equipment", "contact_programme",
        ]
        widgets = {
            "side": forms.RadioSelect,
            "visibility": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
            "departments": forms.Textarea(attrs={"rows": 2}),
            "cohorts": forms.Textarea(attrs={"rows": 2}),
            "equipment": forms.Textarea(attrs={"rows": 2}),
            "partnership_types": forms.CheckboxSelectMultiple,
            "therapeutic_areas": forms.CheckboxSelectMultiple,
            "technologies": forms.CheckboxSelectMultiple,
            "expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "title": _("Shown to everyone who may see the listing, also when it is confidential."),
            "description": _("What you need or offer, in Korean or English. Hidden outside your organisation "
                             "when the listing is confidential."),
            "partnership_types": _("The kinds of partnership you are looking for or offer."),
            "expires_on": _("Optional. The listing stops being shown to others after this date."),
            "departments": _("Capability listings of hospitals: departments and clinical specialties."),
            "startup_weeks": _("From first contact to the first patient enrolled, typically."),
            "contact_programme": _("For example a bio-medical connect centre or an open-innovation desk."),
        }

    profile_fields = list(Listing.PROFILE_FIELDS)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["side"].choices = ListingSide.choices  # no empty radio button
        self._institution = False
        for name, kind in (
            ("partnership_types", FacetKind.PARTNERSHIP_TYPE),
            ("therapeutic_areas", FacetKind.THERAPEUTIC_AREA),
            ("technologies", FacetKind.TECHNOLOGY),
            ("stage", FacetKind.STAGE),
        ):
            self.fields[name].queryset = self._facet_queryset(name, kind)
        if self.instance.pk:
            del self.fields["organization"]
            self._institution = self.instance.organization.kind in INSTITUTION_KINDS
        else:
            own = Organization.objects.filter(
                memberships__user=user, memberships__status=MembershipStatus.ACTIVE
            ).order_by("name_en", "name_ko", "id")
            self.fields["organization"].queryset = own
            self._institution = any(org.kind in INSTITUTION_KINDS for org in own)
            if len(own) == 1:
                self.fields["organization"].initial = own[0].pk
                self.fields["organization"].widget = forms.HiddenInput()
            self.order_fields(["organization"])

    def _facet_queryset(self, name: str, kind: str):
        """Active terms of one kind, plus terms retired in the admin that the listing already carries."""
        keep = Q(is_active=True)
        if self.instance.pk:
            if name == "stage":
                keep |= Q(pk=self.instance.stage_id)
            else:
                keep |= Q(pk__in=getattr(self.instance, name).values("pk"))
        return Facet.objects.filter(keep, kind=kind).order_by("order", "slug")

    def clean_title(self) -> str:
        return self.cleaned_data["title"].strip()

    def service_fields(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "organization"}

    def main_fields(self):
        return [f for f in self if f.name not in self.profile_fields]

    def profile_bound_fields(self):
        return [f for f in self if f.name in self.profile_fields]

    def offers_profile(self) -> bool:
        """The hospital capability profile is for hospitals and universities; a firm never sees it."""
        return self._institution


class ListingFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    side = forms.ChoiceField(label=_("Needs or capabilities"), required=False,
                             choices=[("", _("Needs and capabilities")), *ListingSide.choices])
    partnership_type = forms.ChoiceField(label=_("Partnership type"), required=False)
    therapeutic_area = forms.ChoiceField(label=_("Therapeutic area"), required=False)
    technology = forms.ChoiceField(label=_("Technology"), required=False)
    mine = forms.BooleanField(label=_("Only my organisation's"), required=False)

    def __init__(self, *args, facets: dict[str, list[Facet]], **kwargs):
        super().__init__(*args, **kwargs)
        for name, kind, empty in (
            ("partnership_type", FacetKind.PARTNERSHIP_TYPE, _("All partnership types")),
            ("therapeutic_area", FacetKind.THERAPEUTIC_AREA, _("All therapeutic areas")),
            ("technology", FacetKind.TECHNOLOGY, _("All technologies")),
        ):
            self.fields[name].choices = [("", empty)] + [(f.slug, f.label) for f in facets[kind]]
