from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from .. import selectors


class IsOrganizationAdminOrReadOnly(BasePermission):
    """Anyone who can see an organisation may read it; only its admins may change it."""

    message = _("Only the organisation's administrators can edit it.")

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return selectors.can_edit_organization(request.user, obj)
