"""The organisation directory: search, filters, htmx partial, and only verified organisations."""

import pytest
from django.urls import reverse

from accounts.models import OrganizationStatus
from clusters.models import ClusterMembershipStatus
from tests.factories import ClusterFactory, ClusterMembershipFactory, MembershipFactory, OrganizationFactory, UserFactory

DIRECTORY = reverse("organizations:directory")


@pytest.fixture
def world(db):
    seoul = ClusterFactory(slug="seoul-bio", name_en="Seoul Bio")
    osong = ClusterFactory(slug="osong", name_en="Osong")
    orgs = {
        "alpha": OrganizationFactory(
            name_ko="알파진단", name_en="Alpha Diagnostics", kind="firm", region="seoul",
            description="Rapid sepsis diagnostics from a single drop of blood.",
        ),
        "beta": OrganizationFactory(
            name_ko="베타대학교병원", name_en="Beta University Hospital", kind="hospital", region="chungbuk",
            description="Phase 1 clinical trial centre with an oncology ward.",
        ),
        "gamma": OrganizationFactory(
            name_ko="감마캐피탈", name_en="Gamma Capital", kind="investor", region="seoul",
            description="Seed investor in cell therapy and diagnostics.",
        ),
        "pending": OrganizationFactory(
            name_ko="펜딩진단", name_en="Pending Diagnostics", kind="firm", region="seoul",
            description="Diagnostics too.", status=OrganizationStatus.PENDING,
        ),
        "rejected": OrganizationFactory(
            name_ko="리젝트진단", name_en="Rejected Diagnostics", kind="firm", region="seoul",
            description="Diagnostics as well.", status=OrganizationStatus.REJECTED,
        ),
    }
    ClusterMembershipFactory(organization=orgs["alpha"], cluster=seoul)
    ClusterMembershipFactory(organization=orgs["beta"], cluster=osong)
    ClusterMembershipFactory(organization=orgs["gamma"], cluster=osong, status=ClusterMembershipStatus.REQUESTED)
    ClusterMembershipFactory(organization=orgs["pending"], cluster=seoul, status=ClusterMembershipStatus.REQUESTED)
    ClusterMembershipFactory(organization=orgs["rejected"], cluster=seoul, status=ClusterMembershipStatus.REJECTED)
    return orgs


def listed(client, **params) -> list[str]:
    response = client.get(DIRECTORY, params)
    assert response.status_code == 200
    return sorted(org.name_en for org in response.context["page"])


@pytest.fixture
def member(client, world):
    client.force_login(MembershipFactory(organization=world["alpha"]).user)
    return client


@pytest.mark.django_db
def test_directory_lists_verified_orgs_only(member):
    assert listed(member) == ["Alpha Diagnostics", "Beta University Hospital", "Gamma Capital"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("알파", ["Alpha Diagnostics"]),
        ("대학교병원", ["Beta University Hospital"]),
        ("gamma", ["Gamma Capital"]),
        ("BETA university", ["Beta University Hospital"]),
        ("oncology", ["Beta University Hospital"]),
        ("diagnostics", ["Alpha Diagnostics", "Gamma Capital"]),
        ("cell therapy", ["Gamma Capital"]),
        ("sepsis investor", []),
    ],
    ids=["korean", "korean_part", "english_lower", "english_words", "description", "name_or_description",
         "two_words", "all_words_must_match"],
)
def test_directory_search(member, q, expected):
    assert listed(member, q=q) == expected


@pytest.mark.django_db
def test_directory_search_never_lists_pending_or_rejected_orgs(member):
    assert listed(member, q="Diagnostics") == ["Alpha Diagnostics", "Gamma Capital"]
    assert listed(member, q="펜딩") == []
    assert listed(member, q="리젝트") == []


@pytest.mark.django_db
def test_directory_hides_pending_org_even_from_its_own_admin(client, world):
    client.force_login(MembershipFactory(organization=world["pending"], role="admin").user)

    assert "Pending Diagnostics" not in listed(client)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "hospital"}, ["Beta University Hospital"]),
        ({"kind": "investor"}, ["Gamma Capital"]),
        ({"region": "seoul"}, ["Alpha Diagnostics", "Gamma Capital"]),
        ({"region": "chungbuk"}, ["Beta University Hospital"]),
        ({"cluster": "seoul-bio"}, ["Alpha Diagnostics"]),
        ({"cluster": "osong"}, ["Beta University Hospital"]),  # Gamma only asked to join
        ({"region": "seoul", "kind": "firm", "q": "sepsis"}, ["Alpha Diagnostics"]),
        ({"region": "seoul", "kind": "hospital"}, []),
    ],
    ids=["kind_hospital", "kind_investor", "region_seoul", "region_chungbuk", "cluster_seoul", "cluster_approved_only",
         "combined", "combined_empty"],
)
def test_directory_filters(member, params, expected):
    assert listed(member, **params) == expected


@pytest.mark.django_db
def test_directory_shows_count_and_links(member, world):
    text = member.get(DIRECTORY, {"q": "diagnostics"}).content.decode()

    assert "2 organisations" in text
    assert reverse("organizations:detail", args=[world["alpha"].pk]) in text
    assert reverse("organizations:detail", args=[world["pending"].pk]) not in text


@pytest.mark.django_db
def test_directory_empty_result_says_so(member):
    text = member.get(DIRECTORY, {"q": "nothing-like-this"}).content.decode()

    assert "No organisation matches your search." in text


@pytest.mark.django_db
def test_directory_htmx_request_returns_the_partial(member):
    response = member.get(DIRECTORY, {"q": "알파"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    names = [t.name for t in response.templates]
    assert "organizations/_partials/directory_results.html" in names
    assert "organizations/directory.html" not in names
    assert "base.html" not in names
    text = response.content.decode()
    assert "<html" not in text
    assert "Alpha Diagnostics" in text
    assert "Beta University Hospital" not in text
    assert "1 organisation" in text


@pytest.mark.django_db
def test_directory_full_page_without_htmx(member):
    response = member.get(DIRECTORY, {"q": "알파"})

    names = [t.name for t in response.templates]
    assert "organizations/directory.html" in names
    assert "<html" in response.content.decode()
    assert 'id="results"' in response.content.decode()


@pytest.mark.django_db
def test_directory_paginates_at_24(client, db):
    for _ in range(30):
        OrganizationFactory()
    client.force_login(UserFactory())

    first = client.get(DIRECTORY)
    second = client.get(DIRECTORY, {"page": 2})

    assert len(first.context["page"]) == 24
    assert len(second.context["page"]) == 6
    assert "30 organisations" in first.content.decode()


@pytest.mark.django_db
def test_directory_requires_sign_in(client, world):
    response = client.get(DIRECTORY)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={DIRECTORY}"
