"""`manage.py load_demo`: the demo world is complete, repeatable, resettable and its logins work."""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Membership, MembershipStatus, Organization, OrganizationKind, OrganizationStatus, User
from clusters.models import Alliance, Cluster, ClusterMembership, ClusterMembershipStatus, Linkage
from demo.load import delete_demo
from demo.world import DEMO_DOMAIN, DEMO_PASSWORD, demo_users_q
from events.models import Event, Registration
from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    EventFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
)

REPORT_CLUSTERS = {"daedeok", "wonju", "songdo", "hyangnam", "gwanggyo", "pangyo", "hongneung", "osong", "daegu",
                   "iksan", "jeju"}
LOGIN_ROW = re.compile(rf"^(\S+@{re.escape(DEMO_DOMAIN)})\s+(\S+)\s+(.+?)\s*$", re.M)


def run(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    demo_orgs = Organization.objects.filter(source="demo")
    return {
        "clusters": Cluster.objects.count(),
        "alliances": Alliance.objects.count(),
        "orgs": demo_orgs.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "cluster_memberships": ClusterMembership.objects.count(),
        "managers": Cluster.managers.through.objects.count(),
        "alliance_clusters": Alliance.clusters.through.objects.count(),
        "names": sorted(demo_orgs.values_list("external_id", "name_en")),
        "emails": sorted(User.objects.filter(demo_users_q()).values_list("email", flat=True)),
    }


@pytest.mark.django_db
def test_load_demo_builds_the_report_world(settings):
    run()
    assert set(Cluster.objects.values_list("slug", flat=True)) >= REPORT_CLUSTERS
    alliance = Alliance.objects.get(slug="seoul-gyeonggi")
    assert set(alliance.clusters.values_list("slug", flat=True)) >= {"hongneung", "pangyo", "gwanggyo", "hyangnam"}

    orgs = Organization.objects.filter(source="demo")
    assert 150 <= orgs.count() <= 250
    assert set(orgs.values_list("kind", flat=True)) == set(OrganizationKind.values)
    assert orgs.filter(kind="hospital", name_en="Hanbit University Hospital", description__contains="BLC").exists()
    assert not orgs.filter(kind="hospital", trial_phases=[]).exists()
    assert not orgs.filter(kind="hospital", irb_days__isnull=True).exists()
    for org in orgs:  # bulk_create bypasses save(), so the domain must have been set by hand
        assert org.website_domain == org.website.removeprefix("https://")
        assert org.cluster_memberships.exists()

    pending = orgs.filter(status=OrganizationStatus.PENDING)
    assert pending.count() >= 3
    assert orgs.filter(status=OrganizationStatus.VERIFIED).count() > 0.9 * orgs.count()
    for org in pending:
        assert set(org.cluster_memberships.values_list("status", flat=True)) == {ClusterMembershipStatus.REQUESTED}
    rejected = orgs.get(status=OrganizationStatus.REJECTED)
    assert rejected.rejection_reason
    assert rejected.cluster_memberships.get().status == ClusterMembershipStatus.REJECTED
    assert not ClusterMembership.objects.filter(
        organization__status=OrganizationStatus.VERIFIED).exclude(status=ClusterMembershipStatus.APPROVED).exists()

    people = User.objects.filter(demo_users_q())
    assert people.filter(language="ko").count() > people.filter(language="en").count() > 0
    assert not people.filter(email_verified_at__isnull=True).exists()
    assert not people.exclude(privacy_consent_version=settings.PRIVACY_POLICY_VERSION).exists()
    staff = Membership.objects.filter(organization__source="demo").exclude(user__email__endswith=f"@{DEMO_DOMAIN}")
    for email, domain in staff.values_list("user__email", "organization__website_domain"):
        assert email.endswith(f"@{domain}")  # people's emails sit on their organisation's domain
    assert Membership.objects.filter(organization__kind="hospital", is_tto=True).count() >= 2 * 17
    manager = User.objects.get(email=f"manager@{DEMO_DOMAIN}")
    assert set(manager.managed_clusters.values_list("slug", flat=True)) == {"hongneung", "pangyo"}
    # The manager has something in the verification queue.
    assert ClusterMembership.objects.filter(
        cluster__managers=manager, status=ClusterMembershipStatus.REQUESTED).exists()
    assert Membership.objects.filter(
        user__email=f"joiner@{DEMO_DOMAIN}", status=MembershipStatus.REQUESTED).exists()


@pytest.mark.django_db
def test_every_printed_login_authenticates_with_the_printed_password():
    output = run()
    assert f"same password for all: {DEMO_PASSWORD}" in output
    rows = LOGIN_ROW.findall(output)
    roles = " ".join(role for *_, role in rows)
    for word in ("superuser", "Cluster manager", "TTO", "Hospital admin", "Startup", "researcher", "Investor"):
        assert word in roles
    for email, password, _role in rows:
        assert password == DEMO_PASSWORD
        assert authenticate(None, username=email, password=password) is not None, email
    assert User.objects.get(email=f"admin@{DEMO_DOMAIN}").is_superuser
    tto = Membership.objects.get(user__email=f"tto@{DEMO_DOMAIN}")
    assert tto.is_tto and tto.organization.kind == "hospital"


@pytest.mark.django_db
def test_running_twice_changes_nothing():
    run()
    first = snapshot()
    with CaptureQueriesContext(connection) as queries:
        run()
    assert snapshot() == first
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []


@pytest.mark.django_db
def test_reset_recreates_the_demo_and_keeps_real_data():
    real_user, real_org = UserFactory(email="someone@real.example.kr"), OrganizationFactory(name_en="Real Co")
    run()
    first = snapshot()
    Organization.objects.filter(external_id="hospital-hanbit").update(name_en="Renamed")
    Membership.objects.filter(user__email=f"startup@{DEMO_DOMAIN}").delete()
    User.objects.create_user(email=f"stray@{DEMO_DOMAIN}", full_name="Stray")

    run("--reset")

    assert snapshot() == first
    assert Organization.objects.get(external_id="hospital-hanbit").name_en == "Hanbit University Hospital"
    assert not User.objects.filter(email=f"stray@{DEMO_DOMAIN}").exists()
    assert User.objects.filter(pk=real_user.pk).exists() and Organization.objects.filter(pk=real_org.pk).exists()


@pytest.mark.django_db
def test_load_demo_refuses_production_settings_without_force(settings):
    settings.SETTINGS_MODULE = "config.settings.prod"
    with pytest.raises(CommandError, match="production"):
        run()
    assert not Organization.objects.filter(source="demo").exists()


@pytest.mark.django_db
def test_demo_events_span_a_year_across_clusters_and_rerun_writes_nothing_to_clusters():
    run()
    events = Event.objects.filter(source="demo")
    assert events.values("cluster").distinct().count() >= 5
    months = {(e.starts_at.year, e.starts_at.month) for e in events}
    assert len(months) == 12
    assert events.filter(ends_at__lt=timezone.now()).exists() and events.filter(starts_at__gt=timezone.now()).exists()
    assert Registration.objects.filter(event__source="demo", checked_in_at__isnull=False).exists()
    assert Linkage.objects.filter(kind="co_attendance").exists()
    for event in events:
        assert event.seats_taken <= event.capacity
    with CaptureQueriesContext(connection) as queries:
        run()
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE") and "clusters_" in q["sql"]]
    assert writes == []


def row_counts() -> dict[str, int]:
    """Rows of every model and many-to-many table the project owns (not Django's own bookkeeping)."""
    skip = {"admin", "auth", "contenttypes", "sessions"}
    return {m._meta.label: m._default_manager.count() for m in apps.get_models(include_auto_created=True)
            if m._meta.app_label not in skip}


DEMO_MODELS = ["accounts.Organization", "accounts.User", "accounts.Membership", "clusters.Cluster", "clusters.Alliance",
               "clusters.ClusterMembership", "clusters.Linkage", "matching.Listing", "matching.Match",
               "matching.MatchRun", "matching.MatchEvent", "events.Event", "events.Registration",
               "events.PartneringSession", "events.MeetingRequest", "events.Meeting"]


@pytest.mark.django_db
def test_reset_then_load_leaves_the_counts_of_a_fresh_load():
    run()
    fresh = row_counts()
    assert all(fresh[label] > 0 for label in DEMO_MODELS), {label: fresh[label] for label in DEMO_MODELS}

    run("--reset")

    assert row_counts() == fresh


@pytest.mark.django_db
def test_reset_alone_leaves_no_demo_rows_and_keeps_real_data():
    membership = ClusterMembershipFactory(cluster=ClusterFactory(slug="real-cluster"))
    user = MembershipFactory(organization=membership.organization, user__email="someone@real.example.kr").user
    event = EventFactory(cluster=membership.cluster)
    Registration.objects.create(event=event, user=user, organization=membership.organization)
    before = row_counts()
    run()

    delete_demo()

    assert row_counts() == before
    assert not Organization.objects.filter(source="demo").exists()
    assert not User.objects.filter(demo_users_q()).exists()
    assert not Event.objects.filter(source="demo").exists()
    assert Registration.objects.filter(event=event, user=user).exists()


@pytest.mark.django_db
def test_reset_keeps_a_cluster_of_the_same_slug_that_real_members_use():
    membership = ClusterMembershipFactory(cluster=ClusterFactory(slug="hongneung"))
    run()

    delete_demo()

    assert ClusterMembership.objects.filter(pk=membership.pk, cluster__slug="hongneung").exists()
    assert not Cluster.objects.filter(slug="pangyo").exists()
