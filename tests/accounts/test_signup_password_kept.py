"""The signup's look-alike offer never writes the typed password back into the page: only its hash is kept,
in the session, for the second submission ("request to join" or "mine is different")."""

import html
import json
import time

import pytest
from django.contrib.sessions.backends.base import SessionBase
from django.urls import reverse

from accounts.models import Membership, MembershipStatus, Organization, OrganizationStatus, User
from accounts.views.auth import SIGNUP_KEPT_SESSION_KEY
from tests.factories import OrganizationFactory

from .conftest import NEW_PASSWORD, browser_form_data, signup_data

SIGNUP = reverse("accounts:signup")
OFFER = "This organisation may already be on ClusterLink"
KEPT_NOTE = ("The password you typed is kept (it is not sent back to your browser). Leave both fields empty to use "
             "it, or type a new one twice.")


def assert_no_password(response) -> None:
    raw = response.content.decode()
    assert NEW_PASSWORD not in raw
    assert NEW_PASSWORD not in html.unescape(raw)


def stored_session(client) -> str:
    session: SessionBase = client.session
    return json.dumps(dict(session.items()))


@pytest.fixture
def lookalike(db):
    return OrganizationFactory(name_en="NeoBio")


@pytest.mark.django_db
def test_the_offer_page_holds_no_password_and_the_session_only_its_hash(client, clusters, lookalike):
    response = client.post(SIGNUP, signup_data(clusters))

    assert OFFER in html.unescape(response.content.decode())
    assert_no_password(response)
    assert KEPT_NOTE in html.unescape(response.content.decode())
    assert NEW_PASSWORD not in stored_session(client)
    kept = client.session[SIGNUP_KEPT_SESSION_KEY]
    assert kept["email"] == "minji@neobio.example.kr"
    probe = User(password=kept["hash"])
    assert probe.check_password(NEW_PASSWORD)
    assert not User.objects.filter(email="minji@neobio.example.kr").exists()


@pytest.mark.django_db
def test_request_to_join_creates_the_account_with_the_typed_password(client, clusters, lookalike, mailbox):
    offer = client.post(SIGNUP, signup_data(clusters))
    data = browser_form_data(offer.content.decode(), containing="password1", join_org=str(lookalike.pk))
    assert data["password1"] == [""] and data["password2"] == [""]

    with mailbox():
        response = client.post(SIGNUP, data)

    assert response.status_code == 302
    user = User.objects.get(email="minji@neobio.example.kr")
    assert user.check_password(NEW_PASSWORD)
    assert Membership.objects.get(user=user).status == MembershipStatus.REQUESTED
    assert SIGNUP_KEPT_SESSION_KEY not in client.session
    # And they can sign in with it.
    client.logout()
    login = client.post(reverse("accounts:login"), {"email": "minji@neobio.example.kr", "password": NEW_PASSWORD})
    assert login.status_code == 302


@pytest.mark.django_db
def test_mine_is_different_creates_the_account_and_organisation_with_the_typed_password(client, clusters, lookalike):
    offer = client.post(SIGNUP, signup_data(clusters))
    data = browser_form_data(offer.content.decode(), containing="password1", not_a_duplicate="1")

    response = client.post(SIGNUP, data)

    assert response.status_code == 302
    user = User.objects.get(email="minji@neobio.example.kr")
    assert user.check_password(NEW_PASSWORD)
    new = Organization.objects.exclude(pk=lookalike.pk).get()
    assert (new.status, new.memberships.get().user) == (OrganizationStatus.PENDING, user)


@pytest.mark.django_db
def test_a_new_password_typed_on_the_offer_page_is_the_one_used(client, clusters, lookalike):
    offer = client.post(SIGNUP, signup_data(clusters))
    data = browser_form_data(offer.content.decode(), containing="password1", not_a_duplicate="1")
    data["password1"] = data["password2"] = ["Another-Lantern-7733"]

    assert client.post(SIGNUP, data).status_code == 302

    user = User.objects.get(email="minji@neobio.example.kr")
    assert user.check_password("Another-Lantern-7733") and not user.check_password(NEW_PASSWORD)


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["email", "full_name"])
def test_a_changed_email_or_name_needs_the_password_again(client, clusters, lookalike, field):
    offer = client.post(SIGNUP, signup_data(clusters))
    data = browser_form_data(offer.content.decode(), containing="password1", not_a_duplicate="1")
    data[field] = ["other@neobio.example.kr" if field == "email" else "다른 사람"]

    response = client.post(SIGNUP, data)

    assert response.status_code == 200
    assert response.context["form"].errors["password1"] == [
        "You changed your email address or name: type your password again."
    ]
    assert_no_password(response)
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_a_still_invalid_second_step_again_holds_no_password(client, clusters, lookalike):
    offer = client.post(SIGNUP, signup_data(clusters))
    data = browser_form_data(offer.content.decode(), containing="password1", not_a_duplicate="1")
    data["description"] = [""]

    response = client.post(SIGNUP, data)

    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert_no_password(response)
    data["description"] = ["Antibody diagnostics."]
    assert client.post(SIGNUP, data).status_code == 302
    assert User.objects.get().check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_the_kept_password_is_forgotten_on_a_fresh_start_and_after_half_an_hour(client, clusters, lookalike):
    offer = client.post(SIGNUP, signup_data(clusters))
    data = browser_form_data(offer.content.decode(), containing="password1", not_a_duplicate="1")

    client.get(SIGNUP)
    response = client.post(SIGNUP, data)
    assert response.context["form"].errors["password1"] == ["This field is required."]

    client.post(SIGNUP, signup_data(clusters))
    session = client.session
    session[SIGNUP_KEPT_SESSION_KEY] = {**session[SIGNUP_KEPT_SESSION_KEY], "at": time.time() - 31 * 60}
    session.save()
    response = client.post(SIGNUP, data)
    assert response.context["form"].errors["password1"] == ["This field is required."]
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_a_forged_session_hash_never_creates_an_unusable_or_raw_password(client, clusters, lookalike):
    client.post(SIGNUP, signup_data(clusters))
    session = client.session
    session[SIGNUP_KEPT_SESSION_KEY] = {**session[SIGNUP_KEPT_SESSION_KEY], "hash": "plain-text"}
    session.save()

    response = client.post(SIGNUP, signup_data(clusters, password1="", password2="", not_a_duplicate="1"))

    assert response.status_code == 200
    assert "Type your password again." in html.unescape(response.content.decode())
    assert User.objects.count() == 0
