"""Helpers shared by the accounts tests."""

import re
from html.parser import HTMLParser

import pytest

from accounts.models import Invitation, Membership, Organization, User
from clusters.models import ClusterMembership
from tests.factories import PASSWORD, ClusterFactory

NEW_PASSWORD = "Blue-Lantern-8812"


def signup_data(clusters, /, **overrides) -> dict:
    """A complete, valid signup POST; override any field, or pass None to drop it."""
    data = {
        "full_name": "김민지",
        "email": "minji@neobio.example.kr",
        "phone": "010-1234-5678",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "language": "en",
        "name_ko": "네오바이오",
        "name_en": "NeoBio",
        "kind": "firm",
        "region": "seoul",
        "country": "",
        "website": "https://www.neobio.example.kr",
        "description": "Antibody diagnostics for sepsis.",
        "clusters": [c.pk for c in clusters],
        "privacy_consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def counts() -> dict:
    """Row counts of everything a signup could create."""
    return {
        "users": User.objects.count(),
        "orgs": Organization.objects.count(),
        "memberships": Membership.objects.count(),
        "cluster_memberships": ClusterMembership.objects.count(),
        "invitations": Invitation.objects.count(),
    }


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def first_url(text: str) -> str:
    match = re.search(r"https?://\S+", text)
    assert match, f"no link in: {text!r}"
    return match.group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


class PostForms(HTMLParser):
    """Every <form method="post"> of a page, with the fields a browser would submit (minus buttons)."""

    def __init__(self):
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self.in_form = False
        self._textarea = False
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.in_form = True
            self.forms.append([])
        if not self.in_form:
            return
        fields = self.forms[-1]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button") or "name" not in a:
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            fields.append((a["name"], a.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self._textarea = True
            fields.append((a.get("name"), ""))
        elif tag == "select":
            self._select, self._select_first, self._select_chosen = a.get("name"), None, False
        elif tag == "option" and self._select:
            if self._select_first is None:
                self._select_first = a.get("value", "")
            if "selected" in a:
                fields.append((self._select, a.get("value", "")))
                self._select_chosen = True

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea":
            self._textarea = False
        elif tag == "select" and self._select:
            if not self._select_chosen and self._select_first is not None:
                self.forms[-1].append((self._select, self._select_first))
            self._select = None

    def handle_data(self, data):
        if self._textarea and self.in_form:
            name, value = self.forms[-1][-1]
            self.forms[-1][-1] = (name, value + data)


def browser_form_data(html: str, containing: str, **clicked) -> dict:
    """The POST form that has a field named ``containing``, as a browser would send it, plus the clicked button."""
    parser = PostForms()
    parser.feed(html)
    forms = [f for f in parser.forms if any(name == containing for name, _v in f)]
    assert len(forms) == 1, f"expected one form with a {containing!r} field, found {len(forms)}"
    data: dict = {}
    for name, value in forms[0]:
        if name != "csrfmiddlewaretoken":
            data.setdefault(name, []).append(value)
    for name, value in clicked.items():
        data[name] = [value]
    return data


@pytest.fixture
def clusters(db):
    return [ClusterFactory(slug="seoul-bio", name_en="Seoul Bio"), ClusterFactory(slug="osong", name_en="Osong")]


@pytest.fixture
def mailbox(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (emails are queued on commit) for the duration of a block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


__all__ = ["PASSWORD"]
