"""Admin autocomplete widgets that survive a posted value that is not an id.

Django's ``AutocompleteSelect`` re-renders an invalid form by looking up the posted values
(``pk__in=[...]``) without checking them first, so ``a<NUL>b`` or markup in an autocomplete field
is a ValueError and a 500 instead of "Select a valid choice" (Django 5.2). These widgets drop the
values the target field cannot read before that lookup; the form's own validation still reports them.
"""

from __future__ import annotations

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError


class _ReadableValuesOnly:
    def optgroups(self, name, value, attr=None):
        model = self.field.remote_field.model
        field_name = getattr(self.field.remote_field, "field_name", None)  # a many-to-many has none: the pk
        target = model._meta.get_field(field_name) if field_name else model._meta.pk
        readable = []
        for item in value:
            try:
                target.to_python(item)
            except (ValidationError, TypeError, ValueError):
                continue
            if "\x00" not in str(item):
                readable.append(item)
        return super().optgroups(name, readable, attr)


class SafeAutocompleteSelect(_ReadableValuesOnly, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(_ReadableValuesOnly, AutocompleteSelectMultiple):
    pass


class SafeAutocompleteMixin:
    """For a ModelAdmin or an inline with ``autocomplete_fields``: the same widgets, safe against posted junk."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)
