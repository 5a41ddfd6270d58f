"""The Korean catalogue stays complete, consistent with its compiled .mo, and is what Korean visitors see.

When a test here fails after you add or change a user-facing string, run `make messages`, translate the
new entries of `locale/ko/LC_MESSAGES/django.po` (no fuzzy, no empty), and commit the .po and the .mo.
"""

import gettext
import html
import re
import shutil
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse

from clusters.models import ClusterMembershipStatus
from tests.conftest import unavailable
from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
)

ROOT = Path(__file__).resolve().parent.parent
PO_PATH = ROOT / "locale" / "ko" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")
# What `make messages` leaves out of the scan (tests are not user-facing; the rest is not source).
SKIP_IN_COPY = (
    ".git", ".venv", "venv", "staticfiles", "tests", "node_modules", "media", "sent-mail", "test-artifacts",
    "__pycache__", ".pytest_cache", ".ruff_cache", ".cache", "*.pyc", "db.sqlite3*", "*.png", "*.jpg",
)
# printf-style (%(name)s, %s, %d, %%) and str.format-style ({name}, {}) placeholders.
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]|\{[^{}]*\}")


def placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER.findall(text))


def load_po() -> polib.POFile:
    return polib.pofile(str(PO_PATH))


def live_entries(po: polib.POFile) -> list[polib.POEntry]:
    return [e for e in po if not e.obsolete]


# (a) the catalogue itself ------------------------------------------------------------------------------


def test_header_is_korean_with_one_plural_form():
    meta = load_po().metadata
    assert meta.get("Language") == "ko"
    assert meta.get("Content-Type") == "text/plain; charset=UTF-8"
    assert meta.get("Plural-Forms", "").replace(" ", "") == "nplurals=1;plural=0;"


def test_every_entry_is_translated_and_not_fuzzy():
    po = load_po()
    assert len(live_entries(po)) > 100, "the catalogue looks truncated"
    fuzzy = [e.msgid for e in live_entries(po) if "fuzzy" in e.flags]
    assert not fuzzy, f"fuzzy entries (check and translate, then drop the flag): {fuzzy}"
    untranslated = []
    for e in live_entries(po):
        if e.msgid_plural:
            if sorted(e.msgstr_plural) != [0] or not e.msgstr_plural[0].strip():
                untranslated.append(e.msgid)
        elif not e.msgstr.strip():
            untranslated.append(e.msgid)
    assert not untranslated, f"untranslated entries: {untranslated}"


def test_placeholders_are_kept_in_every_translation():
    wrong = []
    for e in live_entries(load_po()):
        if e.msgid_plural:
            expected = placeholders(e.msgid_plural)
            assert placeholders(e.msgid) <= expected | placeholders(e.msgid), e.msgid
            for n, text in e.msgstr_plural.items():
                if placeholders(text) != expected:
                    wrong.append((e.msgid_plural, n, text))
        elif placeholders(e.msgstr) != placeholders(e.msgid):
            wrong.append((e.msgid, None, e.msgstr))
    assert not wrong, "placeholders differ between msgid and msgstr:\n" + "\n".join(map(repr, wrong))


# (b) the committed .mo is the compiled .po ---------------------------------------------------------------


def test_committed_mo_holds_exactly_the_po_catalogue():
    assert MO_PATH.exists(), "compile with `make messages` and commit locale/ko/LC_MESSAGES/django.mo"
    with MO_PATH.open("rb") as fh:
        compiled = dict(gettext.GNUTranslations(fh)._catalog)
    compiled.pop("", None)  # the header
    expected = {}
    for e in live_entries(load_po()):
        if "fuzzy" in e.flags:
            continue  # msgfmt leaves fuzzy entries out; the test above reports them
        key = f"{e.msgctxt}\x04{e.msgid}" if e.msgctxt else e.msgid
        if e.msgid_plural:
            for n, text in e.msgstr_plural.items():
                if text:
                    expected[(key, n)] = text
        elif e.msgstr:
            expected[key] = e.msgstr
    missing = sorted(str(k) for k in expected.keys() - compiled.keys())
    stale = sorted(str(k) for k in compiled.keys() - expected.keys())
    changed = sorted(str(k) for k in expected.keys() & compiled.keys() if expected[k] != compiled[k])
    assert not (missing or stale or changed), (
        "locale/ko/LC_MESSAGES/django.mo is out of date; run `make messages` and commit it.\n"
        f"not in .mo: {missing[:10]}\nonly in .mo: {stale[:10]}\ndifferent: {changed[:10]}"
    )


# (c) the catalogue covers the source ---------------------------------------------------------------------


def test_catalogue_has_every_marked_string_of_the_source(tmp_path, settings, monkeypatch):
    """Run makemessages over a copy of the tree: nothing it finds may be missing from the committed .po."""
    if not (shutil.which("xgettext") and shutil.which("msgmerge")):
        unavailable("GNU gettext (xgettext, msgmerge) is not installed: apt-get install gettext")
    tree = tmp_path / "tree"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(*SKIP_IN_COPY), symlinks=True)
    monkeypatch.chdir(tree)
    settings.LOCALE_PATHS = [tree / "locale"]
    call_command(
        "makemessages", locale=["ko"], ignore_patterns=[".venv", "staticfiles", "tests"], no_obsolete=True,
        verbosity=0,
    )
    fresh = polib.pofile(str(tree / "locale" / "ko" / "LC_MESSAGES" / "django.po"))

    def keys(po):
        return {(e.msgctxt, e.msgid, e.msgid_plural) for e in live_entries(po)}

    missing = sorted(keys(fresh) - keys(load_po()), key=str)
    assert not missing, (
        "strings marked for translation are missing from locale/ko/LC_MESSAGES/django.po; run `make messages`, "
        "translate them and commit the .po and .mo:\n" + "\n".join(repr(m[1]) for m in missing)
    )


# (d) what visitors see ----------------------------------------------------------------------------------


TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*>", re.S)
SHOWN_ATTRIBUTE = re.compile(r'\b(?:aria-label|placeholder|title|alt)="([^"]*)"')


def page_text(response) -> str:
    """What a visitor reads: the text between the tags and the labels in attributes, unescaped."""
    assert response.status_code == 200, response.status_code
    content = response.content.decode()
    shown = [TAG.sub(" ", content), *SHOWN_ATTRIBUTE.findall(content)]
    return html.unescape("\n".join(shown))


def as_word(text: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")


# Shown as-is in Korean pages too (the language menu names each language in itself).
SAME_IN_BOTH = {"English"}


def assert_page_is_korean(client, url: str, at_least: int) -> None:
    """Every catalogue sentence the English page shows is replaced by its Korean translation."""
    english = page_text(client.get(url, HTTP_ACCEPT_LANGUAGE="en"))
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="ko")
    assert '<html lang="ko">' in response.content.decode()
    korean = page_text(response)
    entries = [
        e for e in live_entries(load_po())
        if not (e.msgid_plural or PLACEHOLDER.search(e.msgid) or e.msgstr == e.msgid or e.msgid in SAME_IN_BOTH)
    ]
    # Longest first, and each found sentence taken out, so that a word inside a longer sentence
    # ("Seoul" in "... (Asia/Seoul).") is neither counted on the English page nor taken for a leftover.
    korean_rest = korean
    for text in sorted({e.msgstr for e in entries}, key=len, reverse=True):
        korean_rest = korean_rest.replace(text, "\n")
    checked, leftovers, absent = 0, [], []
    for e in sorted(entries, key=lambda e: len(e.msgid), reverse=True):
        word = as_word(e.msgid)
        if len(e.msgid) < 3 or not word.search(english):
            continue
        english = word.sub("\n", english)
        checked += 1
        if word.search(korean_rest):
            leftovers.append(e.msgid)
        if e.msgstr not in korean:
            absent.append(e.msgstr)
    assert checked >= at_least, f"only {checked} catalogue strings found on {url}"
    assert not leftovers, f"English left on the Korean {url}: {leftovers}"
    assert not absent, f"Korean translations missing from {url}: {absent}"


@pytest.fixture
def korean_site(db):
    """A cluster with a verified firm, a pending hospital, a member and the cluster's manager.

    Names avoid words of the catalogue so that they cannot be mistaken for untranslated text.
    """
    cluster = ClusterFactory(slug="osong", name_en="Osong Biovalley", name_ko="오송 바이오밸리")
    firm = OrganizationFactory(name_en="NeoBio", name_ko="네오바이오", description="항체 진단 키트를 개발합니다.")
    ClusterMembershipFactory(organization=firm, cluster=cluster)
    hospital = OrganizationFactory(
        name_en="Hanbit Medical Centre", name_ko="한빛의료원", kind="hospital", status="pending", description="임상시험센터",
    )
    ClusterMembershipFactory(organization=hospital, cluster=cluster, status=ClusterMembershipStatus.REQUESTED)
    member = UserFactory(full_name="김민지", email="minji@neobio.example.kr")
    MembershipFactory(user=member, organization=firm)
    manager = UserFactory(full_name="박서준", email="seojun@osong.example.kr")
    cluster.managers.add(manager)
    return {"firm": firm, "hospital": hospital, "member": member, "manager": manager}


@pytest.mark.django_db
def test_signup_page_follows_accept_language(client, korean_site):
    korean = page_text(client.get(reverse("accounts:signup"), HTTP_ACCEPT_LANGUAGE="ko-KR,ko;q=0.9,en;q=0.5"))
    assert "기관 등록" in korean
    assert "개인정보 수집·이용에 동의합니다" in korean
    assert "로그인" in korean
    assert "기관명(국문)" in korean
    assert "Register your organisation" not in korean
    assert "I agree to the collection and use" not in korean

    english = page_text(client.get(reverse("accounts:signup"), HTTP_ACCEPT_LANGUAGE="en"))
    assert "Register your organisation" in english
    assert "I agree to the collection and use of my personal information" in english
    assert "Organisation name (Korean)" in english
    assert "기관 등록" not in english
    assert "수집·이용" not in english


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "at_least"), [("home", 8), ("accounts:login", 5), ("accounts:signup", 20)])
def test_public_pages_are_korean(client, korean_site, name, at_least):
    assert_page_is_korean(client, reverse(name), at_least)


@pytest.mark.django_db
def test_member_pages_are_korean(client, korean_site):
    client.force_login(korean_site["member"])
    assert_page_is_korean(client, reverse("home"), 3)
    assert_page_is_korean(client, reverse("organizations:directory"), 6)
    assert_page_is_korean(client, reverse("organizations:detail", args=[korean_site["firm"].pk]), 3)


@pytest.mark.django_db
def test_verification_queue_is_korean(client, korean_site):
    client.force_login(korean_site["manager"])
    url = reverse("manage:verification")
    assert "한빛의료원" in page_text(client.get(url, HTTP_ACCEPT_LANGUAGE="ko"))
    assert_page_is_korean(client, url, 5)
