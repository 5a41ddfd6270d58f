"""API tokens expire after API_TOKEN_TTL_DAYS; members see (a prefix only), make and revoke theirs on the profile.

Hashed storage, several tokens, the cap and the migration: test_api_tokens_hashed.py."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from accounts import tokens
from accounts.models import ApiToken
from tests.factories import PASSWORD, UserFactory

from .conftest import first_url, messages_of, path_of

TOKEN_API = "/api/v1/auth/token/"
ME_API = "/api/v1/me/"
PROFILE = reverse("accounts:profile")
CREATE = reverse("accounts:api_token_create")
REVOKE = reverse("accounts:api_token_revoke")  # all of them
EXPIRED = ("This API token has expired. Sign in again at /api/v1/auth/token/ or create a new token on your "
           "profile page.")


def me(key: str):
    return Client().get(ME_API, HTTP_AUTHORIZATION=f"Token {key}")


def issue(user, **kwargs) -> tokens.IssuedToken:
    return tokens.token_issue(user=user, **kwargs)


def age(token: ApiToken, days: float) -> None:
    """As if issued ``days`` ago under the current TTL."""
    created = timezone.now() - timedelta(days=days)
    ApiToken.objects.filter(pk=token.pk).update(created=created, expires_at=created + tokens.ttl())


@pytest.fixture
def person(db):
    return UserFactory(email="jiho@example.kr")


@pytest.mark.django_db
def test_sign_in_answers_a_new_token_and_when_it_expires(client, person, settings):
    settings.API_TOKEN_TTL_DAYS = 30
    response = client.post(TOKEN_API, {"username": "jiho@example.kr", "password": PASSWORD, "name": "nightly sync"})

    assert response.status_code == 200
    body = response.json()
    token = ApiToken.objects.get(user=person)
    assert body["id"] == token.pk and body["name"] == "nightly sync" and body["dropped"] == 0
    assert token.key_hash == tokens.key_hash(body["token"]) and token.prefix == body["token"][:6]
    assert parse_datetime(body["expires"]) == token.created + timedelta(days=30) == token.expires_at
    assert me(body["token"]).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("ttl", "days_old", "works"), [(30, 29.9, True), (30, 30.01, False), (1, 0.5, True),
                                                         (1, 1.01, False)])
def test_a_token_stops_working_after_the_configured_days(person, settings, ttl, days_old, works):
    settings.API_TOKEN_TTL_DAYS = ttl
    issued = issue(person)
    age(issued.token, days_old)

    response = me(issued.key)

    if works:
        assert response.status_code == 200
    else:
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"
        assert response.json() == {"detail": EXPIRED}


@pytest.mark.django_db
def test_lowering_the_ttl_shortens_tokens_already_issued(person, settings):
    settings.API_TOKEN_TTL_DAYS = 30
    issued = issue(person)
    ApiToken.objects.filter(pk=issued.token.pk).update(created=timezone.now() - timedelta(days=3))
    settings.API_TOKEN_TTL_DAYS = 2

    assert me(issued.key).status_code == 401


@pytest.mark.django_db
def test_signing_in_again_issues_another_token_and_both_work(client, person, settings):
    settings.API_TOKEN_TTL_DAYS = 30
    first = client.post(TOKEN_API, {"username": "jiho@example.kr", "password": PASSWORD}).json()["token"]
    again = client.post(TOKEN_API, {"username": "jiho@example.kr", "password": PASSWORD}).json()["token"]

    assert again != first  # keys are not kept: a sign-in cannot hand out an existing one
    assert ApiToken.objects.filter(user=person).count() == 2
    assert me(first).status_code == 200
    assert me(again).status_code == 200


@pytest.mark.django_db
def test_profile_lists_the_tokens_with_a_prefix_never_the_key(client, person, settings):
    settings.API_TOKEN_TTL_DAYS = 30
    issued = issue(person, name="nightly <sync>")
    older = issue(person)
    ApiToken.objects.filter(pk=older.token.pk).update(last_used_at=timezone.now())
    client.force_login(person)

    response = client.get(PROFILE)

    text = response.content.decode()
    token = issued.token
    assert response.status_code == 200
    assert issued.key not in text and older.key not in text
    assert token.key_hash not in text
    assert f"<code>{issued.key[:6]}…</code>" in text and f"<code>{older.key[:6]}…</code>" in text
    assert "nightly &lt;sync&gt;" in text
    seoul = ZoneInfo("Asia/Seoul")  # pages show Seoul time
    assert token.created.astimezone(seoul).strftime("%Y-%m-%d %H:%M") in text
    assert token.expires_at.astimezone(seoul).strftime("%Y-%m-%d %H:%M") in text
    assert "Never" in text  # the first was never used
    assert reverse("accounts:api_token_revoke_one", args=[token.pk]) in text
    assert "Revoke all my tokens" in text
    assert "Expired" not in text


@pytest.mark.django_db
def test_profile_marks_an_expired_token(client, person):
    age(issue(person).token, 400)
    client.force_login(person)

    assert "Expired" in client.get(PROFILE).content.decode()


@pytest.mark.django_db
def test_profile_without_a_token_offers_to_create_one(client, person):
    client.force_login(person)

    text = client.get(PROFILE).content.decode()

    assert "You have no API token." in text
    assert "Create a token" in text
    assert "Revoke all my tokens" not in text


@pytest.mark.django_db
def test_creating_a_token_shows_the_key_once_and_keeps_the_others(client, person):
    old = issue(person)
    client.force_login(person)

    response = client.post(CREATE, {"password": PASSWORD, "name": "laptop"})

    new = ApiToken.objects.get(user=person, name="laptop")
    text = response.content.decode()
    assert response.status_code == 200
    key = text.split('id="new-api-token">', 1)[1].split("</code>", 1)[0]
    assert tokens.key_hash(key) == new.key_hash and key != old.key
    assert "Copy it now" in text
    assert "no-store" in response["Cache-Control"]
    assert me(old.key).status_code == 200
    assert me(key).status_code == 200
    again = client.get(PROFILE)
    assert key not in again.content.decode()
    assert "no-store" in again["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("password", ["wrong-password", "", "\x00"])
def test_creating_a_token_needs_the_password(client, person, password):
    old = issue(person)
    client.force_login(person)

    response = client.post(CREATE, {"password": password})

    assert response.status_code == 400
    assert list(ApiToken.objects.filter(user=person)) == [old.token]
    assert 'id="new-api-token"' not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["x" * 101, "nul\x00name"])
def test_a_bad_token_name_is_a_400(client, person, name):
    client.force_login(person)

    response = client.post(CREATE, {"password": PASSWORD, "name": name})

    assert response.status_code == 400
    assert not ApiToken.objects.filter(user=person).exists()


@pytest.mark.django_db
def test_creating_a_token_counts_wrong_passwords_like_sign_ins(client, person):
    client.force_login(person)
    for _ in range(5):
        assert client.post(CREATE, {"password": "wrong-password"}).status_code == 400

    response = client.post(CREATE, {"password": PASSWORD})

    assert response.status_code == 429
    assert not ApiToken.objects.filter(user=person).exists()


@pytest.mark.django_db
def test_revoking_all_ends_every_token(client, person):
    first, second = issue(person), issue(person)
    client.force_login(person)

    response = client.post(REVOKE, follow=True)

    assert "Your API tokens are revoked: programs using them can no longer sign in." in messages_of(response)
    assert not ApiToken.objects.filter(user=person).exists()
    assert me(first.key).status_code == 401 and me(second.key).status_code == 401
    again = client.post(REVOKE, follow=True)
    assert "You have no API token." in messages_of(again)


@pytest.mark.django_db
def test_revoking_all_touches_only_ones_own_tokens(client, person):
    other = issue(UserFactory())
    issue(person)
    client.force_login(person)

    client.post(REVOKE, {"key": other.key, "user": other.token.user_id, "id": other.token.pk})

    assert ApiToken.objects.filter(pk=other.token.pk).exists()
    assert not ApiToken.objects.filter(user=person).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", [CREATE, REVOKE, "one"])
def test_token_pages_are_posts_behind_sign_in_and_csrf(person, url):
    issued = issue(person)
    if url == "one":
        url = reverse("accounts:api_token_revoke_one", args=[issued.token.pk])
    anonymous = Client().post(url, {"password": PASSWORD})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(person)
    assert browser.get(url).status_code == 405
    assert browser.post(url, {"password": PASSWORD}).status_code == 403  # no CSRF token
    assert list(ApiToken.objects.filter(user=person)) == [issued.token]


@pytest.mark.django_db
def test_a_password_reset_ends_the_api_tokens(client, person):
    first, second = issue(person), issue(person)
    client.post(reverse("accounts:password_reset"), {"email": "jiho@example.kr"})
    link = path_of(first_url(mail.outbox[0].body))
    set_url = client.get(link, follow=True).redirect_chain[-1][0]

    done = client.post(set_url, {"new_password1": "Fresh-Orchid-7712", "new_password2": "Fresh-Orchid-7712"})

    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert not ApiToken.objects.filter(user=person).exists()
    assert me(first.key).status_code == 401 and me(second.key).status_code == 401


@pytest.mark.django_db
def test_account_deletion_removes_the_api_tokens(client, person):
    first, second = issue(person), issue(person)
    client.force_login(person)

    client.post(reverse("accounts:account_delete"), {"password": PASSWORD, "confirm": "DELETE"})

    assert not ApiToken.objects.filter(user=person).exists()
    assert me(first.key).status_code == 401 and me(second.key).status_code == 401


@pytest.mark.django_db
def test_the_admin_shows_prefixes_makes_no_tokens_and_revokes(client, person):
    issued = issue(person, name="ci runner")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    page = client.get(reverse("admin:accounts_user_change", args=[person.pk]))

    assert page.status_code == 200
    assert f"{issued.key[:6]}… made " in page.content.decode()
    assert issued.key not in page.content.decode()
    with pytest.raises(NoReverseMatch):  # DRF's token admin (whole keys, tokens made for anyone) is gone
        reverse("admin:authtoken_tokenproxy_changelist")
    revoke = client.post(reverse("admin:accounts_user_changelist"),
                         {"action": "revoke_api_tokens", "_selected_action": [person.pk]}, follow=True)
    assert "API tokens revoked: 1." in messages_of(revoke)
    assert not ApiToken.objects.filter(user=person).exists()
