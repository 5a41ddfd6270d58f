"""Signup: account + organisation in one step, validation, email verification and duplicate detection."""

import html

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import Membership, MembershipRole, MembershipStatus, Organization, OrganizationStatus, User
from clusters.models import ClusterMembership, ClusterMembershipStatus
from core.errors import Conflict, DomainError
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

from .conftest import NEW_PASSWORD, browser_form_data, counts, first_url, messages_of, path_of, signup_data

SIGNUP = reverse("accounts:signup")
OFFER = "This organisation may already be on ClusterLink"


def page_text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_signup_creates_user_pending_org_admin_membership_and_cluster_requests(client, clusters, mailbox):
    before = timezone.now()
    with mailbox():
        response = client.post(SIGNUP, signup_data(clusters, email="MinJi@NeoBio.example.kr"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup_done")
    user = User.objects.get()
    assert user.email == "minji@neobio.example.kr"
    assert user.full_name == "김민지"
    assert user.phone == "010-1234-5678"
    assert user.check_password(NEW_PASSWORD)
    assert user.privacy_consent_version == settings.PRIVACY_POLICY_VERSION
    assert before <= user.privacy_consent_at <= timezone.now()
    assert user.news_opt_in is False
    assert user.news_opt_in_at is None
    assert user.email_verified_at is None

    org = Organization.objects.get()
    assert org.status == OrganizationStatus.PENDING
    assert (org.name_ko, org.name_en, org.kind) == ("네오바이오", "NeoBio", "firm")
    assert (org.region, org.country) == ("seoul", "KR")
    assert org.website_domain == "neobio.example.kr"
    assert org.verified_at is None

    membership = Membership.objects.get()
    assert (membership.user, membership.organization) == (user, org)
    assert membership.role == MembershipRole.ADMIN
    assert membership.status == MembershipStatus.ACTIVE

    requested = ClusterMembership.objects.filter(organization=org).order_by("cluster__slug")
    assert [(cm.cluster.slug, cm.status) for cm in requested] == [
        ("osong", ClusterMembershipStatus.REQUESTED),
        ("seoul-bio", ClusterMembershipStatus.REQUESTED),
    ]
    # The applicant is signed in straight away.
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_signup_news_opt_in_is_stored_separately_from_consent(client, clusters):
    response = client.post(SIGNUP, signup_data(clusters, news_opt_in="on"))

    assert response.status_code == 302
    user = User.objects.get()
    assert user.news_opt_in is True
    assert user.news_opt_in_at is not None
    assert user.privacy_consent_version == settings.PRIVACY_POLICY_VERSION


@pytest.mark.django_db
def test_signup_sends_verification_email_whose_link_verifies_the_address(client, clusters, mailbox):
    with mailbox():
        client.post(SIGNUP, signup_data(clusters))

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["minji@neobio.example.kr"]
    assert message.subject == "Confirm your email address for ClusterLink"
    link = first_url(message.body)
    assert link.startswith(settings.SITE_URL + "/accounts/verify/")

    client.logout()  # the link works from any browser, signed in or not
    response = client.get(path_of(link), follow=True)

    assert response.redirect_chain == [(reverse("home"), 302)]
    assert "Thank you, your email address minji@neobio.example.kr is verified." in messages_of(response)
    assert User.objects.get().email_verified_at is not None


@pytest.mark.django_db
def test_verification_link_tampered_is_refused(client, clusters, mailbox):
    with mailbox():
        client.post(SIGNUP, signup_data(clusters))
    link = path_of(first_url(mail.outbox[0].body))

    response = client.get(link[:-3] + "xyz/", follow=True)

    assert "This verification link is not valid." in messages_of(response)
    assert User.objects.get().email_verified_at is None


@pytest.mark.django_db
def test_verification_link_expired_is_refused(client, clusters, mailbox, settings):
    with mailbox():
        client.post(SIGNUP, signup_data(clusters))
    link = path_of(first_url(mail.outbox[0].body))
    settings.EMAIL_VERIFICATION_MAX_AGE = -1

    response = client.get(link, follow=True)

    assert "This verification link has expired. Sign in to get a new one." in messages_of(response)
    assert User.objects.get().email_verified_at is None


@pytest.mark.django_db
def test_signup_abroad_with_country_code_stores_it_upper_case(client, clusters):
    response = client.post(SIGNUP, signup_data(clusters, region="abroad", country="us"))

    assert response.status_code == 302
    org = Organization.objects.get()
    assert (org.region, org.country) == ("abroad", "US")


@pytest.mark.django_db
def test_signup_in_korea_ignores_a_stray_country_code(client, clusters):
    response = client.post(SIGNUP, signup_data(clusters, region="busan", country="US"))

    assert response.status_code == 302
    assert Organization.objects.get().country == "KR"


INVALID = {
    "weak_common": (
        {"password1": "password1234", "password2": "password1234"}, "password1", "This password is too common."
    ),
    "weak_numeric": (
        {"password1": "83029571634127", "password2": "83029571634127"},
        "password1",
        "This password is entirely numeric.",
    ),
    "weak_short": (
        {"password1": "Kq7!zr", "password2": "Kq7!zr"},
        "password1",
        "This password is too short. It must contain at least 10 characters.",
    ),
    "weak_like_email": (
        {"password1": "minji@neobio.example.kr", "password2": "minji@neobio.example.kr"},
        "password1",
        "The password is too similar to the email address.",
    ),
    "mismatched": ({"password2": "Another-Password-99"}, "password2", "The two passwords do not match."),
    "missing_consent": (
        {"privacy_consent": None}, "privacy_consent", "You must agree to the privacy policy to sign up."
    ),
    "missing_org_name": (
        {"name_ko": "", "name_en": "  "}, "name_ko", "Give the organisation's name in Korean, English or both."
    ),
    "missing_clusters": ({"clusters": []}, "clusters", "Choose at least one cluster to join."),
    "abroad_without_country": (
        {"region": "abroad", "country": ""},
        "country",
        "For an organisation abroad, give its two-letter country code (e.g. US).",
    ),
    "abroad_with_kr": (
        {"region": "abroad", "country": "KR"},
        "country",
        "For an organisation abroad, give its two-letter country code (e.g. US).",
    ),
    "missing_full_name": ({"full_name": ""}, "full_name", "This field is required."),
    "missing_description": ({"description": ""}, "description", "This field is required."),
    "bad_email": ({"email": "not-an-email"}, "email", "Enter a valid email address."),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("overrides", "field", "message"), list(INVALID.values()), ids=list(INVALID))
def test_signup_invalid_shows_message_and_creates_nothing(client, clusters, mailbox, overrides, field, message):
    before = counts()
    with mailbox():
        response = client.post(SIGNUP, signup_data(clusters, **overrides))

    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert message in page_text(response)
    assert counts() == before
    assert mail.outbox == []
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["minji@neobio.example.kr", "MINJI@neobio.example.KR"])
def test_signup_duplicate_email_shows_message_and_creates_nothing(client, clusters, mailbox, email):
    UserFactory(email="minji@neobio.example.kr")
    before = counts()
    with mailbox():
        response = client.post(SIGNUP, signup_data(clusters, email=email))

    assert response.status_code == 200
    message = "An account with this email address already exists. Sign in or reset your password."
    assert message in page_text(response)
    assert counts() == before
    assert mail.outbox == []


@pytest.mark.django_db
def test_signup_page_renders_every_field(client, clusters):
    response = client.get(SIGNUP)

    assert response.status_code == 200
    text = page_text(response)
    for name in ("full_name", "email", "password1", "password2", "name_ko", "name_en", "kind", "region",
                 "country", "website", "description", "privacy_consent", "news_opt_in"):
        assert f'name="{name}"' in text
    for cluster in clusters:
        assert f'value="{cluster.pk}"' in text


# --- duplicate detection -------------------------------------------------------------------------

DUPLICATES = {
    "same_korean_name": {"name_ko": "네오바이오", "name_en": "Something Else", "website": "https://other.example.kr"},
    "same_english_name_other_case": {"name_ko": "다른이름", "name_en": "NEOBIO", "website": ""},
    "same_domain_www_and_path": {"name_ko": "다른이름", "name_en": "Other", "website": "http://neobio.example.kr/about/"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("existing", list(DUPLICATES.values()), ids=list(DUPLICATES))
def test_signup_likely_duplicate_offers_request_to_join_and_creates_nothing(client, clusters, mailbox, existing):
    org = OrganizationFactory(**existing)
    before = counts()
    with mailbox():
        response = client.post(SIGNUP, signup_data(clusters))

    assert response.status_code == 200
    text = page_text(response)
    assert OFFER in text
    assert f'name="join_org" value="{org.pk}"' in text
    assert "Request to join" in text
    assert 'name="not_a_duplicate" value="1"' in text
    assert counts() == before
    assert mail.outbox == []


@pytest.mark.django_db
def test_signup_rejected_lookalike_is_not_offered(client, clusters):
    OrganizationFactory(name_ko="네오바이오", status=OrganizationStatus.REJECTED)

    response = client.post(SIGNUP, signup_data(clusters))

    assert response.status_code == 302
    assert Organization.objects.count() == 2


@pytest.mark.django_db
def test_signup_choosing_join_creates_requested_membership_and_emails_org_admins(client, clusters, mailbox):
    org = OrganizationFactory(name_en="NeoBio", name_ko="네오")
    admin = MembershipFactory(organization=org, role=MembershipRole.ADMIN).user
    MembershipFactory(organization=org, role=MembershipRole.MEMBER)  # plain members are not asked
    orgs_before = Organization.objects.count()

    with mailbox():
        response = client.post(SIGNUP, signup_data(clusters, join_org=str(org.pk)))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup_done")
    user = User.objects.get(email="minji@neobio.example.kr")
    membership = Membership.objects.get(user=user)
    assert membership.organization == org
    assert membership.status == MembershipStatus.REQUESTED
    assert membership.role == MembershipRole.MEMBER
    assert Organization.objects.count() == orgs_before
    assert not ClusterMembership.objects.exists()
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {user.email, admin.email}
    assert by_recipient[admin.email].subject == "김민지 asks to join NeoBio on ClusterLink"
    assert "minji@neobio.example.kr" in by_recipient[admin.email].body
    # A requested membership grants nothing yet: the organisation page does not list the applicant.
    assert not user.memberships.filter(status=MembershipStatus.ACTIVE).exists()


@pytest.mark.django_db
def test_signup_join_offer_round_trip_as_a_browser_submits_it(client, clusters, mailbox):
    """Clicking "Request to join" on the offer page must not lose what the applicant already typed."""
    org = OrganizationFactory(name_en="NeoBio")
    offer = client.post(SIGNUP, signup_data(clusters))
    assert OFFER in page_text(offer)

    data = browser_form_data(offer.content.decode(), containing="password1", join_org=str(org.pk))
    with mailbox():
        response = client.post(SIGNUP, data)

    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    membership = Membership.objects.get(user__email="minji@neobio.example.kr")
    assert (membership.organization, membership.status) == (org, MembershipStatus.REQUESTED)


@pytest.mark.django_db
def test_signup_not_a_duplicate_round_trip_registers_a_new_org(client, clusters):
    existing = OrganizationFactory(name_en="NeoBio")
    offer = client.post(SIGNUP, signup_data(clusters))

    data = browser_form_data(offer.content.decode(), containing="password1", not_a_duplicate="1")
    response = client.post(SIGNUP, data)

    assert response.status_code == 302
    new = Organization.objects.exclude(pk=existing.pk).get()
    assert new.status == OrganizationStatus.PENDING
    assert new.memberships.get().user.email == "minji@neobio.example.kr"
    assert existing.memberships.count() == 0


@pytest.mark.django_db
def test_signup_not_a_duplicate_registers_a_new_pending_org(client, clusters):
    existing = OrganizationFactory(name_en="NeoBio")

    response = client.post(SIGNUP, signup_data(clusters, not_a_duplicate="1"))

    assert response.status_code == 302
    assert Organization.objects.count() == 2
    new = Organization.objects.exclude(pk=existing.pk).get()
    assert (new.name_en, new.status) == ("NeoBio", OrganizationStatus.PENDING)
    assert Membership.objects.get(organization=new).role == MembershipRole.ADMIN
    assert ClusterMembership.objects.filter(organization=new).count() == 2


@pytest.mark.django_db
def test_signup_join_with_an_org_that_is_not_a_lookalike_creates_nothing(client, clusters):
    OrganizationFactory(name_en="NeoBio")
    unrelated = OrganizationFactory(name_en="Unrelated")
    before = counts()

    response = client.post(SIGNUP, signup_data(clusters, join_org=str(unrelated.pk)))

    assert response.status_code == 200
    assert OFFER in page_text(response)
    assert counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("join_org", ["abc", "1 OR 1=1", ""])
def test_signup_join_with_a_tampered_value_shows_the_offer_again(client, clusters, join_org):
    OrganizationFactory(name_en="NeoBio")
    before = counts()

    response = client.post(SIGNUP, signup_data(clusters, join_org=join_org))

    assert response.status_code == 200
    assert OFFER in page_text(response)
    assert counts() == before


@pytest.mark.django_db
def test_join_request_is_approved_by_an_org_admin_from_the_org_page(client, clusters, mailbox):
    org = OrganizationFactory(name_en="NeoBio")
    admin = MembershipFactory(organization=org, role=MembershipRole.ADMIN).user
    client.post(SIGNUP, signup_data(clusters, join_org=str(org.pk)))
    request = Membership.objects.get(status=MembershipStatus.REQUESTED)
    client.force_login(admin)

    page = client.get(reverse("organizations:detail", args=[org.pk]))
    assert "minji@neobio.example.kr" in page_text(page)
    assert reverse("organizations:join_request_decide", args=[org.pk, request.pk]) in page_text(page)
    with mailbox():
        response = client.post(
            reverse("organizations:join_request_decide", args=[org.pk, request.pk]),
            {"decision": "approve"},
            follow=True,
        )

    assert "The request was approved." in messages_of(response)
    request.refresh_from_db()
    assert request.status == MembershipStatus.ACTIVE
    assert [m.to for m in mail.outbox] == [["minji@neobio.example.kr"]]
    assert mail.outbox[0].subject == "You are now a member of NeoBio"


@pytest.mark.django_db
def test_signup_org_stays_invisible_to_other_members_until_verified(client, clusters):
    client.post(SIGNUP, signup_data(clusters))
    org = Organization.objects.get()
    client.force_login(UserFactory())

    assert client.get(reverse("organizations:detail", args=[org.pk])).status_code == 404
    assert org.pk not in [o["id"] for o in client.get("/api/v1/organizations/").json()["results"]]


# --- the service on its own: the same rules hold without the form --------------------------------------


def _person(**overrides):
    return services.PersonData(**{"email": "solo@example.kr", "password": NEW_PASSWORD, "full_name": "Solo", **overrides})


ORG_FIELDS = {"name_ko": "솔로", "name_en": "Solo", "kind": "firm", "region": "seoul", "country": "KR",
              "website": "", "description": "x"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"privacy_consent": False}, DomainError, "You must agree to the privacy policy to sign up."),
        ({"clusters": []}, DomainError, "Choose at least one cluster to join."),
        ({"person": {"email": "TAKEN@example.kr"}}, Conflict, "An account with this email address already exists."),
        ({"person": {"password": "12345"}}, ValidationError, "This password is too short."),
    ],
    ids=["no_consent", "no_clusters", "taken_email", "weak_password"],
)
def test_signup_service_refuses_and_creates_nothing(clusters, kwargs, error, message):
    UserFactory(email="taken@example.kr")
    before = counts()
    call = {
        "person": _person(**kwargs.pop("person", {})), "privacy_consent": True, "org_fields": ORG_FIELDS,
        "clusters": clusters, **kwargs,
    }

    with pytest.raises(error) as excinfo:
        services.signup_with_organization(**call)

    assert type(excinfo.value) is error
    assert message in str(excinfo.value)
    assert counts() == before


@pytest.mark.django_db
def test_the_consent_links_to_the_privacy_policy_instead_of_printing_its_path(client):
    page = client.get(reverse("accounts:signup")).content.decode()
    assert f'href="{reverse("privacy")}"' in page and 'id="privacy-link"' in page
    assert "(/privacy/)" not in page
