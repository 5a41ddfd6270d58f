from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from ..listings import selectors


class IsListingMemberOrReadOnly(BasePermission):
    """Signed-in people read the listings they may see; only the organisation's active members write."""

    message = _("Only active members of the organisation can change its listings.")

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return selectors.can_edit_listing(request.user, obj)
