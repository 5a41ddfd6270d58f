"""Response headers: a Content-Security-Policy everywhere, and templates that keep it workable."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "inline <style>"),
    (re.compile(r"\sstyle=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+=", re.I), "event-handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
    (re.compile(r"hx-on", re.I), "htmx inline handler"),
]


@pytest.mark.parametrize("path", ["/", "/events/", "/api/docs/", "/accounts/login/", "/api/v1/events/"])
def test_every_page_has_a_strict_content_security_policy(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_page_templates_have_no_inline_code_the_policy_would_block():
    found = []
    for path in TEMPLATES.rglob("*.html"):
        if "emails" in path.parts:  # mail clients, not browsers under our policy
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(TEMPLATES)}: {what}" for pattern, what in INLINE if pattern.search(text)]
    assert found == []


def test_swagger_ui_is_served_without_inline_code(client):
    response = client.get("/api/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    script = re.search(r'<script src="([^"]*\?script[^"]*)"', html)
    assert script is not None
    js = client.get(script.group(1).replace("&amp;", "&"))
    assert js.status_code == 200 and b"SwaggerUIBundle" in js.content
    assert (Path(settings.BASE_DIR) / "static" / "css" / "swagger-page.css").is_file()
    assert "css/swagger-page.css" in html
