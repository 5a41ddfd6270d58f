"""_partials/pager.html: Previous / n of m / Next that keep the list's other parameters, escaped in the attribute."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlencode

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from accounts.models import Organization
from tests.factories import OrganizationFactory, UserFactory

PAGER = "_partials/pager.html"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"])  # entities decoded, as a browser reads the attribute


def _hrefs(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


def _render(page, query: str = "", **extra) -> str:
    with translation.override("en"):
        return render_to_string(PAGER, {"page": page, "query": query, **extra})


def test_the_links_keep_a_query_with_ampersands_and_korean_text():
    page = Paginator(range(30), 10).page(2)
    query = urlencode({"q": "A&B <바이오>", "region": "seoul"})
    html = _render(page, query)
    assert "A&B" not in html and "<바이오>" not in html  # URL-encoded, then escaped for the attribute
    assert 'href="?q=A%26B+%3C%EB%B0%94%EC%9D%B4%EC%98%A4%3E&amp;region=seoul&page=1"' in html
    previous, following = _hrefs(html)
    assert parse_qs(previous[1:]) == {"q": ["A&B <바이오>"], "region": ["seoul"], "page": ["1"]}
    assert parse_qs(following[1:]) == {"q": ["A&B <바이오>"], "region": ["seoul"], "page": ["3"]}
    assert "2 / 3" in html and ">Previous<" in html and ">Next<" in html
    assert '<nav aria-label="Pages"><ul class="pagination">' in html


def test_no_query_gives_bare_page_links_and_the_ends_have_one_link():
    paginator = Paginator(range(30), 10)
    first = _render(paginator.page(1), nav_class="mt-3")
    assert _hrefs(first) == ["?page=2"] and "Previous" not in first and "1 / 3" in first
    assert '<nav class="mt-3" aria-label="Pages">' in first
    last = _render(paginator.page(3))
    assert _hrefs(last) == ["?page=2"] and "Next" not in last


def test_a_single_page_shows_no_pager():
    assert _render(Paginator(range(5), 10).page(1), "q=x").strip() == ""


def test_the_pager_is_translated():
    with translation.override("ko"):
        html = render_to_string(PAGER, {"page": Paginator(range(30), 10).page(2), "query": ""})
    assert "Previous" not in html and "Next" not in html


@pytest.mark.django_db
def test_the_organisation_directory_pager_keeps_its_filters_url_encoded():
    """The directory's results build their query from the request (querystring): the page is replaced,
    every other parameter is kept and encoded."""
    OrganizationFactory.create_batch(2)
    request = RequestFactory().get("/organizations/", {"q": "바이오&<x>", "kind": "firm", "page": "1"})
    request.user = UserFactory()
    page = Paginator(Organization.objects.order_by("pk"), 1).page(1)
    with translation.override("en"):
        html = render_to_string("organizations/_partials/directory_results.html", {"page": page, "form": None},
                                request)
    (following,) = [href for href in _hrefs(html) if href.startswith("?")]  # the cards link to the profiles
    assert parse_qs(following[1:]) == {"q": ["바이오&<x>"], "kind": ["firm"], "page": ["2"]}
    assert "<x>" not in html
