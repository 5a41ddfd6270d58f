"""Mentoring pages render in English and Korean for each role, and their flows work end to end."""


import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.dates import today as local_today
from mentoring import panels
from mentoring.models import MentorInvitation, MentorProfile, MentorStatus, PanelSeat, ProgrammeStatus, SeatStatus
from tests.factories import UserFactory, cluster_manager
from tests.mentoring.world import managed_programme, mentor, programme, seat, startup

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.mentoring.urls_for_tests")]


@pytest.fixture
def world():
    manager, prog = managed_programme(status=ProgrammeStatus.PUBLISHED)
    profile = mentor(name="Dr. Hana Lee", clusters=[prog.cluster])
    admin, org = startup(name="Alpha Diagnostics")
    s = seat(prog, org, profile)
    panels.seat_accept(user=profile.user, seat_id=s.pk)
    return {"manager": manager, "prog": prog, "mentor": profile, "admin": admin, "org": org, "seat": s}


def pages(w) -> list[tuple[str, str, list]]:
    return [
        ("admin", "mentoring:programmes", []),
        ("admin", "mentoring:programme", [w["prog"].pk]),
        ("admin", "mentoring:directory", []),
        ("admin", "mentoring:mentor", [w["mentor"].pk]),
        ("admin", "mentoring:my_profile", []),
        ("admin", "mentoring:my_panels", []),
        ("admin", "mentoring:log_session", [w["seat"].pk]),
        ("mentor", "mentoring:my_seats", []),
        ("mentor", "mentoring:my_profile", []),
        ("mentor", "mentoring:log_session", [w["seat"].pk]),
        ("manager", "mentoring:manage_programme", [w["prog"].pk]),
        ("manager", "mentoring:programme_edit", [w["prog"].pk]),
        ("manager", "mentoring:programme_create", []),
        ("manager", "mentoring:manage_mentors", []),
    ]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_page_renders_in_both_languages(client, world, lang):
    users = {"admin": world["admin"], "mentor": world["mentor"].user, "manager": world["manager"]}
    for who, name, args in pages(world):
        client.force_login(users[who])
        response = client.get(reverse(name, args=args), HTTP_ACCEPT_LANGUAGE=lang)
        assert response.status_code == 200, (who, name, response.status_code)
        html = response.content.decode()
        assert f'<html lang="{lang}">' in html
        assert ("로그아웃" in html) == (lang == "ko"), name  # the page's own chrome is in that language
        assert 'name="viewport"' in html


def test_the_panel_and_the_mentor_show_each_other(client, world):
    client.force_login(world["admin"])
    html = client.get(reverse("mentoring:my_panels")).content.decode()
    assert "Dr. Hana Lee" in html and "Alpha Diagnostics" in html
    client.force_login(world["mentor"].user)
    html = client.get(reverse("mentoring:my_seats")).content.decode()
    assert "Alpha Diagnostics" in html


def test_sign_up_as_a_mentor_through_the_page(client):
    _manager, cluster = cluster_manager()
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("mentoring:my_profile"), {
        "headline": "Former CMO", "expertise": "임상 개발 전략", "career": "", "languages": ["ko", "en"],
        "capacity": 2, "clusters": [cluster.pk], "publications": "2021 Liquid biopsy for early lung cancer",
    })
    assert response.status_code == 302
    profile = MentorProfile.objects.get(user=user)
    assert profile.status == MentorStatus.PENDING and profile.language_list == ["ko", "en"]
    assert [(p.year, p.title) for p in profile.publications.all()] == [(2021, "Liquid biopsy for early lung cancer")]


def test_accept_and_decline_buttons(client):
    _manager, prog = managed_programme(status=ProgrammeStatus.PUBLISHED)
    profile = mentor(capacity=1)
    _admin, org = startup()
    first, second = seat(prog, org, profile), seat(programme(), org, profile)
    client.force_login(profile.user)
    client.post(reverse("mentoring:seat_answer", args=[first.pk, "accept"]))
    client.post(reverse("mentoring:seat_answer", args=[second.pk, "decline"]), {"reason": "Too busy"})
    assert PanelSeat.objects.get(pk=first.pk).status == SeatStatus.ACCEPTED
    assert PanelSeat.objects.get(pk=second.pk).decline_reason == "Too busy"


def test_log_a_session_page(client, world):
    client.force_login(world["mentor"].user)
    url = reverse("mentoring:log_session", args=[world["seat"].pk])
    response = client.post(url, {"held_on": local_today().isoformat(), "duration_minutes": 50, "topics": "Pricing"})
    assert response.status_code == 302
    assert "Pricing" in client.get(url).content.decode()


def test_manager_forms_and_publishes_panels_from_the_page(client):
    manager, cluster = cluster_manager()
    _admin, org = startup(slugs=("oncology",))
    profile = mentor(slugs=("oncology",), clusters=[cluster])
    prog = programme(cluster=cluster, startups=[org])
    client.force_login(manager)
    client.post(reverse("mentoring:programme_action", args=[prog.pk, "optimise"]))
    client.post(reverse("mentoring:programme_action", args=[prog.pk, "publish"]))
    assert PanelSeat.objects.get(programme=prog).mentor == profile
    assert PanelSeat.objects.get(programme=prog).status == SeatStatus.PUBLISHED


def test_invitation_page_creates_the_account_and_the_profile(client):
    manager, cluster = cluster_manager()
    invitation = MentorInvitation.objects.create(cluster=cluster, email="new.mentor@example.kr", invited_by=manager)
    url = reverse("mentoring:invitation", args=[invitation.token])
    assert client.get(url).status_code == 200
    response = client.post(url, {"full_name": "새 멘토", "email": "new.mentor@example.kr", "password1": "Correct-Horse-42x",
                                 "password2": "Correct-Horse-42x", "language": "ko", "privacy_consent": "on"})
    assert response.status_code == 302
    profile = MentorProfile.objects.get(user__email="new.mentor@example.kr")
    assert profile.status == MentorStatus.INVITED and profile.user.email_verified


def test_directory_queries_do_not_grow_with_mentors(client, world):
    client.force_login(world["admin"])
    url = reverse("mentoring:directory")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(6):
        mentor(slugs=("oncology", "diagnostic"))
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert html.count('class="card h-100 cl-org-card"') == 7
    assert len(many) == len(few)


def test_directory_search_finds_korean_text_and_publication_titles(client, world):
    korean = mentor(slugs=("neurology",))
    MentorProfile.objects.filter(pk=korean.pk).update(expertise="뇌졸중 재활 의료기기 인허가")
    world["mentor"].publications.create(title="Organoids for colorectal cancer", year=2022)
    client.force_login(world["admin"])
    found = client.get(reverse("mentoring:directory"), {"q": "인허가"}).context["page"].object_list
    assert [m.pk for m in found] == [korean.pk]
    found = client.get(reverse("mentoring:directory"), {"q": "organoids"}).context["page"].object_list
    assert [m.pk for m in found] == [world["mentor"].pk]
    found = client.get(reverse("mentoring:directory"), {"area": "neurology"}).context["page"].object_list
    assert [m.pk for m in found] == [korean.pk]


def test_manager_programme_list_queries_are_constant(client):
    manager, cluster = cluster_manager()
    programme(cluster=cluster)
    client.force_login(manager)
    url = reverse("mentoring:manage_mentors")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        _admin, org = startup()
        programme(cluster=cluster, startups=[org])
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_admin_lists_search_filters_and_forms_of_every_mentoring_model(client, world):
    from django.contrib import admin

    from accounts.models import User
    from mentoring import models as m

    sessions_done = m.MentoringSession.objects.create(seat=world["seat"], programme=world["prog"], startup=world["org"],
                                                      mentor=world["mentor"], held_on=local_today(), topics="Searchable")
    world["mentor"].publications.create(title="Searchable paper", year=2020)
    m.MentorInvitation.objects.create(cluster=world["prog"].cluster, email="x@example.kr", invited_by=world["manager"])
    m.ProgrammeApplication.objects.create(programme=world["prog"], organization=world["org"])
    m.CohortStartup.objects.create(programme=world["prog"], organization=world["org"])
    m.CohortMentor.objects.create(programme=world["prog"], mentor=world["mentor"])
    client.force_login(User.objects.create_superuser("root@example.kr", "Root-Password-991", full_name="Root"))
    models = [m.MentorProfile, m.Publication, m.MentorInvitation, m.Programme, m.ProgrammeApplication,
              m.CohortStartup, m.CohortMentor, m.PanelSeat, m.MentoringSession]
    for model in models:
        model_admin = admin.site._registry[model]
        assert model_admin.search_fields and model_admin.list_filter, model
        url = reverse(f"admin:mentoring_{model._meta.model_name}_changelist")
        listing = client.get(url)
        assert listing.status_code == 200 and client.get(url, {"q": "Searchable"}).status_code == 200
        changelist = listing.context["cl"]
        for spec in changelist.filter_specs:
            for choice in spec.choices(changelist):
                assert client.get(url + choice["query_string"]).status_code == 200, (model, choice["query_string"])
        obj = model.objects.first()
        assert client.get(reverse(f"admin:mentoring_{model._meta.model_name}_change", args=[obj.pk])).status_code == 200
    invitation = m.MentorInvitation.objects.get()
    page = client.get(reverse("admin:mentoring_mentorinvitation_change", args=[invitation.pk])).content.decode()
    assert str(invitation.token) not in page  # the invitee's secret
    assert sessions_done.pk


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pages_fit_a_390_px_phone(page, live_server, artifacts_dir):
    from tests.e2e.helpers import sign_in

    manager, prog = managed_programme(status=ProgrammeStatus.PUBLISHED, name="A programme with a rather long name")
    profile = mentor(name="Dr. Hana Lee", clusters=[prog.cluster])
    admin, org = startup(name="Alpha Diagnostics International Holdings")
    accepted = seat(prog, org, profile)
    panels.seat_accept(user=profile.user, seat_id=accepted.pk)
    seat(prog, startup()[1], profile)  # one waiting for an answer
    page.set_viewport_size({"width": 390, "height": 844})
    base = live_server.url
    for user, paths in [
        (manager, [f"/mentoring/programmes/{prog.pk}/manage/", "/mentoring/manage/mentors/",
                   f"/mentoring/programmes/{prog.pk}/edit/"]),
        (profile.user, ["/mentoring/me/seats/", "/mentoring/me/", f"/mentoring/seats/{accepted.pk}/sessions/"]),
        (admin, ["/mentoring/", "/mentoring/mentors/", "/mentoring/panels/", f"/mentoring/programmes/{prog.pk}/"]),
    ]:
        page.context.clear_cookies()
        sign_in(page, base, user.email)
        for path in paths:
            page.goto(base + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    page.goto(f"{base}/mentoring/programmes/{prog.pk}/")
    page.screenshot(path=str(artifacts_dir / "mentoring-programme-390.png"), full_page=True)
