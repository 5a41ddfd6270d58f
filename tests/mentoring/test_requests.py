"""Direct mentoring requests: a startup asks a mentor, the mentor answers (capacity, also under
concurrency), sessions of an accepted request write one linkage each, a confidential need's
description never reaches the mentor, strangers get 404, reminders and expiry, unavailability,
hostile input."""

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connections, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import OrganizationKind
from clusters.models import Linkage, LinkageKind
from core.dates import today as local_today
from core.errors import Conflict, DomainError, NotAllowed
from matching.models import Listing, ListingVisibility
from mentoring import panels, responsiveness, services, sessions
from mentoring import requests as mentor_requests
from mentoring.models import (
    MentoringRequest,
    MentoringSession,
    MentorProfile,
    PanelSeat,
    ProgrammeStatus,
    RequestStatus,
    SeatStatus,
)
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.mentoring.world import mentor, programme, seat, startup

pytestmark = pytest.mark.urls("tests.mentoring.urls_for_tests")

H = timedelta(hours=1)
SECRET = "unpublished-target-KRAS-G12D-7731"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.MENTORING_REMIND_AFTER_HOURS = 72
    settings.MENTORING_REASSIGN_AFTER_HOURS = 168


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def ask(admin, org, profile, message: str = "Help us plan our first-in-human study.", need=None) -> MentoringRequest:
    return mentor_requests.request_create(user=admin, mentor_id=profile.pk, organization_id=org.pk, message=message,
                                          need_id=need.pk if need else None)


def confidential_need(org) -> Listing:
    need = org.listings.get()
    need.title, need.description = "KRAS inhibitor lead optimisation", f"Our target is {SECRET}."
    need.visibility = ListingVisibility.CONFIDENTIAL
    need.save()
    return need


def texts(mailoutbox) -> list[str]:
    return [m.subject for m in mailoutbox] + [m.body for m in mailoutbox] + [
        str(a[0]) for m in mailoutbox for a in getattr(m, "alternatives", [])]


@pytest.mark.django_db
def test_ask_accept_log_a_session_writes_one_linkage(django_capture_on_commit_callbacks, mailoutbox):
    profile = mentor(name="Dr. Hana Lee", capacity=2)
    profile.user.language = "ko"
    profile.user.save(update_fields=["language"])
    admin, org = startup(name="Alpha Bio")
    need = org.listings.get()
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(admin, org, profile, need=need)
    assert request.status == RequestStatus.REQUESTED and request.requested_by == admin and request.need == need
    (to_mentor,) = mailoutbox
    assert to_mentor.to == [profile.user.email] and org.name_ko in to_mentor.body  # the name in Korean
    assert need.description in to_mentor.body  # not confidential: the mentor reads it
    assert "안녕하세요" in to_mentor.body  # in the mentor's language
    assert reverse("mentoring:my_requests") in to_mentor.body
    mailoutbox.clear()

    with pytest.raises(DomainError):  # not yet accepted: no session
        sessions.request_session_log(user=admin, request_id=request.pk, held_on=local_today(), duration_minutes=60,
                                     topics="Too early")
    with django_capture_on_commit_callbacks(execute=True):
        mentor_requests.request_accept(user=profile.user, request_id=request.pk, reply="Happy to help.")
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED and request.answered_at and request.reply == "Happy to help."
    assert MentorProfile.objects.get(pk=profile.pk).seats_taken == 1
    (to_startup,) = mailoutbox
    assert to_startup.to == [admin.email] and "Happy to help." in to_startup.body and "accepted" in to_startup.subject

    session = sessions.request_session_log(user=profile.user, request_id=request.pk, held_on=local_today(),
                                           duration_minutes=45, topics="IND strategy")
    assert session.request_id == request.pk and session.seat_id is None and session.programme_id is None
    edges = Linkage.objects.filter(kind=LinkageKind.MENTORING)
    assert edges.count() == 1
    profile.refresh_from_db()
    edge = edges.get()
    assert {edge.org_a_id, edge.org_b_id} == {org.pk, profile.organization_id}
    assert sessions.session_linkage(session).pk == edge.pk and edges.count() == 1  # once per session
    # The startup's side logs the next one the same way, from the page.
    client = logged_in(admin)
    page = client.post(reverse("mentoring:request_sessions", args=[request.pk]),
                       {"held_on": local_today().isoformat(), "duration_minutes": 30, "topics": "Hiring"})
    assert page.status_code == 302 and edges.count() == 2
    assert MentoringSession.objects.filter(request=request).count() == 2
    # A session never belongs to a seat and a request at once.
    _manager_prog = programme(status=ProgrammeStatus.PUBLISHED)
    s = seat(_manager_prog, org, profile, status=SeatStatus.ACCEPTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        MentoringSession.objects.filter(pk=session.pk).update(seat=s)


@pytest.mark.django_db
def test_one_open_request_per_startup_and_mentor():
    profile = mentor()
    admin, org = startup()
    first = ask(admin, org, profile)
    with pytest.raises(Conflict, match="already asked"):
        ask(admin, org, profile)
    # The database keeps it too, whatever the caller.
    with pytest.raises(IntegrityError), transaction.atomic():
        MentoringRequest.objects.create(startup=org, mentor=profile, message="again")
    mentor_requests.request_accept(user=profile.user, request_id=first.pk)
    with pytest.raises(Conflict):  # an accepted one is open as well
        ask(admin, org, profile)
    mentor_requests.request_withdraw(user=admin, request_id=first.pk)
    assert MentorProfile.objects.get(pk=profile.pk).seats_taken == 0  # ending it gives the place back
    assert ask(admin, org, profile).status == RequestStatus.REQUESTED  # closed ones are history
    # Another startup may ask the same mentor.
    other_admin, other = startup()
    assert ask(other_admin, other, profile).startup == other


@pytest.mark.django_db
def test_conflict_of_interest_and_who_may_ask(client):
    admin, org = startup(name="Beta Therapeutics")
    invested = mentor(name="Investor Kim")
    invested.invested_organizations.add(org)
    with pytest.raises(Conflict, match="conflict of interest with Beta Therapeutics"):
        ask(admin, org, invested)
    member = mentor(name="Insider Park")
    MembershipFactory(user=member.user, organization=org)
    with pytest.raises(Conflict, match="conflict of interest"):
        ask(admin, org, member)
    # The page says so, clearly, and stores nothing.
    page = logged_in(admin).post(reverse("mentoring:ask", args=[invested.pk]),
                                 {"organization": org.pk, "message": "Please"})
    assert page.status_code == 200 and "conflict of interest" in page.content.decode()
    assert not MentoringRequest.objects.exists()
    # Only members of verified firms ask; only verified, available mentors are asked.
    ok = mentor()
    hospital = OrganizationFactory(kind=OrganizationKind.HOSPITAL)
    nurse = UserFactory()
    MembershipFactory(user=nurse, organization=hospital)
    with pytest.raises(NotAllowed):
        ask(nurse, hospital, ok)
    stranger = UserFactory()
    with pytest.raises(NotAllowed):
        ask(stranger, org, ok)
    with pytest.raises(DomainError):
        ask(admin, org, mentor(status="pending"))
    with pytest.raises(Conflict, match="not taking new startups"):
        ask(admin, org, mentor(availability="unavailable"))
    # A need must be the startup's own open one.
    _other_admin, other = startup()
    with pytest.raises(DomainError, match="open needs"):
        ask(admin, org, ok, need=other.listings.get())


@pytest.mark.django_db
def test_accept_at_capacity_fails_cleanly_counting_panel_seats():
    profile = mentor(capacity=1)
    admin, org = startup()
    request = ask(admin, org, profile)
    s = seat(programme(status=ProgrammeStatus.PUBLISHED), org, profile)
    panels.seat_accept(user=profile.user, seat_id=s.pk)  # the one place goes to a panel seat
    with pytest.raises(Conflict, match="capacity"):
        mentor_requests.request_accept(user=profile.user, request_id=request.pk)
    request.refresh_from_db()
    assert request.status == RequestStatus.REQUESTED and request.answered_at is None
    assert MentorProfile.objects.get(pk=profile.pk).seats_taken == 1
    # And a full mentor is not asked any more.
    other_admin, other = startup()
    with pytest.raises(Conflict, match="as many startups"):
        ask(other_admin, other, profile)
    # Accepted requests count where panels are formed: the optimiser leaves no room for this mentor.
    from mentoring.cohort import held_elsewhere
    roomy = mentor(capacity=2)
    mentor_requests.request_accept(user=roomy.user, request_id=ask(admin, org, roomy).pk)
    assert held_elsewhere(programme(), [roomy.pk])[roomy.pk] == 1


def _race(user, calls) -> list[str]:
    """Each call at once on its own database connection (thread)."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def attempt(call) -> None:
        try:
            barrier.wait(timeout=10)
            call()
            outcomes.append("accepted")
        except Conflict:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_accepts_at_once_keep_the_mentor_within_capacity():
    for _round in range(3):
        profile = mentor(capacity=1)
        (a_admin, a), (b_admin, b) = startup(), startup()
        ra, rb = ask(a_admin, a, profile), ask(b_admin, b, profile)
        calls = [lambda pk=r.pk, u=profile.user: mentor_requests.request_accept(user=u, request_id=pk) for r in (ra, rb)]
        assert sorted(_race(profile.user, calls)) == ["accepted", "refused"]
        assert MentorProfile.objects.get(pk=profile.pk).seats_taken == 1
        assert MentoringRequest.objects.filter(mentor=profile, status=RequestStatus.ACCEPTED).count() == 1
    # A request and a panel seat racing for the last place: one wins.
    profile = mentor(capacity=1)
    admin, org = startup()
    request = ask(admin, org, profile)
    s = seat(programme(status=ProgrammeStatus.PUBLISHED), org, profile)
    outcomes = _race(profile.user, [
        lambda: mentor_requests.request_accept(user=profile.user, request_id=request.pk),
        lambda: panels.seat_accept(user=profile.user, seat_id=s.pk),
    ])
    assert sorted(outcomes) == ["accepted", "refused"]
    accepted = (MentoringRequest.objects.filter(pk=request.pk, status=RequestStatus.ACCEPTED).count()
                + PanelSeat.objects.filter(pk=s.pk, status=SeatStatus.ACCEPTED).count())
    assert accepted == 1 and MentorProfile.objects.get(pk=profile.pk).seats_taken == 1


@pytest.mark.django_db
def test_a_confidential_need_description_never_reaches_the_mentor(django_capture_on_commit_callbacks, mailoutbox):
    profile = mentor(name="Dr. Hana Lee")
    admin, org = startup(name="Gamma Oncology")
    need = confidential_need(org)
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(admin, org, profile, need=need)
    seen = texts(mailoutbox)
    page = logged_in(profile.user).get(reverse("mentoring:my_requests")).content.decode()
    seen.append(page)
    row = api(profile.user).get(f"/api/v1/mentoring/requests/{request.pk}/").json()
    listed = api(profile.user).get("/api/v1/mentoring/requests/").content.decode()
    seen += [str(row), listed]
    assert "Gamma Oncology" in page and need.title in page and need.title in mailoutbox[0].body  # title: yes
    assert row["need_title"] == need.title and row["need_description"] == ""
    assert all(SECRET not in text for text in seen)
    # After accepting, on the sessions page and in the answer's API response, still not.
    mentor_requests.request_accept(user=profile.user, request_id=request.pk)
    assert SECRET not in logged_in(profile.user).get(reverse("mentoring:request_sessions",
                                                             args=[request.pk])).content.decode()
    answered = api(profile.user).get(f"/api/v1/mentoring/requests/{request.pk}/").content.decode()
    assert SECRET not in answered
    # The startup's own people read their need in full.
    assert api(admin).get(f"/api/v1/mentoring/requests/{request.pk}/").json()["need_description"] == need.description
    # A need that is not confidential is shown to the mentor.
    need.visibility = ListingVisibility.MEMBERS
    need.save()
    assert SECRET in api(profile.user).get(f"/api/v1/mentoring/requests/{request.pk}/").json()["need_description"]


@pytest.mark.django_db
def test_another_mentor_or_firm_gets_404():
    profile, other_mentor = mentor(), mentor()
    admin, org = startup()
    other_admin, _other = startup()
    request = ask(admin, org, profile)
    for user in (other_mentor.user, other_admin):
        client, rest = logged_in(user), api(user)
        assert client.get(reverse("mentoring:request_sessions", args=[request.pk])).status_code == 404
        assert client.post(reverse("mentoring:request_answer", args=[request.pk, "accept"])).status_code == 404
        assert client.post(reverse("mentoring:request_withdraw", args=[request.pk])).status_code == 404
        assert rest.get(f"/api/v1/mentoring/requests/{request.pk}/").status_code == 404
        assert rest.post(f"/api/v1/mentoring/requests/{request.pk}/accept/").status_code == 404
        assert rest.post(f"/api/v1/mentoring/requests/{request.pk}/withdraw/").status_code == 404
        assert rest.get("/api/v1/mentoring/requests/").json()["results"] == []
        assert org.name_en not in client.get(reverse("mentoring:my_requests"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # The startup cannot answer its own request; the mentor cannot withdraw it.
    assert api(admin).post(f"/api/v1/mentoring/requests/{request.pk}/accept/").status_code == 404
    assert api(profile.user).post(f"/api/v1/mentoring/requests/{request.pk}/withdraw/").status_code == 404
    assert MentoringRequest.objects.get(pk=request.pk).status == RequestStatus.REQUESTED


@pytest.mark.django_db
def test_the_api_creates_lists_and_answers():
    profile = mentor(capacity=1)
    admin, org = startup()
    need = org.listings.get()
    made = api(admin).post("/api/v1/mentoring/requests/", {"mentor": profile.pk, "startup": org.pk,
                                                            "need": need.pk, "message": "Regulatory advice"},
                           format="json")
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["status"] == "requested" and body["status_label"] and body["need_title"] == need.title
    again = api(admin).post("/api/v1/mentoring/requests/", {"mentor": profile.pk, "startup": org.pk,
                                                             "message": "Again"}, format="json")
    assert again.status_code == 409
    mine = api(profile.user).get("/api/v1/mentoring/requests/").json()["results"]
    assert [r["id"] for r in mine] == [body["id"]]
    answered = api(profile.user).post(f"/api/v1/mentoring/requests/{body['id']}/accept/", {"reply": "Yes"},
                                      format="json")
    assert answered.status_code == 200 and answered.json()["status"] == "accepted"
    logged = api(admin).post("/api/v1/mentoring/sessions/", {"request": body["id"], "held_on": "2024-03-01",
                                                             "topics": "Kick-off"}, format="json")
    assert logged.status_code == 201 and logged.json()["request"] == body["id"]
    both = api(admin).post("/api/v1/mentoring/sessions/", {"request": body["id"], "seat": 1,
                                                           "held_on": "2024-03-01", "topics": "x"}, format="json")
    assert both.status_code == 400
    assert Linkage.objects.filter(kind=LinkageKind.MENTORING).count() == 1


def _age(request: MentoringRequest, *, asked: timedelta, reminded: timedelta | None = None) -> None:
    now = timezone.now()
    MentoringRequest.objects.filter(pk=request.pk).update(
        created_at=now - asked, reminded_at=None if reminded is None else now - reminded)


@pytest.mark.django_db
def test_an_unanswered_request_is_reminded_once_then_expires(django_capture_on_commit_callbacks, mailoutbox):
    profile = mentor(name="Dr. Slow")
    admin, org = startup(name="Delta Devices")
    fresh_admin, fresh_org = startup(name="Epsilon")
    request, fresh = ask(admin, org, profile), ask(fresh_admin, fresh_org, profile)
    _age(request, asked=73 * H)
    _age(fresh, asked=10 * H)
    with django_capture_on_commit_callbacks(execute=True):
        assert responsiveness.requests_remind_and_expire() == {"requests_reminded": 1, "requests_expired": 0}
    (reminder,) = mailoutbox
    assert reminder.to == [profile.user.email] and "Delta Devices" in reminder.body and "Epsilon" not in reminder.body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # a second run sends nothing
        assert responsiveness.requests_remind_and_expire() == {"requests_reminded": 0, "requests_expired": 0}
    assert mailoutbox == []
    # Past the limit, with the reminder having had its time: expired, and the startup told politely.
    _age(request, asked=170 * H, reminded=97 * H)
    with django_capture_on_commit_callbacks(execute=True):
        assert responsiveness.requests_remind_and_expire() == {"requests_reminded": 0, "requests_expired": 1}
    request.refresh_from_db()
    assert request.status == RequestStatus.EXPIRED
    (told,) = mailoutbox
    assert told.to == [admin.email] and "says nothing about your startup" in told.body
    assert reverse("mentoring:directory") in told.body  # invited to ask another mentor
    with django_capture_on_commit_callbacks(execute=True):
        assert responsiveness.requests_remind_and_expire() == {"requests_reminded": 0, "requests_expired": 0}
    assert len(mailoutbox) == 1
    # Expired is closed: the startup may ask again.
    assert ask(admin, org, profile).status == RequestStatus.REQUESTED
    # Not reminded (the beat was down): it does not expire before its reminder had time to work.
    late_admin, late_org = startup()
    late = ask(late_admin, late_org, profile)
    _age(late, asked=500 * H)
    assert responsiveness.expire_unanswered_requests() == 0
    assert responsiveness.send_request_reminders() >= 1


@pytest.mark.django_db
def test_an_unavailable_mentor_declines_pending_requests_politely(django_capture_on_commit_callbacks, mailoutbox):
    profile = mentor(capacity=2)
    admin, org = startup()
    other_admin, other = startup()
    waiting, accepted = ask(admin, org, profile), ask(other_admin, other, profile)
    mentor_requests.request_accept(user=profile.user, request_id=accepted.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.mentor_set_availability(user=profile.user, available=False)
    waiting.refresh_from_db()
    accepted.refresh_from_db()
    assert waiting.status == RequestStatus.DECLINED and "not available" in waiting.reply
    assert accepted.status == RequestStatus.ACCEPTED  # the startups already mentored keep their mentor
    told = [m for m in mailoutbox if m.to == [admin.email]]
    assert len(told) == 1 and "says nothing about your startup" in told[0].body
    assert other_admin.email not in {m.to[0] for m in mailoutbox}
    # A suspended mentor's waiting requests are declined the same way.
    from tests.factories import cluster_manager
    manager, cluster = cluster_manager()
    suspended = mentor(clusters=[cluster])
    pending = ask(admin, org, suspended)
    services.mentor_suspend(user=manager, mentor_id=suspended.pk, reason="Complaint")
    pending.refresh_from_db()
    assert pending.status == RequestStatus.DECLINED and "Complaint" not in pending.reply


@pytest.mark.django_db
@pytest.mark.parametrize("message, error", [
    ("Hello\x00world", "Null characters are not allowed"),
    ("x" * 2001, "at most 2000 characters"),
    ("   ", "This field is required"),
])
def test_hostile_input_is_a_form_error_not_a_500(message, error):
    profile = mentor()
    admin, org = startup()
    page = logged_in(admin).post(reverse("mentoring:ask", args=[profile.pk]),
                                 {"organization": org.pk, "message": message})
    assert page.status_code == 200 and error in page.content.decode()
    rest = api(admin).post("/api/v1/mentoring/requests/", {"mentor": profile.pk, "startup": org.pk,
                                                           "message": message}, format="json")
    assert rest.status_code == 400
    with pytest.raises(DomainError):  # the service refuses it too, for callers that skip both
        ask(admin, org, profile, message=message)
    assert not MentoringRequest.objects.exists()
    # A reply with a NUL byte: a message, nothing stored.
    request = ask(admin, org, profile)
    answer = logged_in(profile.user).post(reverse("mentoring:request_answer", args=[request.pk, "decline"]),
                                          {"reply": "no\x00"}, follow=True)
    assert answer.status_code == 200
    assert MentoringRequest.objects.get(pk=request.pk).status == RequestStatus.REQUESTED
    # Another startup's need or a made-up organisation: form errors.
    _other_admin, other = startup()
    wrong = logged_in(admin).post(reverse("mentoring:ask", args=[profile.pk]),
                                  {"organization": other.pk, "message": "Hi"})
    assert wrong.status_code == 200 and MentoringRequest.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_request_pages_render_in_both_languages(lang):
    profile = mentor(name="Dr. Hana Lee")
    admin, org = startup(name="Alpha Diagnostics")
    request = ask(admin, org, profile)
    pages = [(admin, reverse("mentoring:mentor", args=[mentor().pk]), "ask-mentor"),
             (admin, reverse("mentoring:mentor", args=[profile.pk]), "already-asked"),
             (admin, reverse("mentoring:startup_requests"), "Dr. Hana Lee"),
             (profile.user, reverse("mentoring:my_requests"), org.name_ko if lang == "ko" else org.name_en)]
    for user, url, marker in pages:
        page = logged_in(user).get(url, HTTP_ACCEPT_LANGUAGE=lang)
        html = page.content.decode()
        assert page.status_code == 200 and marker in html, url
        assert f'<html lang="{lang}">' in html and ("로그아웃" in html) == (lang == "ko")
    mentor_requests.request_accept(user=profile.user, request_id=request.pk)
    for user in (admin, profile.user):
        page = logged_in(user).get(reverse("mentoring:request_sessions", args=[request.pk]),
                                   HTTP_ACCEPT_LANGUAGE=lang)
        assert page.status_code == 200 and 'name="topics"' in page.content.decode()
    # The page buttons work end to end: the mentor declines another startup's request with a reply.
    other_admin, other = startup()
    second = ask(other_admin, other, profile)
    done = logged_in(profile.user).post(reverse("mentoring:request_answer", args=[second.pk, "decline"]),
                                        {"reply": "Not my field"})
    assert done.status_code == 302
    second.refresh_from_db()
    assert second.status == RequestStatus.DECLINED and second.reply == "Not my field"


@pytest.mark.django_db
def test_the_ask_form_on_the_mentor_page_creates_the_request(client):
    profile = mentor()
    admin, org = startup()
    need = org.listings.get()
    client.force_login(admin)
    done = client.post(reverse("mentoring:ask", args=[profile.pk]),
                       {"organization": org.pk, "need": need.pk, "message": "Clinical strategy"})
    assert done.status_code == 302 and done.url == reverse("mentoring:startup_requests")
    request = MentoringRequest.objects.get()
    assert (request.startup, request.mentor, request.need, request.message) == (org, profile, need, "Clinical strategy")
    # A mentor is not offered the form on their own page, nor a member of no firm.
    assert "ask-mentor" not in logged_in(profile.user).get(reverse("mentoring:mentor", args=[profile.pk])).content.decode()


@pytest.mark.django_db
def test_admin_lists_requests(client):
    from accounts.models import User

    profile = mentor()
    admin, org = startup()
    request = ask(admin, org, profile, message="Searchable")
    client.force_login(User.objects.create_superuser("root@example.kr", "Root-Password-991", full_name="Root"))
    url = reverse("admin:mentoring_mentoringrequest_changelist")
    assert client.get(url).status_code == 200 and client.get(url, {"q": "Searchable"}).status_code == 200
    assert client.get(url, {"status__exact": "requested"}).status_code == 200
    assert client.get(reverse("admin:mentoring_mentoringrequest_change", args=[request.pk])).status_code == 200


@pytest.mark.django_db
def test_response_figures_count_requests_for_the_managers_of_the_startups_cluster():
    from mentoring import selectors
    from tests.factories import ClusterMembershipFactory, cluster_manager

    manager, cluster = cluster_manager()
    profile = mentor(clusters=[cluster])
    now = timezone.now()
    s = seat(programme(cluster=cluster, status=ProgrammeStatus.PUBLISHED), startup()[1], profile,
             status=SeatStatus.ACCEPTED)
    PanelSeat.objects.filter(pk=s.pk).update(published_at=now - 20 * H, responded_at=now - 18 * H)  # 2 h

    def asked(status, hours=None, in_cluster=True):
        admin, org = startup()
        if in_cluster:
            ClusterMembershipFactory(organization=org, cluster=cluster)
        r = ask(admin, org, profile)
        MentoringRequest.objects.filter(pk=r.pk).update(
            status=status, created_at=now - 30 * H, answered_at=None if hours is None else now - (30 - hours) * H)

    asked(RequestStatus.ACCEPTED, 4)
    asked(RequestStatus.DECLINED, 10)
    asked(RequestStatus.REQUESTED)
    asked(RequestStatus.EXPIRED)
    asked(RequestStatus.WITHDRAWN)  # withdrawn before any answer: not held for or against the mentor
    asked(RequestStatus.DECLINED, 1, in_cluster=False)  # another cluster's startup
    everything = selectors.response_stats(mentor_ids=[profile.pk], requests=True)[profile.pk]
    assert (everything.n_offered, everything.n_answered, everything.n_accepted) == (6, 4, 2)
    assert everything.median_hours == pytest.approx(3.0)  # 1, 2, 4, 10 hours, seats and requests together
    seats_only = selectors.response_stats(mentor_ids=[profile.pk])[profile.pk]
    assert (seats_only.n_offered, seats_only.median_hours) == (1, pytest.approx(2.0))
    (row,) = selectors.with_response_stats(user=manager, mentors=[profile])
    figures = row.stats
    assert (figures.n_offered, figures.n_answered, figures.n_accepted, figures.n_waiting, figures.n_expired) == (
        5, 3, 2, 1, 1)
    assert figures.median_hours == pytest.approx(4.0) and figures.response_percent == 75
    assert figures.last_answer_at == now - 18 * H  # the seat's answer is the latest
    asked(RequestStatus.DECLINED, 29)  # a later answer to a request of the cluster's startup
    (row,) = selectors.with_response_stats(user=manager, mentors=[profile])
    assert row.stats.last_answer_at == now - 1 * H and row.stats.n_answered == 4


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_ask_and_accept_in_a_browser_on_a_390_px_phone(page, live_server, artifacts_dir):
    from tests.e2e.helpers import sign_in

    profile = mentor(name="Dr. Hana Lee")
    admin, org = startup(name="Alpha Diagnostics International Holdings")
    need = confidential_need(org)
    page.set_viewport_size({"width": 390, "height": 844})
    base = live_server.url
    sign_in(page, base, admin.email)
    page.goto(f"{base}/mentoring/mentors/{profile.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.select_option("#ask-mentor select[name=need]", str(need.pk))
    page.fill("#ask-mentor textarea[name=message]", "We need help with our first-in-human study.")
    page.click("#ask-mentor button[type=submit]")
    page.wait_for_url(f"{base}/mentoring/requests/")
    assert "Dr. Hana Lee" in page.inner_text("#startup-requests")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    request = MentoringRequest.objects.get()
    assert request.need_id == need.pk and request.requested_by_id == admin.pk

    page.context.clear_cookies()
    sign_in(page, base, profile.user.email)
    page.goto(f"{base}/mentoring/me/requests/")
    waiting = page.inner_text("#waiting-requests")
    assert org.name_en in waiting and need.title in waiting and SECRET not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts_dir / "mentoring-requests-390.png"), full_page=True)
    page.fill("#waiting-requests form[action$='/accept/'] textarea[name=reply]", "Happy to help.")
    page.click("#waiting-requests button:has-text('Accept')")
    page.wait_for_load_state()
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED and request.reply == "Happy to help."
    page.goto(f"{base}/mentoring/requests/{request.pk}/sessions/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
