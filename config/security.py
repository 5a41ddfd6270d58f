"""A Content-Security-Policy header on every response (Django 5.2 has no built-in one).

No template carries inline scripts, inline styles or event-handler attributes, so the policy allows
only this site's own files; images may also be ``data:`` URIs (Swagger UI's icons). Swagger UI is
served by the split view (its script is a URL of ours) with a page template whose style is a file.
"""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response
