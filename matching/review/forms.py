"""Forms of the review pages: every write and filter is read through one of these."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership
from core.dates import today as local_today

from ..models import DeclineReason, Match
from .actions import ACTIONS
from .services import met_on_error

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


class MetForm(forms.Form):
    """"We have met": on which day (not in the future, not before the match was proposed) and optional notes
    both sides read in the match's history."""

    date = forms.DateField(label=_("Date of the meeting"), widget=forms.DateInput(attrs={"type": "date"}),
                           error_messages={"required": _("Give the date you met."),
                                           "invalid": _("Give the date as YYYY-MM-DD.")})
    note = forms.CharField(label=_("Notes (optional; both sides see them)"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, match: Match, **kwargs):
        super().__init__(*args, **kwargs)
        self.match = match
        today = local_today()
        self.fields["date"].initial = today
        self.fields["date"].widget.attrs.update(
            {"max": today.isoformat(), "min": timezone.localdate(match.created_at).isoformat()})

    def clean_date(self):
        value = self.cleaned_data["date"]
        if error := met_on_error(value, self.match):
            raise forms.ValidationError(error)
        return value


_CHOOSE_CONTACT = _("Choose one of your organisation's people who may be named as a contact.")


class ContactForm(forms.Form):
    """Name one's side's contact person for a match: only the eligible people of one's own organisation
    are choices, so another organisation's person (a crafted id) is an invalid choice, not a 500."""

    contact = forms.TypedChoiceField(label=_("Contact person"), coerce=int,
                                     error_messages={"invalid_choice": _CHOOSE_CONTACT, "required": _CHOOSE_CONTACT})

    def __init__(self, *args, eligible: list[Membership], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].choices = [
            (m.user_id, f"{m.user.full_name} ({m.title})" if m.title else m.user.full_name) for m in eligible]
