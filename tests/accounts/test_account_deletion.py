"""Account deletion: the person is anonymised in place, signed out everywhere, and what others rely on stays."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts import selectors, tokens
from accounts.deletion import account_delete
from accounts.models import ApiToken, Membership, MembershipRole, MembershipStatus
from core.errors import Conflict, DomainError
from events.models import CalendarFeed, Registration
from matching.models import Match, MatchEvent, MatchMessage, Notification
from mentoring.models import Availability, MentorProfile, MentorStatus
from portal.indicators.periods import parse_period
from portal.indicators.selectors import cluster_scope
from portal.indicators.services import indicators_compute
from portal.models import SavedSearch, SavedSearchNotice
from tests.accounts.conftest import messages_of
from tests.factories import PASSWORD, EventFactory, MembershipFactory, OrganizationFactory, UserFactory, org_admin
from tests.portal.dashboard_world import build_dash_world

User = get_user_model()
DELETE_URL = "/accounts/profile/delete/"


def _form(password=PASSWORD, confirm="DELETE") -> dict:
    return {"password": password, "confirm": confirm}


@pytest.mark.django_db
def test_deletion_anonymises_the_row_in_place_and_ends_access():
    user = UserFactory(full_name="Minji Kim", phone="010-1234-5678", news_opt_in=True)
    org = OrganizationFactory()
    MembershipFactory(user=user, organization=org, may_be_contact=True, title="CSO")
    colleague = UserFactory()
    MembershipFactory(user=colleague, organization=org, role=MembershipRole.ADMIN)
    tokens.token_issue(user=user)
    tokens.token_issue(user=user, name="second script")
    pk, old_email = user.pk, user.email

    account_delete(user=user, password=PASSWORD)

    user = User.objects.get(pk=pk)  # the row is kept
    assert user.full_name == "Deleted member" and user.phone == ""
    assert user.email == f"deleted-{pk}@deleted.invalid"
    assert not User.objects.filter(email__iexact=old_email).exists()
    assert not user.is_active and not user.has_usable_password() and user.deleted_at is not None
    assert not user.news_opt_in
    assert not ApiToken.objects.filter(user_id=pk).exists()
    m = Membership.objects.get(user=user)
    assert m.status == MembershipStatus.LEFT and not m.may_be_contact and m.title == ""
    assert user.pk not in {p.user_id for p in selectors.organization_people(org=org)}
    assert selectors.member_org_ids(user) == set()
    with translation.override("en"):
        assert str(user.display_name) == "Deleted member" and str(user) == "Deleted member"


@pytest.mark.django_db
def test_wrong_password_or_word_deletes_nothing(client):
    user = UserFactory()
    client.force_login(user)
    for data in (_form(password="not-my-password"), _form(confirm="please")):
        response = client.post(DELETE_URL, data)
        assert response.status_code == 400
    user.refresh_from_db()
    assert user.is_active and user.deleted_at is None and user.check_password(PASSWORD)
    with pytest.raises(DomainError):
        account_delete(user=user, password="wrong")


@pytest.mark.django_db
def test_deletion_needs_the_csrf_token():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(DELETE_URL, _form()).status_code == 403
    user.refresh_from_db()
    assert user.deleted_at is None


@pytest.mark.django_db
def test_the_view_signs_out_every_session_and_the_old_password_stops_working(client):
    user = UserFactory()
    email = user.email
    other_device = Client()
    other_device.force_login(user)
    assert other_device.get(reverse("accounts:profile")).status_code == 200
    client.force_login(user)
    assert client.get(DELETE_URL).status_code == 200

    response = client.post(DELETE_URL, _form(), follow=True)

    assert "Your account has been deleted. Thank you for taking part." in messages_of(response)
    for c in (client, other_device):
        assert c.get(reverse("accounts:profile")).status_code == 302  # to the sign-in page
    response = Client().post(reverse("accounts:login"), {"email": email, "password": PASSWORD})
    assert response.status_code == 200 and "not correct" in response.content.decode()
    assert Client().post("/api/v1/auth/token/", {"username": email, "password": PASSWORD}).status_code == 400


@pytest.mark.django_db
def test_the_last_admin_of_an_organisation_with_members_must_hand_over_first(client):
    admin, org = org_admin()
    colleague = UserFactory()
    MembershipFactory(user=colleague, organization=org)
    client.force_login(admin)

    page = client.get(DELETE_URL).content.decode()
    assert "only administrator" in page and org.name_en in page
    response = client.post(DELETE_URL, _form())
    assert response.status_code == 400 and "Make another member an administrator" in response.content.decode()
    admin.refresh_from_db()
    assert admin.deleted_at is None

    Membership.objects.filter(user=colleague).update(role=MembershipRole.ADMIN)
    assert client.post(DELETE_URL, _form()).status_code == 302
    admin.refresh_from_db()
    assert admin.is_deleted


@pytest.mark.django_db
def test_the_sole_member_may_delete_and_a_second_deletion_is_refused():
    admin, _org = org_admin()
    account_delete(user=admin, password=PASSWORD)
    with pytest.raises(Conflict):
        account_delete(user=User.objects.get(pk=admin.pk), password=PASSWORD)


@pytest.mark.django_db
def test_history_and_the_clusters_indicators_survive_a_deletion():
    world = build_dash_world()
    scope, period = cluster_scope("osong"), parse_period("2026-Q3")
    before = indicators_compute(scope=scope, period=period)
    match = Match.objects.get(counterpart=world.orgs["u1"], source="requested")
    message = MatchMessage.objects.create(match=match, sender=world.member, sender_org=world.orgs["f2"], body="Hello")
    event_row = MatchEvent.objects.create(match=match, actor=world.member, action="accept", from_status="proposed",
                                          to_status="introduced")
    attendees = list(User.objects.filter(event_registrations__event=world.event))

    for person in [world.member, *attendees]:
        account_delete(user=person, password=PASSWORD)

    after = indicators_compute(scope=scope, period=period)
    assert after == before
    assert MatchMessage.objects.get(pk=message.pk).sender_id == world.member.pk
    assert MatchEvent.objects.get(pk=event_row.pk).actor_id == world.member.pk
    assert Registration.objects.filter(event=world.event).count() == len(attendees)


@pytest.mark.django_db
def test_apps_above_accounts_forget_what_was_only_the_persons():
    user = UserFactory()
    org = OrganizationFactory()
    MembershipFactory(user=user, organization=org)
    profile = MentorProfile.objects.create(user=user, expertise="Oncology", headline="Former CMO", career="Long",
                                           status=MentorStatus.VERIFIED)
    upcoming = EventFactory(starts_at=timezone.now() + timedelta(days=3))
    reg = Registration.objects.create(event=upcoming, user=user, organization=org, status="registered", nonce="x1",
                                      answers={"diet": "vegan"})
    saved = SavedSearch.objects.create(user=user, kind="listing", name="Mine")
    SavedSearchNotice.objects.create(saved_search=saved, user=user, object_id=1, title="t")
    Notification.objects.create(user=user, key=f"k-{user.pk}", kind="message")
    CalendarFeed.objects.create(user=user, token=f"tok-{user.pk}")

    account_delete(user=user, password=PASSWORD)

    profile.refresh_from_db()
    assert profile.status == MentorStatus.SUSPENDED and profile.availability == Availability.UNAVAILABLE
    assert profile.headline == "" and profile.career == ""
    reg.refresh_from_db()
    assert reg.status == "cancelled" and reg.answers == {} and not reg.show_in_participant_list
    assert not SavedSearch.objects.filter(user=user).exists()
    assert not Notification.objects.filter(user=user).exists()
    assert not CalendarFeed.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_profile_page_links_to_deletion_and_export(client):
    client.force_login(UserFactory())
    page = client.get(reverse("accounts:profile")).content.decode()
    assert DELETE_URL in page and "/me/export.json" in page


@pytest.mark.django_db(transaction=True)
def test_a_member_deletes_their_account_in_the_browser(page, live_server):
    user = UserFactory(full_name="Browser Person")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/accounts/profile/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the profile page at phone width
    page.click("text=Delete my account…")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # and the confirmation page
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=confirm]", "DELETE")
    page.click("button.btn-danger")
    page.wait_for_selector("text=Your account has been deleted.")
    user.refresh_from_db()
    assert user.is_deleted and user.full_name == "Deleted member"
