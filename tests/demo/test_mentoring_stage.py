"""The mentoring demo stage on the world the earlier stages build: verified mentors, a published
programme whose panels the optimiser formed, one declined seat refilled, sessions with one
mentoring linkage each, a conflict of interest respected, and a re-run that writes nothing."""

import random
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Organization
from clusters.models import Linkage, LinkageKind
from demo import clusters, listings, organizations, people
from demo import mentoring as stage
from demo.load import _load_facets, delete_demo
from demo.world import DEMO_PASSWORD, World
from mentoring.models import MentoringSession, MentorProfile, MentorStatus, PanelSeat, Programme, ProgrammeStatus, SeatStatus
from mentoring.sessions import MENTOR_ORG_SOURCE


def world() -> World:
    w = World(rng=random.Random(2017), now=timezone.now(), stdout=StringIO())
    w.password_hash = make_password(w.password)  # as load_demo sets it before the stages run
    _load_facets(w)
    for build in (clusters.build_clusters, organizations.build_organizations, people.build_people,
                  organizations.build_cluster_memberships, listings.build_listings):
        build(w)
    return w


@pytest.mark.django_db
def test_the_stage_builds_a_published_programme_with_sessions_and_reruns_without_writes():
    w = world()
    programme = stage.load(w)

    mentors = MentorProfile.objects.filter(user__email__in=[stage.mentor_email(m["email"]) for m in stage.DATA["mentors"]])
    assert mentors.count() == len(stage.DATA["mentors"]) >= 12
    manager = w.managers[stage.DATA["cluster"]][0]
    assert set(mentors.values_list("status", "verified_by")) == {(MentorStatus.VERIFIED, manager.pk)}

    assert programme.status == ProgrammeStatus.PUBLISHED and programme.optimised_at is not None
    assert 4 <= programme.cohort_startups.count() <= 6
    seats = PanelSeat.objects.filter(programme=programme)
    declined = seats.get(status=SeatStatus.DECLINED)
    assert seats.get(replaces=declined).startup == declined.startup  # refilled by the service
    assert seats.filter(status=SeatStatus.ACCEPTED).count() >= 4
    assert seats.filter(mentor__user__email=stage.mentor_email("mentor")).exists()
    conflicted = MentorProfile.objects.get(affiliated_organizations__isnull=False)
    assert not seats.filter(mentor=conflicted, startup__in=conflicted.affiliated_organizations.all()).exists()

    logged = MentoringSession.objects.filter(programme=programme)
    assert 2 <= logged.count() <= 4
    for session in logged:
        assert session.seat.status == SeatStatus.ACCEPTED
        assert session.mentor_rating and session.startup_rating
        assert Linkage.objects.filter(kind=LinkageKind.MENTORING, source_id=session.pk).count() == 1

    with CaptureQueriesContext(connection) as queries:
        assert stage.load(w) == programme
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    # (last: a sign-in may upgrade the stored hash)
    assert authenticate(None, username=stage.mentor_email("mentor"), password=DEMO_PASSWORD) is not None


@pytest.mark.django_db
def test_a_mentor_login_made_by_the_people_stage_is_used_as_it_is():
    w = world()
    login = w.people[stage.mentor_email("mentor")]  # the people stage made it from logins.json
    login.full_name = "Someone Else"
    login.save(update_fields=["full_name"])
    stage.build_mentors(w, w.managers[stage.DATA["cluster"]][0])
    login.refresh_from_db()
    assert login.full_name == "Someone Else"
    assert MentorProfile.objects.get(user=login).status == MentorStatus.VERIFIED


@pytest.mark.django_db
def test_delete_mentoring_then_delete_demo_leaves_no_mentoring_rows():
    stage.load(world())
    assert Organization.objects.filter(source=MENTOR_ORG_SOURCE).exists()  # independent mentors' sessions made some

    stage.delete_mentoring()
    delete_demo()

    assert not Organization.objects.filter(source=MENTOR_ORG_SOURCE).exists()
    for model in (Programme, MentorProfile, PanelSeat, MentoringSession):
        assert not model.objects.exists(), model
    assert not Linkage.objects.filter(kind=LinkageKind.MENTORING).exists()
