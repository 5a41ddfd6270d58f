from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import MembershipStatus, Organization
from core.forms import StyledFormMixin
from taxonomy.models import Facet, FacetKind

from .actions import ACTIONS
from .models import TRIAL_PHASES, DeclineReason, Listing, ListingSide


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
        for name, kind in (
            ("partnership_types", FacetKind.PARTNERSHIP_TYPE),
            ("therapeutic_areas", FacetKind.THERAPEUTIC_AREA),
            ("technologies", FacetKind.TECHNOLOGY),
            ("stage", FacetKind.STAGE),
        ):
            self.fields[name].queryset = self._facet_queryset(name, kind)
        if self.instance.pk:
            del self.fields["organization"]
        else:
            own = Organization.objects.filter(
                memberships__user=user, memberships__status=MembershipStatus.ACTIVE
            ).order_by("name_en", "name_ko", "id")
            self.fields["organization"].queryset = own
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


# --- the review pages: every write and filter is read through one of these -----------------------------

MAX_ID = 2**63 - 1  # the largest primary key the database holds


class IdListField(forms.Field):
    """Ticked row ids (``?ids=1&ids=2``): whole numbers a primary key can hold, or the field is invalid."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": _("Tick the proposals to review."), "required": _("Tick the proposals to review.")}

    def to_python(self, value) -> list[int]:
        if not value:
            return []
        if not isinstance(value, list | tuple):
            value = [value]
        out = []
        for raw in value:
            raw = str(raw).strip()
            if not (raw.isascii() and raw.isdigit() and 0 < int(raw) <= MAX_ID):
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
            out.append(int(raw))
        return out


# Flash messages do not echo what was typed: it may be long or hold control characters.
_ACTION_ERRORS = {"invalid_choice": _("Choose one of the offered actions."), "required": _("Choose an action.")}
_REASON_ERRORS = {"invalid_choice": _("Choose one of the decline reasons.")}


def _decline_reasons() -> list[tuple[str, str]]:
    return [("", _("No reason")), *DeclineReason.choices]


class TransitionForm(forms.Form):
    """One lifecycle step from a match's page, the queue or the inbox (``matching.actions.perform``)."""

    action = forms.ChoiceField(label=_("Action"), error_messages=_ACTION_ERRORS)
    reason = forms.ChoiceField(label=_("Decline reason"), required=False, error_messages=_REASON_ERRORS)
    note = forms.CharField(label=_("Note"), max_length=2000, required=False)
    kind = forms.CharField(label=_("Partnership type"), max_length=60, required=False)
    date = forms.DateField(label=_("Start date"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = list(ACTIONS.items())
        self.fields["reason"].choices = _decline_reasons()


class BulkReviewForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), choices=[("approve", _("Approve")), ("decline", _("Decline"))],
                               error_messages=_ACTION_ERRORS)
    ids = IdListField(label=_("Proposals"))
    reason = forms.ChoiceField(label=_("Decline reason"), required=False, error_messages=_REASON_ERRORS)
    note = forms.CharField(label=_("Note"), max_length=2000, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = _decline_reasons()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("action") == "decline" and not data.get("reason") and "reason" not in self.errors:
            self.add_error("reason", _("Choose a reason for declining."))
        return data


class MatchMessageForm(forms.Form):
    body = forms.CharField(label=_("Your message"), max_length=5000,
                           error_messages={"required": _("Write a message first.")})


class MatchNoteForm(forms.Form):
    body = forms.CharField(label=_("Internal note"), max_length=4000,
                           error_messages={"required": _("Write a note first.")})


class AssignForm(forms.Form):
    assignee = forms.IntegerField(label=_("Colleague"), required=False, min_value=1,
                                  error_messages={"min_value": _("Choose a colleague of your organisation.")})
    note = forms.CharField(label=_("Note"), max_length=2000, required=False)

    def clean_assignee(self) -> int | None:
        value = self.cleaned_data.get("assignee")
        if value is not None and value > MAX_ID:  # no such person: say so rather than overflow the column
            raise forms.ValidationError(_("Choose a colleague of your organisation."))
        return value


_CHOOSE_NEED = {key: _("Choose one of the open needs.") for key in ("invalid", "required", "min_value", "max_value")}


class IntroductionRequestForm(forms.Form):
    """Ask for (or, as a cluster manager, broker) an introduction of a need to an organisation."""

    need = forms.IntegerField(label=_("Need"), min_value=1, max_value=MAX_ID, error_messages=_CHOOSE_NEED)
    counterpart = forms.IntegerField(label=_("Organisation"), error_messages=_CHOOSE_NEED)
    broker = forms.BooleanField(required=False)
    note = forms.CharField(label=_("Why this organisation?"), max_length=2000, required=False)

    def clean_counterpart(self) -> int:
        value = self.cleaned_data["counterpart"]
        # An id no organisation has: the service answers "not a verified organisation" for it.
        return value if 0 < value <= MAX_ID else 0


class DigestForm(forms.Form):
    daily_digest = forms.BooleanField(required=False)
