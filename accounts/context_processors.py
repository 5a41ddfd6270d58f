from django.http import HttpRequest

from .selectors import user_nav_context


def navigation(request: HttpRequest) -> dict:
    """What the navigation bar needs to show links by role (two queries at most, cached on request)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": {"authenticated": False}}
    # Kept on the request: a part rendered apart (core.fragments) runs the context processors again.
    nav = getattr(request, "_nav_context", None)
    if nav is None:
        nav = request._nav_context = user_nav_context(user)
    return {"nav": nav}
