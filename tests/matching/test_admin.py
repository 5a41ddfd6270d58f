"""The admin is complete: every model of every project app is registered, and each one's list and
detail page render for a superuser. Confidential texts (internal notes, messages) stay off the lists
and are read-only where they are shown."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from matching.models import (
    KnownLink,
    LearnedWeights,
    Match,
    MatchEvent,
    MatchMessage,
    MatchNote,
    MatchRun,
    Notification,
    NotificationSettings,
    Partnership,
    WeightsSource,
)
from matching.proposals import learned_weights
from tests.factories import EventFactory, UserFactory

from .review_world import build_world

ROOT = Path(__file__).resolve().parents[2]
NOTE_MARKER = "NOTEMARK-3317 내부 메모"
MESSAGE_MARKER = "MSGMARK-8841 메시지"


def project_models() -> list:
    """Models of the apps in this repository (not Django's or third parties')."""
    return [m for ac in apps.get_app_configs()
            if Path(ac.path).is_relative_to(ROOT) and ".venv" not in Path(ac.path).parts
            for m in ac.get_models()]


def label(model) -> str:
    return model._meta.label


def named(name: str):
    """A project model by class name, whichever app holds it."""
    return next(m for m in project_models() if m.__name__ == name)


MODELS = project_models()


def test_every_model_of_every_project_app_is_registered():
    assert {ac.label for ac in apps.get_app_configs() if Path(ac.path).is_relative_to(ROOT)} >= {"accounts", "matching"}
    missing = sorted(label(m) for m in MODELS if m not in admin.site._registry)
    assert not missing, f"not in the admin: {missing}"


@pytest.fixture
def world(db):
    """A row of each model (a model added later without one is checked through its add page)."""
    w = build_world()
    m = w.match
    MatchEvent.objects.create(match=m, actor=w.tto, action="decline", from_status="proposed", to_status="declined",
                              note=NOTE_MARKER, internal=True)
    MatchNote.objects.create(match=m, organization=w.hospital, author=w.tto, body=NOTE_MARKER)
    message = MatchMessage.objects.create(match=m, sender=w.tto, sender_org=w.hospital, body=MESSAGE_MARKER)
    named("MessageAttachment").objects.create(message=message, filename="deck.pdf", content_type="application/pdf",
                                              size=4, sha256="0" * 64, file="attachments/never-read.pdf")
    Partnership.objects.create(match=m, kind="clinical_trial", started_on=date(2026, 1, 5), recorded_by=w.tto,
                               recorded_org=w.hospital)
    Notification.objects.create(user=w.tto, key="test:1", kind="match_event", match=m)
    NotificationSettings.objects.create(user=w.tto)
    MatchRun.objects.create(created_by=w.manager, weights_info={"adopted": False})
    a, b = sorted([w.firm.pk, w.hospital.pk])
    KnownLink.objects.create(org_a_id=a, org_b_id=b, source="test")
    learned_weights.adopt(weights={"peers": 1.0}, source=WeightsSource.DECISIONS, metrics={"auc": 0.7})
    named("QueuedTaskFailure").objects.create(task="accounts.send_email", kwargs={}, error="e")
    named("CalendarFeed").objects.create(user=w.startup, token="feed-token-for-the-admin-test")
    named("Linkage").objects.create(
        org_a_id=a, org_b_id=b, kind="partnership", source_type=ContentType.objects.get_for_model(Match), source_id=m.pk)
    event = EventFactory()
    reg = named("Registration").objects
    a_reg = reg.create(event=event, user=w.startup, organization=w.firm, status="registered", nonce="nonce-a")
    b_reg = reg.create(event=event, user=w.tto, organization=w.hospital, status="registered", nonce="nonce-b")
    named("PartneringSession").objects.create(event=event, first_slot_at=event.starts_at)
    request = named("MeetingRequest").objects.create(event=event, requester=a_reg, recipient=b_reg)
    named("Meeting").objects.create(event=event, request=request, a=a_reg, b=b_reg, slot=0, table=1)
    named("Invitation").objects.create(organization=w.hospital, email="invitee@example.kr", invited_by=w.tto)
    named("OrganizationChange").objects.create(organization=w.firm, name_ko=w.firm.name_ko, name_en="Renamed Firm",
                                               old_name_ko=w.firm.name_ko, old_name_en=w.firm.name_en)
    alliance = named("Alliance").objects.create(slug="test-alliance", name_ko="연합", name_en="Test alliance")
    cluster = named("Cluster").objects.create(slug="admin-test", name_ko="클러스터", name_en="Admin test cluster")
    area = named("FocusArea").objects.create(cluster=cluster, title="Oncology trials", rationale="Why.",
                                             proposed_by=w.hospital)
    named("FocusEndorsement").objects.create(focus_area=area, organization=w.firm, user=w.startup)
    named("IndicatorDigest").objects.create(cluster=cluster, user=w.manager, week="2026-W49")
    search = named("SavedSearch").objects.create(user=w.startup, kind="listing", name="Oncology", params={})
    named("SavedSearchNotice").objects.create(saved_search=search, user=w.startup, object_id=1, title="A need")
    named("IndicatorSnapshot").objects.create(
        alliance=alliance, period_kind="month", period_label="2026-07", period_start=datetime(2026, 7, 1, tzinfo=UTC),
        period_end=datetime(2026, 8, 1, tzinfo=UTC), indicators={"density": 0.5}, stage={})
    office_mentor = named("MentorProfile").objects.create(user=UserFactory(), expertise="Oncology", status="verified")
    slot = named("OfficeHour").objects.create(mentor=office_mentor, starts_at=datetime(2026, 12, 20, 1, tzinfo=UTC),
                                              duration_minutes=30, location="Room 1", capacity=2, booked_count=1)
    named("OfficeHourBooking").objects.create(slot=slot, startup=w.firm, booked_by=w.startup, message="IND plan")
    from accounts import tokens  # the token admin makes none (view-only): a real issued token to show

    tokens.token_issue(user=w.startup, name="admin test")
    return w


@pytest.fixture
def staff_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=label)
def test_changelist_and_change_page_render(model, world, staff_client):
    listing = staff_client.get(url(model, "changelist"))
    assert listing.status_code == 200, label(model)
    row = model._default_manager.order_by("pk").first()
    if row is not None:
        assert staff_client.get(url(model, "change", row.pk)).status_code == 200, label(model)
    else:  # no cheap row: the form a person would fill in renders instead
        model_admin = admin.site._registry[model]
        request = listing.wsgi_request
        assert model_admin.has_add_permission(request), f"{label(model)}: no row to show and no add page"
        assert staff_client.get(url(model, "add")).status_code == 200, label(model)


@pytest.mark.parametrize("model", [MatchNote, MatchMessage], ids=label)
def test_confidential_texts_stay_off_the_lists_and_are_read_only(model, world, staff_client):
    marker = NOTE_MARKER if model is MatchNote else MESSAGE_MARKER
    assert marker not in staff_client.get(url(model, "changelist")).text
    assert marker not in staff_client.get(url(model, "changelist"), {"q": marker[:7]}).text
    page = staff_client.get(url(model, "change", model.objects.get().pk)).text
    assert marker in page and 'name="body"' not in page and 'name="_save"' not in page


@pytest.mark.parametrize("model", [MatchEvent, Partnership, Notification, MatchNote, MatchMessage, LearnedWeights],
                         ids=label)
def test_records_the_services_write_cannot_be_added_or_edited_here(model, world, staff_client):
    assert staff_client.get(url(model, "add")).status_code == 403
    row = model._default_manager.order_by("pk").first()
    page = staff_client.get(url(model, "change", row.pk)).text
    assert 'name="_save"' not in page
