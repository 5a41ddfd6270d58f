from django.core.paginator import InvalidPage
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


class CappedPageNumberPagination(PageNumberPagination):
    """One pagination for the whole API: clients may ask for up to 100 rows a page.

    A page that is not a whole number from 1 (``0``, ``-1``, ``abc``) is a bad request (400); a page
    past the last one is not found (404); a ``page_size`` that is not a positive number falls back to
    the default and one above 100 is capped. The schema documents all of this.
    """

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        page_size = self.get_page_size(request)
        if not page_size:
            return None
        paginator = self.django_paginator_class(queryset, page_size)
        raw = request.query_params.get(self.page_query_param, "")
        if raw in self.last_page_strings:
            number = paginator.num_pages
        elif raw == "":
            number = 1
        elif raw.isascii() and raw.isdigit() and int(raw) >= 1:
            number = int(raw)
        else:
            raise ValidationError({self.page_query_param: [_("Give the page as a whole number from 1.")]})
        if number > paginator.num_pages:
            raise NotFound(
                _("There is no page %(page)s: the last page is %(last)s.") % {"page": number, "last": paginator.num_pages}
            )
        try:
            self.page = paginator.page(number)
        except InvalidPage as exc:  # the rows changed between counting and reading
            raise NotFound(str(exc)) from exc
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        return list(self.page)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = _(
                    "A page number from 1 (or 'last'). Not a whole number from 1: 400; past the last page: 404."
                )
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
                parameter["description"] = _("Rows a page (default 20); larger values are capped at 100.")
        return parameters
