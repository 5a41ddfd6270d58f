from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from portal.models import SavedSearchKind

from .services import NAME_MAX

# The saved search's kind travels as ``of``: the directory's own filters already use ``kind``.
KIND_PARAM = "of"
NOT_FILTERS = frozenset({"csrfmiddlewaretoken", "name", KIND_PARAM})


class SavedSearchNameForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of the search"), max_length=NAME_MAX)


class SavedSearchCreateForm(SavedSearchNameForm):
    of = forms.ChoiceField(choices=SavedSearchKind.choices, widget=forms.HiddenInput)


def filter_data(data) -> dict[str, list[str]]:
    """The posted or queried search filters: everything that is not the name, kind or CSRF token."""
    return {key: data.getlist(key) for key in data if key not in NOT_FILTERS}
