"""Every CSV download is safe to open in a spreadsheet, and every email's HTML part escapes what users typed.

CSV: the permission matrix's world is poisoned (every free-text field of every row starts with a formula
character: =, +, -, @, tab, carriage return) and every CSV route of the resolver is downloaded, the dashboard's
for every table its page links to. No cell may start with a formula character unless it is a number the
program wrote (``-0.5`` is not a formula). A new route that looks like an export fails
``test_every_export_route_is_audited`` until it is added here.

Email: every template under templates/emails (and accounts/ and portal/ emails) is rendered with a context in which
every name, title and venue is a Korean string with markup; the HTML alternative (core.emails.render_html, the
one way any email gets HTML) shows it escaped and has no tags but its wrapper's. Only those modules send mail.
"""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.test import Client
from django.utils import timezone

from core.csvsafe import FORMULA_START
from core.emails import render_email, render_html

from .matrix_world import MatrixWorld, build_matrix_world
from .test_permission_matrix import enumerate_routes

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR) if hasattr(settings, "BASE_DIR") else Path(__file__).resolve().parents[2]
FORMULAS = ("=HYPERLINK(A1)", "+A1+1", "-A1+1", "@SUM(A1)", "\tA1", "\rA1")
# Routes that download CSV (checked below), and export-like routes that are not CSV.
CSV_ROUTES = {"matches:manage_export", "events:attendance_csv", "events:agenda_csv", "dashboard:cluster_export",
              "dashboard:alliance_export"}
NOT_CSV = {"portal:data_export"}  # a person's own data, as JSON
EXPORTISH = re.compile(r"csv|export", re.IGNORECASE)
SKIP_FIELD = re.compile(r"email|slug|token|password|key|sha256|url|website|phone|language|code|version|hash|ip")


def _poison(world: MatrixWorld) -> int:
    """Every free-text field (no choices, not an address or a key) of every row of the project's apps starts with a
    formula character; each row's own value, so unique fields stay unique. Returns how many fields took one."""
    changed = 0
    for model in apps.get_models():
        if model._meta.app_label not in ("accounts", "clusters", "events", "matching", "mentoring", "portal"):
            continue
        fields = [f for f in model._meta.concrete_fields if isinstance(f, (models.CharField, models.TextField))
                  and not f.choices and not f.primary_key and not SKIP_FIELD.search(f.name)
                  and (f.max_length or 100) >= 16]
        for obj in model._default_manager.all():
            for i, f in enumerate(fields):
                value = f"{FORMULAS[(obj.pk + i) % len(FORMULAS)]} {obj.pk}"[: f.max_length or 100]
                try:
                    with transaction.atomic():
                        model._default_manager.filter(pk=obj.pk).update(**{f.name: value})
                    changed += 1
                except IntegrityError:
                    pass  # a constraint on the field's shape: it was not free text
    return changed


def _cells(response) -> list[str]:
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    return [cell for row in rows for cell in row]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _dangerous(cells: list[str]) -> list[str]:
    return [c for c in cells if c.startswith(FORMULA_START) and not _is_number(c)]


def test_every_export_route_is_audited():
    names = {r.key for r in enumerate_routes() if r.kind == "page" and EXPORTISH.search(f"{r.key} {r.pattern}")}
    assert names == CSV_ROUTES | NOT_CSV, f"an export route not audited here: {names ^ (CSV_ROUTES | NOT_CSV)}"


def test_every_csv_download_defuses_formulas(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    world = build_matrix_world()
    assert _poison(world) > 30
    client = Client()
    client.force_login(world.users["manager"])
    event = world["event"]
    urls = ["/matches/manage/matches.csv", f"/events/{event.pk}/attendance.csv", f"/events/{event.pk}/agenda.csv"]
    for page in ("/clusters/mx/dashboard/", "/alliances/mx-alliance/dashboard/"):
        html = client.get(page).content.decode()
        links = sorted(set(re.findall(r'href="([^"]*/dashboard/export/[^"]*?\.csv[^"]*)"', html)))
        assert len(links) >= 3, page
        urls += [link.replace("&amp;", "&") for link in links]
    audited, poisoned, problems = set(), 0, []
    from django.urls import resolve

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("text/csv"), url
        assert "attachment" in response["Content-Disposition"], url
        audited.add(resolve(url.split("?")[0]).view_name)
        cells = _cells(response)
        poisoned += sum(c.startswith("'") and c[1:].startswith(FORMULA_START) for c in cells)
        problems += [f"{url}: {c!r}" for c in _dangerous(cells)]
    assert audited == CSV_ROUTES
    assert not problems, "\n".join(problems)
    assert poisoned >= 10  # the poisoned names really reached the exports (else this test would be blind)


def test_the_check_sees_an_unescaped_formula():
    """The audit itself fails on a raw formula cell (it is not blind): the standard library's writer lets it through."""
    out = io.StringIO()
    csv.writer(out).writerows([["=HYPERLINK(A1)", "-0.5", "-A1+1", "\tA1"]])
    cells = next(csv.reader(io.StringIO(out.getvalue())))
    assert _dangerous(cells) == ["=HYPERLINK(A1)", "-A1+1", "\tA1"]


# --- email ------------------------------------------------------------------------------------------------------

MARKUP = '<img src=x onerror=alert("한국어")><script>h5()'  # no "/": tokens go into {% url %}
DATE_NAME = re.compile(r"(_at|_on|date|deadline|until|since|when|starts|ends|time|day)s?$")
WRAPPER_TAGS = {"html", "head", "meta", "title", "body", "div", "p", "br", "a"}


class Hostile(str):
    """Whatever a template asks of it (an attribute, a key, an item, a length), a Korean string with markup."""

    def __new__(cls, text: str = MARKUP):
        return super().__new__(cls, text)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if name in ("pk", "id") or name.endswith("_id"):
            return 1  # ids go into {% url %}
        if DATE_NAME.search(name):
            return timezone.now()  # times go through |date
        return Hostile()

    def __getitem__(self, key):
        if isinstance(key, str):
            return self.__getattr__(key)  # a template tries obj[key] before obj.key
        return Hostile()

    def __iter__(self):
        return iter([Hostile(), Hostile()])

    def __len__(self) -> int:
        return 2


class Tags(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def _email_templates() -> list[tuple[str, str]]:
    out = []
    for prefix in ("emails", "accounts/emails", "portal/emails"):
        folder = ROOT / "templates" / prefix
        out += [(prefix, p.name[: -len("_body.txt")]) for p in sorted(folder.glob("*_body.txt"))]
    return out


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_email_template_escapes_user_text_in_its_html_part(language):
    templates = _email_templates()
    assert len(templates) >= 20
    seen_markup = 0
    for prefix, name in templates:
        source = "".join((ROOT / "templates" / prefix / f"{name}_{part}.txt").read_text(encoding="utf-8")
                         for part in ("subject", "body") if (ROOT / "templates" / prefix / f"{name}_{part}.txt").exists())
        # Every name a tag mentions (extra ones are harmless): each becomes hostile text.
        variables = {word for tag in re.findall(r"\{[{%](.*?)[%}]\}", source, re.DOTALL)
                     for word in re.findall(r"(?<![.\w'\"])([A-Za-z_]\w*)", tag)}
        context = {v: timezone.now() if DATE_NAME.search(v) else Hostile() for v in variables
                   if v not in ("site_url", "True", "False", "None")}
        context["tz"] = "Asia/Seoul"  # |timezone:tz needs a real zone name
        if prefix == "emails":
            _subject, _text, html = render_email(language=language, template=name, context=context)
        else:  # the other folders' texts go through the same HTML wrapper (portal.alerts, portal.services)
            from django.template import Context
            from django.template.loader import get_template

            body = get_template(f"{prefix}/{name}_body.txt").template.render(Context(context, autoescape=False))
            html = render_html(subject=name, text=str.__str__(body))
        tags = Tags(html).tags
        assert tags <= WRAPPER_TAGS, f"{prefix}/{name}: live tags {tags - WRAPPER_TAGS} in the HTML part"
        assert "<script>" not in html and "<img" not in html, f"{prefix}/{name}"
        seen_markup += "&lt;script&gt;h5()" in html
    assert seen_markup >= len(templates) // 2  # the markup really reached the bodies (else the test is blind)


def test_only_the_escaping_helpers_send_mail():
    """Mail goes out through core.tasks.send_email; every caller builds its HTML with core.emails (render_email or
    render_html), which escapes. A new caller must be added here after checking it does too."""
    callers = set()
    for app in ("accounts", "clusters", "core", "events", "matching", "mentoring", "portal"):
        for path in (ROOT / app).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if re.search(r"\bsend_email\b", text) and "migrations" not in path.parts:
                callers.add(str(path.relative_to(ROOT)))
                assert "EmailMultiAlternatives" not in text or path.name == "tasks.py", path
                if path.name != "tasks.py" and path.name != "emails.py":
                    assert re.search(r"render_(email|html|digest)", text), f"{path}: HTML not from core.emails"
    assert callers <= {"core/tasks.py", "core/emails.py", "matching/review/notify.py", "accounts/services.py",
                       "portal/services.py", "portal/alerts.py"}, callers
