"""Named contacts (issue 13, "Contacts and privacy"): each side names one contact person among the people
its organisation lets be named; only that person's name, email and phone reach the other side, and only
once connected — never the organisation's staff list, on pages, in the API or in emails. And "We have
met" with a date and notes."""

import datetime
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership, MembershipRole
from clusters.models import Linkage
from core.dates import today as local_today
from core.errors import Conflict, DomainError, NotAllowed
from matching.models import Match, MatchStatus
from matching.review import contacts
from matching.review import services as review
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

from ..review_world import EMAIL_MARKER, PHONE_MARKER, build_world

S = MatchStatus
pytestmark = pytest.mark.django_db

VP_EMAIL, VP_PHONE = "vice.president@hospital-marker.kr", "010-9999-0001"
NURSE_EMAIL, NURSE_PHONE = "research.nurse@hospital-marker.kr", "010-9999-0002"
FIRM_CTO_EMAIL = "cto@alpha-marker.kr"


@pytest.fixture
def w():
    w = build_world()
    # More hospital staff whose details must never reach the firm: an eligible VP and a nurse who is not.
    w.vp = UserFactory(full_name="Vice President", email=VP_EMAIL, phone=VP_PHONE)
    MembershipFactory(user=w.vp, organization=w.hospital, title="Vice-president", may_be_contact=True)
    w.nurse = UserFactory(full_name="Research Nurse", email=NURSE_EMAIL, phone=NURSE_PHONE)
    MembershipFactory(user=w.nurse, organization=w.hospital)  # a plain member: not eligible by default
    w.cto = UserFactory(full_name="Firm CTO", email=FIRM_CTO_EMAIL, phone="010-3333-4444")
    MembershipFactory(user=w.cto, organization=w.firm)
    w.need.created_by = w.startup
    w.need.save(update_fields=["created_by"])
    return w


def connect(w) -> Match:
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    review.match_accept(user=w.tto, match_id=w.match.pk)
    return Match.objects.get(pk=w.match.pk)


def hospital_staff_details(w) -> list[str]:
    return [VP_EMAIL, VP_PHONE, NURSE_EMAIL, NURSE_PHONE, w.hospital_admin.email]


# --- eligibility ------------------------------------------------------------------------------------


def test_admins_and_reviewers_are_eligible_from_the_start_plain_members_are_not(w):
    flags = dict(Membership.objects.filter(organization=w.hospital).values_list("user_id", "may_be_contact"))
    assert flags[w.tto.pk] and flags[w.hospital_admin.pk] and flags[w.vp.pk]
    assert flags[w.nurse.pk] is False
    eligible = {m.user_id for m in contacts.eligible_memberships({w.hospital.pk})}
    assert eligible == {w.tto.pk, w.hospital_admin.pk, w.vp.pk}


# --- defaults and who sees what -------------------------------------------------------------------


def test_defaults_are_the_approving_reviewer_and_the_needs_author_stored_on_connection(w):
    m = connect(w)
    assert m.counterpart_contact_id == w.tto.pk and m.need_contact_id == w.startup.pk


def test_the_other_sides_contact_opens_only_when_connected(w):
    review.match_approve(user=w.tto, match_id=w.match.pk)
    m = Match.objects.select_related("need__organization").get(pk=w.match.pk)
    before = contacts.contacts_for_reader([m], {m.pk: "need"})[m.pk]
    assert before["counterpart"] is None and before["need"].full_name == "Startup Founder"
    for user in (w.startup, w.tto):
        review.match_accept(user=user, match_id=m.pk)
    m = Match.objects.select_related("need__organization").get(pk=m.pk)
    after = contacts.contacts_for_reader([m], {m.pk: "need"})[m.pk]
    assert (after["counterpart"].email, after["counterpart"].phone) == (EMAIL_MARKER, PHONE_MARKER)
    manager = contacts.contacts_for_reader([m], {m.pk: "manager"})[m.pk]
    assert manager["counterpart"].full_name == "TTO Reviewer" and manager["counterpart"].email == ""


def test_match_page_shows_only_the_named_contact_never_the_staff_list(client, w):
    client.force_login(w.startup)
    url = reverse("matches:detail", args=[w.match.pk])
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    before = client.get(url).content.decode()
    assert EMAIL_MARKER not in before and PHONE_MARKER not in before and 'id="contacts"' not in before
    review.match_accept(user=w.tto, match_id=w.match.pk)
    page = client.get(url).content.decode()
    assert EMAIL_MARKER in page and PHONE_MARKER in page
    for detail in hospital_staff_details(w):
        assert detail not in page
    # The hospital's organisation page shows the connected firm no contact details either.
    org_page = client.get(reverse("organizations:detail", args=[w.hospital.pk])).content.decode()
    for detail in [EMAIL_MARKER, PHONE_MARKER, *hospital_staff_details(w)]:
        assert detail not in org_page


def test_hospital_sees_only_the_firms_named_contact(client, w):
    connect(w)
    client.force_login(w.tto)
    page = client.get(reverse("matches:detail", args=[w.match.pk])).content.decode()
    assert w.startup.email in page and FIRM_CTO_EMAIL not in page


def test_no_email_of_the_connection_carries_staff_details(w, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        connect(w)
    assert mail.outbox
    for message in mail.outbox:
        text = message.body + "".join(str(a[0]) for a in getattr(message, "alternatives", []))
        for detail in [VP_PHONE, NURSE_EMAIL, NURSE_PHONE, PHONE_MARKER]:
            assert detail not in text
        if w.startup.email in message.to:
            assert EMAIL_MARKER not in text and VP_EMAIL not in text


# --- the API --------------------------------------------------------------------------------------


def test_match_api_serialises_only_the_named_contact_and_only_once_connected(client, w):
    client.force_login(w.startup)
    url = f"/api/v1/matches/{w.match.pk}/"
    review.match_approve(user=w.tto, match_id=w.match.pk)
    body = client.get(url).json()
    assert body["contacts"]["counterpart"] is None
    assert EMAIL_MARKER not in json.dumps(body) and PHONE_MARKER not in json.dumps(body)
    connect_rest = [review.match_accept(user=u, match_id=w.match.pk) for u in (w.startup, w.tto)]
    assert connect_rest
    body = client.get(url).json()
    assert body["contacts"]["counterpart"]["email"] == EMAIL_MARKER
    assert body["contacts"]["counterpart"]["phone"] == PHONE_MARKER
    listed = json.dumps(client.get("/api/v1/matches/", {"status": "all"}).json())
    for text in (json.dumps(body), listed):
        for detail in hospital_staff_details(w):
            assert detail not in text


def test_memberships_api_never_opens_the_other_sides_staff_after_connection(client, w):
    connect(w)
    client.force_login(w.startup)
    body = client.get("/api/v1/memberships/", {"organization": w.hospital.pk}).json()
    assert body["count"] == 4
    assert all(r["user"]["email"] is None and r["user"]["phone"] is None for r in body["results"])
    assert not {EMAIL_MARKER, PHONE_MARKER, *hospital_staff_details(w)} & set(json.dumps(body).split('"'))


def test_managers_get_names_but_no_details_in_the_match_api(client, w):
    connect(w)
    client.force_login(w.manager)
    body = client.get(f"/api/v1/matches/{w.match.pk}/").json()
    assert body["contacts"]["counterpart"]["full_name"] == "TTO Reviewer"
    assert body["contacts"]["counterpart"]["email"] is None and body["contacts"]["need"]["phone"] is None


# --- changing the contact -------------------------------------------------------------------------


def test_the_hospital_names_another_eligible_colleague_and_the_firm_sees_them(client, w):
    connect(w)
    client.force_login(w.tto)
    response = client.post(reverse("matches:contact", args=[w.match.pk]), {"contact": w.vp.pk})
    assert response.status_code == 302
    assert Match.objects.get(pk=w.match.pk).counterpart_contact_id == w.vp.pk
    client.force_login(w.startup)
    page = client.get(reverse("matches:detail", args=[w.match.pk])).content.decode()
    assert VP_EMAIL in page and VP_PHONE in page and EMAIL_MARKER not in page and PHONE_MARKER not in page


@pytest.mark.parametrize("value", ["nurse", "other_org_user", "startup", "abc", "99999999999999999999999", "1\x00"])
def test_only_eligible_people_of_ones_own_side_can_be_named(client, w, value):
    connect(w)
    stranger = UserFactory()
    MembershipFactory(user=stranger, organization=OrganizationFactory(), may_be_contact=True)
    ids = {"nurse": w.nurse.pk, "other_org_user": stranger.pk, "startup": w.startup.pk}
    client.force_login(w.tto)
    response = client.post(reverse("matches:contact", args=[w.match.pk]), {"contact": ids.get(value, value)},
                           follow=True)
    assert response.status_code == 200
    assert "Choose one of your organisation&#x27;s people who may be named as a contact." in response.content.decode()
    assert Match.objects.get(pk=w.match.pk).counterpart_contact_id == w.tto.pk


def test_the_choice_lists_only_eligible_colleagues(client, w):
    connect(w)
    client.force_login(w.tto)
    page = client.get(reverse("matches:detail", args=[w.match.pk])).content.decode()
    select = page[page.index('id="contact-person"'):page.index("</select>", page.index('id="contact-person"'))]
    assert "Vice President" in select and "Hospital Admin" in select and "Research Nurse" not in select
    assert "Startup Founder" not in select


def test_service_refuses_strangers_other_orgs_and_closed_matches(w):
    with pytest.raises(DomainError):
        contacts.match_contact_set(user=w.tto, match_id=w.match.pk, contact_id=w.startup.pk)
    with pytest.raises(NotAllowed):
        contacts.match_contact_set(user=w.other_firm_user, match_id=w.match.pk, contact_id=w.other_firm_user.pk)
    review.match_decline(user=w.tto, match_id=w.match.pk, category="too_early")
    with pytest.raises(Conflict):
        contacts.match_contact_set(user=w.tto, match_id=w.match.pk, contact_id=w.vp.pk)


def test_a_contact_whose_eligibility_is_withdrawn_is_no_longer_shown(client, w):
    connect(w)
    contacts.match_contact_set(user=w.tto, match_id=w.match.pk, contact_id=w.vp.pk)
    Membership.objects.filter(user=w.vp).update(may_be_contact=False)
    client.force_login(w.startup)
    page = client.get(reverse("matches:detail", args=[w.match.pk])).content.decode()
    assert VP_EMAIL not in page and EMAIL_MARKER in page  # back to the approving reviewer


def test_the_firm_side_changes_its_own_contact(client, w):
    Membership.objects.filter(user=w.cto).update(may_be_contact=True)
    connect(w)
    client.force_login(w.startup)
    client.post(reverse("matches:contact", args=[w.match.pk]), {"contact": w.cto.pk})
    assert Match.objects.get(pk=w.match.pk).need_contact_id == w.cto.pk
    client.force_login(w.tto)
    assert FIRM_CTO_EMAIL in client.get(reverse("matches:detail", args=[w.match.pk])).content.decode()


# --- the organisation's people page: who may be named ---------------------------------------------


def test_an_admin_sets_who_may_be_named_and_a_member_cannot(client, w):
    nurse_membership = Membership.objects.get(user=w.nurse)
    url = reverse("organizations:membership_edit", args=[w.hospital.pk, nurse_membership.pk])
    client.force_login(w.tto)  # a TTO reviewer, not an admin
    assert client.post(url, {"role": "member", "may_be_contact": "on"}).status_code == 403
    client.force_login(w.hospital_admin)
    assert "May be named as a contact" in client.get(url).content.decode()
    assert client.post(url, {"role": "member", "may_be_contact": "on"}).status_code == 302
    nurse_membership.refresh_from_db()
    assert nurse_membership.may_be_contact and nurse_membership.role == MembershipRole.MEMBER


# --- "We have met" --------------------------------------------------------------------------------


def _met(client, w, **data):
    return client.post(reverse("matches:met", args=[w.match.pk]), data, follow=True).content.decode()


def test_we_have_met_records_the_date_and_notes_with_one_dated_edge(client, w):
    connect(w)
    Match.objects.filter(pk=w.match.pk).update(created_at=timezone.now() - datetime.timedelta(days=10))
    day = local_today() - datetime.timedelta(days=3)
    client.force_login(w.startup)
    page = _met(client, w, date=day.isoformat(), note="Met at the hospital; next step an NDA.")
    m = Match.objects.get(pk=w.match.pk)
    assert (m.status, m.met_on) == (S.MET, day)
    assert m.events.get(action="met").note == "Met at the hospital; next step an NDA."
    assert f"Your meeting on {day.isoformat()} is recorded." in page
    ct = ContentType.objects.get_for_model(Match)
    edge = Linkage.objects.get(source_type=ct, source_id=m.pk, kind="meeting")
    assert timezone.localdate(edge.occurred_at) == day


@pytest.mark.parametrize(("data", "message"), [
    ({"date": "2999-01-01"}, "The meeting date cannot be in the future."),
    ({"date": "2001-01-01"}, "The meeting cannot be before this match was proposed"),
    ({"date": ""}, "Give the date you met."),
    ({"date": "tomorrow"}, "Give the date as YYYY-MM-DD."),
    ({"date": "TODAY", "note": "hello\x00there"}, "Null characters are not allowed."),
])
def test_we_have_met_refuses_bad_input_with_a_clear_message(client, w, data, message):
    connect(w)
    data = {**data, "date": local_today().isoformat() if data["date"] == "TODAY" else data["date"]}
    client.force_login(w.startup)
    page = _met(client, w, **data)
    assert message in page
    assert Match.objects.get(pk=w.match.pk).status == S.CONNECTED
    assert not Linkage.objects.filter(kind="meeting").exists()


def test_the_api_path_validates_the_meeting_date_too(client, w):
    connect(w)
    client.force_login(w.startup)
    url = f"/api/v1/matches/{w.match.pk}/transition/"
    future = (local_today() + datetime.timedelta(days=1)).isoformat()
    response = client.post(url, {"action": "met", "date": future}, content_type="application/json")
    assert response.status_code == 400 and "future" in json.dumps(response.json())
    response = client.post(url, {"action": "met"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["met_on"] == local_today().isoformat()


def test_the_met_form_and_the_partnership_date_are_labelled(client, w):
    connect(w)
    client.force_login(w.startup)
    page = client.get(reverse("matches:detail", args=[w.match.pk])).content.decode()
    assert '<label class="form-label small" for="met-date">Date of the meeting</label>' in page
    assert '<label class="small align-self-center" for="partnership-date">Start date</label>' in page
