"""The event models' move from the clusters app to events: rows, linkages and permissions survive.

Each test migrates the database back to the last migrations before the move, writes rows with the
historical models of that state (as a database migrated by the old code holds them), migrates
forward and reads them through today's models.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from clusters.models import Linkage
from events.models import Event, Meeting, Registration

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_MOVE = [("clusters", "0003_partnering"), ("events", None)]
MOVED = ("event", "registration", "calendarfeed", "partneringsession", "meetingrequest", "meeting")


def _migrate(targets: list) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()  # read what is applied now
    return executor


@pytest.fixture
def old_apps():
    """The historical models of a database at the last migrations before the move."""
    executor = _migrate(BEFORE_MOVE)
    applied = [key for key in executor.loader.applied_migrations if key in executor.loader.graph.nodes]
    try:
        yield executor.loader.project_state(applied).apps
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
        ContentType.objects.clear_cache()


def _old_world(apps) -> dict:
    """An event with two organisations checked in and a held meeting, and the edges they wrote."""
    Organization = apps.get_model("accounts", "Organization")
    Cluster = apps.get_model("clusters", "Cluster")
    OldEvent = apps.get_model("clusters", "Event")
    OldRegistration = apps.get_model("clusters", "Registration")
    OldMeetingRequest = apps.get_model("clusters", "MeetingRequest")
    OldMeeting = apps.get_model("clusters", "Meeting")
    OldLinkage = apps.get_model("clusters", "Linkage")
    OldContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    OldGroup = apps.get_model("auth", "Group")

    a, b = sorted(
        (Organization.objects.create(name_en=name, kind="firm", region="seoul") for name in ("Alpha Bio", "Beta Med")),
        key=lambda org: org.pk,
    )
    cluster = Cluster.objects.create(slug="osong", name_ko="오송", name_en="Osong")
    starts = timezone.now() + timedelta(days=3)
    event = OldEvent.objects.create(cluster=cluster, kind="partnering", title_en="Partnering day", starts_at=starts,
                                    ends_at=starts + timedelta(hours=3), status="published")
    reg_a, reg_b = (
        OldRegistration.objects.create(event=event, organization=org, name=org.name_en, status="registered",
                                       nonce=f"N{org.pk}", checked_in_at=starts)
        for org in (a, b)
    )
    request = OldMeetingRequest.objects.create(event=event, requester=reg_a, recipient=reg_b, status="accepted")
    meeting = OldMeeting.objects.create(event=event, request=request, a=reg_a, b=reg_b, slot=0, table=0, outcome="held")
    event_type = OldContentType.objects.get_or_create(app_label="clusters", model="event")[0]
    meeting_type = OldContentType.objects.get_or_create(app_label="clusters", model="meeting")[0]
    co_attendance = OldLinkage.objects.create(org_a=a, org_b=b, kind="co_attendance", cluster=cluster, occurred_at=starts,
                                              source_type=event_type, source_id=event.pk)
    met = OldLinkage.objects.create(org_a=a, org_b=b, kind="meeting", cluster=cluster, occurred_at=starts,
                                    source_type=meeting_type, source_id=meeting.pk)
    staff = OldGroup.objects.create(name="Event staff")
    change_event = Permission.objects.get_or_create(content_type=event_type, codename="change_event",
                                                    defaults={"name": "Can change event"})[0]
    staff.permissions.add(change_event)
    return {"apps": apps, "event": event.pk, "meeting": meeting.pk, "co_attendance": co_attendance.pk, "met": met.pk,
            "event_type": event_type.pk, "meeting_type": meeting_type.pk, "orgs": (a.pk, b.pk), "cluster": cluster,
            "starts": starts}


def _forward() -> None:
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def test_rows_and_linkage_sources_survive_the_move(old_apps):
    world = _old_world(old_apps)

    _forward()

    event, meeting = Event.objects.get(pk=world["event"]), Meeting.objects.get(pk=world["meeting"])
    assert Registration.objects.filter(event=event, checked_in_at__isnull=False).count() == 2
    assert Linkage.objects.get(pk=world["co_attendance"]).source == event
    assert Linkage.objects.get(pk=world["met"]).source == meeting
    # The content type rows were renamed in place: same ids, new label, none left under clusters.
    assert ContentType.objects.get_for_model(Event).pk == world["event_type"]
    assert ContentType.objects.get_for_model(Meeting).pk == world["meeting_type"]
    assert not ContentType.objects.filter(app_label="clusters", model__in=MOVED).exists()
    assert set(ContentType.objects.filter(app_label="events").values_list("model", flat=True)) >= {"event", "meeting"}
    # Permissions follow their content type, and so do the groups holding them.
    staff = Group.objects.get(name="Event staff")
    assert list(staff.permissions.values_list("content_type__app_label", "codename")) == [("events", "change_event")]


def test_a_content_type_created_early_under_events_is_merged(old_apps):
    world = _old_world(old_apps)
    apps = world["apps"]
    OldContentType = apps.get_model("contenttypes", "ContentType")
    OldLinkage = apps.get_model("clusters", "Linkage")
    Permission = apps.get_model("auth", "Permission")
    OldGroup = apps.get_model("auth", "Group")
    # As if content types had been created for the new app before its data migration ran, and used.
    duplicate = OldContentType.objects.create(app_label="events", model="meeting")
    low, high = world["orgs"]
    OldLinkage.objects.create(org_a_id=low, org_b_id=high, kind="meeting", cluster=world["cluster"],
                              occurred_at=world["starts"], source_type=duplicate, source_id=world["meeting"])
    extra = OldLinkage.objects.create(org_a_id=low, org_b_id=high, kind="meeting", cluster=world["cluster"],
                                      occurred_at=world["starts"], source_type=duplicate, source_id=world["meeting"] + 1000)
    kept_view = Permission.objects.get_or_create(content_type_id=world["meeting_type"], codename="view_meeting",
                                                 defaults={"name": "Can view meeting"})[0]
    twin_view = Permission.objects.create(content_type=duplicate, codename="view_meeting", name="Can view meeting")
    only_new = Permission.objects.create(content_type=duplicate, codename="audit_meeting", name="Can audit meetings")
    staff = OldGroup.objects.get(name="Event staff")
    staff.permissions.add(kept_view, twin_view, only_new)
    auditors = OldGroup.objects.create(name="Auditors")
    auditors.permissions.add(twin_view)

    _forward()

    meeting_type = ContentType.objects.get_for_model(Meeting)
    assert meeting_type.pk == world["meeting_type"]
    assert not ContentType.objects.filter(pk=duplicate.pk).exists()
    # The edge written under both rows is kept once; the other one now points at the renamed row.
    edges = Linkage.objects.filter(kind="meeting", source_type=meeting_type, source_id=world["meeting"])
    assert list(edges.values_list("pk", flat=True)) == [world["met"]]
    assert edges.get().source == Meeting.objects.get(pk=world["meeting"])
    assert Linkage.objects.get(pk=extra.pk).source_type == meeting_type
    # Duplicate permissions merge into the kept ones; holders keep exactly what they had.
    assert not Permission.objects.filter(pk=twin_view.pk).exists()

    def held(group: str) -> set:
        return set(Group.objects.get(name=group).permissions.values_list("content_type__app_label", "codename"))

    assert held("Event staff") == {("events", "change_event"), ("events", "view_meeting"), ("events", "audit_meeting")}
    assert held("Auditors") == {("events", "view_meeting")}
