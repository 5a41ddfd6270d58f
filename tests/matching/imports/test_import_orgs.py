"""import_orgs: all or nothing, errors by line, dry runs write nothing, re-imports change nothing."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import Organization
from clusters.models import Linkage
from matching.imports import import_text
from matching.models import KnownLink, Listing
from tests.factories import cluster_manager

pytestmark = pytest.mark.django_db

GOOD = [
    {"type": "organization", "id": "h1", "kind": "hospital", "name": "Hanbit University Hospital", "region": "Seoul",
     "country": "KR", "description": "Tertiary hospital.", "trial_phases": ["1", "2"], "trials_per_year": 40,
     "irb_days": 21, "equipment": ["PET-MRI", "GMP cell processing"]},
    {"type": "organization", "id": "f1", "kind": "firm", "name": "누리바이오", "region": "gyeonggi"},
    {"type": "organization", "id": "us1", "kind": "university", "name": "Boston Institute", "region": "Massachusetts",
     "country": "US"},
    {"type": "listing", "id": "l1", "org": "h1", "side": "capability", "title": "Phase 1 unit",
     "description": "We run first-in-human trials.", "partnership_types": ["clinical_trial"],
     "therapeutic_areas": ["oncology"], "technologies": ["biologic"], "lang": "en", "unknown_key": 1},
    {"type": "listing", "id": "l2", "org": "f1", "side": "need", "title": "제1상 임상시험 기관",
     "description": "8주 이내에 시작할 수 있는 병원을 찾습니다.", "partnership_types": ["clinical_trial"]},
    {"type": "mentor", "id": "m1", "name": "Dr. Kim", "expertise": "oncology"},
    {"type": "link", "a": "f1", "b": "h1", "kind": "partnership", "split": "known"},
    {"type": "link", "a": "f1", "b": "us1", "split": "test"},
]


def jsonl(records) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def state() -> tuple:
    return (
        sorted(Organization.objects.values_list("source", "external_id", "name_en", "name_ko", "updated_at")),
        sorted(Listing.objects.values_list("external_id", "title", "updated_at")),
        KnownLink.objects.count(), Linkage.objects.count(),
    )


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "orgs.jsonl"
    path.write_text(jsonl(GOOD), encoding="utf-8")
    return path


def test_import_creates_orgs_listings_and_known_links(good_file):
    out = StringIO()
    call_command("import_orgs", str(good_file), "--source", "ctgov", stdout=out)
    h1 = Organization.objects.get(source="ctgov", external_id="h1")
    assert (h1.kind, h1.region, h1.trial_phases, h1.irb_days, h1.status) == ("hospital", "seoul", ["1", "2"], 21, "verified")
    assert Organization.objects.get(external_id="f1").name_ko == "누리바이오"
    assert Organization.objects.get(external_id="us1").region == "abroad"
    l1 = Listing.objects.get(source="ctgov", external_id="l1")
    assert [f.slug for f in l1.partnership_types.all()] == ["clinical_trial"]
    assert Listing.objects.get(external_id="l2").language == "ko"
    link = KnownLink.objects.get()
    assert {link.org_a_id, link.org_b_id} == {h1.pk, Organization.objects.get(external_id="f1").pk}
    edge = Linkage.objects.get()
    assert edge.kind == "partnership" and edge.source == link  # the KnownLink is the edge's source record
    assert "links skipped (evaluation split): 1" in out.getvalue()


def test_reimporting_the_same_file_changes_nothing(good_file):
    call_command("import_orgs", str(good_file), stdout=StringIO())
    before = state()
    out = StringIO()
    call_command("import_orgs", str(good_file), stdout=out)
    assert state() == before
    assert "organisations unchanged: 3" in out.getvalue() and "links unchanged: 1" in out.getvalue()


def test_a_reimport_that_renames_or_retags_moves_updated_at(tmp_path, good_file):
    """The pages' kept parts are keyed by the latest updated_at: an import's edits must move it."""
    call_command("import_orgs", str(good_file), stdout=StringIO())
    h1, l2 = Organization.objects.get(external_id="h1"), Listing.objects.get(external_id="l2")
    changed = [dict(r) for r in GOOD]
    changed[0]["name"] = "Hanbit University Hospital Songdo"
    changed[4]["therapeutic_areas"] = ["oncology"]
    path = tmp_path / "changed.jsonl"
    path.write_text(jsonl(changed), encoding="utf-8")
    call_command("import_orgs", str(path), stdout=StringIO())
    renamed, retagged = Organization.objects.get(pk=h1.pk), Listing.objects.get(pk=l2.pk)
    assert renamed.name_en.endswith("Songdo") and renamed.updated_at > h1.updated_at
    assert retagged.updated_at > l2.updated_at


def test_dry_run_writes_nothing(good_file):
    before = state()
    out = StringIO()
    call_command("import_orgs", str(good_file), "--dry-run", stdout=out)
    assert state() == before
    assert "organisations created: 3" in out.getvalue() and "Dry run" in out.getvalue()


def test_bad_lines_are_listed_by_line_and_nothing_is_imported(tmp_path):
    bad = [
        *GOOD[:3],
        {"type": "organization", "id": "h1", "kind": "hospital", "name": "Again", "region": "seoul"},
        {"type": "organization", "id": "x", "kind": "spaceship", "name": "", "region": "Mars"},
        {"type": "listing", "id": "l9", "org": "h1", "side": "capability", "title": "Empty", "description": "  "},
        {"type": "listing", "id": "l10", "org": "h1", "side": "need", "title": "Huge", "description": "x" * 10001},
        {"type": "listing", "id": "l11", "org": "nobody", "side": "need", "title": "T", "description": "D",
         "therapeutic_areas": ["astrology"]},
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text(jsonl(bad) + "{not json\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_orgs", str(path), stdout=StringIO(), stderr=err)
    text = err.getvalue()
    for expected in ["line 4: duplicate organization id 'h1' (first on line 1)", "line 5: missing name",
                     "line 5: unknown organisation kind 'spaceship'", "line 5: unknown region 'Mars'",
                     "line 6: empty description", "line 7: description too long (10001 characters",
                     "line 8: unknown therapeutic areas: astrology", "line 8: listing names unknown organisation 'nobody'",
                     "line 9: not valid JSON"]:
        assert expected in text, expected
    assert not Organization.objects.exists() and not Listing.objects.exists()


def test_csv_import_with_lists_in_cells(tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_text(
        "type,id,kind,name,region,trial_phases,irb_days,org,side,title,description,partnership_types\n"
        "organization,h1,hospital,CSV Hospital,busan,1;2,30,,,,,\n"
        "listing,l1,,,,,,h1,capability,Data access,Imaging archive of 20k patients.,data_access|facility_use\n",
        encoding="utf-8")
    call_command("import_orgs", str(path), stdout=StringIO())
    h = Organization.objects.get(external_id="h1")
    assert (h.region, h.trial_phases, h.irb_days) == ("busan", ["1", "2"], 30)
    assert Listing.objects.get(external_id="l1").partnership_types.count() == 2
    path.write_text("type,id,kind,name,region\norganization,h2,alien,X,busan\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_orgs", str(path), stdout=StringIO(), stderr=StringIO())


def test_manager_upload_shows_the_dry_run_then_commits_on_confirm(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    manager, _cluster = cluster_manager()
    client.force_login(manager)
    upload = SimpleUploadedFile("orgs.jsonl", jsonl(GOOD).encode(), content_type="application/jsonl")
    resp = client.post(reverse("listings:import_orgs"), {"file": upload, "source": "upload"})
    assert resp.status_code == 200 and "Dry run" in resp.text and "organisations created: 3" in resp.text
    assert not Organization.objects.exists()
    token = resp.context["token"]
    resp = client.post(reverse("listings:import_orgs"), {"token": token})
    assert "Imported orgs.jsonl" in resp.text
    assert Organization.objects.filter(source="upload").count() == 3
    assert client.post(reverse("listings:import_orgs"), {"token": token}).context["error"]  # used once


def test_upload_page_lists_errors_and_is_for_managers(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse("listings:import_orgs")).status_code == 403
    manager, _cluster = cluster_manager()
    client.force_login(manager)
    upload = SimpleUploadedFile("bad.jsonl", b'{"type": "organization", "id": "a", "kind": "firm"}\n{oops\n')
    resp = client.post(reverse("listings:import_orgs"), {"file": upload, "source": "upload"})
    assert "missing name" in resp.text and "not valid JSON" in resp.text and "token" not in resp.context


def test_import_text_report_is_the_same_for_dry_run_and_commit():
    dry = import_text(jsonl(GOOD), dry_run=True)
    real = import_text(jsonl(GOOD))
    assert dry.counts == real.counts and real.committed and not dry.committed
