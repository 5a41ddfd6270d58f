"""What every app's forms share."""

from django import forms
from django.forms.forms import NON_FIELD_ERRORS
from django.utils.translation import gettext

from .errors import DomainError


class StyledFormMixin:
    """Adds the CSS toolkit's classes to widgets, and marks fields with errors as invalid."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                css = ""
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            if css:
                widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()

    def full_clean(self) -> None:
        super().full_clean()
        # Marked after validation (not in __init__, which would validate before subclasses finish setup).
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = (widget.attrs.get("class", "") + " is-invalid").strip()


def form_error_text(form: forms.Form) -> str:
    """Every problem of a bound form in one line, each named by its field's label, for a message."""
    parts = []
    for name, errors in form.errors.items():
        field = form.fields.get(name) if name != NON_FIELD_ERRORS else None
        text = " ".join(str(e) for e in errors)
        parts.append(f"{field.label}: {text}" if field is not None and field.label else text)
    return " ".join(parts)


def require_valid(form: forms.Form) -> forms.Form:
    """The form when its data is valid, else a DomainError naming each problem (for a message)."""
    if not form.is_valid():
        raise DomainError(" ".join([gettext("Please check what you entered."), form_error_text(form)]))
    return form
