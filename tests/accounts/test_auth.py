"""Sign-in, throttling of sign-in, signup and password reset, redirects, profile and verification resend."""

from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

from .conftest import counts, first_url, messages_of, path_of, signup_data

LOGIN = reverse("accounts:login")
THROTTLED = "Too many failed attempts. Wait 15 minutes or reset your password."
WRONG = "The email address or password is not correct."


def login(client, email, password, ip="10.0.0.1", next_url=None):
    url = LOGIN if next_url is None else f"{LOGIN}?next={next_url}"
    return client.post(url, {"email": email, "password": password}, REMOTE_ADDR=ip)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def person(db):
    return UserFactory(email="jiho@example.kr")


@pytest.mark.django_db
def test_login_with_right_password_redirects_home(client, person):
    response = login(client, "jiho@example.kr", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.session["_auth_user_id"] == str(person.pk)


@pytest.mark.django_db
def test_login_email_is_case_insensitive(client, person):
    response = login(client, "JiHo@Example.KR", PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_login_with_wrong_password_shows_message(client, person):
    response = login(client, "jiho@example.kr", "not-the-password")

    assert response.status_code == 200
    assert WRONG in response.context["form"].non_field_errors()
    assert WRONG in response.content.decode()
    assert not signed_in(client)


@pytest.mark.django_db
def test_login_of_deactivated_account_is_refused(client, person):
    person.is_active = False
    person.save()

    response = login(client, "jiho@example.kr", PASSWORD)

    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert not signed_in(client)


@pytest.mark.django_db
def test_sixth_login_after_five_failures_is_refused_even_with_right_password(client, person):
    for _ in range(5):
        assert login(client, "jiho@example.kr", "wrong-guess").status_code == 200

    response = login(client, "jiho@example.kr", PASSWORD)

    assert response.status_code == 429
    assert THROTTLED in response.content.decode()
    assert not signed_in(client)


@pytest.mark.django_db
def test_login_throttle_is_per_email_and_ip(client, person):
    UserFactory(email="other@example.kr")
    for _ in range(5):
        login(client, "jiho@example.kr", "wrong-guess", ip="10.0.0.1")

    assert login(client, "JIHO@example.kr", PASSWORD, ip="10.0.0.1").status_code == 429
    assert login(client, "other@example.kr", PASSWORD, ip="10.0.0.1").status_code == 302
    client.logout()
    assert login(client, "jiho@example.kr", PASSWORD, ip="10.0.0.2").status_code == 302


@pytest.mark.django_db
def test_successful_login_resets_the_failure_count(client, person):
    for _ in range(4):
        login(client, "jiho@example.kr", "wrong-guess")
    assert login(client, "jiho@example.kr", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        login(client, "jiho@example.kr", "wrong-guess")

    assert login(client, "jiho@example.kr", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_login_follows_a_local_next(client, person):
    response = login(client, "jiho@example.kr", PASSWORD, next_url="/organizations/?q=x")

    assert response.status_code == 302
    assert response["Location"] == "/organizations/?q=x"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "\\\\evil.example", "javascript:alert(1)",
     "http:evil.example"],
    ids=["absolute", "protocol_relative", "slash_backslash", "backslashes", "javascript", "scheme_no_slash"],
)
def test_login_refuses_an_open_redirect(client, person, next_url):
    response = client.post(
        LOGIN + "?" + f"next={next_url}".replace("\\", "%5C").replace("//", "%2F%2F"),
        {"email": "jiho@example.kr", "password": PASSWORD},
    )

    assert response.status_code == 302
    location = response["Location"]
    parts = urlsplit(location)
    assert (parts.scheme, parts.netloc) == ("", "")
    assert location.startswith("/")
    assert not location.startswith("//")
    assert "\\" not in location
    assert signed_in(client)


@pytest.mark.django_db
def test_logout_needs_post(client, person):
    client.force_login(person)

    assert client.get(reverse("accounts:logout")).status_code == 405
    assert signed_in(client)
    response = client.post(reverse("accounts:logout"), follow=True)
    assert "You are signed out." in messages_of(response)
    assert not signed_in(client)


# --- signup throttle -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_signup_is_throttled_per_ip(client, clusters, settings):
    settings.AUTH_THROTTLE = {**settings.AUTH_THROTTLE, "signup": (2, 3600)}
    for i in range(2):
        response = client.post(
            reverse("accounts:signup"),
            signup_data(clusters, email=f"p{i}@firm{i}.example.kr", name_ko=f"회사{i}", name_en=f"Firm {i}",
                        website=f"https://firm{i}.example.kr"),
            REMOTE_ADDR="10.1.1.1",
        )
        assert response.status_code == 302
    before = counts()

    response = client.post(
        reverse("accounts:signup"),
        signup_data(clusters, email="p9@firm9.example.kr", name_ko="회사9", name_en="Firm 9", website=""),
        REMOTE_ADDR="10.1.1.1",
    )

    assert response.status_code == 429
    assert "Too many sign-ups from your network. Try again in an hour." in messages_of(response)
    assert counts() == before
    other_ip = client.post(
        reverse("accounts:signup"),
        signup_data(clusters, email="p9@firm9.example.kr", name_ko="회사9", name_en="Firm 9", website=""),
        REMOTE_ADDR="10.1.1.2",
    )
    assert other_ip.status_code == 302


@pytest.mark.django_db
def test_signup_default_limit_is_ten_an_hour(settings):
    assert settings.AUTH_THROTTLE["signup"] == (10, 3600)
    assert settings.AUTH_THROTTLE["login"] == (5, 15 * 60)
    assert settings.AUTH_THROTTLE["password_reset"] == (5, 3600)


# --- password reset -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_password_reset_email_link_sets_a_new_password(client, person):
    response = client.post(reverse("accounts:password_reset"), {"email": "jiho@example.kr"})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert [m.to for m in mail.outbox] == [["jiho@example.kr"]]
    assert mail.outbox[0].subject == "Reset your ClusterLink password"
    link = path_of(first_url(mail.outbox[0].body))
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "Fresh-Orchid-7712", "new_password2": "Fresh-Orchid-7712"})
    assert done.status_code == 302
    assert done["Location"] == reverse("accounts:password_reset_complete")
    person.refresh_from_db()
    assert person.check_password("Fresh-Orchid-7712")
    assert login(client, "jiho@example.kr", "Fresh-Orchid-7712").status_code == 302


@pytest.mark.django_db
def test_password_reset_for_unknown_email_looks_the_same_but_sends_nothing(client, person):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.kr"})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


@pytest.mark.django_db
def test_password_reset_is_throttled_after_five_requests(client, person):
    for _ in range(5):
        assert client.post(reverse("accounts:password_reset"), {"email": "jiho@example.kr"}).status_code == 302
    sent = len(mail.outbox)

    response = client.post(reverse("accounts:password_reset"), {"email": "jiho@example.kr"})

    assert response.status_code == 429
    assert "Too many reset requests. Try again in an hour." in response.content.decode()
    assert len(mail.outbox) == sent == 5


# --- API token throttle ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_token_endpoint_is_throttled(client, person):
    for _ in range(10):
        client.post("/api/v1/auth/token/", {"username": "jiho@example.kr", "password": "wrong"})

    response = client.post("/api/v1/auth/token/", {"username": "jiho@example.kr", "password": PASSWORD})

    assert response.status_code == 429


# --- profile and verification resend ----------------------------------------------------------------


@pytest.mark.django_db
def test_profile_update_records_news_opt_in_time(client, person):
    client.force_login(person)
    assert person.news_opt_in is False

    response = client.post(
        reverse("accounts:profile"),
        {"full_name": "Jiho Park", "phone": "010-5555-0000", "language": "ko", "news_opt_in": "on"},
        follow=True,
    )

    assert "Your profile is saved." in messages_of(response)
    person.refresh_from_db()
    assert (person.full_name, person.phone, person.language) == ("Jiho Park", "010-5555-0000", "ko")
    assert person.news_opt_in is True
    assert person.news_opt_in_at is not None
    client.post(reverse("accounts:profile"), {"full_name": "Jiho Park", "phone": "", "language": "ko"})
    person.refresh_from_db()
    assert (person.news_opt_in, person.news_opt_in_at) == (False, None)


@pytest.mark.django_db
def test_profile_requires_sign_in(client):
    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


@pytest.mark.django_db
def test_unverified_user_can_resend_the_verification_link(client, mailbox):
    user = UserFactory(email="new@example.kr", email_verified_at=None)
    client.force_login(user)
    assert "Please confirm your email address" in client.get(reverse("home")).content.decode()

    with mailbox():
        response = client.post(reverse("accounts:resend_verification"), follow=True)

    assert "We sent a new verification link to new@example.kr." in messages_of(response)
    assert [m.to for m in mail.outbox] == [["new@example.kr"]]
    client.get(path_of(first_url(mail.outbox[0].body)))
    user.refresh_from_db()
    assert user.email_verified_at is not None


@pytest.mark.django_db
def test_verified_user_resend_sends_nothing(client, person, mailbox):
    client.force_login(person)

    with mailbox():
        client.post(reverse("accounts:resend_verification"))

    assert mail.outbox == []
