from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict:
    """What the navigation bar needs to show links by role (two queries at most, cached on request)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": {"authenticated": False}}
    from .selectors import user_nav_context

    return {"nav": user_nav_context(user)}
