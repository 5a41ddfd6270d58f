"""The match lifecycle services: who may act, legal steps, events, linkages once per event, contacts
and confidential descriptions after the double opt-in."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail

from accounts import selectors as account_selectors
from clusters.models import Linkage
from core.errors import Conflict, DomainError, NotAllowed
from matching.models import (
    Match,
    MatchEvent,
    MatchStatus,
    Notification,
)
from matching.review import conversation
from matching.review import services as review
from matching.visibility import listing_description_visible
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

from ..review_world import build_world

S = MatchStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return build_world()


def connect(w):
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    review.match_accept(user=w.tto, match_id=w.match.pk)
    w.match.refresh_from_db()
    return w.match


def test_approve_introduces_both_sides_at_once(w):
    review.match_approve(user=w.tto, match_id=w.match.pk, note="Good fit")
    w.match.refresh_from_db()
    assert w.match.status == S.INTRODUCED
    assert w.match.introduced_at and w.match.decided_by == w.tto
    assert list(w.match.events.values_list("from_status", "to_status")) == [("proposed", "approved"),
                                                                             ("approved", "introduced")]


@pytest.mark.parametrize("who", ["startup", "other_firm_user", "hospital_admin", "other_tto", "manager", "outsider"])
def test_approve_refused_for_everyone_but_the_tto(w, who):
    with pytest.raises(NotAllowed):
        review.match_approve(user=getattr(w, who), match_id=w.match.pk)
    w.match.refresh_from_db()
    assert w.match.status == S.PROPOSED and not w.match.events.exists()


def test_hospital_admins_review_when_there_is_no_tto(w):
    w.hospital.memberships.filter(user=w.tto).update(is_tto=False)
    review.match_approve(user=w.hospital_admin, match_id=w.match.pk)
    assert Match.objects.get(pk=w.match.pk).status == S.INTRODUCED


def test_decline_needs_a_structured_reason_and_keeps_free_text_internal(w):
    with pytest.raises(DomainError):
        review.match_decline(user=w.tto, match_id=w.match.pk, category="nonsense")
    review.match_decline(user=w.tto, match_id=w.match.pk, category="too_early", note="internal words")
    w.match.refresh_from_db()
    assert (w.match.status, w.match.decline_category) == (S.DECLINED, "too_early")
    event = w.match.events.get()
    assert event.internal and event.reason == "too_early"


def test_illegal_steps_raise_conflict(w):
    with pytest.raises(Conflict):
        review.match_accept(user=w.startup, match_id=w.match.pk)  # not introduced yet
    review.match_decline(user=w.tto, match_id=w.match.pk, category="no_capacity")
    with pytest.raises(Conflict):
        review.match_approve(user=w.tto, match_id=w.match.pk)
    with pytest.raises(Conflict):
        conversation.message_send(user=w.startup, match_id=w.match.pk, body="hi")


def test_double_opt_in_connects_and_writes_one_introduction_edge(w):
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    assert Match.objects.get(pk=w.match.pk).status == S.INTRODUCED
    with pytest.raises(Conflict):
        review.match_accept(user=w.startup, match_id=w.match.pk)
    with pytest.raises(NotAllowed):
        review.match_accept(user=w.hospital_admin, match_id=w.match.pk)  # the hospital answers through its TTO
    review.match_accept(user=w.tto, match_id=w.match.pk)
    m = Match.objects.get(pk=w.match.pk)
    assert m.status == S.CONNECTED and m.need_side_accepted_at and m.counterpart_accepted_at and m.connected_at
    ct = ContentType.objects.get_for_model(Match)
    assert Linkage.objects.filter(source_type=ct, source_id=m.pk, kind="introduction").count() == 1


def test_contacts_and_confidential_descriptions_open_only_when_connected(w):
    assert not account_selectors.can_see_contacts_of(w.startup, w.hospital)
    assert not listing_description_visible(w.startup, w.capability)
    assert not listing_description_visible(w.tto, w.need)
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    assert not account_selectors.can_see_contacts_of(w.startup, w.hospital)  # introduced is not enough
    review.match_accept(user=w.tto, match_id=w.match.pk)
    for user in (w.startup,):
        user._member_org_ids = None
    # Connected: the other side's staff list stays closed; only the named contact opens, on the match.
    assert not account_selectors.can_see_contacts_of(w.startup, w.hospital)
    assert w.hospital.pk not in account_selectors.contact_visible_org_ids(w.startup)
    assert not account_selectors.can_see_contacts_of(w.tto, w.firm)
    assert listing_description_visible(w.startup, w.capability)
    assert listing_description_visible(w.tto, w.need)
    assert not listing_description_visible(w.other_firm_user, w.capability)
    assert not listing_description_visible(w.manager, w.capability)  # managers never read confidential text
    assert not account_selectors.can_see_contacts_of(w.other_tto, w.firm)


def test_side_decline_closes_with_who_declined(w):
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_reject(user=w.startup, match_id=w.match.pk, note="not now")
    m = Match.objects.get(pk=w.match.pk)
    assert (m.status, m.close_reason) == (S.CLOSED, "declined_by_firm") and m.need_side_declined_at


def test_withdraw_and_expire(w):
    review.match_approve(user=w.tto, match_id=w.match.pk)
    with pytest.raises(NotAllowed):
        review.match_withdraw(user=w.tto, match_id=w.match.pk)
    assert review.match_expire(match_id=w.match.pk).close_reason == "expired"
    assert review.match_expire(match_id=w.match.pk) is None  # idempotent


def test_request_to_a_firm_is_approved_by_the_system(w):
    investor = OrganizationFactory(kind="investor", name_en="Seed Fund")
    m = review.match_request(user=w.startup, need_id=w.need.pk, counterpart_id=investor.pk, note="please")
    m.refresh_from_db()
    assert (m.status, m.source) == (S.INTRODUCED, "requested") and m.need_side_accepted_at
    assert m.events.filter(action="auto_approve", actor__isnull=True).exists()
    with pytest.raises(NotAllowed):
        review.match_request(user=w.other_firm_user, need_id=w.need.pk, counterpart_id=investor.pk)


def test_request_to_a_hospital_waits_for_its_tto(w):
    m = review.match_request(user=w.startup, need_id=w.need.pk, counterpart_id=w.hospital.pk)
    m.refresh_from_db()
    assert (m.pk, m.status, m.source) == (w.match.pk, S.PROPOSED, "requested")
    review.match_approve(user=w.tto, match_id=m.pk)
    review.match_accept(user=w.tto, match_id=m.pk)  # the firm already said yes by asking
    assert Match.objects.get(pk=m.pk).status == S.CONNECTED


def test_brokering_is_for_managers_of_either_cluster(w):
    other = OrganizationFactory(kind="hospital")
    with pytest.raises(NotAllowed):
        review.match_broker(user=w.outsider, need_id=w.need.pk, counterpart_id=other.pk)
    m = review.match_broker(user=w.manager, need_id=w.need.pk, counterpart_id=other.pk, note="meet them")
    assert (m.status, m.source) == (S.PROPOSED, "brokered")


def test_met_and_partnership_write_one_edge_each(w):
    connect(w)
    review.match_record_met(user=w.startup, match_id=w.match.pk)
    with pytest.raises(Conflict):
        review.match_record_met(user=w.tto, match_id=w.match.pk)
    conversation.partnership_record(user=w.startup, match_id=w.match.pk, kind="clinical_trial",
                                    started_on=datetime.date(2026, 11, 1), note="Phase 1 started")
    with pytest.raises(NotAllowed):
        conversation.partnership_confirm(user=w.startup, match_id=w.match.pk)  # the recording side cannot
    conversation.partnership_confirm(user=w.manager, match_id=w.match.pk)
    with pytest.raises(Conflict):
        conversation.partnership_confirm(user=w.tto, match_id=w.match.pk)
    ct = ContentType.objects.get_for_model(Match)
    kinds = sorted(Linkage.objects.filter(source_type=ct, source_id=w.match.pk).values_list("kind", flat=True))
    assert kinds == ["introduction", "meeting", "partnership"]
    assert Match.objects.get(pk=w.match.pk).status == S.PARTNERSHIP


def test_messages_notes_and_assignment(w):
    colleague = UserFactory(full_name="Dr Kim")
    MembershipFactory(user=colleague, organization=w.hospital)
    conversation.match_assign(user=w.tto, match_id=w.match.pk, assignee_id=colleague.pk, note="oncology view?")
    assert Match.objects.get(pk=w.match.pk).assigned_to == colleague
    with pytest.raises(NotAllowed):
        conversation.match_note_add(user=w.startup, match_id=w.match.pk, body="peek")
    conversation.match_note_add(user=w.tto, match_id=w.match.pk, body="Looks promising")
    connect(w)
    msg = conversation.message_send(user=w.startup, match_id=w.match.pk, body="Hello")
    with pytest.raises(NotAllowed):
        conversation.message_send(user=w.manager, match_id=w.match.pk, body="hi")
    assert conversation.messages_mark_read(user=w.startup, match=w.match) == 0
    assert conversation.messages_mark_read(user=w.tto, match=w.match) == 1
    msg.refresh_from_db()
    assert msg.read_at


def test_notifications_once_per_event_in_the_recipients_language(w, django_capture_on_commit_callbacks):
    w.startup.language = "ko"
    w.startup.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review.match_approve(user=w.tto, match_id=w.match.pk)
    intro = MatchEvent.objects.get(match=w.match, action="introduce")
    assert Notification.objects.filter(key=f"event:{intro.pk}:{w.startup.pk}").count() == 1
    sent = [m for m in mail.outbox if w.startup.email in m.to]
    assert len(sent) == 1 and "새 소개" in sent[0].subject
    from matching.review.notify import deliver_event

    with django_capture_on_commit_callbacks(execute=True):
        assert deliver_event(event_id=intro.pk) == 0  # a second delivery of the same event sends nothing
    assert len([m for m in mail.outbox if w.startup.email in m.to]) == 1


def test_partnering_meeting_moves_a_connected_match_to_met_without_a_second_edge(w):
    connect(w)
    assert review.meeting_held(org_a_id=w.hospital.pk, org_b_id=w.firm.pk, user=None)
    assert Match.objects.get(pk=w.match.pk).status == S.MET
    assert review.meeting_held(org_a_id=w.hospital.pk, org_b_id=w.firm.pk, user=None)  # again: still one edge
    assert Linkage.objects.filter(kind="meeting").count() == 1
    assert not review.meeting_held(org_a_id=w.hospital.pk, org_b_id=w.other_tto.pk, user=None)


def test_history_keeps_the_reviewers_business_to_the_reviewing_side(w):
    from matching.review.selectors import history

    colleague = UserFactory()
    MembershipFactory(user=colleague, organization=w.hospital)
    conversation.match_assign(user=w.tto, match_id=w.match.pk, assignee_id=colleague.pk, note="what do you think?")
    review.match_decline(user=w.tto, match_id=w.match.pk, category="outside_field", note="not our ward")
    firm = history(match=w.match, side="need")
    assert [e.action for e in firm] == ["decline"] and firm[0].note == "" and firm[0].reason == ""
    manager = history(match=w.match, side="manager")
    assert manager[0].reason == "outside_field" and manager[0].note == ""
    hospital = history(match=w.match, side="counterpart")
    assert [e.action for e in hospital] == ["assign", "decline"] and hospital[1].note == "not our ward"
