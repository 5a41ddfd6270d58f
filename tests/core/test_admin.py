"""The Django admin for core's model: the outbox of tasks the broker refused."""

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts.models import User
from core.models import QueuedTaskFailure

MODELS = [QueuedTaskFailure]


@pytest.fixture
def superuser_client(client, db):
    su = User.objects.create_superuser("root@example.kr", "Root-Password-991", full_name="Root")
    client.force_login(su)
    QueuedTaskFailure.objects.create(task="accounts.send_email", kwargs={"to": ["Searchable@example.kr"]}, error="refused")
    return client


def admin_url(model, view, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_core_model_is_registered_with_search_and_filters(model):
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
