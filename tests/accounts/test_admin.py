"""The Django admin for people and organisations (and core's outbox of refused tasks): lists, search,
filters, forms."""

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts.models import Invitation, Membership, Organization, User
from core.models import QueuedTaskFailure
from tests.factories import MembershipFactory, UserFactory, org_admin

MODELS = [User, Organization, Membership, Invitation, QueuedTaskFailure]


@pytest.fixture
def superuser_client(client, db):
    su = User.objects.create_superuser("root@example.kr", "Root-Password-991", full_name="Root")
    client.force_login(su)
    admin_user, org = org_admin(name_en="Searchable Bio")
    MembershipFactory(organization=org)
    Invitation.objects.create(organization=org, email="invitee@example.kr", invited_by=admin_user)
    QueuedTaskFailure.objects.create(task="accounts.send_email", kwargs={"to": ["Searchable@example.kr"]}, error="refused")
    return client


def admin_url(model, view, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_is_registered_with_search_and_filters(model):
    model_admin = admin.site._registry[model]

    assert model_admin.search_fields
    assert model_admin.list_filter


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_admin_changelist_search_and_filters_render(superuser_client, model):
    url = admin_url(model, "changelist")
    model_admin = admin.site._registry[model]

    listing = superuser_client.get(url)
    assert listing.status_code == 200
    assert superuser_client.get(url, {"q": "Searchable"}).status_code == 200
    changelist = listing.context["cl"]
    assert len(changelist.filter_specs) == len(model_admin.list_filter)
    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            response = superuser_client.get(url + choice["query_string"])
            assert response.status_code == 200, choice["query_string"]  # a bad lookup redirects to ?e=1
    obj = model.objects.first()
    assert superuser_client.get(admin_url(model, "change", obj.pk)).status_code == 200


@pytest.mark.django_db
def test_admin_organization_search_finds_by_name(superuser_client):
    response = superuser_client.get(admin_url(Organization, "changelist"), {"q": "Searchable"})

    assert [o.name_en for o in response.context["cl"].result_list] == ["Searchable Bio"]


@pytest.mark.django_db
def test_admin_adds_a_user_by_email(superuser_client):
    assert superuser_client.get(admin_url(User, "add")).status_code == 200

    response = superuser_client.post(admin_url(User, "add"), {
        "email": "added@example.kr", "full_name": "Added Person",
        "password1": "Valid-Password-734", "password2": "Valid-Password-734",
        "usable_password": "true",
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0",
    })

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    user = User.objects.get(email="added@example.kr")
    assert user.check_password("Valid-Password-734")


@pytest.mark.django_db
def test_non_staff_cannot_open_the_admin(client, db):
    client.force_login(UserFactory())

    response = client.get(admin_url(Organization, "changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
