"""Hostile values against every filter and form of the matching routes, as a member of the startup, the
hospital's TTO reviewer and the cluster manager: never a 500.

The fields are not listed by hand: each page is fetched as the role and its forms are read from the HTML
(every input, select and textarea, GET filters and POST forms alike), plus ``page`` and any query key its own
links use; the API list filters come from the OpenAPI schema. Each field then gets each hostile value in turn
(NUL bytes, year 0 and year 99999, 2**70, negative pages, 100,000 characters), the form's other fields keeping
their shown values. Every request runs in a savepoint that is rolled back, so each sees the same world and a
POST that would succeed changes nothing for the next one. ``test_match_hostile_input`` checks the messages and
that nothing is written for NULs; this sweep is about coverage."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import transaction
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from matching.models import Match, MatchSource
from matching.review import services as review
from matching.review.notify_queue import muted
from tests.matching.review_world import build_world, make_listing

pytestmark = pytest.mark.django_db

HOSTILE = {
    "nul": "a\x00b",
    "nul_only": "\x00",
    "year_0": "0000-01-01",
    "year_99999": "99999-12-31",
    "huge_id": str(2**70),
    "huge_negative": str(-(2**70)),
    "negative": "-1",
    "zero": "0",
    "long_text": "x" * 100_000,
}
ROLES = ("startup", "tto", "manager")
# Forms whose action is one of these are swept (the matching routes'); a page's other forms (sign-out, the
# language switch) belong to other areas.
FORM_ACTIONS = re.compile(r"^/(listings|matches)/")
API_PREFIXES = ("/api/v1/matches/", "/api/v1/listings/", "/api/v1/match-runs/")


class Forms(HTMLParser):
    """The forms of a page: method, action and the fields with their shown values; plus query keys of links."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self.link_keys: dict[str, set[str]] = {}
        self._form: dict | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "form":
            self._form = {"method": (a.get("method") or "get").lower(), "action": a.get("action") or "",
                          "fields": {}, "id": a.get("id")}
            self.forms.append(self._form)
        elif a.get("form") and tag in ("input", "select") and a.get("name"):  # a field outside its form (form="id")
            owner = next((f for f in self.forms if f["id"] == a["form"]), None)
            if owner is not None:
                owner["fields"][a["name"]] = a.get("value") or ""
        elif tag == "a" and a.get("href") and "?" in a["href"]:
            href = urlsplit(a["href"])
            self.link_keys.setdefault(href.path, set()).update(k for k, _v in parse_qsl(href.query))
        elif self._form is not None and tag in ("input", "select", "textarea") and a.get("name"):
            name, kind = a["name"], (a.get("type") or "").lower()
            if name == "csrfmiddlewaretoken" or kind in ("file", "submit", "button", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                self._form["fields"].setdefault(name, a.get("value") or "on")  # as if ticked
                return
            self._form["fields"][name] = a.get("value") or ""
            self._select = name if tag == "select" else None
        elif tag == "option" and self._form is not None and self._select:
            fields = self._form["fields"]
            if "selected" in a or not fields.get(self._select):
                fields[self._select] = a.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def _read(client: Client, url: str) -> Forms:
    response = client.get(url)
    parser = Forms()
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        parser.feed(response.content.decode())
    return parser


@pytest.fixture
def world():
    w = build_world()
    with muted():  # connected: the message, met and contact forms are on the match page
        review.match_approve(user=w.tto, match_id=w.match.pk)
        review.match_accept(user=w.startup, match_id=w.match.pk)
        review.match_accept(user=w.tto, match_id=w.match.pk)
    # And a proposal still open: the review queue's and the proposals page's row forms are on show.
    need = make_listing(w.firm, "need", "Second need", "A CRO for a phase 2 study.", visibility="members")
    proposal = Match.objects.create(need=need, counterpart=w.hospital, score=0.7, source=MatchSource.MODEL,
                                    model_version="v-test", explanation={"shared_facets": ["oncology"]})
    proposal.supporting_listings.set([w.capability])
    return w


def _clients(w) -> dict[str, Client]:
    clients = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)
        client.force_login(getattr(w, role))
        clients[role] = client
    return clients


def _send(client: Client, method: str, url: str, data: dict):
    """One request in a savepoint that is rolled back: the world stays as it was."""
    with transaction.atomic():
        response = client.get(url, data) if method == "get" else client.post(url, data)
        transaction.set_rollback(True)
    client.cookies.pop("messages", None)
    return response


def _failure(role: str, method: str, url: str, field: str, label: str, response) -> str | None:
    if response.status_code < 500:
        return None
    detail = ""
    if getattr(response, "exc_info", None):
        detail = f" {response.exc_info[0].__name__}: {str(response.exc_info[1])[:200]}"
    return f"{role} {method.upper()} {url} {field}={label}: {response.status_code}{detail}"


def _sweep(client: Client, role: str, method: str, url: str, fields: dict, cases: list) -> list[str]:
    failures = []
    for field in fields:
        for label, value in HOSTILE.items():
            data = {**fields, field: value}
            response = _send(client, method, url, data)
            cases.append(1)
            failure = _failure(role, method, url, field, label, response)
            if failure:
                failures.append(failure)
    return failures


def _pages(w) -> list[str]:
    return ["/listings/", "/listings/proposals/", "/matches/", "/matches/review/", "/matches/manage/",
            "/listings/new/", f"/listings/{w.need.pk}/edit/", f"/listings/{w.capability.pk}/edit/",
            f"/matches/{w.match.pk}/"]


def test_matching_pages_filters_and_forms_never_answer_500(world):
    w, failures, cases, swept = world, [], [], set()
    for role, client in _clients(w).items():
        for url in _pages(w):
            page = _read(client, url)
            # The page's own query: its filters, page, and the keys its links carry (assigned=me, org=...).
            keys = {"page"} | page.link_keys.get(url, set())
            for form in page.forms:
                if form["method"] == "get" and form["action"] in ("", url):
                    keys |= set(form["fields"])
            failures += _sweep(client, role, "get", url, dict.fromkeys(keys, ""), cases)
            swept.update((url, k) for k in keys)
            for form in page.forms:
                action = form["action"] or url
                if form["method"] != "post" or not FORM_ACTIONS.match(action) or not form["fields"]:
                    continue
                failures += _sweep(client, role, "post", action, form["fields"], cases)
                swept.update((action, k) for k in form["fields"])
    # The sweep reached the forms the brief names (a page that stopped rendering one would shrink it silently).
    pk = w.match.pk
    for needed in [("/listings/", "q"), ("/listings/proposals/", "region"), ("/matches/review/", "therapeutic_area"),
                   ("/matches/", "page"), ("/matches/manage/", "page"), ("/matches/review/bulk/", "ids"),
                   ("/listings/proposals/", "page"), ("/listings/new/", "title"),
                   (f"/listings/{w.need.pk}/edit/", "description"), (f"/matches/{pk}/messages/files/", "body"),
                   (f"/matches/{pk}/met/", "date"), (f"/matches/{pk}/contact/", "contact")]:
        assert needed in swept, needed
    print(f"{len(cases)} hostile requests over {len(swept)} fields, 3 roles")
    assert not failures, "\n".join(failures)


def _api_list_operations() -> list[tuple[str, list[str]]]:
    """GET operations of the matching API with their query parameters, from the OpenAPI schema."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    out = []
    for path, item in schema["paths"].items():
        op = item.get("get")
        if op and path.startswith(API_PREFIXES):
            params = [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"]
            if params:
                out.append((path, params))
    return out


def test_matching_api_list_filters_never_answer_500(world):
    w, failures, cases = world, [], []
    operations = _api_list_operations()
    paths = {path for path, _params in operations}
    assert {"/api/v1/matches/", "/api/v1/listings/", "/api/v1/matches/{id}/history/",
            "/api/v1/matches/{id}/messages/"} <= paths
    for role, client in _clients(w).items():
        for path, params in operations:
            url = path.replace("{id}", str(w.match.pk))
            failures += _sweep(client, role, "get", url, dict.fromkeys(params, ""), cases)
    print(f"{len(cases)} hostile API requests over {sum(len(p) for _x, p in operations)} parameters, 3 roles")
    assert not failures, "\n".join(failures)


def test_hostile_ids_in_the_paths_are_404s(world):
    """An id beyond PostgreSQL's bigint in a path is a 404, never a 500 (the URL converters take any digits)."""
    w = world
    client = _clients(w)["startup"]
    huge = 2**70
    for url in (f"/matches/{huge}/", f"/listings/{huge}/", f"/listings/{huge}/edit/", f"/api/v1/matches/{huge}/",
                f"/api/v1/matches/{huge}/history/", f"/api/v1/listings/{huge}/"):
        assert _send(client, "get", url, {}).status_code == 404, url
    for url in (f"/matches/{huge}/read/", f"/matches/{huge}/messages/", f"/matches/{huge}/met/",
                f"/matches/{huge}/contact/", f"/api/v1/matches/{huge}/read/"):
        assert _send(client, "post", url, {}).status_code == 404, url
