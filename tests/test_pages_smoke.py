"""Every main page renders for each kind of user, in Korean and English, with its heading; errors are friendly."""

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from accounts.models import MembershipRole, OrganizationKind
from events.registration import event_register
from matching.models import Listing
from tests.factories import (
    ClusterMembershipFactory,
    EventFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    cluster_manager,
)

pytestmark = pytest.mark.django_db

HEADINGS = {
    "en": {
        "home": "Welcome,",
        "directory": "Directory",
        "profile": "Your profile",
        "browse": "Needs and capabilities",
        "create": "Post a need or capability",
        "proposals": "Proposed partners",
        "events": "Events",
        "calendar": "Event calendar",
        "mine": "My registrations",
        "partnering": "1:1 meetings",
        "verification": "Verification queue",
        "match_runs": "Matching runs",
        "checkin": "Check-in",
    },
    "ko": {
        "home": "환영합니다",
        "directory": "기관 찾기",
        "profile": "내 프로필",
        "browse": "수요·보유 역량",
        "create": "수요·보유 역량 등록",
        "proposals": "제안된 파트너",
        "events": "행사",
        "calendar": "행사 달력",
        "mine": "내 참가 신청",
        "partnering": "1:1 미팅",
        "verification": "검증 대기 목록",
        "match_runs": "매칭 실행",
        "checkin": "참석 확인",
    },
}


@pytest.fixture
def world():
    manager, cluster = cluster_manager()
    manager_org = OrganizationFactory(kind=OrganizationKind.PUBLIC, name_en="Seoul Bio Hub")
    MembershipFactory(user=manager, organization=manager_org, role=MembershipRole.ADMIN)
    ClusterMembershipFactory(organization=OrganizationFactory(status="pending"), cluster=cluster, status="requested")

    firm = OrganizationFactory(kind=OrganizationKind.FIRM, name_en="CellLogic")
    startup = UserFactory()
    MembershipFactory(user=startup, organization=firm, role=MembershipRole.ADMIN)
    hospital = OrganizationFactory(kind=OrganizationKind.HOSPITAL, name_en="Samsung Medical Center")
    tto = UserFactory()
    MembershipFactory(user=tto, organization=hospital, role=MembershipRole.MEMBER, is_tto=True)
    fund = OrganizationFactory(kind=OrganizationKind.INVESTOR, name_en="Cheongram Bio Partners")
    investor = UserFactory()
    MembershipFactory(user=investor, organization=fund)
    for org in (firm, hospital, fund, manager_org):
        ClusterMembershipFactory(organization=org, cluster=cluster)

    listing = Listing.objects.create(organization=firm, side="need", title="Phase 1 oncology trial site",
                                     description="We need a phase 1 site.", language="en", status="open")
    meetup = EventFactory(cluster=cluster)
    partnering = EventFactory(cluster=cluster, kind="partnering")
    for user in (startup, tto, investor):
        event_register(user=user, event_id=meetup.pk)
        event_register(user=user, event_id=partnering.pk)
    return {
        "users": {"startup": startup, "tto": tto, "investor": investor, "manager": manager},
        "firm": firm, "listing": listing, "meetup": meetup, "partnering": partnering,
    }


def _client(user, lang: str) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client


def _pages(world, role: str) -> list[tuple[str, str]]:
    pages = [
        ("home", reverse("home")),
        ("directory", reverse("organizations:directory")),
        (None, reverse("organizations:detail", args=[world["firm"].pk])),
        ("profile", reverse("accounts:profile")),
        ("browse", reverse("listings:browse")),
        (None, reverse("listings:detail", args=[world["listing"].pk])),
        ("create", reverse("listings:create")),
        ("proposals", reverse("listings:proposals")),
        ("events", reverse("events:list")),
        ("calendar", reverse("events:list") + "?view=month"),
        (None, reverse("events:detail", args=[world["meetup"].pk])),
        ("mine", reverse("events:mine")),
    ]
    if role == "manager":
        pages += [
            ("verification", reverse("manage:verification")),
            ("match_runs", reverse("listings:match_runs")),
            ("checkin", reverse("events:checkin", args=[world["meetup"].pk])),
        ]
    else:
        pages.append(("partnering", reverse("events:partnering", args=[world["partnering"].pk])))
    return pages


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("role", ["startup", "tto", "investor", "manager"])
def test_main_pages_render_for_each_role(world, role, lang):
    client = _client(world["users"][role], lang)
    for key, url in _pages(world, role):
        response = client.get(url)
        assert response.status_code == 200, f"{role} {lang} {url}: {response.status_code}"
        body = response.content.decode()
        assert f'<html lang="{lang}">' in body, url
        assert "<title>" in body and "<h1" in body, url
        if key is None:
            continue  # a record's page: its heading is the record's name (test_detail_pages_show_their_record)
        assert HEADINGS[lang][key] in body, f"{role} {lang} {url}: no {HEADINGS[lang][key]!r}"


def test_detail_pages_show_their_record(world):
    client = _client(world["users"]["startup"], "en")
    assert "CellLogic" in client.get(reverse("organizations:detail", args=[world["firm"].pk])).content.decode()
    assert "Phase 1 oncology trial site" in client.get(
        reverse("listings:detail", args=[world["listing"].pk])).content.decode()
    assert world["meetup"].title_en in client.get(reverse("events:detail", args=[world["meetup"].pk])).content.decode()


def test_home_dashboard_shows_next_actions(world):
    body = _client(world["users"]["manager"], "en").get(reverse("home")).content.decode()
    assert 'id="dashboard-actions"' in body
    assert reverse("manage:verification") in body
    body = _client(world["users"]["tto"], "en").get(reverse("home")).content.decode()
    assert reverse("matches:queue") in body
    body = _client(world["users"]["startup"], "en").get(reverse("home")).content.decode()
    assert reverse("matches:queue") not in body.split('id="dashboard-actions"')[1].split("</div>")[0]
    assert "My upcoming events" in body and world["meetup"].title_en in body
    assert reverse("listings:proposals") in body and reverse("events:mine") in body


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_public_pages(lang):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    for url in (reverse("home"), reverse("accounts:login"), reverse("accounts:signup"), reverse("events:list")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{lang}">' in response.content.decode()


@override_settings(DEBUG=False)
@pytest.mark.parametrize("lang,text", [("en", "We could not find that page"), ("ko", "페이지를 찾을 수 없습니다")])
def test_404_is_friendly(world, lang, text):
    response = _client(world["users"]["startup"], lang).get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert 'id="error-404"' in body and text in body


@override_settings(DEBUG=False)
def test_403_is_friendly(world):
    response = _client(world["users"]["startup"], "en").get(reverse("manage:verification"))
    assert response.status_code == 403
    body = response.content.decode()
    assert 'id="error-403"' in body and "You do not have access to this page" in body


def test_500_is_static():
    from django.template import engines

    source = engines["django"].get_template("500.html").template.source
    assert "{%" not in source and "{{" not in source


def test_home_dashboard_queries_do_not_grow_with_rows(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    startup = world["users"]["startup"]
    client = _client(startup, "en")
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("home"))
    for _ in range(4):
        event = EventFactory(cluster=world["meetup"].cluster)
        event_register(user=startup, event_id=event.pk)
        Listing.objects.create(organization=world["firm"], side="need", title="Another need", description="x",
                               language="en", status="open")
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("home"))
    assert len(small) == len(large)
