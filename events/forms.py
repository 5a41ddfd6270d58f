"""Forms for event pages; times are entered in Seoul time (the active time zone) and stored in UTC."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, OrganizationStatus
from clusters.models import Cluster
from core.forms import StyledFormMixin
from core.i18n import localized
from taxonomy.models import Facet, FacetKind

from .dates import EVENT_DATE_FIELDS, validate_in_range
from .models import MEETING_MESSAGE_MAX, Event, EventKind, MeetingOutcome
from .partnering import MAX_SLOTS
from .services import EDITABLE_FIELDS

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class EventFilterForm(StyledFormMixin, forms.Form):
    cluster = forms.ChoiceField(label=_("Cluster"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any kind")), *EventKind.choices])
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    month = forms.RegexField(regex=r"^\d{4}-\d{2}$", required=False, widget=forms.HiddenInput)
    view = forms.ChoiceField(
        required=False, choices=[("list", _("List")), ("month", _("Month"))], widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].choices = [("", _("All clusters"))] + [
            (c.slug, c.name) for c in Cluster.objects.order_by("name_en")
        ]
        self.fields["topic"].choices = [("", _("Any topic"))] + [
            (f.slug, f.label) for f in Facet.objects.filter(is_active=True).exclude(kind=FacetKind.STAGE)
        ]


class EventForm(StyledFormMixin, forms.ModelForm):
    questions_text = forms.CharField(
        label=_("Registration questions"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One question a line; start a line with * to make it required."),
    )

    class Meta:
        model = Event
        fields = [
            "cluster", "kind", "title_ko", "title_en", "description_ko", "description_en", "starts_at", "ends_at",
            "venue", "online_url", "capacity", "registration_deadline", "topics", "followup_to",
        ]
        widgets = {
            "starts_at": DATETIME_WIDGET, "ends_at": DATETIME_WIDGET, "registration_deadline": DATETIME_WIDGET,
            "topics": forms.CheckboxSelectMultiple, "description_ko": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, clusters=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = clusters if clusters is not None else Cluster.objects.none()
        self.fields["topics"].queryset = Facet.objects.filter(is_active=True).exclude(kind=FacetKind.STAGE)
        if self.instance.pk:
            self.fields["cluster"].disabled = True
            self.fields["questions_text"].initial = "\n".join(
                ("*" if q.get("required") else "") + q.get("label_en", q.get("label_ko", ""))
                for q in self.instance.questions
            )
        for name in EVENT_DATE_FIELDS:
            self.fields[name].input_formats = DATETIME_FORMATS
            self.fields[name].validators.append(validate_in_range)

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The event must end after it starts."))
        if not (data.get("title_ko", "").strip() or data.get("title_en", "").strip()):
            self.add_error("title_en", _("Give the event a title in Korean, English or both."))
        return data

    def service_fields(self) -> dict:
        fields = {k: v for k, v in self.cleaned_data.items() if k in EDITABLE_FIELDS}
        questions = []
        for n, line in enumerate(self.cleaned_data.get("questions_text", "").splitlines(), start=1):
            label = line.strip()
            required = label.startswith("*")
            label = label.lstrip("*").strip()
            if label:
                questions.append({"key": f"q{n}", "label_en": label, "label_ko": label, "required": required})
        fields["questions"] = questions
        return fields


class RegistrationForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Registering for"), queryset=None, empty_label=None)
    show_in_participant_list = forms.BooleanField(
        label=_("Show my name and organisation on the participant list other attendees see"),
        required=False, initial=True,
    )
    share_listings = forms.BooleanField(
        label=_("Show my organisation's open needs and offers (titles and tags) to the other attendees"),
        required=False, initial=False,
    )

    def __init__(self, *args, event: Event, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.questions = event.questions
        for question in event.questions:
            label = localized(question.get("label_ko"), question.get("label_en"))
            self.fields[f"answer_{question['key']}"] = forms.CharField(
                label=label, required=bool(question.get("required")),
                max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self) -> dict:
        return {q["key"]: self.cleaned_data.get(f"answer_{q['key']}", "") for q in self.questions}


class CancelEventForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason (sent to registrants)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CheckinCodeForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=500, strip=True)


class CheckinRegistrationForm(forms.Form):
    registration = forms.IntegerField(label=_("Registration"), min_value=1)


class CheckinSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200, strip=True)


class WalkInForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    organization = forms.ModelChoiceField(label=_("Organisation"), queryset=None, required=False)

    def __init__(self, *args, org_query: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = walk_in_organizations(org_query)


def walk_in_organizations(q: str = ""):
    """Verified organisations, narrowed by every word of ``q`` in the Korean or English name."""
    qs = Organization.objects.filter(status=OrganizationStatus.VERIFIED)
    for word in q.split():
        qs = qs.filter(Q(name_ko__icontains=word) | Q(name_en__icontains=word))
    return qs.order_by("name_en", "name_ko", "id")


class WalkInOrgSearchForm(forms.Form):
    org_q = forms.CharField(label=_("Find the organisation"), required=False, max_length=100, strip=True)


# --- Partnering: one small form per posted action, so nothing unchecked reaches the database ---


class MeetingRequestForm(forms.Form):
    recipient = forms.IntegerField(label=_("Person"), min_value=1)
    # Django's CharField already refuses NUL characters ("Null characters are not allowed.").
    message = forms.CharField(label=_("Why should we meet?"), required=False, max_length=MEETING_MESSAGE_MAX)
    # Checked against the event's grid (and counted) by the service, which names the limit.
    suggested_slots = forms.TypedMultipleChoiceField(
        label=_("Suggested times"), required=False, coerce=int,
        choices=[(str(i), str(i)) for i in range(MAX_SLOTS)],
    )


class MeetingDecisionForm(forms.Form):
    request = forms.IntegerField(label=_("Request"), min_value=1)


class AvailabilityForm(forms.Form):
    slots = forms.TypedMultipleChoiceField(label=_("Slots"), required=False, coerce=int, choices=[])
    all = forms.BooleanField(label=_("Every slot"), required=False)

    def __init__(self, *args, slot_count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slots"].choices = [(str(i), str(i)) for i in range(slot_count)]


class OutcomeForm(forms.Form):
    meeting = forms.IntegerField(label=_("Meeting"), min_value=1)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=MeetingOutcome.choices)
    follow_up = forms.BooleanField(label=_("follow-up wanted"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class PartneringGridForm(forms.Form):
    first_slot_at = forms.DateTimeField(
        label=_("First slot (Korea time)"), input_formats=DATETIME_FORMATS, validators=[validate_in_range]
    )
    # Sizes are bounded by the service, which names every limit in one message.
    slot_minutes = forms.IntegerField(label=_("Minutes per meeting"))
    slots = forms.IntegerField(label=_("Slots"))
    tables = forms.IntegerField(label=_("Tables"))
