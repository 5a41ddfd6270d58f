from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from core.forms import StyledFormMixin

from .models import Membership, MembershipRole, Organization, OrganizationKind, User
from .regions import Region


class LoginForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}))
    password = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class PersonFieldsMixin(forms.Form):
    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    email = forms.EmailField(label=_("Work email address"))
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common or all-numeric password."),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES, initial="ko")
    privacy_consent = forms.BooleanField(
        label=_("I agree to the collection and use of my personal information (name, email, phone) "
                "to run my account and introductions, as described in the privacy policy."),
        required=True,
        error_messages={"required": _("You must agree to the privacy policy to sign up.")},
    )
    news_opt_in = forms.BooleanField(label=_("Send me the cluster's news and event mail (optional)."), required=False)

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email address already exists. Sign in or reset your password."))
        return email

    def person_data(self) -> dict:
        d = self.cleaned_data
        return {
            "email": d["email"], "password": d["password1"], "full_name": d["full_name"],
            "phone": d.get("phone", ""), "language": d["language"], "news_opt_in": d.get("news_opt_in", False),
        }

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords do not match."))
        elif p1:
            probe = User(email=data.get("email", ""), full_name=data.get("full_name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class SignupForm(StyledFormMixin, PersonFieldsMixin):
    name_ko = forms.CharField(label=_("Organisation name (Korean)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Organisation name (English)"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=OrganizationKind.choices)
    region = forms.ChoiceField(label=_("Region"), choices=Region.choices)
    country = forms.CharField(label=_("Country code (if abroad)"), max_length=2, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    description = forms.CharField(label=_("What does your organisation do?"), widget=forms.Textarea(attrs={"rows": 4}))
    clusters = forms.ModelMultipleChoiceField(
        label=_("Clusters to join"), queryset=Cluster.objects.none(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one cluster to join.")},
    )
    # Set when the applicant confirms that a look-alike organisation is not theirs.
    not_a_duplicate = forms.BooleanField(required=False, widget=forms.HiddenInput)

    field_order = [
        "full_name", "email", "phone", "password1", "password2", "language",
        "name_ko", "name_en", "kind", "region", "country", "website", "description", "clusters",
        "privacy_consent", "news_opt_in",
    ]

    def __init__(self, *args, kept_password: dict | None = None, **kwargs):
        """``kept_password``: the hash of the password a first submission validated, with the email and
        name it was checked with (views.auth.keep_signup_password); the password fields may then stay empty."""
        super().__init__(*args, **kwargs)
        self.fields["clusters"].queryset = Cluster.objects.order_by("name_en")
        self.kept_password = kept_password
        self.password_hash = ""
        if kept_password:
            self.keep_password()

    def keep_password(self) -> None:
        """Say that the typed password is kept; its fields may stay empty."""
        for name in ("password1", "password2"):
            self.fields[name].required = False
        note = _(
            "The password you typed is kept (it is not sent back to your browser). Leave both fields "
            "empty to use it, or type a new one twice."
        )
        self.fields["password1"].help_text = note
        self["password1"].help_text = note  # the bound field copied the old text when the form was validated

    PERSON_FIELDS = ("full_name", "email", "phone", "password1", "password2", "language")
    ORGANIZATION_FIELDS = ("name_ko", "name_en", "kind", "region", "country", "website", "description")

    def person_fields(self) -> list:
        return [self[name] for name in self.PERSON_FIELDS]

    def organization_fields(self) -> list:
        return [self[name] for name in self.ORGANIZATION_FIELDS]

    def clean_country(self) -> str:
        return (self.cleaned_data.get("country") or "").strip().upper()

    def clean(self):
        data = super().clean()
        if self.kept_password and not (data.get("password1") or data.get("password2")):
            # The kept password was checked against the email and name it was typed with.
            same_person = (self.kept_password.get("email"), self.kept_password.get("full_name")) == (
                data.get("email"), data.get("full_name")
            )
            if same_person:
                self.password_hash = self.kept_password["hash"]
            else:
                self.add_error("password1", _("You changed your email address or name: type your password again."))
        if not (data.get("name_ko", "").strip() or data.get("name_en", "").strip()):
            self.add_error("name_ko", _("Give the organisation's name in Korean, English or both."))
        if data.get("region") == Region.ABROAD:
            if len(data.get("country", "")) != 2 or data.get("country") == "KR":
                self.add_error("country", _("For an organisation abroad, give its two-letter country code (e.g. US)."))
        else:
            data["country"] = "KR"
        return data

    def person_data(self) -> dict:
        data = super().person_data()
        if self.password_hash:
            data["password"], data["password_hash"] = "", self.password_hash
        return data

    def org_fields(self) -> dict:
        d = self.cleaned_data
        return {k: (d.get(k) or "").strip() for k in ("name_ko", "name_en", "kind", "region", "country", "website", "description")}


class InviteeSignupForm(StyledFormMixin, PersonFieldsMixin):
    """Account creation for someone who follows an invitation link (no organisation to create)."""

    field_order = ["full_name", "email", "phone", "password1", "password2", "language", "privacy_consent", "news_opt_in"]

    def __init__(self, *args, invitation_email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation_email = invitation_email
        self.fields["email"].initial = invitation_email
        self.fields["email"].widget.attrs["readonly"] = True

    def clean_email(self) -> str:
        email = super().clean_email()
        if email != self.invitation_email.lower():
            raise forms.ValidationError(_("Use the address the invitation was sent to."))
        return email


class OrganizationForm(StyledFormMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = [
            "name_ko", "name_en", "kind", "region", "country", "website", "founded", "employees", "stage",
            "description", "trials_per_year", "irb_days",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class ProfileForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone", "language", "news_opt_in"]


class ApiTokenForm(StyledFormMixin, forms.Form):
    """A new API token outlives the browser session, so it takes the password, not just a signed-in page."""

    name = forms.CharField(
        label=_("Name (optional)"), max_length=100, required=False,
        help_text=_("What uses the token, e.g. the script's name, so you know which one to revoke."),
    )
    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


def deletion_word() -> str:
    """The word typed to confirm a deletion, in the current language (English "DELETE" always works)."""
    return str(_("DELETE"))


class AccountDeleteForm(StyledFormMixin, forms.Form):
    """Deleting an account cannot be undone: the password and a typed word guard against a slip."""

    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.CharField(label=_("Type the confirmation word"), max_length=40)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm"].help_text = _("Type %(word)s to confirm.") % {"word": deletion_word()}

    def clean_confirm(self) -> str:
        typed = self.cleaned_data["confirm"].strip()
        if typed.casefold() not in {deletion_word().casefold(), "delete"}:
            raise forms.ValidationError(_("Type %(word)s exactly to confirm.") % {"word": deletion_word()})
        return typed


class InvitationForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("Colleague's email address"))
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER)


class MembershipForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "is_tto", "may_be_contact"]


class RejectForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the applicant)"), widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Give a reason so the applicant can correct it.")},
    )


class DirectoryFilterForm(StyledFormMixin, forms.Form):
    # Each word costs three substring scans: a bounded query keeps one request from tying up the database.
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *OrganizationKind.choices])
    region = forms.ChoiceField(label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices])
    cluster = forms.ChoiceField(label=_("Cluster"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].choices = [("", _("All clusters"))] + [
            (c.slug, c.name) for c in Cluster.objects.order_by("name_en")
        ]
