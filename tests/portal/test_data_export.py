"""A member's data export: their own rows from every app, never another person's data or contact details."""

import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Registration
from matching.models import Listing, Match, MatchMessage, MatchNote, Notification
from mentoring.models import MentoringSession, MentorProfile
from portal.models import SavedSearch, SavedSearchNotice
from tests.factories import EventFactory, MembershipFactory, OrganizationFactory, UserFactory

URL = "/me/export.json"


def _world():
    firm, hospital = OrganizationFactory(name_en="Firm A"), OrganizationFactory(name_en="Hospital B")
    me = UserFactory(full_name="Me Myself", phone="010-1111-1111")
    other = UserFactory(full_name="Other Person", phone="010-9999-9999", email="other.person@example.kr")
    MembershipFactory(user=me, organization=firm, title="Scientist")
    MembershipFactory(user=other, organization=hospital, title="Secret title of other")
    mine = Listing.objects.create(organization=firm, side="need", title="My need", description="my words",
                                  created_by=me)
    Listing.objects.create(organization=hospital, side="capability", title="Their capability",
                           description="their confidential words", created_by=other)
    match = Match.objects.create(need=mine, counterpart=hospital, status="connected",
                                 need_contact=me, counterpart_contact=other)
    MatchMessage.objects.create(match=match, sender=me, sender_org=firm, body="my message")
    MatchMessage.objects.create(match=match, sender=other, sender_org=hospital, body="their message")
    MatchNote.objects.create(match=match, organization=firm, author=me, body="my note")
    MatchNote.objects.create(match=match, organization=hospital, author=other, body="their note")
    event = EventFactory()
    Registration.objects.create(event=event, user=me, organization=firm, status="registered", nonce="a1",
                                answers={"diet": "mine"})
    Registration.objects.create(event=event, user=other, organization=hospital, status="registered", nonce="a2",
                                answers={"diet": "theirs"})
    profile = MentorProfile.objects.create(user=me, expertise="my expertise", headline="my headline")
    MentoringSession.objects.create(startup=hospital, mentor=profile, held_on=date(2026, 9, 1), topics="my topics",
                                    startup_note="startup's private note on me", logged_by=other)
    saved = SavedSearch.objects.create(user=me, kind="listing", name="my search")
    SavedSearchNotice.objects.create(saved_search=saved, user=me, object_id=1, title="found for me")
    other_saved = SavedSearch.objects.create(user=other, kind="listing", name="their search")
    SavedSearchNotice.objects.create(saved_search=other_saved, user=other, object_id=2, title="found for them")
    Notification.objects.create(user=me, key="mine-1", kind="message", match=match)
    Notification.objects.create(user=other, key="theirs-1", kind="secret-kind-of-other", match=match)
    return me, other, match


@pytest.mark.django_db
def test_export_holds_the_persons_own_data_from_every_app(client):
    me, _other, match = _world()
    client.force_login(me)
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["profile"]["email"] == me.email and data["profile"]["phone"] == "010-1111-1111"
    assert [m["title"] for m in data["memberships"]] == ["Scientist"]
    assert [li["title"] for li in data["listings_authored"]] == ["My need"]
    assert [m["body"] for m in data["match_messages_sent"]] == ["my message"]
    assert [n["body"] for n in data["match_notes_written"]] == ["my note"]
    assert [r["answers"] for r in data["event_registrations"]] == [{"diet": "mine"}]
    assert data["mentoring"]["mentor_profile"]["headline"] == "my headline"
    assert [s["topics"] for s in data["mentoring"]["sessions_as_mentor"]] == ["my topics"]
    assert [s["name"] for s in data["saved_searches"]] == ["my search"]
    assert [n["title"] for n in data["notifications"]["saved_search_notices"]] == ["found for me"]
    assert [n["match_id"] for n in data["notifications"]["match_notifications"]] == [match.pk]


@pytest.mark.django_db
def test_another_persons_data_never_appears(client):
    me, other, _match = _world()
    client.force_login(me)
    text = client.get(URL).content.decode()
    for secret in (other.email, other.phone, other.full_name, "Secret title of other", "their confidential words",
                   "their message", "their note", "theirs", "their search", "found for them",
                   "secret-kind-of-other", "startup's private note on me"):
        assert secret not in text, secret
    # And the other way round: the other person's export holds none of mine.
    client.force_login(other)
    text = client.get(URL).content.decode()
    for secret in (me.email, me.phone, me.full_name, "my message", "my note", "my search", "my headline"):
        assert secret not in text, secret


@pytest.mark.django_db
def test_export_needs_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_export_runs_a_constant_number_of_queries(client):
    me, _other, match = _world()
    client.force_login(me)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    firm = me.memberships.get().organization
    for i in range(20):
        MatchMessage.objects.create(match=match, sender=me, sender_org=firm, body=f"more {i}")
        MatchNote.objects.create(match=match, organization=firm, author=me, body=f"note {i}")
        Listing.objects.create(organization=firm, side="need", title=f"Need {i}", description="x", created_by=me)
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(many) == len(few)
