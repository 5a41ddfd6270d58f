"""The import upload: hostile files become row errors on the page, never a 500 or a database error."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Organization
from matching.imports import import_text
from tests.factories import cluster_manager

pytestmark = pytest.mark.django_db

ORG = {"type": "organization", "id": "h1", "kind": "hospital", "name": "Hanbit Hospital", "region": "Seoul"}


def _line(**over) -> str:
    return json.dumps({**ORG, **over})


HOSTILE = {
    "nul byte in csv": ("bad.csv", b"type,id,kind,name,region\norganization,h1,hospital,Han\x00bit,Seoul\n"),
    "csv field beyond the csv limit": ("big.csv", b"type,id,kind,name,region,description\norganization,h1,hospital,H,Seoul,"
                                       + b'"' + b"x" * 200_000 + b'"\n'),
    "json nested too deep": ("deep.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n"),
    "json integer too long": ("long.jsonl", b'{"type": "organization", "trials_per_year": ' + b"9" * 5000 + b"}\n"),
    "infinite count": ("inf.jsonl", _line(trials_per_year=1e400).encode() + b"\n"),
    "count beyond the column": ("huge.jsonl", _line(irb_days=10**12).encode() + b"\n"),
    "id beyond the column": ("id.jsonl", _line(id="x" * 300).encode() + b"\n"),
    "link kind beyond the column": ("kind.jsonl", (_line() + "\n" + _line(id="h2", name="Other") + "\n"
                                                   + json.dumps({"type": "link", "a": "h1", "b": "h2", "kind": "k" * 40})
                                                   + "\n").encode()),
}


@pytest.mark.parametrize("name,content", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_upload_is_reported_not_a_500(client, settings, tmp_path, name, content):
    settings.MEDIA_ROOT = tmp_path
    manager, _cluster = cluster_manager()
    client.force_login(manager)
    response = client.post(reverse("listings:import_orgs"),
                           {"file": SimpleUploadedFile(name, content), "source": "upload"})
    assert response.status_code == 200
    report = response.context["report"]
    assert not report.ok and report.errors
    assert "token" not in response.context
    assert not Organization.objects.exists()


@pytest.mark.parametrize("value", ["1e400", "-1e400", "nan"])
def test_string_counts_that_do_not_fit_are_row_errors(value):
    report = import_text(_line(trials_per_year=value) + "\n", dry_run=True)
    assert [msg for _n, msg in report.errors if "trials_per_year" in msg]


def test_nul_characters_escaped_in_json_are_refused():
    report = import_text(_line(name="Han\u0000bit") + "\n", dry_run=True)
    assert report.errors and "NUL" in report.errors[0][1]
