"""core.fragments: a rendered part is kept per viewer, path, language and version, and carries the current
CSRF token; with the cache down it is rendered every time."""

from __future__ import annotations

from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import CSRF_SESSION_KEY, _unmask_cipher_token
from django.test import RequestFactory
from django.utils import translation

from core.fragments import CSRF_SLOT, cached_fragment
from tests.test_redis_outage import CLOSED, redis_cache_at

TEMPLATE = "fragment_test.html"


@pytest.fixture
def fragment_template(settings, tmp_path):
    (tmp_path / TEMPLATE).write_text(
        '<form method="post">{% csrf_token %}</form><p>{{ title }}</p><p>{% load i18n %}{% translate "Events" %}</p>',
        encoding="utf-8")
    settings.TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [tmp_path],
                           "OPTIONS": {"context_processors": ["django.template.context_processors.csrf"]}}]
    settings.PAGE_CACHE_SECONDS = 60


SIGNED_IN = SimpleNamespace(pk=1, is_authenticated=True)


def _request(path: str = "/events/", user=None):
    request = RequestFactory().get(path)
    request.user = user or SIGNED_IN
    request.session = {}
    request.META.pop(CSRF_SESSION_KEY, None)
    return request


class Renders:
    def __init__(self, title: str):
        self.title, self.calls = title, 0

    def __call__(self) -> dict:
        self.calls += 1
        return {"title": self.title}


def _token(html: str) -> str:
    return html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]


def test_kept_part_is_served_without_rendering_and_carries_each_requests_token(fragment_template):
    first, again = Renders("Oncology day"), Renders("changed but same version")
    a = cached_fragment(_request(), TEMPLATE, first, version=(1,))
    b_request = _request()
    b = cached_fragment(b_request, TEMPLATE, again, version=(1,))
    assert first.calls == 1 and again.calls == 0
    assert "Oncology day" in b and CSRF_SLOT not in a + b
    # Each request gets its own valid token, never a token served to someone else from the cache.
    assert _unmask_cipher_token(_token(b)) == b_request.META["CSRF_COOKIE"]
    assert _token(a) != _token(b)


def test_a_new_version_path_or_language_renders_again(fragment_template):
    renders = Renders("x")
    cached_fragment(_request(), TEMPLATE, renders, version=(1,))
    cached_fragment(_request(), TEMPLATE, renders, version=(2,))
    cached_fragment(_request("/events/?page=2"), TEMPLATE, renders, version=(2,))
    with translation.override("ko"):
        html = cached_fragment(_request(), TEMPLATE, renders, version=(2,))
    assert renders.calls == 4
    assert "행사" in html


@pytest.mark.django_db
def test_parts_are_kept_per_viewer(fragment_template):
    from tests.factories import UserFactory

    renders = Renders("x")
    cached_fragment(_request(user=UserFactory()), TEMPLATE, renders, version=(1,))
    cached_fragment(_request(user=UserFactory()), TEMPLATE, renders, version=(1,))
    assert renders.calls == 2


def test_visitors_who_are_not_signed_in_are_never_kept_for(fragment_template):
    renders = Renders("x")
    for _ in range(2):
        html = cached_fragment(_request(user=AnonymousUser()), TEMPLATE, renders, version=(1,))
    assert renders.calls == 2 and CSRF_SLOT not in html


def test_only_the_csrf_input_is_filled_in(fragment_template):
    html = cached_fragment(_request(), TEMPLATE, lambda: {"title": f"text quoting {CSRF_SLOT}"}, version=(1,))
    assert f"text quoting {CSRF_SLOT}" in html and f'value="{CSRF_SLOT}"' not in html


def test_zero_seconds_renders_every_time(fragment_template, settings):
    settings.PAGE_CACHE_SECONDS = 0
    renders = Renders("x")
    for _ in range(2):
        html = cached_fragment(_request(), TEMPLATE, renders, version=(1,))
    assert renders.calls == 2 and CSRF_SLOT not in html


def test_cache_down_renders_every_time(fragment_template, settings):
    redis_cache_at(settings, CLOSED)
    renders = Renders("kept nowhere")
    for _ in range(2):
        html = cached_fragment(_request(), TEMPLATE, renders, version=(1,))
    assert renders.calls == 2 and "kept nowhere" in html


def test_a_new_deploy_renders_again(fragment_template):
    """A part kept by an earlier build (other code, templates or translations) is not served."""
    from core import fragments

    renders = Renders("x")
    cached_fragment(_request(), TEMPLATE, renders, version=(1,))
    fragments.build_id.cache_clear()
    try:
        with mock.patch.object(fragments, "build_id", return_value="next-release"):
            cached_fragment(_request(), TEMPLATE, renders, version=(1,))
    finally:
        fragments.build_id.cache_clear()
    assert renders.calls == 2
