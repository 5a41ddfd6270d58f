"""Listings (needs and capabilities): who sees and changes what, confidentiality, search, query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import MembershipRole, MembershipStatus, OrganizationStatus
from clusters.models import ClusterMembershipStatus
from core.dates import today as local_today
from core.errors import NotAllowed
from matching.listings import selectors, services
from matching.models import Listing, ListingStatus, ListingVisibility
from taxonomy.models import Facet, FacetKind
from tests.factories import (
    ClusterMembershipFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    cluster_manager,
)

API = "/api/v1/listings/"
MARKER = "ZQX7731비밀표지"  # appears nowhere but in one confidential description


def api_url(listing) -> str:
    return f"{API}{listing.pk}/"


def facets(kind: str, *slugs: str) -> list[Facet]:
    return list(Facet.objects.filter(kind=kind, slug__in=slugs))


def make_listing(org, *, user=None, partnership=("clinical_trial",), areas=("oncology",), tech=("diagnostic",),
                 **fields) -> Listing:
    values = {
        "side": "need", "title": "Phase 1 site for a sepsis diagnostic", "language": "en",
        "description": "We look for a hospital that can start a phase 1 study within 8 weeks.",
        "visibility": ListingVisibility.MEMBERS, "status": ListingStatus.OPEN, **fields,
    }
    listing = Listing.objects.create(organization=org, created_by=user, **values)
    listing.partnership_types.set(facets(FacetKind.PARTNERSHIP_TYPE, *partnership))
    listing.therapeutic_areas.set(facets(FacetKind.THERAPEUTIC_AREA, *areas))
    listing.technologies.set(facets(FacetKind.TECHNOLOGY, *tech))
    return listing


@pytest.fixture
def world(db):
    """Firm A and hospital B (both verified, in a managed cluster), pending C; a member of each."""
    org_a = OrganizationFactory(name_en="Alpha Bio", name_ko="알파바이오")
    org_b = OrganizationFactory(name_en="Beta Hospital", name_ko="베타병원", kind="hospital")
    org_c = OrganizationFactory(name_en="Gamma Pending", name_ko="감마", status=OrganizationStatus.PENDING)
    manager, cluster = cluster_manager()
    for org in (org_a, org_b):
        ClusterMembershipFactory(organization=org, cluster=cluster, status=ClusterMembershipStatus.APPROVED)
    people = {}
    for key, org in [("member_a", org_a), ("member_b", org_b), ("member_c", org_c)]:
        user = UserFactory(email=f"{key}@example.kr")
        MembershipFactory(user=user, organization=org, role=MembershipRole.ADMIN)
        people[key] = user
    return {"a": org_a, "b": org_b, "c": org_c, "manager": manager, "cluster": cluster, **people}


def valid_form(org, **overrides) -> dict:
    data = {
        "organization": org.pk,
        "side": "capability",
        "title": "제1상 임상시험 센터",
        "description": "연간 40건의 임상시험을 수행하는 제1상 전용 병동을 운영합니다.",
        "language": "ko",
        "partnership_types": [f.pk for f in facets(FacetKind.PARTNERSHIP_TYPE, "clinical_trial", "facility_use")],
        "therapeutic_areas": [f.pk for f in facets(FacetKind.THERAPEUTIC_AREA, "oncology")],
        "technologies": [],
        "stage": "",
        "visibility": "members",
        "status": "open",
        "expires_on": "",
        "departments": "종양내과, 임상약리학과",
        "trial_phases": ["1", "2"],
        "startup_weeks": "6",
        "cohorts": "",
        "equipment": "PET-CT",
        "contact_programme": "바이오메디컬 커넥트 센터",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def valid_api(org, **overrides) -> dict:
    data = {
        "organization": org.pk, "side": "need", "title": "Real-world data on heart failure",
        "description": "We need de-identified EMR data of heart-failure patients for a validation study.",
        "language": "en", "partnership_types": ["data_access"], "therapeutic_areas": ["cardiology"],
        "technologies": ["ai_software"], "stage": "preclinical", "visibility": "confidential",
    }
    data.update(overrides)
    return data


# --- writing: who may -------------------------------------------------------------------------


@pytest.mark.django_db
def test_member_creates_listing_over_html(client, world):
    client.force_login(world["member_b"])

    response = client.post(reverse("listings:create"), valid_form(world["b"]))

    listing = Listing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("listings:detail", args=[listing.pk])
    assert (listing.organization, listing.created_by, listing.side) == (world["b"], world["member_b"], "capability")
    assert sorted(f.slug for f in listing.partnership_types.all()) == ["clinical_trial", "facility_use"]
    assert [f.slug for f in listing.therapeutic_areas.all()] == ["oncology"]
    assert (listing.trial_phases, listing.startup_weeks, listing.equipment) == (["1", "2"], 6, "PET-CT")
    detail = client.get(response["Location"]).content.decode()
    assert "연간 40건의 임상시험" in detail
    assert "바이오메디컬 커넥트 센터" in detail


@pytest.mark.django_db
def test_member_creates_listing_over_api(client, world):
    client.force_login(world["member_a"])

    response = client.post(API, valid_api(world["a"]), content_type="application/json")

    assert response.status_code == 201, response.json()
    body = response.json()
    listing = Listing.objects.get()
    assert body["id"] == listing.pk
    assert body["description"].startswith("We need de-identified EMR data")  # own organisation reads it
    assert (body["partnership_types"], body["technologies"], body["stage"]) == (["data_access"], ["ai_software"], "preclinical")
    assert listing.created_by == world["member_a"]


@pytest.mark.django_db
def test_member_of_a_cannot_edit_or_close_b_listing_over_html(client, world):
    listing = make_listing(world["b"], title="Original title")
    client.force_login(world["member_a"])

    assert client.get(reverse("listings:edit", args=[listing.pk])).status_code == 403
    edited = client.post(reverse("listings:edit", args=[listing.pk]), valid_form(world["b"], title="Hijacked"))
    closed = client.post(reverse("listings:close", args=[listing.pk]))

    assert (edited.status_code, closed.status_code) == (403, 403)
    listing.refresh_from_db()
    assert (listing.title, listing.status) == ("Original title", "open")


@pytest.mark.django_db
def test_member_of_a_cannot_edit_or_close_b_listing_over_api(client, world):
    listing = make_listing(world["b"], title="Original title")
    client.force_login(world["member_a"])

    patched = client.patch(api_url(listing), {"title": "Hijacked"}, content_type="application/json")
    closed = client.post(f"{api_url(listing)}close/")

    assert patched.status_code == 403
    assert patched.json() == {"detail": "Only active members of the organisation can change its listings."}
    assert closed.status_code == 403
    listing.refresh_from_db()
    assert (listing.title, listing.status) == ("Original title", "open")


@pytest.mark.django_db
def test_b_draft_is_not_found_for_a_member(client, world):
    draft = make_listing(world["b"], status=ListingStatus.DRAFT)
    client.force_login(world["member_a"])

    assert client.get(reverse("listings:detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("listings:edit", args=[draft.pk])).status_code == 404
    assert client.get(api_url(draft)).status_code == 404
    assert client.patch(api_url(draft), {"title": "x"}, content_type="application/json").status_code == 404


@pytest.mark.django_db
def test_member_cannot_post_for_another_organisation(client, world):
    client.force_login(world["member_a"])

    over_api = client.post(API, valid_api(world["b"]), content_type="application/json")
    over_html = client.post(reverse("listings:create"), valid_form(world["b"]))

    assert over_api.status_code == 403
    assert over_api.json() == {"detail": "Only active members of the organisation can change its listings."}
    assert over_html.status_code == 400
    assert "You can post only for an organisation you are an active member of." in over_html.content.decode()
    assert not Listing.objects.exists()


@pytest.mark.django_db
def test_api_cannot_move_a_listing_to_another_organisation(client, world):
    listing = make_listing(world["a"])
    client.force_login(world["member_a"])

    response = client.patch(api_url(listing), {"organization": world["b"].pk, "title": "Renamed"},
                            content_type="application/json")

    assert response.status_code == 200
    listing.refresh_from_db()
    assert (listing.organization, listing.title) == (world["a"], "Renamed")


@pytest.mark.django_db
def test_requested_membership_cannot_write(world):
    applicant = UserFactory()
    MembershipFactory(user=applicant, organization=world["a"], status=MembershipStatus.REQUESTED)
    listing = make_listing(world["a"])

    with pytest.raises(NotAllowed):
        services.listing_create(user=applicant, organization=world["a"], fields={"side": "need", "title": "t", "description": "d"})
    with pytest.raises(NotAllowed):
        services.listing_close(user=applicant, listing=listing)


@pytest.mark.django_db
def test_member_closes_listing_and_others_no_longer_see_it(client, world):
    listing = make_listing(world["a"])
    client.force_login(world["member_a"])

    response = client.post(reverse("listings:close", args=[listing.pk]), follow=True)

    assert "The listing is closed. Others no longer see it." in response.content.decode()
    listing.refresh_from_db()
    assert listing.status == ListingStatus.CLOSED
    client.force_login(world["member_b"])
    assert client.get(reverse("listings:detail", args=[listing.pk])).status_code == 404
    assert client.get(api_url(listing)).status_code == 404


@pytest.mark.django_db
def test_closing_twice_is_a_conflict_over_api(client, world):
    listing = make_listing(world["a"], status=ListingStatus.CLOSED)
    client.force_login(world["member_a"])

    response = client.post(f"{api_url(listing)}close/")

    assert response.status_code == 409
    assert response.json() == {"detail": "This listing is already closed."}


@pytest.mark.django_db
def test_member_edits_own_listing_over_html(client, world):
    listing = make_listing(world["b"], side="capability")
    client.force_login(world["member_b"])
    form = valid_form(world["b"], title="Updated capability")
    del form["organization"]

    response = client.post(reverse("listings:edit", args=[listing.pk]), form)

    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.title == "Updated capability"
    assert sorted(f.slug for f in listing.partnership_types.all()) == ["clinical_trial", "facility_use"]


# --- who sees which listing ---------------------------------------------------------------------


@pytest.mark.django_db
def test_visible_listings_by_role(world):
    public = make_listing(world["a"], visibility=ListingVisibility.PUBLIC)
    members = make_listing(world["a"], visibility=ListingVisibility.MEMBERS)
    confidential = make_listing(world["a"], visibility=ListingVisibility.CONFIDENTIAL)
    draft = make_listing(world["a"], status=ListingStatus.DRAFT)
    closed = make_listing(world["a"], status=ListingStatus.CLOSED)
    expired = make_listing(world["a"], expires_on=local_today() - datetime.timedelta(days=1))
    of_pending_org = make_listing(world["c"])
    from django.contrib.auth.models import AnonymousUser

    def ids(user):
        return set(selectors.visible_listings(user).values_list("pk", flat=True))

    assert ids(AnonymousUser()) == {public.pk}
    assert ids(world["member_b"]) == {public.pk, members.pk, confidential.pk}
    assert ids(world["manager"]) == {public.pk, members.pk, confidential.pk}
    assert ids(world["member_a"]) == {public.pk, members.pk, confidential.pk, draft.pk, closed.pk, expired.pk}
    assert ids(world["member_c"]) == {public.pk, members.pk, confidential.pk, of_pending_org.pk}


@pytest.mark.django_db
def test_anonymous_browse_shows_public_listings_only(client, world):
    make_listing(world["a"], visibility=ListingVisibility.PUBLIC, title="Open to the world")
    make_listing(world["a"], visibility=ListingVisibility.MEMBERS, title="For members only")

    html = client.get(reverse("listings:browse")).content.decode()

    assert "Open to the world" in html
    assert "For members only" not in html
    assert client.get(API).status_code == 401  # the API asks anonymous callers for a token


# --- confidentiality: the marker string -----------------------------------------------------------


def _pages_and_responses(client, listing) -> dict[str, str]:
    """Every page and API response that could carry the listing's description, as text."""
    out = {}
    for name, (url, query) in {
        "browse": (reverse("listings:browse"), ""),
        "search for the marker": (reverse("listings:browse"), MARKER),
        "search for a marker fragment": (reverse("listings:browse"), MARKER[3:9]),
        "search for the title": (reverse("listings:browse"), "antibody sepsis"),
        "filtered browse": (reverse("listings:browse") + "?side=need&partnership_type=clinical_trial", ""),
        "mine": (reverse("listings:browse") + "?mine=on", ""),
        "detail": (reverse("listings:detail", args=[listing.pk]), ""),
        "api list": (API, ""),
        "api search for the marker": (f"{API}?search={MARKER}", ""),
        "api search for the title": (f"{API}?search=antibody", ""),
        "api filtered list": (f"{API}?partnership_type=clinical_trial&side=need", ""),
        "api detail": (api_url(listing), ""),
        "api schema": ("/api/schema/", ""),
    }.items():
        if query:
            text = client.get(url, {"q": query}).content.decode()
            # The search box repeats what the person typed: that echo is theirs, not the listing's.
            echo = f'value="{query}"'
            assert text.count(echo) == 1, name
            text = text.replace(echo, "")
        else:
            text = client.get(url).content.decode()
        out[name] = text
    out["htmx search"] = client.get(reverse("listings:browse"), {"q": MARKER}, HTTP_HX_REQUEST="true").content.decode()
    return out


@pytest.fixture
def confidential_listing(world):
    listing = make_listing(
        world["a"], visibility=ListingVisibility.CONFIDENTIAL, title="Antibody sepsis panel: partner sought",
        description=f"Our unpublished target is {MARKER}; the assay needs a phase 1 site within 8 weeks.",
    )
    make_listing(world["b"], side="capability", title="Phase 1 unit", visibility=ListingVisibility.MEMBERS)
    return listing


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member_b", "manager", "anonymous"])
def test_confidential_marker_reaches_no_other_role(client, world, confidential_listing, role):
    if role != "anonymous":
        client.force_login(world[role])

    responses = _pages_and_responses(client, confidential_listing)

    leaks = [name for name, text in responses.items() if MARKER in text or MARKER[3:9] in text]
    assert leaks == []
    if role != "anonymous":
        # The listing itself is shown (title and facets), only its description is withheld.
        assert "Antibody sepsis panel: partner sought" in responses["browse"]
        assert "This listing is confidential." in responses["detail"]
        assert "Antibody sepsis panel" not in responses["search for the marker"]
        assert client.get(f"{API}?search={MARKER}").json()["count"] == 0
        detail = client.get(api_url(confidential_listing)).json()
        assert detail["title"] == "Antibody sepsis panel: partner sought"
        assert detail["description"] is None
        assert [row["description"] for row in client.get(API).json()["results"] if row["id"] == confidential_listing.pk] == [None]


@pytest.mark.django_db
def test_confidential_marker_reaches_its_own_organisation(client, world, confidential_listing):
    client.force_login(world["member_a"])

    responses = _pages_and_responses(client, confidential_listing)

    for name in ["browse", "search for the marker", "search for a marker fragment", "detail", "api list",
                 "api search for the marker", "api detail", "mine"]:
        assert MARKER in responses[name], name
    assert client.get(f"{API}?search={MARKER}").json()["count"] == 1


@pytest.mark.django_db
def test_members_listing_description_is_shown_to_other_members(client, world, confidential_listing):
    client.force_login(world["member_a"])

    body = client.get(API, {"side": "capability"}).json()

    assert [row["description"] for row in body["results"]] == [
        "We look for a hospital that can start a phase 1 study within 8 weeks."
    ]


# --- search and filters ----------------------------------------------------------------------


@pytest.mark.django_db
def test_search_finds_korean_words_in_title_and_description(client, world):
    hit = make_listing(world["b"], side="capability", title="임상시험 센터", language="ko",
                       description="종양내과 중심의 제1상 임상시험 병동과 바이오뱅크를 운영합니다.")
    make_listing(world["b"], side="capability", title="의료기기 시험", description="전기 안전성 시험.", language="ko")
    client.force_login(world["member_a"])

    html = client.get(reverse("listings:browse"), {"q": "바이오뱅크 임상"}).content.decode()
    api = client.get(API, {"search": "바이오뱅크 임상"}).json()

    assert "임상시험 센터" in html
    assert "의료기기 시험" not in html
    assert [row["id"] for row in api["results"]] == [hit.pk]


@pytest.mark.django_db
def test_facet_filters_over_html_and_api(client, world):
    trial = make_listing(world["a"], title="Trial site wanted", partnership=("clinical_trial",), areas=("oncology",))
    make_listing(world["a"], title="Licensing partner wanted", partnership=("licensing",), areas=("cardiology",),
                 tech=("biologic",))
    client.force_login(world["member_b"])

    html = client.get(reverse("listings:browse"), {"partnership_type": "clinical_trial", "therapeutic_area": "oncology",
                                                   "technology": "diagnostic", "side": "need"}).content.decode()
    api = client.get(API, {"partnership_type": "clinical_trial", "therapeutic_area": "oncology",
                           "technology": "diagnostic"}).json()

    assert "Trial site wanted" in html
    assert "Licensing partner wanted" not in html
    assert [row["id"] for row in api["results"]] == [trial.pk]


# --- query counts ----------------------------------------------------------------------------


def _grow_to(world, n: int) -> None:
    visibilities = [ListingVisibility.PUBLIC, ListingVisibility.MEMBERS, ListingVisibility.CONFIDENTIAL]
    for i in range(Listing.objects.count(), n):
        org = world["a"] if i % 2 else world["b"]
        make_listing(org, title=f"Listing {i}", visibility=visibilities[i % 3], stage=Facet.objects.get(slug="phase1"),
                     partnership=("clinical_trial", "licensing"), areas=("oncology", "neurology"), tech=("diagnostic",))


def _queries(client, url: str, **headers) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("url", [
    "/listings/", "/listings/?q=Listing&partnership_type=clinical_trial", "/api/v1/listings/?page_size=50",
    "/api/v1/listings/?search=Listing&therapeutic_area=oncology&page_size=50",
])
def test_list_query_count_does_not_grow_with_rows(client, world, url):
    client.force_login(world["member_a"])
    _grow_to(world, 3)
    few = _queries(client, url)

    _grow_to(world, 30)
    many = _queries(client, url)

    assert few == many


# --- validation -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"title": "  "}, "title", "This field is required."),
    ({"description": ""}, "description", "This field is required."),
    ({"side": "offer"}, "side", "Select a valid choice. offer is not one of the available choices."),
    ({"expires_on": "2020-01-01"}, "expires_on", "The closing date is in the past; choose a later date or leave it empty."),
    ({"side": "need"}, None, "The hospital capability profile applies to capability listings; describe a need's "
                             "requirements in its description."),
    ({"trial_phases": ["5"]}, "trial_phases", "Select a valid choice. 5 is not one of the available choices."),
])
def test_invalid_form_shows_the_reason_and_creates_nothing(client, world, overrides, field, message):
    client.force_login(world["member_b"])

    response = client.post(reverse("listings:create"), valid_form(world["b"], **overrides))

    assert response.status_code == 400
    form = response.context["form"]
    errors = form.errors.get(field or "__all__")
    assert errors == [message]
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert not Listing.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("overrides", "expected"), [
    ({"title": ""}, {"title": ["This field may not be blank."]}),
    ({"description": None}, {"description": ["Describe what you need or offer."]}),
    ({"partnership_types": ["time_travel"]}, {"partnership_types": ["Object with slug=time_travel does not exist."]}),
    ({"therapeutic_areas": ["clinical_trial"]}, {"therapeutic_areas": ["Object with slug=clinical_trial does not exist."]}),
    ({"expires_on": "2020-01-01"}, {"expires_on": ["The closing date is in the past; choose a later date or leave it empty."]}),
    ({"departments": "Cardiology"}, {"non_field_errors": [
        "The hospital capability profile applies to capability listings; describe a need's requirements in its description."
    ]}),
    ({"trial_phases": ["5"]}, {"trial_phases": {"0": ['"5" is not a valid choice.']}}),
])
def test_invalid_api_request_gives_the_reason_and_creates_nothing(client, world, overrides, expected):
    client.force_login(world["member_a"])

    response = client.post(API, valid_api(world["a"], **overrides), content_type="application/json")

    assert response.status_code == 400
    assert response.json() == expected
    assert not Listing.objects.exists()


@pytest.mark.django_db
def test_editing_other_fields_keeps_an_expiry_that_has_passed(world):
    listing = make_listing(world["a"], expires_on=local_today() - datetime.timedelta(days=3))

    services.listing_update(user=world["member_a"], listing=listing, fields={"title": "Still ours"})

    listing.refresh_from_db()
    assert listing.title == "Still ours"


@pytest.mark.django_db
def test_openapi_schema_documents_listings(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()

    assert {"/api/v1/listings/", "/api/v1/listings/{id}/", "/api/v1/listings/{id}/close/"} <= set(schema["paths"])
    params = {p["name"] for p in schema["paths"]["/api/v1/listings/"]["get"]["parameters"]}
    assert {"search", "side", "partnership_type", "therapeutic_area", "technology", "status"} <= params
    assert schema["components"]["schemas"]["Listing"]["properties"]["description"]["nullable"] is True


@pytest.mark.django_db
def test_listing_pages_speak_korean_to_korean_visitors(client, world):
    listing = make_listing(world["a"], visibility=ListingVisibility.CONFIDENTIAL)
    client.force_login(world["member_b"])

    browse = client.get(reverse("listings:browse"), HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    detail = client.get(reverse("listings:detail", args=[listing.pk]), HTTP_ACCEPT_LANGUAGE="ko").content.decode()

    assert "수요·보유 역량" in browse
    assert "임상시험" in browse  # the facet's Korean label
    assert "비공개 항목입니다." in detail
    assert "This listing is confidential." not in detail


def test_only_institutions_see_the_hospital_capability_profile(client, world):
    profile = "Hospital capability profile"
    client.force_login(world["member_a"])  # a firm's member
    assert profile not in client.get(reverse("listings:create")).content.decode()
    firm_listing = make_listing(world["a"], user=world["member_a"])
    assert profile not in client.get(reverse("listings:edit", args=[firm_listing.pk])).content.decode()
    client.force_login(world["member_b"])  # a hospital's member
    assert profile in client.get(reverse("listings:create")).content.decode()
