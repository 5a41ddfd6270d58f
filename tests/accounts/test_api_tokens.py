"""API tokens expire after API_TOKEN_TTL_DAYS; members see (a prefix only), replace and revoke theirs on the profile."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from rest_framework.authtoken.models import Token

from accounts import tokens
from tests.factories import PASSWORD, UserFactory

from .conftest import first_url, messages_of, path_of

TOKEN_API = "/api/v1/auth/token/"
ME_API = "/api/v1/me/"
PROFILE = reverse("accounts:profile")
CREATE = reverse("accounts:api_token_create")
REVOKE = reverse("accounts:api_token_revoke")
EXPIRED = ("This API token has expired. Sign in again at /api/v1/auth/token/ or create a new token on your "
           "profile page.")


def me(key: str):
    return Client().get(ME_API, HTTP_AUTHORIZATION=f"Token {key}")


def age(token: Token, days: float) -> None:
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - timedelta(days=days))


@pytest.fixture
def person(db):
    return UserFactory(email="jiho@example.kr")


@pytest.mark.django_db
def test_sign_in_answers_the_token_and_when_it_expires(client, person, settings):
    settings.API_TOKEN_TTL_DAYS = 30
    response = client.post(TOKEN_API, {"username": "jiho@example.kr", "password": PASSWORD})

    assert response.status_code == 200
    body = response.json()
    token = Token.objects.get(user=person)
    assert body["token"] == token.key
    assert parse_datetime(body["expires"]) == token.created + timedelta(days=30)
    assert me(token.key).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("ttl", "days_old", "works"), [(30, 29.9, True), (30, 30.01, False), (1, 0.5, True),
                                                         (1, 1.01, False)])
def test_a_token_stops_working_after_the_configured_days(person, settings, ttl, days_old, works):
    settings.API_TOKEN_TTL_DAYS = ttl
    token = Token.objects.create(user=person)
    age(token, days_old)

    response = me(token.key)

    if works:
        assert response.status_code == 200
    else:
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"
        assert response.json() == {"detail": EXPIRED}


@pytest.mark.django_db
def test_signing_in_again_replaces_an_expired_token_and_keeps_a_valid_one(client, person, settings):
    settings.API_TOKEN_TTL_DAYS = 30
    first = client.post(TOKEN_API, {"username": "jiho@example.kr", "password": PASSWORD}).json()["token"]
    again = client.post(TOKEN_API, {"username": "jiho@example.kr", "password": PASSWORD}).json()["token"]
    assert again == first  # still valid: the same token (several scripts may share it)

    age(Token.objects.get(pk=first), 31)
    renewed = client.post(TOKEN_API, {"username": "jiho@example.kr", "password": PASSWORD}).json()["token"]

    assert renewed != first
    assert Token.objects.filter(user=person).count() == 1
    assert me(first).status_code == 401
    assert me(renewed).status_code == 200


@pytest.mark.django_db
def test_profile_lists_the_token_with_a_prefix_never_the_key(client, person, settings):
    settings.API_TOKEN_TTL_DAYS = 30
    token = Token.objects.create(user=person)
    client.force_login(person)

    response = client.get(PROFILE)

    text = response.content.decode()
    assert response.status_code == 200
    assert token.key not in text
    assert f"<code>{token.key[:6]}…</code>" in text
    seoul = ZoneInfo("Asia/Seoul")  # pages show Seoul time
    assert token.created.astimezone(seoul).strftime("%Y-%m-%d %H:%M") in text
    assert tokens.expires_at(token).astimezone(seoul).strftime("%Y-%m-%d %H:%M") in text
    assert "Revoke this token" in text
    assert "Expired" not in text


@pytest.mark.django_db
def test_profile_marks_an_expired_token(client, person):
    token = Token.objects.create(user=person)
    age(token, 400)
    client.force_login(person)

    assert "Expired" in client.get(PROFILE).content.decode()


@pytest.mark.django_db
def test_profile_without_a_token_offers_to_create_one(client, person):
    client.force_login(person)

    text = client.get(PROFILE).content.decode()

    assert "You have no API token." in text
    assert "Create a token" in text
    assert "Revoke this token" not in text


@pytest.mark.django_db
def test_creating_a_token_shows_the_key_once_and_ends_the_old_one(client, person):
    old = Token.objects.create(user=person)
    client.force_login(person)

    response = client.post(CREATE, {"password": PASSWORD})

    new = Token.objects.get(user=person)
    assert new.key != old.key
    assert response.status_code == 200
    assert f'id="new-api-token">{new.key}</code>' in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert me(old.key).status_code == 401
    assert me(new.key).status_code == 200
    again = client.get(PROFILE)
    assert new.key not in again.content.decode()
    assert "no-store" in again["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("password", ["wrong-password", "", "\x00"])
def test_creating_a_token_needs_the_password(client, person, password):
    old = Token.objects.create(user=person)
    client.force_login(person)

    response = client.post(CREATE, {"password": password})

    assert response.status_code == 400
    assert Token.objects.get(user=person).key == old.key
    assert 'id="new-api-token"' not in response.content.decode()


@pytest.mark.django_db
def test_creating_a_token_counts_wrong_passwords_like_sign_ins(client, person):
    client.force_login(person)
    for _ in range(5):
        assert client.post(CREATE, {"password": "wrong-password"}).status_code == 400

    response = client.post(CREATE, {"password": PASSWORD})

    assert response.status_code == 429
    assert not Token.objects.filter(user=person).exists()


@pytest.mark.django_db
def test_revoking_ends_the_token(client, person):
    token = Token.objects.create(user=person)
    client.force_login(person)

    response = client.post(REVOKE, follow=True)

    assert "Your API token is revoked: programs using it can no longer sign in." in messages_of(response)
    assert not Token.objects.filter(user=person).exists()
    assert me(token.key).status_code == 401
    again = client.post(REVOKE, follow=True)
    assert "You have no API token." in messages_of(again)


@pytest.mark.django_db
def test_revoking_touches_only_ones_own_token(client, person):
    other = Token.objects.create(user=UserFactory())
    Token.objects.create(user=person)
    client.force_login(person)

    client.post(REVOKE, {"key": other.key, "user": other.user_id})

    assert Token.objects.filter(pk=other.pk).exists()
    assert not Token.objects.filter(user=person).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", [CREATE, REVOKE])
def test_token_pages_are_posts_behind_sign_in_and_csrf(person, url):
    token = Token.objects.create(user=person)
    anonymous = Client().post(url, {"password": PASSWORD})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(person)
    assert browser.get(url).status_code == 405
    assert browser.post(url, {"password": PASSWORD}).status_code == 403  # no CSRF token
    assert Token.objects.get(user=person).key == token.key


@pytest.mark.django_db
def test_a_password_reset_ends_the_api_token(client, person):
    token = Token.objects.create(user=person)
    client.post(reverse("accounts:password_reset"), {"email": "jiho@example.kr"})
    link = path_of(first_url(mail.outbox[0].body))
    set_url = client.get(link, follow=True).redirect_chain[-1][0]

    done = client.post(set_url, {"new_password1": "Fresh-Orchid-7712", "new_password2": "Fresh-Orchid-7712"})

    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert not Token.objects.filter(user=person).exists()
    assert me(token.key).status_code == 401


@pytest.mark.django_db
def test_account_deletion_removes_the_api_token(client, person):
    token = Token.objects.create(user=person)
    client.force_login(person)

    client.post(reverse("accounts:account_delete"), {"password": PASSWORD, "confirm": "DELETE"})

    assert not Token.objects.filter(user=person).exists()
    assert me(token.key).status_code == 401


@pytest.mark.django_db
def test_the_admin_shows_a_prefix_makes_no_tokens_and_revokes(client, person):
    token = Token.objects.create(user=person)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    page = client.get(reverse("admin:accounts_user_change", args=[person.pk]))

    assert page.status_code == 200
    assert f"{token.key[:6]}… made " in page.content.decode()
    assert token.key not in page.content.decode()
    with pytest.raises(NoReverseMatch):  # DRF's token admin (whole keys, tokens made for anyone) is gone
        reverse("admin:authtoken_tokenproxy_changelist")
    revoke = client.post(reverse("admin:accounts_user_changelist"),
                         {"action": "revoke_api_tokens", "_selected_action": [person.pk]}, follow=True)
    assert "API tokens revoked: 1." in messages_of(revoke)
    assert not Token.objects.filter(user=person).exists()
