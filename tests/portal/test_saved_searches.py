"""Saved searches: saved from the search pages (filters checked by the page's own form, hostile values refused
with a clear message, never a 500), run, renamed and deleted by their owner only; the API likewise (404 for
anyone else's); the daily alerts announce a new visible listing or organisation once, never twice, in the
owner's language."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import OrganizationStatus
from matching.models import ListingStatus, ListingVisibility
from portal.alerts import run_saved_search_alerts
from portal.models import SavedSearch, SavedSearchNotice
from portal.searches import services
from tests.factories import OrganizationFactory, UserFactory
from tests.portal.saved_world import SECRET, build_world, make_listing

pytestmark = pytest.mark.django_db
NEW = reverse("portal:saved_search_new")
API = "/api/v1/saved-searches/"


def save(client, user, of="listing", name="Oncology sites", **filters):
    client.force_login(user)
    return client.post(NEW, {"of": of, "name": name, **filters})


# --- pages ---------------------------------------------------------------------------------------------


def test_save_a_listing_search_from_the_page_then_run_it(client):
    w = build_world()

    response = save(client, w.other, q="sepsis", therapeutic_area="oncology", side="need", page="3")

    assert response.status_code == 302 and response["Location"] == reverse("portal:saved_searches")
    saved = SavedSearch.objects.get(user=w.other)
    assert saved.kind == "listing" and saved.name == "Oncology sites"
    assert saved.params == {"q": "sepsis", "therapeutic_area": "oncology", "side": "need"}  # page is not a filter
    run = client.get(reverse("portal:saved_search_run", args=[saved.pk]))
    assert run.status_code == 302 and run["Location"].startswith(reverse("listings:browse") + "?")
    results = client.get(run["Location"]).content.decode()
    assert w.open_need.title in results
    listed = client.get(reverse("portal:saved_searches")).content.decode()
    assert "Oncology sites" in listed and "“sepsis”" in listed
    assert "oncology" not in listed.replace("Oncology sites", "")  # the area's label, never its slug


def test_the_name_form_is_prefilled_from_the_filters_and_shown_in_place_for_htmx(client):
    w = build_world()
    client.force_login(w.other)

    fragment = client.get(NEW, {"of": "organization", "q": "병원", "kind": "hospital"}, HTTP_HX_REQUEST="true")

    html = fragment.content.decode()
    assert fragment.status_code == 200 and "<html" not in html
    assert 'name="kind" value="hospital"' in html and 'name="of" value="organization"' in html
    assert "“병원” · Hospital" in html


@pytest.mark.parametrize("filters, message", [
    ({"q": "onc\x00ology"}, "Null characters are not allowed"),
    ({"therapeutic_area": "no-such-area"}, "Select a valid choice"),
    ({"therapeutic_area": "1 OR 1=1"}, "Select a valid choice"),
    ({"side": "both\x00"}, "Select a valid choice"),
    ({"q": "x" * 201}, "at most 200 characters"),
    ({"evil": "1"}, "This search has no such filter"),
])
def test_hostile_filters_are_refused_with_a_clear_message(client, filters, message):
    w = build_world()

    for response in (save(client, w.other, **filters),
                     client.get(NEW, {"of": "listing", **filters}),
                     client.get(NEW, {"of": "listing", **filters}, HTTP_HX_REQUEST="true")):
        assert response.status_code in (200, 400)
        assert message in response.content.decode()
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize("post", [
    {"of": "organization", "name": "Clusters", "cluster": "no-such-cluster"},
    {"of": "organization", "name": "x", "region": "\x00"},
    {"of": "nothing", "name": "x"},
    {"of": "listing", "name": "bad\x00name"},
    {"of": "listing", "name": "   "},
])
def test_bad_values_and_names_never_save_and_never_fail(client, post):
    w = build_world()
    client.force_login(w.other)

    response = client.post(NEW, post)

    assert response.status_code == 400
    assert not SavedSearch.objects.exists()


def test_rename_and_delete_only_ones_own(client):
    w = build_world()
    mine = services.saved_search_create(user=w.other, kind="organization", name="Hospitals", params={"kind": "hospital"})
    client.force_login(w.member)  # someone else

    for name in ("saved_search_rename", "saved_search_delete"):
        assert client.post(reverse(f"portal:{name}", args=[mine.pk]), {"name": "Taken"}).status_code == 404
    assert client.get(reverse("portal:saved_search_run", args=[mine.pk])).status_code == 404
    assert client.get(f"/saved-searches/{mine.pk}abc/run/").status_code == 404
    mine.refresh_from_db()
    assert mine.name == "Hospitals"

    client.force_login(w.other)
    assert client.post(reverse("portal:saved_search_rename", args=[mine.pk]), {"name": " Seoul  hospitals "}).status_code == 302
    mine.refresh_from_db()
    assert mine.name == "Seoul hospitals"
    assert client.post(reverse("portal:saved_search_rename", args=[mine.pk]), {"name": "a\x00b"}).status_code == 302
    mine.refresh_from_db()
    assert mine.name == "Seoul hospitals"
    assert client.post(reverse("portal:saved_search_delete", args=[mine.pk])).status_code == 302
    assert not SavedSearch.objects.exists()


def test_the_save_button_is_on_both_search_pages_for_signed_in_people(client):
    build_world()
    assert "Save this search" not in client.get(reverse("listings:browse")).content.decode()
    client.force_login(UserFactory())
    for url, source in ((reverse("listings:browse"), "#listing-filters"),
                        (reverse("organizations:directory"), "#directory-filter-form")):
        html = client.get(url, {"q": "x"}).content.decode()
        assert "Save this search" in html and f'hx-include="{source}"' in html and "q=x" in html


# --- API -----------------------------------------------------------------------------------------------


def api(user) -> APIClient:
    c = APIClient()
    c.force_authenticate(user)
    return c


def test_api_crud_for_the_owner_and_404_for_anyone_else():
    w = build_world()
    owner, stranger = api(w.other), api(w.member)

    created = owner.post(API, {"kind": "listing", "name": "Oncology", "params": {"therapeutic_area": "oncology",
                                                                               "mine": False}}, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["params"] == {"therapeutic_area": "oncology"} and body["unread"] == 0
    url = f"{API}{body['id']}/"
    assert owner.get(API).json()["count"] == 1
    assert stranger.get(API).json()["count"] == 0
    for method in ("get", "patch", "put", "delete"):
        assert getattr(stranger, method)(url, {"name": "Mine now"}, format="json").status_code == 404
    assert owner.patch(url, {"name": "Oncology needs"}, format="json").json()["name"] == "Oncology needs"
    assert owner.patch(url, {"kind": "organization"}, format="json").status_code == 400
    assert owner.delete(url).status_code == 204
    assert APIClient().get(API).status_code == 401


@pytest.mark.parametrize("body", [
    {"kind": "listing", "name": "x", "params": {"q": "a\x00b"}},
    {"kind": "listing", "name": "x", "params": {"therapeutic_area": ["oncology", {"$ne": 1}]}},
    {"kind": "listing", "name": "x", "params": {"side": {"nested": True}}},
    {"kind": "listing", "name": "x", "params": ["q", "x"]},
    {"kind": "listing", "name": "x", "params": "q=x"},
    {"kind": "organization", "name": "x", "params": {"cluster": 12345}},
    {"kind": "organization", "name": "x", "params": {"kind": True}},
    {"kind": "nope", "name": "x", "params": {}},
    {"kind": "listing", "name": "a\x00", "params": {}},
    {"kind": "listing", "name": "", "params": {}},
])
def test_api_refuses_hostile_bodies_with_400(body):
    w = build_world()

    response = api(w.other).post(API, body, format="json")

    assert response.status_code == 400, response.content
    assert not SavedSearch.objects.exists()


def test_api_bad_ids_are_a_json_404():
    w = build_world()
    for path in (f"{API}abc/", f"{API}{10**20}/", f"{API}0/"):
        response = api(w.other).get(path)
        assert response.status_code == 404 and response["Content-Type"].startswith("application/json")


# --- alerts --------------------------------------------------------------------------------------------


def test_alert_finds_a_new_listing_once_and_never_twice():
    w = build_world()
    saved = services.saved_search_create(user=w.other, kind="listing", name="Oncology needs",
                                         params={"therapeutic_area": "oncology"})
    assert run_saved_search_alerts() == {"notices": 0, "emails": 0}  # what existed before saving is no news

    new = make_listing(w.hospital, title="New oncology trial need")
    make_listing(w.hospital, title="New cardiology need", areas=("cardiovascular",))  # does not match
    make_listing(w.hospital, title="New draft need", status=ListingStatus.DRAFT)  # not visible to others
    make_listing(w.other_firm, title="Our own new need")  # one's own is no news

    first = run_saved_search_alerts()
    second = run_saved_search_alerts()

    assert first == {"notices": 1, "emails": 1} and second == {"notices": 0, "emails": 0}
    notice = SavedSearchNotice.objects.get()
    assert (notice.saved_search, notice.object_id, notice.title) == (saved, new.pk, new.title)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [w.other.email]
    assert new.title in mail.outbox[0].body and reverse("listings:detail", args=[new.pk]) in mail.outbox[0].body
    saved.refresh_from_db()
    assert saved.last_notified_at is not None


def test_alert_never_leaks_a_confidential_description_and_tells_of_new_verified_organisations():
    w = build_world()
    services.saved_search_create(user=w.member, kind="listing", name="Secret word", params={"q": "QZV-9931"})
    hospitals = services.saved_search_create(user=w.member, kind="organization", name="Hospitals",
                                             params={"kind": "hospital"})
    pending = OrganizationFactory(kind="hospital", status=OrganizationStatus.PENDING, name_en="Late Hospital")
    make_listing(w.hospital, title="Hidden", description=SECRET, visibility=ListingVisibility.CONFIDENTIAL)

    assert run_saved_search_alerts()["notices"] == 0  # a confidential description is no search hit
    pending.status, pending.verified_at = OrganizationStatus.VERIFIED, timezone.now()
    pending.save()
    assert run_saved_search_alerts() == {"notices": 1, "emails": 1}
    assert SavedSearchNotice.objects.get().saved_search == hospitals
    assert SECRET not in mail.outbox[0].body and "Late Hospital" in mail.outbox[0].body


def test_the_digest_is_in_the_owners_language_and_notices_show_with_an_unread_count(client):
    w = build_world()  # w.other reads Korean
    saved = services.saved_search_create(user=w.other, kind="listing", name="종양 수요", params={})
    make_listing(w.hospital, title="새 임상 수요")

    run_saved_search_alerts()

    body = mail.outbox[0].body
    assert "수요·보유 역량" in body  # "Needs and capabilities" in Korean
    assert "Needs and capabilities" not in body
    client.force_login(w.other)
    home = client.get(reverse("home")).content.decode()
    assert 'id="saved-searches-action"' in home and '<span class="cl-stat">1</span>\n    <span class="fw-semibold">' in home
    page = client.get(reverse("portal:saved_searches")).content.decode()
    assert 'id="unread-count"' in page and "새 임상 수요" in page
    client.get(reverse("portal:saved_search_run", args=[saved.pk]))
    assert not SavedSearchNotice.objects.filter(read_at__isnull=True).exists()
    assert 'id="unread-count"' not in client.get(reverse("portal:saved_searches")).content.decode()
