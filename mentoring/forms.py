"""Forms for the mentoring pages: every write goes through one of these, then a service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, OrganizationStatus
from clusters.models import Cluster
from core.forms import StyledFormMixin
from core.i18n import localized
from taxonomy.models import Facet, FacetKind

from .models import (
    BOOKING_MESSAGE_MAX_LENGTH,
    MAX_CAPACITY,
    MAX_SLOT_CAPACITY,
    MAX_SLOT_MINUTES,
    MESSAGE_MAX_LENGTH,
    MIN_CAPACITY,
    MIN_SLOT_MINUTES,
    RATINGS,
    REPLY_MAX_LENGTH,
    Availability,
    MentorLanguage,
    MentorProfile,
    Programme,
)
from .models.office_hours import LOCATION_MAX_LENGTH, TOPIC_MAX_LENGTH
from .programmes import EDITABLE_FIELDS as PROGRAMME_FIELDS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _facets(kind: str):
    return Facet.objects.filter(is_active=True, kind=kind)


def _lines(value: list[str]) -> str:
    return "\n".join(value or [])


class MentorProfileForm(StyledFormMixin, forms.ModelForm):
    languages = forms.MultipleChoiceField(label=_("Languages you mentor in"), choices=MentorLanguage.choices,
                                          widget=forms.CheckboxSelectMultiple)
    affiliations = forms.CharField(label=_("Affiliations"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                   help_text=_("Organisations you work for or advise, one a line."))
    investments = forms.CharField(label=_("Investments"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text=_("Companies you hold shares in, one a line."))
    capacity = forms.IntegerField(label=_("Startups at a time"), min_value=MIN_CAPACITY, max_value=MAX_CAPACITY)
    publications = forms.CharField(
        label=_("Publications"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line: year, then the title (e.g. “2021 Liquid biopsy for early lung cancer”)."),
    )

    field_order = ["headline", "expertise", "career", "languages", "capacity", "therapeutic_areas", "technologies",
                   "partnership_types", "clusters", "organization", "affiliations", "affiliated_organizations",
                   "investments", "invested_organizations", "publications"]

    class Meta:
        model = MentorProfile
        # languages, affiliations and investments are form fields of their own (not copied onto the model).
        fields = ["headline", "expertise", "career", "capacity", "therapeutic_areas", "technologies",
                  "partnership_types", "clusters", "organization", "affiliated_organizations", "invested_organizations"]
        widgets = {
            "expertise": forms.Textarea(attrs={"rows": 4}), "career": forms.Textarea(attrs={"rows": 3}),
            "therapeutic_areas": forms.CheckboxSelectMultiple, "technologies": forms.CheckboxSelectMultiple,
            "partnership_types": forms.CheckboxSelectMultiple, "clusters": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "affiliated_organizations": _("Those on ClusterLink: you are never assigned to them."),
            "invested_organizations": _("Those on ClusterLink: you are never assigned to them."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["therapeutic_areas"].queryset = _facets(FacetKind.THERAPEUTIC_AREA)
        self.fields["technologies"].queryset = _facets(FacetKind.TECHNOLOGY)
        self.fields["partnership_types"].queryset = _facets(FacetKind.PARTNERSHIP_TYPE)
        self.fields["clusters"].queryset = Cluster.objects.order_by("name_en")
        verified = Organization.objects.filter(status=OrganizationStatus.VERIFIED)
        self.fields["organization"].queryset = verified.filter(memberships__user=user, memberships__status="active")
        self.fields["organization"].empty_label = _("Nobody: I mentor independently")
        for name in ("affiliated_organizations", "invested_organizations"):
            self.fields[name].queryset = verified
            self.fields[name].required = False
        profile = self.instance
        if profile.pk:
            self.initial["languages"] = profile.language_list
            self.initial["affiliations"] = _lines(profile.affiliations)
            self.initial["investments"] = _lines(profile.investments)
            self.initial["publications"] = "\n".join(
                f"{p.year or ''} {p.title}".strip() for p in profile.publications.all())
            if profile.status != "pending":
                self.fields["clusters"].disabled = True
                self.fields["clusters"].help_text = _("Cluster managers change the clusters you serve.")
        else:
            self.initial.setdefault("languages", ["ko"])

    def service_fields(self) -> dict:
        d = self.cleaned_data
        return {"headline": d["headline"], "expertise": d["expertise"], "career": d["career"],
                "languages": d["languages"], "capacity": d["capacity"], "organization": d.get("organization"),
                "affiliations": d["affiliations"], "investments": d["investments"]}

    def service_m2m(self) -> dict:
        names = ["therapeutic_areas", "technologies", "partnership_types", "affiliated_organizations",
                 "invested_organizations"]
        if not self.fields["clusters"].disabled:
            names.append("clusters")
        return {name: list(self.cleaned_data.get(name) or []) for name in names}

    def service_publications(self) -> list[dict]:
        out = []
        for line in self.cleaned_data.get("publications", "").splitlines():
            head, _sep, rest = line.strip().partition(" ")
            if head.isdigit() and len(head) == 4 and 1900 <= int(head) <= 2100 and rest.strip():
                out.append({"year": int(head), "title": rest.strip()})
            elif line.strip():
                out.append({"year": None, "title": line.strip()})
        return out


class AvailabilityForm(forms.Form):
    availability = forms.ChoiceField(choices=Availability.choices)


class DirectoryFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    area = forms.ChoiceField(label=_("Area"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False,
                                 choices=[("", _("Any language")), *MentorLanguage.choices])
    availability = forms.ChoiceField(label=_("Availability"), required=False,
                                     choices=[("", _("Any")), *Availability.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        facets = Facet.objects.filter(is_active=True, kind__in=[FacetKind.THERAPEUTIC_AREA, FacetKind.TECHNOLOGY])
        self.fields["area"].choices = [("", _("Any area"))] + [(f.slug, f.label) for f in facets]


class ProgrammeForm(StyledFormMixin, forms.ModelForm):
    questions_text = forms.CharField(
        label=_("Application questions"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One question a line; start a line with * to make it required."),
    )

    class Meta:
        model = Programme
        fields = ["cluster", "name_ko", "name_en", "description_ko", "description_en", "starts_on", "ends_on",
                  "panel_size"]
        widgets = {"starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET,
                   "description_ko": forms.Textarea(attrs={"rows": 3}),
                   "description_en": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, clusters=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = clusters if clusters is not None else Cluster.objects.none()
        self.fields["panel_size"].widget.attrs.update(min=1, max=10)
        if self.instance.pk:
            self.fields["cluster"].disabled = True
            self.fields["questions_text"].initial = "\n".join(
                ("*" if q.get("required") else "") + q.get("label_en", q.get("label_ko", ""))
                for q in self.instance.questions)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The programme must end after it starts."))
        return data

    def service_fields(self) -> dict:
        fields = {k: v for k, v in self.cleaned_data.items() if k in PROGRAMME_FIELDS}
        questions = []
        for n, line in enumerate(self.cleaned_data.get("questions_text", "").splitlines(), start=1):
            label = line.strip()
            required = label.startswith("*")
            label = label.lstrip("*").strip()
            if label:
                questions.append({"key": f"q{n}", "label_en": label, "label_ko": label, "required": required})
        fields["questions"] = questions
        return fields


class ApplicationForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Apply for"), queryset=None, empty_label=None)
    focus = forms.ModelMultipleChoiceField(
        label=_("What would you like mentoring on?"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, programme: Programme, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["focus"].queryset = Facet.objects.filter(
            is_active=True, kind__in=[FacetKind.THERAPEUTIC_AREA, FacetKind.TECHNOLOGY])
        self.questions = programme.questions
        for question in programme.questions:
            self.fields[f"answer_{question['key']}"] = forms.CharField(
                label=localized(question.get("label_ko"), question.get("label_en")),
                required=bool(question.get("required")), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self) -> dict:
        return {q["key"]: self.cleaned_data.get(f"answer_{q['key']}", "") for q in self.questions}


class InviteMentorForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"))
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=None, empty_label=None)

    def __init__(self, *args, clusters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = clusters


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class SwapForm(forms.Form):
    seat = forms.IntegerField(min_value=1)
    mentor = forms.IntegerField(min_value=1)


class IdForm(forms.Form):
    id = forms.IntegerField(min_value=1)


class SessionForm(StyledFormMixin, forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    duration_minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=600, initial=60)
    topics = forms.CharField(label=_("Topics"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    follow_ups = forms.CharField(label=_("Follow-ups"), required=False, max_length=2000,
                                 widget=forms.Textarea(attrs={"rows": 2}))


class FeedbackForm(StyledFormMixin, forms.Form):
    rating = forms.TypedChoiceField(label=_("Rating"), choices=RATINGS, coerce=int, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class NeedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.organization.name}: {obj.title}"


class _StartupMessageForm(StyledFormMixin, forms.Form):
    """Which of the person's startups, optionally one of its open needs, and a message to the mentor (a direct
    request or an office-hour booking). Django's CharField already refuses NUL characters and over-long text."""

    WRONG_NEED = _("Choose a need of the startup you are asking for.")
    EMPTY_MESSAGE = _("Tell the mentor what you would like help with.")

    def __init__(self, *args, organizations, needs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["need"].queryset = needs

    def clean(self):
        data = super().clean()
        need, org = data.get("need"), data.get("organization")
        if need is not None and org is not None and need.organization_id != org.pk:
            self.add_error("need", self.WRONG_NEED)
        if data.get("message") is not None and not data["message"].strip():
            self.add_error("message", self.EMPTY_MESSAGE)
        return data


class RequestForm(_StartupMessageForm):
    """A startup asks a mentor."""

    organization = forms.ModelChoiceField(label=_("Ask for"), queryset=None, empty_label=None)
    need = NeedChoiceField(label=_("About one of your open needs (optional)"), queryset=None, required=False,
                           empty_label=_("No particular need"))
    message = forms.CharField(
        label=_("Message to the mentor"), max_length=MESSAGE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you would like help with, and where your startup stands."),
    )


class ReplyForm(StyledFormMixin, forms.Form):
    reply = forms.CharField(label=_("Reply to the startup (optional)"), required=False, max_length=REPLY_MAX_LENGTH,
                            widget=forms.Textarea(attrs={"rows": 2}))


class OfficeHourForm(StyledFormMixin, forms.Form):
    """A slot as the mentor publishes it: a Seoul date and start time. Year 0 or 99999 never parse."""

    day = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    start = forms.TimeField(label=_("Starts at (Seoul time)"), widget=forms.TimeInput(attrs={"type": "time"},
                                                                                      format="%H:%M"))
    duration_minutes = forms.TypedChoiceField(
        label=_("Length"), coerce=int, initial=30,
        choices=[(n, _("%(n)d minutes") % {"n": n}) for n in (15, 20, 30, 45, 60, 90, 120)
                 if MIN_SLOT_MINUTES <= n <= MAX_SLOT_MINUTES])
    location = forms.CharField(label=_("Where"), max_length=LOCATION_MAX_LENGTH,
                               help_text=_("An online meeting link or a place."))
    topic = forms.CharField(label=_("Topic note (optional)"), required=False, max_length=TOPIC_MAX_LENGTH,
                            help_text=_("E.g. 'Regulatory strategy for digital health'."))
    capacity = forms.IntegerField(label=_("Startups per slot"), min_value=1, max_value=MAX_SLOT_CAPACITY, initial=1)


class BookingForm(_StartupMessageForm):
    """A startup books a slot, saying what it wants to discuss (and optionally about which open need)."""

    WRONG_NEED = _("Choose a need of the startup you are booking for.")
    EMPTY_MESSAGE = _("Tell the mentor what you would like to discuss.")

    organization = forms.ModelChoiceField(label=_("Book for"), queryset=None, empty_label=None)
    need = NeedChoiceField(label=_("About one of your open needs (optional)"), queryset=None, required=False,
                           empty_label=_("No particular need"))
    message = forms.CharField(label=_("What would you like to discuss?"), max_length=BOOKING_MESSAGE_MAX_LENGTH,
                              widget=forms.Textarea(attrs={"rows": 2}))


class BookingSessionForm(StyledFormMixin, forms.Form):
    """A held office hour logged as a session: its date is the slot's."""

    duration_minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=600)
    topics = forms.CharField(label=_("Topics"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    follow_ups = forms.CharField(label=_("Follow-ups"), required=False, max_length=2000,
                                 widget=forms.Textarea(attrs={"rows": 2}))
