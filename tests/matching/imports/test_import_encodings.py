"""What files the import reads: Korean Excel's CSVs (CP949/EUC-KR, UTF-16), extra columns, and text
that is not valid Unicode (a lone surrogate escaped in JSON) as a row error, never a 500."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import Organization
from matching.imports import decode, import_text
from matching.models import Listing
from tests.factories import cluster_manager

pytestmark = pytest.mark.django_db

KOREAN_CSV = (
    "type,id,kind,name,region,trial_phases,org,side,title,description,partnership_types\r\n"
    "organization,h1,hospital,한빛대학교병원,seoul,1;2,,,,,\r\n"
    "organization,f1,firm,누리바이오,gyeonggi,,,,,,\r\n"
    "listing,l1,,,,,h1,capability,제1상 임상시험,8주 이내에 첫 환자 등록이 가능합니다.,clinical_trial\r\n"
)
SURROGATE = '{"type": "organization", "id": "h1", "kind": "hospital", "name": "Han\\ud800bit", "region": "seoul"}\n'


@pytest.fixture
def manager_client(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    manager, cluster = cluster_manager()
    client.force_login(manager)
    client.cluster = cluster
    return client


def post(client, name: str, raw: bytes, source: str = "upload"):
    return client.post(reverse("listings:import_orgs"),
                       {"file": SimpleUploadedFile(name, raw), "source": source, "cluster": client.cluster.pk})


def assert_korean_rows_imported() -> None:
    h1 = Organization.objects.get(external_id="h1")
    assert (h1.name_ko, h1.region, h1.trial_phases) == ("한빛대학교병원", "seoul", ["1", "2"])
    assert Organization.objects.get(external_id="f1").name_ko == "누리바이오"
    assert Listing.objects.get(external_id="l1").description == "8주 이내에 첫 환자 등록이 가능합니다."


@pytest.mark.parametrize("encoding,label", [("cp949", "CP949"), ("euc-kr", "CP949"), ("utf-16", "UTF-16"),
                                            ("utf-8-sig", "UTF-8"), ("utf-8", "UTF-8")])
def test_decode_names_the_encoding_it_read(encoding, label):
    text, read_as = decode(KOREAN_CSV.encode(encoding))
    assert text == KOREAN_CSV and label in read_as


def test_undecodable_bytes_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="UTF-8, UTF-16 or CP949"):
        decode(b"type,id\n\x80\xff\x80\xff\n")


def test_undecodable_upload_is_a_form_error(manager_client):
    resp = post(manager_client, "orgs.csv", b"type,id\n\x80\xff\x80\xff\n")
    assert resp.status_code == 200 and "UTF-8, UTF-16 or CP949" in str(resp.context["form"].errors["file"])
    assert "report" not in resp.context


@pytest.mark.parametrize("encoding,label", [("cp949", "CP949"), ("utf-16", "UTF-16")])
def test_korean_excel_csv_uploads_and_imports(manager_client, encoding, label):
    resp = post(manager_client, "기관목록.csv", KOREAN_CSV.encode(encoding))
    assert resp.status_code == 200
    assert resp.context["report"].ok, resp.context["report"].errors
    assert label in resp.text and "organisations created: 2" in resp.text
    resp = manager_client.post(reverse("listings:import_orgs"), {"token": resp.context["token"]})
    assert "Imported" in resp.text
    assert_korean_rows_imported()


def test_excel_unicode_text_with_tabs_is_read(manager_client):
    raw = KOREAN_CSV.replace(",", "\t").encode("utf-16")
    resp = post(manager_client, "기관목록.csv", raw)
    assert resp.context["report"].ok, resp.context["report"].errors
    manager_client.post(reverse("listings:import_orgs"), {"token": resp.context["token"]})
    assert_korean_rows_imported()


@pytest.mark.parametrize("encoding,label", [("cp949", "CP949"), ("utf-16", "UTF-16")])
def test_korean_excel_csv_through_the_command(tmp_path, encoding, label):
    path = tmp_path / "orgs.csv"
    path.write_bytes(KOREAN_CSV.encode(encoding))
    out = StringIO()
    call_command("import_orgs", str(path), stdout=out)
    assert label in out.getvalue() and "organisations created: 2" in out.getvalue()
    assert_korean_rows_imported()


def test_extra_columns_are_reported_once_and_do_not_block(manager_client, tmp_path):
    text = ("type,id,kind,name,region,website,Name\r\n"
            "organization,h1,hospital,한빛대학교병원,seoul,https://hanbit.kr,\r\n"
            "organization,f1,firm,누리바이오,gyeonggi,https://nuri.kr,누리\r\n")
    report = import_text(text, fmt="csv", dry_run=True)
    assert report.ok and len(report.warnings) == 1
    assert "website" in report.warnings[0] and "Name" in report.warnings[0]
    resp = post(manager_client, "orgs.csv", text.encode("cp949"))
    assert "website" in resp.text and "token" in resp.context
    path = tmp_path / "orgs.csv"
    path.write_bytes(text.encode("utf-8"))
    out, err = StringIO(), StringIO()
    call_command("import_orgs", str(path), "--dry-run", stdout=out, stderr=err)
    assert err.getvalue().count("website") == 1 and "Name" in err.getvalue() and "Dry run" in out.getvalue()


def test_jsonl_unknown_keys_stay_silent():
    report = import_text(json.dumps({"type": "organization", "id": "h1", "kind": "firm", "name": "X",
                                     "region": "seoul", "website": "https://x.kr"}) + "\n", dry_run=True)
    assert report.ok and report.warnings == []


def test_lone_surrogate_is_a_row_error_on_the_page(manager_client):
    resp = post(manager_client, "bad.jsonl", SURROGATE.encode())
    assert resp.status_code == 200
    report = resp.context["report"]
    assert report.errors == [(1, report.errors[0][1])] and "not valid text" in report.errors[0][1]
    assert "token" not in resp.context and not Organization.objects.exists()


def test_lone_surrogate_in_a_key_is_a_row_error():
    report = import_text('{"type": "organization", "\\udfff": 1}\n', dry_run=True)
    assert report.errors and "not valid text" in report.errors[0][1]


def test_lone_surrogate_is_a_row_error_in_the_command(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(SURROGATE, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_orgs", str(path), stdout=StringIO(), stderr=err)
    assert "line 1: " in err.getvalue() and "not valid text" in err.getvalue()
    assert not Organization.objects.exists()
