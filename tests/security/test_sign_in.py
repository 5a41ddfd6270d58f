"""Sign-in: redirects stay on the site; every way in (page, API token, admin) shares one failure counter."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return UserFactory(email="jiho@example.kr")


def _login(client, email, password, next_url=None, ip="10.0.0.1"):
    url = reverse("accounts:login") + (f"?next={next_url}" if next_url is not None else "")
    return client.post(url, {"email": email, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("target", ["/\\evil.example/", "/\\/evil.example/", "https://evil.example/", "//evil.example/"])
def test_login_never_redirects_off_site(client, person, target):
    response = _login(client, "jiho@example.kr", PASSWORD, next_url=target)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_login_follows_a_path_on_the_site(client, person):
    response = _login(client, "jiho@example.kr", PASSWORD, next_url="/events/")
    assert response["Location"] == "/events/"


def test_failed_logins_on_the_page_also_block_the_api_token(client, person):
    for _ in range(5):
        assert _login(client, "jiho@example.kr", "wrong-guess").status_code == 200
    response = client.post("/api/v1/auth/token/", {"username": "jiho@example.kr", "password": PASSWORD},
                           REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    assert "token" not in response.json()


def test_api_token_failures_count_for_the_login_page(client, person):
    for _ in range(5):
        r = client.post("/api/v1/auth/token/", {"username": "JIHO@example.kr", "password": "x"}, REMOTE_ADDR="10.0.0.1")
        assert r.status_code == 400
    assert _login(client, "jiho@example.kr", PASSWORD).status_code == 429


def test_admin_login_is_throttled(client):
    staff = UserFactory(email="staff@example.kr", is_staff=True, is_superuser=True)
    for _ in range(5):
        r = client.post("/admin/login/", {"username": staff.email, "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
        assert r.status_code == 200
    r = client.post("/admin/login/", {"username": staff.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert r.status_code == 429
    assert "_auth_user_id" not in client.session


def test_admin_login_still_works(client):
    staff = UserFactory(email="staff@example.kr", is_staff=True, is_superuser=True)
    r = client.post("/admin/login/?next=/admin/", {"username": staff.email, "password": PASSWORD})
    assert r.status_code == 302 and client.session["_auth_user_id"] == str(staff.pk)


def test_one_client_spraying_many_addresses_is_stopped(client, settings):
    settings.AUTH_THROTTLE = {**settings.AUTH_THROTTLE, "login_ip": (3, 900)}
    victim = UserFactory(email="victim@example.kr")
    for n in range(3):
        _login(client, f"nobody{n}@example.kr", "Spring2026!", ip="10.9.9.9")
    assert _login(client, victim.email, PASSWORD, ip="10.9.9.9").status_code == 429
    assert _login(client, victim.email, PASSWORD, ip="10.9.9.10").status_code == 302


def test_throttle_keys_do_not_carry_what_the_visitor_typed():
    """Cache keys are hashes of the identity: fixed length, plain characters, whatever was typed."""
    from accounts.throttle import _key

    key = _key("login", "1.2.3.4:" + "é\x07" * 5000)

    assert len(key) < 60
    assert key.isascii() and key.isprintable()
    assert _key("login", "a@example.kr") == _key("login", "a@example.kr") != _key("login", "b@example.kr")
