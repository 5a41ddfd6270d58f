"""Responsiveness: one reminder for an unanswered seat, then expiry and refill (once); a mentor going
unavailable tells the startup politely; startups get their panel when it is published; managers see
each mentor's response figures (computed in a constant number of queries)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentoring import panels, responsiveness, selectors, services
from mentoring.models import PanelSeat, ProgrammeStatus, SeatStatus
from mentoring.tasks import remind_and_reassign
from tests.factories import cluster_manager
from tests.mentoring.world import mentor, pairs, programme, seat, startup

pytestmark = pytest.mark.urls("tests.mentoring.urls_for_tests")

H = timedelta(hours=1)


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.MENTORING_REMIND_AFTER_HOURS = 72
    settings.MENTORING_REASSIGN_AFTER_HOURS = 168


def _world():
    """A {oncology, diagnostic}, B {oncology}; panels of one, published. M1 fits A best and sits on A's
    panel; M2 sits on B's with room for one more. For A's refill, M3 fits best but is affiliated with A
    (a conflict) and M4 fits as well but is full (an accepted seat elsewhere); M5 fits nobody."""
    manager, cluster = cluster_manager()
    a_admin, a = startup(slugs=("oncology", "diagnostic"), name="Alpha")
    b_admin, b = startup(slugs=("oncology",), name="Beta")
    m1 = mentor(name="Mentor One", slugs=("oncology", "diagnostic"), capacity=1, clusters=[cluster])
    m2 = mentor(name="Mentor Two", slugs=("oncology",), capacity=2, clusters=[cluster])
    prog = programme(cluster=cluster, panel_size=1, startups=[a, b])
    panels.optimise_panels(user=manager, programme_id=prog.pk)
    panels.panels_publish(user=manager, programme_id=prog.pk)
    assert pairs(prog) == {(a.pk, m1.pk), (b.pk, m2.pk)}
    # Late arrivals (after the panels were formed): each is a better fit for A than M2, but barred.
    m3 = mentor(name="Mentor Three", slugs=("oncology", "diagnostic"), capacity=2, clusters=[cluster])
    m3.affiliated_organizations.add(a)
    m4 = mentor(name="Mentor Four", slugs=("oncology", "diagnostic"), capacity=1, clusters=[cluster])
    _c_admin, c = startup(slugs=("oncology",))
    seat(programme(cluster=cluster, status=ProgrammeStatus.PUBLISHED), c, m4, status=SeatStatus.ACCEPTED)
    m5 = mentor(name="Mentor Five", slugs=("cardiology",), capacity=3, clusters=[cluster])
    return {"manager": manager, "prog": prog, "a": a, "b": b, "a_admin": a_admin, "b_admin": b_admin,
            "m1": m1, "m2": m2, "m3": m3, "m4": m4, "m5": m5}


def _age(seat_obj: PanelSeat, *, published: timedelta, reminded: timedelta | None = None) -> None:
    now = timezone.now()
    PanelSeat.objects.filter(pk=seat_obj.pk).update(
        published_at=now - published, reminded_at=None if reminded is None else now - reminded)


@pytest.mark.django_db
def test_a_seat_unanswered_past_the_limit_is_reminded_once(django_capture_on_commit_callbacks, mailoutbox):
    w = _world()
    a_seat = PanelSeat.objects.get(programme=w["prog"], startup=w["a"])
    b_seat = PanelSeat.objects.get(programme=w["prog"], startup=w["b"])
    _age(a_seat, published=71 * H)
    _age(b_seat, published=10 * H)
    with django_capture_on_commit_callbacks(execute=True):
        assert responsiveness.remind_and_reassign() == {"reminded": 0, "expired": 0, "refilled": 0}
    assert mailoutbox == []
    _age(a_seat, published=73 * H)
    with django_capture_on_commit_callbacks(execute=True):
        assert responsiveness.remind_and_reassign() == {"reminded": 1, "expired": 0, "refilled": 0}
    assert [m.to for m in mailoutbox] == [[w["m1"].user.email]]
    assert "Alpha" in mailoutbox[0].body and reverse("mentoring:my_seats") in mailoutbox[0].body
    assert "Beta" not in mailoutbox[0].body
    a_seat.refresh_from_db()
    assert a_seat.reminded_at is not None and a_seat.status == SeatStatus.PUBLISHED
    # A second run (or the same task redelivered) sends nothing more.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert responsiveness.remind_and_reassign() == {"reminded": 0, "expired": 0, "refilled": 0}
        assert responsiveness.send_reminders(now=timezone.now() + 50 * H) == 0
    assert mailoutbox == []
    # An answered seat is never reminded.
    _age(b_seat, published=100 * H)
    panels.seat_accept(user=w["m2"].user, seat_id=b_seat.pk)
    assert responsiveness.send_reminders() == 0


@pytest.mark.django_db
def test_the_reminder_is_in_the_mentors_language(django_capture_on_commit_callbacks, mailoutbox):
    w = _world()
    w["m1"].user.language = "ko"
    w["m1"].user.save(update_fields=["language"])
    _age(PanelSeat.objects.get(programme=w["prog"], startup=w["a"]), published=80 * H)
    with django_capture_on_commit_callbacks(execute=True):
        responsiveness.send_reminders()
    assert "Mentor One님, 안녕하세요." in mailoutbox[0].body


@pytest.mark.django_db
def test_an_unanswered_seat_expires_and_is_refilled_once_within_capacity_and_conflicts(
    django_capture_on_commit_callbacks, mailoutbox,
):
    w = _world()
    prog, a, b = w["prog"], w["a"], w["b"]
    a_seat = PanelSeat.objects.get(programme=prog, startup=a)
    b_before = PanelSeat.objects.get(programme=prog, startup=b)
    # Past the limit but never reminded (the beat was down): reminded now, not expired yet.
    _age(a_seat, published=200 * H)
    with django_capture_on_commit_callbacks(execute=True):
        assert responsiveness.remind_and_reassign() == {"reminded": 1, "expired": 0, "refilled": 0}
    mailoutbox.clear()
    # The reminder has had its time (168 − 72 h): the seat expires and A's panel is refilled.
    _age(a_seat, published=200 * H, reminded=97 * H)
    with django_capture_on_commit_callbacks(execute=True):
        assert responsiveness.remind_and_reassign() == {"reminded": 0, "expired": 1, "refilled": 1}
    a_seat.refresh_from_db()
    assert a_seat.status == SeatStatus.EXPIRED and a_seat.responded_at is None
    refill = PanelSeat.objects.get(programme=prog, startup=a, status=SeatStatus.PUBLISHED)
    # M3 (conflict) and M4 (full) fit A better than M2, M5 fits nobody: M2 takes the seat, within its capacity.
    assert refill.mentor_id == w["m2"].pk and refill.replaces_id == a_seat.pk
    assert PanelSeat.objects.get(pk=b_before.pk).status == SeatStatus.PUBLISHED  # every other seat kept
    assert pairs(prog, *panels.OPEN_SEATS) == {(a.pk, w["m2"].pk), (b.pk, w["m2"].pk)}
    assert {m.to[0] for m in mailoutbox} == {w["manager"].email, w["a_admin"].email, w["m2"].user.email}
    to_startup = next(m for m in mailoutbox if m.to == [w["a_admin"].email])
    assert "Mentor One" in to_startup.body and "asked another mentor" in to_startup.body
    to_manager = next(m for m in mailoutbox if m.to == [w["manager"].email])
    assert "did not answer" in to_manager.subject and "Mentor Two" in to_manager.body
    # Nothing happens twice: no second expiry or refill (the fresh seats are only reminded), and M1 is
    # never offered A again.
    assert responsiveness.remind_and_reassign(now=timezone.now() + 400 * H) == {
        "reminded": 2, "expired": 0, "refilled": 0}
    # M2 then declines A: M1 (free, the best fit) is not asked again; nobody else may be: A stays short.
    _declined, again = panels.seat_decline(user=w["m2"].user, seat_id=refill.pk)
    assert again == [] and pairs(prog, *panels.OPEN_SEATS) == {(b.pk, w["m2"].pk)}
    assert PanelSeat.objects.filter(programme=prog, startup=a, mentor=w["m1"]).count() == 1
    assert not PanelSeat.objects.filter(programme=prog, mentor__in=[w["m3"], w["m4"], w["m5"]]).exists()


@pytest.mark.django_db
def test_a_second_run_refills_nothing_twice(django_capture_on_commit_callbacks, mailoutbox):
    w = _world()
    _age(PanelSeat.objects.get(programme=w["prog"], startup=w["a"]), published=200 * H, reminded=100 * H)
    first = responsiveness.remind_and_reassign()
    seats_after_first = set(PanelSeat.objects.filter(programme=w["prog"]).values_list("pk", "status"))
    with django_capture_on_commit_callbacks(execute=True):
        second = responsiveness.remind_and_reassign()
    assert first == {"reminded": 0, "expired": 1, "refilled": 1}
    assert second == {"reminded": 0, "expired": 0, "refilled": 0} and mailoutbox == []
    assert set(PanelSeat.objects.filter(programme=w["prog"]).values_list("pk", "status")) == seats_after_first


@pytest.mark.django_db
def test_a_closed_programme_is_left_alone():
    w = _world()
    _age(PanelSeat.objects.get(programme=w["prog"], startup=w["a"]), published=200 * H, reminded=100 * H)
    w["prog"].status = ProgrammeStatus.CLOSED
    w["prog"].save(update_fields=["status"])
    assert responsiveness.remind_and_reassign() == {"reminded": 0, "expired": 0, "refilled": 0}


@pytest.mark.django_db
def test_going_unavailable_tells_the_startup_politely_and_refills(django_capture_on_commit_callbacks, mailoutbox):
    w = _world()
    with django_capture_on_commit_callbacks(execute=True):
        services.mentor_set_availability(user=w["m1"].user, available=False)
    gone = PanelSeat.objects.get(programme=w["prog"], startup=w["a"], mentor=w["m1"])
    assert gone.status == SeatStatus.DECLINED
    assert PanelSeat.objects.get(programme=w["prog"], startup=w["a"], status=SeatStatus.PUBLISHED).mentor_id == w["m2"].pk
    to_startup = [m for m in mailoutbox if m.to == [w["a_admin"].email]]
    assert len(to_startup) == 1
    body = to_startup[0].body
    assert "Mentor One cannot join" in body and "says nothing about your startup" in body
    assert "asked another mentor" in body and reverse("mentoring:my_panels") in body
    assert w["b_admin"].email not in {m.to[0] for m in mailoutbox}  # B's panel did not change
    assert {w["manager"].email, w["m2"].user.email} <= {m.to[0] for m in mailoutbox}


@pytest.mark.django_db
def test_publishing_emails_each_startup_its_panel(django_capture_on_commit_callbacks, mailoutbox):
    manager, cluster = cluster_manager()
    a_admin, a = startup(slugs=("oncology", "diagnostic"), name="Alpha")
    b_admin, b = startup(slugs=("oncology",), name="Beta")
    m1 = mentor(name="Mentor One", slugs=("oncology", "diagnostic"), capacity=1, clusters=[cluster])
    m2 = mentor(name="Mentor Two", slugs=("oncology",), capacity=2, clusters=[cluster])
    prog = programme(cluster=cluster, panel_size=1, startups=[a, b])
    panels.optimise_panels(user=manager, programme_id=prog.pk)
    with django_capture_on_commit_callbacks(execute=True):
        panels.panels_publish(user=manager, programme_id=prog.pk)
    by_to = {m.to[0]: m for m in mailoutbox}
    assert set(by_to) == {a_admin.email, b_admin.email, m1.user.email, m2.user.email}  # one each
    assert len(mailoutbox) == 4
    assert "Mentor One" in by_to[a_admin.email].body and "Mentor Two" not in by_to[a_admin.email].body
    assert "Mentor Two" in by_to[b_admin.email].body and "Beta" in by_to[b_admin.email].body
    assert "panel is ready" in by_to[a_admin.email].subject


def _figures_world():
    """M1 in the programme: accepted after 2 h, declined after 10 h, one expired, one still waiting, one
    swapped away by the manager (not counted) -> 2 answered of 4 offered, 67 % of the settled, median 6 h.
    M2: only a seat still waiting (no rate yet). Another cluster's seat of M1 is not the manager's business."""
    manager, cluster = cluster_manager()
    prog = programme(cluster=cluster, status=ProgrammeStatus.PUBLISHED)
    m1 = mentor(name="Mentor One", clusters=[cluster])
    m2 = mentor(name="Mentor Two", clusters=[cluster])
    now = timezone.now()
    rows = [(m1, SeatStatus.ACCEPTED, 2), (m1, SeatStatus.DECLINED, 10), (m1, SeatStatus.EXPIRED, None),
            (m1, SeatStatus.PUBLISHED, None), (m1, SeatStatus.REPLACED, None), (m2, SeatStatus.PUBLISHED, None)]
    for profile, status, hours in rows:
        _admin, org = startup()
        s = seat(prog, org, profile, status=status)
        PanelSeat.objects.filter(pk=s.pk).update(
            published_at=now - 300 * H, responded_at=None if hours is None else now - 300 * H + hours * H)
    _admin, elsewhere = startup()
    other = seat(programme(status=ProgrammeStatus.PUBLISHED), elsewhere, m1, status=SeatStatus.EXPIRED)
    PanelSeat.objects.filter(pk=other.pk).update(published_at=now - 300 * H)
    return manager, prog, m1, m2


@pytest.mark.django_db
def test_response_figures_per_mentor():
    manager, prog, m1, m2 = _figures_world()
    stats = selectors.response_stats(mentor_ids=[m1.pk, m2.pk])
    one = stats[m1.pk]
    assert (one.n_offered, one.n_answered, one.n_accepted, one.n_waiting, one.n_expired) == (5, 2, 1, 1, 2)
    assert one.median_hours == pytest.approx(6.0) and one.response_percent == 50
    rows = {r.pk: r for r in selectors.responsiveness(programme=prog)}
    assert (rows[m1.pk].stats.n_offered, rows[m1.pk].stats.n_answered, rows[m1.pk].stats.response_percent) == (4, 2, 67)
    assert rows[m2.pk].stats.response_rate is None and rows[m2.pk].stats.median_hours is None
    managed = {m.pk: m.stats for m in selectors.with_response_stats(
        user=manager, mentors=list(selectors.managed_mentors(user=manager)))}
    assert managed[m1.pk].n_offered == 4  # the other cluster's seat is left out


@pytest.mark.sqlite_pass  # the figures (a median) must not need PostgreSQL: a first run is on SQLite
@pytest.mark.django_db
def test_managers_see_the_figures_on_the_programme_and_mentor_pages(client):
    manager, prog, m1, m2 = _figures_world()
    client.force_login(manager)
    for url, table in ((reverse("mentoring:manage_programme", args=[prog.pk]), "responsiveness"),
                       (reverse("mentoring:manage_mentors"), "mentor-responsiveness")):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        section = html[html.index(f'id="{table}"'):]
        row = section[section.index(f'data-mentor="{m1.pk}"'):]
        row = row[:row.index("</tr>")]
        assert "2 / 4" in row and "67%" in row and "6.0 h" in row and "1 waiting" in row and "1 expired" in row
        row2 = section[section.index(f'data-mentor="{m2.pk}"'):]
        assert "0 / 1" in row2[:row2.index("</tr>")]
        assert client.get(url, HTTP_ACCEPT_LANGUAGE="ko").status_code == 200


@pytest.mark.django_db
def test_the_mentor_list_queries_do_not_grow_with_mentors(client):
    manager, prog, _m1, _m2 = _figures_world()
    client.force_login(manager)
    url = reverse("mentoring:manage_mentors")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        extra = mentor(clusters=[prog.cluster])
        _admin, org = startup()
        seat(prog, org, extra)
    with CaptureQueriesContext(connection) as more:
        html = client.get(url).content.decode()
    assert html.count("data-mentor=") == 7
    assert len(more.captured_queries) == len(few.captured_queries)


@pytest.mark.django_db(transaction=True)
def test_the_beat_task_runs_on_a_real_worker(celery_worker):
    """The worker finds ``mentoring.remind_and_reassign`` by name (autodiscovery) and does the work once.
    (The reminder email it queues goes to the worker's default queue, which this test worker does not
    serve; the email itself is checked with the in-memory backend above.)"""
    w = _world()
    a_seat = PanelSeat.objects.get(programme=w["prog"], startup=w["a"])
    _age(a_seat, published=80 * H)
    assert remind_and_reassign.delay().get(timeout=30) == {"reminded": 1, "expired": 0, "refilled": 0,
                                                     "requests_reminded": 0, "requests_expired": 0}
    a_seat.refresh_from_db()
    assert a_seat.reminded_at is not None
    assert remind_and_reassign.delay().get(timeout=30) == {"reminded": 0, "expired": 0, "refilled": 0,
                                                     "requests_reminded": 0, "requests_expired": 0}
