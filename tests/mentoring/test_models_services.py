"""Mentoring services: scoring by hand, panels with conflicts and capacity, publish, accept under
concurrency, decline with refill (others fixed), unavailability, invitations and session linkages."""

import threading
import time
from datetime import timedelta

import pytest
from django.db import IntegrityError, OperationalError, connection, connections, transaction

from clusters.models import Linkage, LinkageKind
from core.dates import today as local_today
from core.errors import Conflict, DomainError, NotAllowed
from mentoring import panels, programmes, services, sessions
from mentoring.cohort import mentor_card, startup_cards
from mentoring.models import MentoringSession, MentorProfile, MentorStatus, PanelSeat, ProgrammeStatus, SeatStatus
from mentoring.scoring import LANGUAGE_BONUS, MentorCard, StartupCard, facet_overlap_scores, pair_scores
from tests.factories import MembershipFactory, UserFactory, cluster_manager
from tests.mentoring.world import managed_programme, mentor, pairs, programme, seat, startup

pytestmark = pytest.mark.urls("tests.mentoring.urls_for_tests")


def card(cls, id_, facets, langs=("ko",)):
    return cls(id_, frozenset(facets), frozenset(langs))


def test_facet_overlap_scores_are_jaccard_plus_a_language_bonus_and_nothing_without_overlap():
    s = card(StartupCard, "s", {"therapeutic_area:oncology", "technology:diagnostic"})
    scores = facet_overlap_scores([s], [
        card(MentorCard, "half", {"therapeutic_area:oncology", "technology:biologic"}),  # 1 shared of 3
        card(MentorCard, "same", {"therapeutic_area:oncology", "technology:diagnostic"}, ("en",)),
        card(MentorCard, "none", {"therapeutic_area:cardiology"}),
    ])
    assert scores == {("s", "half"): pytest.approx(1 / 3 + LANGUAGE_BONUS), ("s", "same"): 1.0}
    assert LANGUAGE_BONUS == 0.1


@pytest.mark.django_db
def test_capacity_and_year_constraints_hold_in_the_database():
    profile = mentor(capacity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        MentorProfile.objects.filter(pk=profile.pk).update(seats_taken=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        MentorProfile.objects.filter(pk=profile.pk).update(capacity=11)


def _two_startups_three_mentors():
    """A {oncology, diagnostic}, B {oncology}; M1 {oncology, diagnostic} is affiliated with A,
    M2 {oncology} has room for two, M3 {cardiology} fits nobody."""
    manager, cluster = cluster_manager()
    _a_admin, a = startup(slugs=("oncology", "diagnostic"), name="Alpha")
    _b_admin, b = startup(slugs=("oncology",), name="Beta")
    m1 = mentor(slugs=("oncology", "diagnostic"), capacity=1, clusters=[cluster])
    m1.affiliated_organizations.add(a)
    m2 = mentor(slugs=("oncology",), capacity=2, clusters=[cluster])
    m3 = mentor(slugs=("cardiology",), capacity=3, clusters=[cluster])
    prog = programme(cluster=cluster, panel_size=2, startups=[a, b])
    return manager, prog, a, b, m1, m2, m3


@pytest.mark.django_db
def test_optimised_panels_never_assign_a_conflict_and_keep_the_fit():
    manager, prog, a, b, m1, m2, m3 = _two_startups_three_mentors()
    result = panels.optimise_panels(user=manager, programme_id=prog.pk)
    # (A, M1) would be the best pair of all (the same topics) but M1 is affiliated with A; M3 has no fit.
    assert pairs(prog) == {(a.pk, m2.pk), (b.pk, m1.pk), (b.pk, m2.pk)}
    scores = {(s.startup_id, s.mentor_id): s.score for s in PanelSeat.objects.filter(programme=prog)}
    fit = pair_scores(startup_cards(prog, [a, b]), [mentor_card(m) for m in (m1, m2, m3)])
    assert scores == {pair: pytest.approx(fit[str(pair[0]), str(pair[1])]) for pair in scores}  # the scorer's fit
    assert scores[b.pk, m2.pk] > max(scores[a.pk, m2.pk], scores[b.pk, m1.pk])  # same topics fit best
    assert not {(str(s.pk), str(m3.pk)) for s in (a, b)} & set(fit)
    assert result.short_panels == 1  # A has one mentor of two
    prog.refresh_from_db()
    assert prog.status == ProgrammeStatus.RUNNING
    assert set(PanelSeat.objects.filter(programme=prog).values_list("status", flat=True)) == {SeatStatus.PROPOSED}


@pytest.mark.django_db
def test_a_mentor_belonging_to_the_startup_is_a_conflict():
    manager, cluster = cluster_manager()
    _admin, org = startup(slugs=("oncology",))
    insider = mentor(slugs=("oncology",), clusters=[cluster])
    MembershipFactory(user=insider.user, organization=org)
    prog = programme(cluster=cluster, startups=[org])
    panels.optimise_panels(user=manager, programme_id=prog.pk)
    assert pairs(prog) == set()


@pytest.mark.django_db
def test_a_manager_of_another_cluster_cannot_form_panels():
    _manager, prog, *_rest = _two_startups_three_mentors()
    outsider, _other = cluster_manager()
    with pytest.raises(NotAllowed):
        panels.optimise_panels(user=outsider, programme_id=prog.pk)
    assert not PanelSeat.objects.filter(programme=prog).exists()


@pytest.mark.django_db
def test_swap_checks_conflicts_capacity_and_the_panel(django_capture_on_commit_callbacks, mailoutbox):
    manager, prog, a, b, m1, m2, m3 = _two_startups_three_mentors()
    panels.optimise_panels(user=manager, programme_id=prog.pk)
    a_seat = PanelSeat.objects.get(programme=prog, startup=a, mentor=m2)
    with pytest.raises(Conflict, match="conflict of interest"):
        panels.seat_swap(user=manager, seat_id=a_seat.pk, mentor_id=m1.pk)
    b_seat = PanelSeat.objects.get(programme=prog, startup=b, mentor=m2)
    with pytest.raises(Conflict, match="already on this startup's panel"):
        panels.seat_swap(user=manager, seat_id=b_seat.pk, mentor_id=m1.pk)
    full = mentor(slugs=("oncology",), capacity=1, clusters=[prog.cluster])
    seat(programme(cluster=prog.cluster), b, full, status=SeatStatus.ACCEPTED)
    with pytest.raises(Conflict, match="no capacity"):
        panels.seat_swap(user=manager, seat_id=a_seat.pk, mentor_id=full.pk)
    new = panels.seat_swap(user=manager, seat_id=a_seat.pk, mentor_id=m3.pk)  # a manager may pick a pair with no fit
    a_seat.refresh_from_db()
    assert a_seat.status == SeatStatus.REPLACED and new.replaces_id == a_seat.pk
    assert (new.status, new.score) == (SeatStatus.PROPOSED, 0.0)


@pytest.mark.django_db
def test_publish_emails_each_mentor_once_and_accept_takes_capacity(django_capture_on_commit_callbacks, mailoutbox):
    manager, prog, a, b, m1, m2, _m3 = _two_startups_three_mentors()
    panels.optimise_panels(user=manager, programme_id=prog.pk)
    with django_capture_on_commit_callbacks(execute=True):
        panels.panels_publish(user=manager, programme_id=prog.pk)
    mentor_mails = [m for m in mailoutbox if m.to[0] in (m1.user.email, m2.user.email)]
    assert sorted(m.to[0] for m in mentor_mails) == sorted([m1.user.email, m2.user.email])  # once each
    m2_mail = next(m for m in mailoutbox if m.to == [m2.user.email])
    assert "Alpha" in m2_mail.body and "Beta" in m2_mail.body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accepted = panels.seat_accept(user=m2.user, seat_id=PanelSeat.objects.get(startup=b, mentor=m2).pk)
    assert accepted.status == SeatStatus.ACCEPTED
    m2.refresh_from_db()
    assert m2.seats_taken == 1 and m2.last_activity_at is not None
    assert [m.to for m in mailoutbox] == [[manager.email]] and "accepted" in mailoutbox[0].subject
    with pytest.raises(Conflict):
        panels.seat_accept(user=m2.user, seat_id=accepted.pk)  # twice: no longer waiting
    with pytest.raises(NotAllowed):
        panels.seat_accept(user=m1.user, seat_id=PanelSeat.objects.get(startup=a, mentor=m2).pk)


@pytest.mark.django_db
def test_an_accept_beyond_capacity_is_refused_and_leaves_the_seat_waiting():
    profile = mentor(capacity=1)
    _admin, org = startup()
    first, second = seat(programme(), org, profile), seat(programme(), org, profile)
    panels.seat_accept(user=profile.user, seat_id=first.pk)
    with pytest.raises(Conflict, match="capacity"):
        panels.seat_accept(user=profile.user, seat_id=second.pk)
    second.refresh_from_db()
    assert second.status == SeatStatus.PUBLISHED
    assert MentorProfile.objects.get(pk=profile.pk).seats_taken == 1


def _refill_world():
    """A {oncology, diagnostic}, B {oncology}; panel 1. M1 {onc, diag} says exactly A's topics, M2 {onc}
    exactly B's, M3 {onc, diag, biologic} A's and one more: the optimum is A–M1 + B–M2; M3 is left over."""
    manager, cluster = cluster_manager()
    _a_admin, a = startup(slugs=("oncology", "diagnostic"), name="Alpha")
    _b_admin, b = startup(slugs=("oncology",), name="Beta")
    m1 = mentor(slugs=("oncology", "diagnostic"), capacity=1, clusters=[cluster])
    m2 = mentor(slugs=("oncology",), capacity=2, clusters=[cluster])
    m3 = mentor(slugs=("oncology", "diagnostic", "biologic"), capacity=1, clusters=[cluster])
    prog = programme(cluster=cluster, panel_size=1, startups=[a, b])
    panels.optimise_panels(user=manager, programme_id=prog.pk)
    panels.panels_publish(user=manager, programme_id=prog.pk)
    return manager, prog, a, b, m1, m2, m3


@pytest.mark.django_db
def test_decline_refills_that_seat_with_every_other_seat_kept(django_capture_on_commit_callbacks, mailoutbox):
    manager, prog, a, b, m1, m2, m3 = _refill_world()
    assert pairs(prog) == {(a.pk, m1.pk), (b.pk, m2.pk)}
    b_seat = PanelSeat.objects.get(programme=prog, startup=b)
    with django_capture_on_commit_callbacks(execute=True):
        declined, refills = panels.seat_decline(user=m1.user, seat_id=PanelSeat.objects.get(startup=a, mentor=m1).pk,
                                                reason="Travelling")
    assert [(r.startup_id, r.mentor_id, r.status) for r in refills] == [(a.pk, m3.pk, SeatStatus.PUBLISHED)]
    # the scorer's fit over the mentors the refill ranked (TF-IDF weights depend on the mentor corpus)
    fit = pair_scores(startup_cards(prog, [a, b]), [mentor_card(m) for m in (m1, m2, m3)])
    assert refills[0].score == pytest.approx(fit[str(a.pk), str(m3.pk)]) and refills[0].replaces_id == declined.pk
    assert fit[str(a.pk), str(m3.pk)] > fit[str(a.pk), str(m2.pk)]  # M3 shares both of A's topics
    assert PanelSeat.objects.get(pk=b_seat.pk).status == SeatStatus.PUBLISHED  # untouched
    assert {m.to[0] for m in mailoutbox} == {m3.user.email, manager.email}
    assert "Travelling" in next(m for m in mailoutbox if m.to == [manager.email]).body
    # M3 declines too: M2 (room for two) refills; M1 is never offered again.
    panels.seat_decline(user=m3.user, seat_id=refills[0].pk)
    assert pairs(prog, *panels.OPEN_SEATS) == {(a.pk, m2.pk), (b.pk, m2.pk)}
    # And when nobody is left, the panel stays short.
    _seat, none_left = panels.seat_decline(user=m2.user, seat_id=PanelSeat.objects.get(startup=a, mentor=m2,
                                                                                        status="published").pk)
    assert none_left == [] and pairs(prog, *panels.OPEN_SEATS) == {(b.pk, m2.pk)}


@pytest.mark.django_db
def test_going_unavailable_declines_waiting_seats_politely_and_refills_them(django_capture_on_commit_callbacks,
                                                                           mailoutbox):
    manager, prog, a, b, m1, m2, m3 = _refill_world()
    with django_capture_on_commit_callbacks(execute=True):
        services.mentor_set_availability(user=m1.user, available=False)
    gone = PanelSeat.objects.get(startup=a, mentor=m1)
    assert gone.status == SeatStatus.DECLINED and "not available" in gone.decline_reason
    assert pairs(prog, *panels.OPEN_SEATS) == {(a.pk, m3.pk), (b.pk, m2.pk)}
    assert m3.user.email in {m.to[0] for m in mailoutbox}
    # An unavailable mentor is not proposed again.
    _admin, c = startup(slugs=("oncology", "diagnostic"))
    later = programme(cluster=prog.cluster, panel_size=1, startups=[c])
    panels.optimise_panels(user=manager, programme_id=later.pk)
    assert m1.pk not in {m for _s, m in pairs(later)}


def _accept_race(user, seat_ids: list[int]) -> list[str]:
    """Each seat accepted at once on its own database connection (thread)."""
    barrier = threading.Barrier(len(seat_ids))
    outcomes: list[str] = []

    def attempt(seat_id: int) -> None:
        try:
            barrier.wait(timeout=10)
            for _ in range(500):
                try:
                    panels.seat_accept(user=user, seat_id=seat_id)
                    outcomes.append("accepted")
                    return
                except OperationalError:  # SQLite's "database is locked": a client retries
                    if connection.vendor != "sqlite":
                        raise
                    time.sleep(0.005)
            outcomes.append("gave up")
        except Conflict:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(pk,)) for pk in seat_ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_accepts_at_once_keep_the_mentor_within_capacity():
    for _round in range(3):
        profile = mentor(capacity=1)
        _admin, org = startup()
        seats = [seat(programme(), org, profile), seat(programme(), org, profile)]
        assert sorted(_accept_race(profile.user, [s.pk for s in seats])) == ["accepted", "refused"]
        assert MentorProfile.objects.get(pk=profile.pk).seats_taken == 1
        assert PanelSeat.objects.filter(mentor=profile, status=SeatStatus.ACCEPTED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_three_accepts_at_once_for_two_places():
    profile = mentor(capacity=2)
    _admin, org = startup()
    seats = [seat(programme(), org, profile) for _ in range(3)]
    assert sorted(_accept_race(profile.user, [s.pk for s in seats])) == ["accepted", "accepted", "refused"]
    assert MentorProfile.objects.get(pk=profile.pk).seats_taken == 2


@pytest.mark.django_db
def test_closing_a_programme_gives_the_places_back():
    manager, prog = managed_programme(status=ProgrammeStatus.PUBLISHED)
    profile = mentor(capacity=1)
    _admin, org = startup()
    panels.seat_accept(user=profile.user, seat_id=seat(prog, org, profile).pk)
    programmes.programme_move(user=manager, programme_id=prog.pk, status=ProgrammeStatus.CLOSED)
    assert MentorProfile.objects.get(pk=profile.pk).seats_taken == 0


@pytest.mark.django_db
def test_sign_up_then_verification_by_a_manager_of_a_chosen_cluster(django_capture_on_commit_callbacks, mailoutbox):
    manager, cluster = cluster_manager()
    outsider, _other = cluster_manager()
    user = UserFactory()
    profile = services.mentor_signup(user=user, fields={"expertise": "항암제 임상 설계", "languages": ["ko", "en"],
                                                        "capacity": 3}, m2m={"clusters": [cluster]})
    assert (profile.status, profile.languages) == (MentorStatus.PENDING, "ko,en")
    with pytest.raises(Conflict):
        services.mentor_signup(user=user, fields={"expertise": "x", "languages": ["ko"]}, m2m={"clusters": [cluster]})
    with pytest.raises(NotAllowed):
        services.mentor_verify(user=outsider, mentor_id=profile.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.mentor_verify(user=manager, mentor_id=profile.pk)
    profile.refresh_from_db()
    assert profile.status == MentorStatus.VERIFIED and profile.verified_by == manager
    assert [m.to for m in mailoutbox] == [[user.email]]
    with pytest.raises(DomainError):
        services.mentor_profile_update(user=user, fields={"capacity": 11})


@pytest.mark.django_db
def test_an_invited_mentor_is_verified_when_the_profile_is_complete(django_capture_on_commit_callbacks, mailoutbox):
    manager, cluster = cluster_manager()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.mentor_invite(user=manager, cluster=cluster, email="Dr.Kim@Example.kr")
    assert mailoutbox[0].to == ["dr.kim@example.kr"] and str(invitation.token) in mailoutbox[0].body
    with pytest.raises(Conflict):
        services.mentor_invite(user=manager, cluster=cluster, email="dr.kim@example.kr")
    with pytest.raises(NotAllowed):
        services.mentor_invitation_accept(user=UserFactory(), invitation=invitation)
    invitee = UserFactory(email="dr.kim@example.kr")
    profile = services.mentor_invitation_accept(user=invitee, invitation=invitation)
    assert profile.status == MentorStatus.INVITED and list(profile.clusters.all()) == [cluster]
    profile = services.mentor_profile_update(user=invitee, fields={"expertise": "Regulatory strategy",
                                                                   "languages": ["en"]})
    assert profile.status == MentorStatus.VERIFIED and profile.verified_by == manager


def _accepted_seat(org_for_mentor=None):
    manager, prog = managed_programme(status=ProgrammeStatus.PUBLISHED)
    profile = mentor(clusters=[prog.cluster])
    if org_for_mentor is not None:
        profile.organization = org_for_mentor
        profile.save()
    admin, org = startup()
    s = seat(prog, org, profile)
    panels.seat_accept(user=profile.user, seat_id=s.pk)
    return manager, prog, profile, admin, org, s


@pytest.mark.django_db
def test_each_session_writes_one_mentoring_linkage_idempotently():
    _manager, prog, profile, admin, org, s = _accepted_seat()
    today = local_today()
    first = sessions.session_log(user=profile.user, seat_id=s.pk, held_on=today, duration_minutes=45,
                                 topics="IND strategy")
    second = sessions.session_log(user=admin, seat_id=s.pk, held_on=today - timedelta(days=7), duration_minutes=30,
                                  topics="Hiring a CMO")
    edges = Linkage.objects.filter(kind=LinkageKind.MENTORING)
    assert edges.count() == 2
    assert sessions.session_linkage(first).pk == sessions.session_linkage(first).pk
    assert edges.count() == 2
    profile.refresh_from_db()
    mentor_org = profile.organization  # an independent mentor's own organisation, made once
    assert (mentor_org.kind, mentor_org.source, mentor_org.external_id) == ("service", "mentoring", f"mentor-{profile.pk}")
    for edge in edges:
        assert {edge.org_a_id, edge.org_b_id} == {org.pk, mentor_org.pk} and edge.cluster_id == prog.cluster_id
    assert MentoringSession.objects.filter(startup=org).count() == 2 and second.logged_by == admin


@pytest.mark.django_db
def test_a_mentor_with_an_organisation_links_it_and_feedback_goes_to_the_right_side():
    hospital_admin, hospital = startup()  # any verified organisation the mentor belongs to
    _manager, _prog, profile, admin, org, s = _accepted_seat()
    MembershipFactory(user=profile.user, organization=hospital)
    MentorProfile.objects.filter(pk=profile.pk).update(organization=hospital)
    session = sessions.session_log(user=profile.user, seat_id=s.pk, held_on=local_today(), duration_minutes=60,
                                   topics="Trial design")
    edge = Linkage.objects.get(kind=LinkageKind.MENTORING)
    assert {edge.org_a_id, edge.org_b_id} == {org.pk, hospital.pk}
    sessions.session_feedback(user=profile.user, session_id=session.pk, rating=4, note="Good questions")
    sessions.session_feedback(user=admin, session_id=session.pk, rating=5)
    session.refresh_from_db()
    assert (session.mentor_rating, session.startup_rating) == (4, 5)
    with pytest.raises(NotAllowed):
        sessions.session_feedback(user=hospital_admin, session_id=session.pk, rating=1)
    with pytest.raises(DomainError):
        sessions.session_log(user=profile.user, seat_id=s.pk, held_on=local_today() + timedelta(days=1),
                             duration_minutes=60, topics="Future")


@pytest.mark.django_db
def test_startups_apply_once_and_managers_build_the_cohort():
    manager, prog = managed_programme(status=ProgrammeStatus.OPEN)
    prog.questions = [{"key": "q1", "label_en": "Why?", "label_ko": "왜?", "required": True}]
    prog.save()
    admin, org = startup()
    with pytest.raises(DomainError):
        programmes.application_submit(user=admin, programme_id=prog.pk, organization_id=org.pk, answers={})
    application = programmes.application_submit(user=admin, programme_id=prog.pk, organization_id=org.pk,
                                                answers={"q1": "To reach the clinic"})
    with pytest.raises(Conflict):
        programmes.application_submit(user=admin, programme_id=prog.pk, organization_id=org.pk,
                                      answers={"q1": "again"})
    with pytest.raises(NotAllowed):
        programmes.application_decide(user=admin, application_id=application.pk, accept=True)
    programmes.application_decide(user=manager, application_id=application.pk, accept=True)
    assert list(prog.cohort_startups.values_list("organization_id", flat=True)) == [org.pk]


@pytest.mark.django_db
def test_suspending_a_mentor_passes_their_open_seats_on():
    manager, prog, a, b, m1, m2, m3 = _refill_world()
    outsider, _cluster = cluster_manager()
    with pytest.raises(NotAllowed):
        services.mentor_suspend(user=outsider, mentor_id=m1.pk)
    services.mentor_suspend(user=manager, mentor_id=m1.pk, reason="Conflict found")
    assert MentorProfile.objects.get(pk=m1.pk).status == MentorStatus.SUSPENDED
    assert pairs(prog, *panels.OPEN_SEATS) == {(a.pk, m3.pk), (b.pk, m2.pk)}
