"""Directory search as people type: Korean short forms find the full name, and the most relevant
organisations come first (a query naming a kind lifts that kind)."""

import pytest
from django.urls import reverse

from accounts.search import compact
from tests.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.sqlite_pass  # Replace/Lower must work on the first-run database too

DIRECTORY = reverse("organizations:directory")


@pytest.fixture
def orgs(db):
    make = OrganizationFactory
    return {
        "snuh": make(name_ko="서울대학교병원", name_en="Seoul National University Hospital", kind="hospital"),
        "kuh": make(name_ko="고려대학교 안암병원", name_en="Korea University Anam Hospital", kind="hospital"),
        "ewha": make(name_ko="이화여자대학교", name_en="Ewha Womans University", kind="university"),
        "snu": make(name_ko="서울대학교", name_en="Seoul National University", kind="university"),
        # A firm whose name sorts first and whose description mentions hospitals.
        "abio": make(name_ko="에이바이오", name_en="A-Bio", kind="firm", description="병원 임상 데이터 분석"),
        "bmed": make(name_ko="병원정보솔루션", name_en="Byungwon Info Solutions", kind="firm"),
    }


def found(client, q: str) -> list[str]:
    response = client.get(DIRECTORY, {"q": q})
    assert response.status_code == 200
    return [org.name_ko for org in response.context["page"]]


@pytest.fixture
def member(client, orgs):
    client.force_login(MembershipFactory(organization=orgs["abio"]).user)
    return client


def test_compact_form_expands_short_forms_and_drops_spaces():
    assert compact("서울대학교 병원") == "서울대병원"
    assert compact("고대병원") == "고려대병원"
    assert compact("이화여자대학교") == compact("이대") + "" == "이화여대"


@pytest.mark.parametrize("q, first", [
    ("서울대병원", "서울대학교병원"),
    ("고대병원", "고려대학교 안암병원"),
    ("고대 안암병원", "고려대학교 안암병원"),
    ("이대", "이화여자대학교"),
    ("Seoul National University Hospital", "서울대학교병원"),
])
def test_short_forms_find_the_full_name_first(member, q, first):
    assert found(member, q)[0] == first


def test_a_kind_word_lists_that_kind_before_description_only_matches(member):
    names = found(member, "병원")
    # Hospitals (the word in their name) first, then the firm named after it, then a description match.
    assert names[:2] == ["고려대학교 안암병원", "서울대학교병원"] or names[:2] == ["서울대학교병원", "고려대학교 안암병원"]
    assert names.index("병원정보솔루션") < names.index("에이바이오")
    assert names[-1] == "에이바이오"


def test_the_exact_name_outranks_a_longer_name_that_contains_it(member):
    assert found(member, "서울대학교")[:2] == ["서울대학교", "서울대학교병원"]


def test_hostile_queries_answer_200(member):
    for q in ["%", "_", "\\", "'; drop table x; --", "가" * 500, "대학교"]:
        found(member, q)
