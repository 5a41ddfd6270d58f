"""API tokens stored hashed, several per person: what a dump holds, the cap, revoking, last use, the migration."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import tokens
from accounts.models import ApiToken
from tests.factories import PASSWORD, UserFactory

from .conftest import messages_of

TOKEN_API = "/api/v1/auth/token/"
ME_API = "/api/v1/me/"
PROFILE = reverse("accounts:profile")
CREATE = reverse("accounts:api_token_create")
REVOKE_ALL = reverse("accounts:api_token_revoke")
EXPIRED = ("This API token has expired. Sign in again at /api/v1/auth/token/ or create a new token on your "
           "profile page.")


def me(key: str):
    return Client().get(ME_API, HTTP_AUTHORIZATION=f"Token {key}")


def revoke_one(token_id: int) -> str:
    return reverse("accounts:api_token_revoke_one", args=[token_id])


def sign_in(client, **extra) -> dict:
    response = client.post(TOKEN_API, {"username": "jiho@example.kr", "password": PASSWORD, **extra})
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def person(db):
    return UserFactory(email="jiho@example.kr")


@pytest.mark.django_db
def test_the_database_holds_no_usable_key(client, person):
    key = sign_in(client, name="dump check")["token"]
    row = ApiToken.objects.filter(user=person).values().get()

    assert len(key) == 40 and int(key, 16) >= 0  # 160 bits from secrets, hex like DRF's keys
    assert all(key not in str(value) for value in row.values())
    assert row["prefix"] == key[:6]
    assert row["key_hash"] == tokens.key_hash(key) != key
    if connection.vendor == "postgresql":  # the whole table as a dump would write it
        with connection.cursor() as cursor:
            cursor.execute("SELECT row_to_json(t)::text FROM accounts_apitoken t")
            assert all(key not in text for (text,) in cursor.fetchall())
    assert me(key).status_code == 200
    assert me(row["key_hash"]).status_code == 401  # the hash itself signs nobody in


@pytest.mark.django_db
def test_two_tokens_of_one_person_work_at_once(client, person):
    first, second = sign_in(client, name="script A"), sign_in(client, name="script B")

    assert first["token"] != second["token"]
    assert me(first["token"]).status_code == 200
    assert me(second["token"]).status_code == 200
    assert me(first["token"]).json()["email"] == "jiho@example.kr"
    assert set(ApiToken.objects.filter(user=person).values_list("name", flat=True)) == {"script A", "script B"}


@pytest.mark.django_db
def test_issuing_beyond_the_cap_drops_the_oldest_and_says_so(client, person, settings):
    settings.API_TOKENS_PER_USER = 3
    keys = [sign_in(client)["token"] for _ in range(3)]
    oldest = ApiToken.objects.get(key_hash=tokens.key_hash(keys[0]))
    ApiToken.objects.filter(pk=oldest.pk).update(created=timezone.now() - timedelta(days=1))

    fourth = sign_in(client)

    assert fourth["dropped"] == 1
    assert ApiToken.objects.filter(user=person).count() == 3
    assert not ApiToken.objects.filter(pk=oldest.pk).exists()
    assert me(keys[0]).status_code == 401
    assert all(me(key).status_code == 200 for key in [*keys[1:], fourth["token"]])

    client.force_login(person)
    page = client.post(CREATE, {"password": PASSWORD})
    assert page.status_code == 200
    assert "so the token you used least recently was revoked" in page.content.decode()
    assert ApiToken.objects.filter(user=person).count() == 3


@pytest.mark.django_db
def test_the_cap_keeps_a_token_in_daily_use_and_drops_expired_ones_first(client, person, settings):
    """A script that signs in on every run must not revoke the token another program uses every day."""
    settings.API_TOKENS_PER_USER = 3
    daily = sign_in(client, name="daily sync")["token"]
    ApiToken.objects.filter(key_hash=tokens.key_hash(daily)).update(created=timezone.now() - timedelta(days=5))
    assert me(daily).status_code == 200  # used just now: the most recently used, though the oldest made
    runs = [sign_in(client, name="nightly")["token"] for _ in range(2)]
    ApiToken.objects.filter(key_hash=tokens.key_hash(runs[0])).update(created=timezone.now() - timedelta(days=2))

    third = sign_in(client, name="nightly")

    assert third["dropped"] == 1
    assert me(daily).status_code == 200
    assert me(runs[0]).status_code == 401  # never used and older than the other run's: the least recently used
    assert me(runs[1]).status_code == 200
    expired = ApiToken.objects.get(key_hash=tokens.key_hash(runs[1]))
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    fourth = sign_in(client, name="nightly")

    assert fourth["dropped"] == 0  # the expired token went without taking a live one's place
    assert not ApiToken.objects.filter(pk=expired.pk).exists()
    assert ApiToken.objects.filter(user=person).count() == 3
    assert me(daily).status_code == 200


@pytest.mark.django_db
def test_a_bad_token_name_alone_is_not_a_failed_sign_in(client, person):
    from accounts import throttle

    for _ in range(8):
        response = client.post("/api/v1/auth/token/", {"username": "jiho@example.kr", "password": PASSWORD,
                                                        "name": "x" * 101})
        assert response.status_code == 400 and "name" in response.json()
    assert not throttle.login_blocked(response.wsgi_request, "jiho@example.kr")
    assert sign_in(client)["token"]


@pytest.mark.django_db
def test_an_expired_token_is_refused_with_401(person, settings):
    settings.API_TOKEN_TTL_DAYS = 30
    issued = tokens.token_issue(user=person)
    ApiToken.objects.filter(pk=issued.token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    response = me(issued.key)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {"detail": EXPIRED}


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["Token not-a-real-token", "Token " + "0" * 40, "Token \u00e9\u00e9"])
def test_an_unknown_key_is_refused_with_401(person, header):
    tokens.token_issue(user=person)

    response = Client().get(ME_API, HTTP_AUTHORIZATION=header)

    assert response.status_code == 401 and response["WWW-Authenticate"] == "Token"


@pytest.mark.django_db
def test_an_inactive_persons_token_is_refused(person):
    issued = tokens.token_issue(user=person)
    person.is_active = False
    person.save(update_fields=["is_active"])

    assert me(issued.key).status_code == 401


@pytest.mark.django_db
def test_revoking_one_token_leaves_the_others(client, person):
    keep, drop = tokens.token_issue(user=person, name="keep"), tokens.token_issue(user=person, name="drop")
    client.force_login(person)

    response = client.post(revoke_one(drop.token.pk), follow=True)

    assert f"The API token {drop.key[:6]}… is revoked: programs using it can no longer sign in." in messages_of(response)
    assert list(ApiToken.objects.filter(user=person)) == [keep.token]
    assert me(drop.key).status_code == 401
    assert me(keep.key).status_code == 200
    assert client.post(revoke_one(drop.token.pk)).status_code == 404  # already gone


@pytest.mark.django_db
def test_revoking_all_tokens(client, person):
    issued = [tokens.token_issue(user=person) for _ in range(3)]
    other = tokens.token_issue(user=UserFactory())
    client.force_login(person)

    client.post(REVOKE_ALL)

    assert not ApiToken.objects.filter(user=person).exists()
    assert all(me(i.key).status_code == 401 for i in issued)
    assert me(other.key).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("token_id", ["theirs", 2**70, 0])
def test_another_persons_token_id_is_a_404(client, person, token_id):
    theirs = tokens.token_issue(user=UserFactory())
    mine = tokens.token_issue(user=person)
    client.force_login(person)

    response = client.post(revoke_one(theirs.token.pk if token_id == "theirs" else token_id))

    assert response.status_code == 404
    assert ApiToken.objects.filter(pk__in=[theirs.token.pk, mine.token.pk]).count() == 2
    assert me(theirs.key).status_code == 200


@pytest.mark.django_db
def test_last_used_is_written_at_most_once_a_minute(person):
    issued = tokens.token_issue(user=person)
    assert issued.token.last_used_at is None

    assert me(issued.key).status_code == 200
    first_use = ApiToken.objects.get(pk=issued.token.pk).last_used_at
    assert first_use is not None
    with CaptureQueriesContext(connection) as queries:
        assert me(issued.key).status_code == 200
    assert not [q for q in queries if q["sql"].startswith("UPDATE") and "accounts_apitoken" in q["sql"]]
    assert ApiToken.objects.get(pk=issued.token.pk).last_used_at == first_use

    ApiToken.objects.filter(pk=issued.token.pk).update(last_used_at=first_use - timedelta(minutes=2))
    assert me(issued.key).status_code == 200
    assert ApiToken.objects.get(pk=issued.token.pk).last_used_at > first_use


@pytest.mark.django_db
def test_the_data_export_lists_tokens_without_keys_or_hashes(client, person):
    issued = tokens.token_issue(user=person, name="export script")
    ApiToken.objects.filter(pk=issued.token.pk).update(last_used_at=timezone.now())
    other = tokens.token_issue(user=UserFactory(), name="their script")
    client.force_login(person)

    response = client.get(reverse("portal:data_export"))

    text = response.content.decode()
    listed = json.loads(text)["api_tokens"]
    assert [(t["name"], t["prefix"]) for t in listed] == [("export script", issued.key[:6])]
    assert set(listed[0]) == {"name", "prefix", "created", "expires_at", "last_used_at"}
    assert listed[0]["last_used_at"] is not None
    for secret in (issued.key, issued.token.key_hash, other.key, other.token.key_hash, "their script"):
        assert secret not in text


@pytest.mark.django_db
def test_the_token_admin_shows_prefixes_only_and_revokes(client, person):
    issued = tokens.token_issue(user=person, name="ci runner")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    listing = client.get(reverse("admin:accounts_apitoken_changelist"))
    detail = client.get(reverse("admin:accounts_apitoken_change", args=[issued.token.pk]))

    for page in (listing, detail):
        assert page.status_code == 200
        text = page.content.decode()
        assert f"{issued.key[:6]}…" in text and "ci runner" in text
        assert issued.key not in text and issued.token.key_hash not in text
    assert client.get(reverse("admin:accounts_apitoken_add")).status_code == 403  # staff make no tokens
    revoke = client.post(reverse("admin:accounts_apitoken_changelist"),
                         {"action": "revoke_tokens", "_selected_action": [issued.token.pk]}, follow=True)
    assert "API tokens revoked: 1." in messages_of(revoke)
    assert me(issued.key).status_code == 401


@pytest.mark.django_db
def test_the_profile_page_names_tokens_and_shows_a_new_key_once(client, person):
    client.force_login(person)

    response = client.post(CREATE, {"password": PASSWORD, "name": "  laptop  "})

    text = response.content.decode()
    key = text.split('id="new-api-token">', 1)[1].split("</code>", 1)[0]
    token = ApiToken.objects.get(user=person)
    assert token.name == "laptop" and token.key_hash == tokens.key_hash(key)
    assert "Copy it now" in text
    assert key not in client.get(PROFILE).content.decode()


# --- the migration: DRF's clear-key tokens become hashed ApiToken rows -------------------------------------


BEFORE = [("accounts", "0010_organizationchange_withdrawn")]
DRF_TABLE_SQL = ("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, "
                 "created timestamp with time zone NOT NULL, user_id bigint NOT NULL UNIQUE)")


def _migrate(targets: list) -> None:
    MigrationExecutor(connection).migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_the_migration_converts_a_drf_token_so_the_same_key_still_works(settings):
    settings.API_TOKEN_TTL_DAYS = 30
    person, late = UserFactory(email="old.client@example.kr"), UserFactory()
    key = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"  # DRF keys as DRF made them
    stale_key = "0123456789abcdef0123456789abcdef01234567"
    made = timezone.now() - timedelta(days=10)
    _migrate(BEFORE)
    try:
        with connection.cursor() as cursor:  # the table DRF's authtoken app made, before it was removed
            cursor.execute(DRF_TABLE_SQL)
            cursor.execute("INSERT INTO authtoken_token (key, created, user_id) VALUES (%s, %s, %s), (%s, %s, %s)",
                           [key, made, person.pk, stale_key, made - timedelta(days=25), late.pk])
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

        token = ApiToken.objects.get(user=person)
        assert token.key_hash == tokens.key_hash(key) and token.prefix == key[:6] and token.name == ""
        assert token.created == made and token.expires_at == made + timedelta(days=30)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM authtoken_token")
            assert cursor.fetchone()[0] == 0  # the clear keys are gone
        response = me(key)
        assert response.status_code == 200 and response.json()["email"] == "old.client@example.kr"
        assert me(stale_key).status_code == 401  # 35 days old: expired, as it was before the migration
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS authtoken_token")
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_migration_runs_without_drf_tables_and_goes_back():
    _migrate(BEFORE)
    assert "accounts_apitoken" not in connection.introspection.table_names()
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert "accounts_apitoken" in connection.introspection.table_names()
