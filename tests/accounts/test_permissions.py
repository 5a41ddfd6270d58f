"""Who may see and change what, over the HTML pages and the API."""

import pytest
from django.urls import reverse

from accounts import tokens
from accounts.models import ApiToken, MembershipRole, Organization, OrganizationChange, OrganizationStatus
from clusters.models import ClusterMembershipStatus
from taxonomy.models import Facet
from tests.factories import (
    PASSWORD,
    ClusterMembershipFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    cluster_manager,
)

from .conftest import messages_of

ORGS_API = "/api/v1/organizations/"
MEMBERSHIPS_API = "/api/v1/memberships/"
ME_API = "/api/v1/me/"


def org_api(org) -> str:
    return f"{ORGS_API}{org.pk}/"


@pytest.fixture
def world(db):
    """Verified A and B (B in a cluster with a manager), pending C; admins and members of each."""
    org_a = OrganizationFactory(name_en="Alpha Bio", name_ko="알파바이오")
    org_b = OrganizationFactory(name_en="Beta Hospital", name_ko="베타병원", kind="hospital")
    org_c = OrganizationFactory(name_en="Gamma Pending", name_ko="감마", status=OrganizationStatus.PENDING)
    manager, cluster = cluster_manager()
    ClusterMembershipFactory(organization=org_b, cluster=cluster, status=ClusterMembershipStatus.APPROVED)
    people = {}
    for key, org, role in [
        ("admin_a", org_a, MembershipRole.ADMIN), ("member_a", org_a, MembershipRole.MEMBER),
        ("admin_b", org_b, MembershipRole.ADMIN), ("member_b", org_b, MembershipRole.MEMBER),
        ("admin_c", org_c, MembershipRole.ADMIN),
    ]:
        user = UserFactory(email=f"{key}@example.kr", phone=f"010-9999-{len(people):04d}")
        MembershipFactory(user=user, organization=org, role=role)
        people[key] = user
    return {"a": org_a, "b": org_b, "c": org_c, "manager": manager, "cluster": cluster, **people}


# --- editing ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_member_of_a_cannot_edit_org_b_over_html(client, world):
    client.force_login(world["admin_a"])
    edit = reverse("organizations:edit", args=[world["b"].pk])

    assert client.get(edit).status_code == 403
    response = client.post(edit, {"name_en": "Hijacked", "name_ko": "탈취", "kind": "firm", "region": "seoul",
                                  "country": "KR", "description": "x"})

    assert response.status_code == 403
    world["b"].refresh_from_db()
    assert world["b"].name_en == "Beta Hospital"


@pytest.mark.django_db
def test_member_of_a_cannot_edit_org_b_over_api(client, world):
    client.force_login(world["admin_a"])

    response = client.patch(org_api(world["b"]), {"name_en": "Hijacked"}, content_type="application/json")

    assert response.status_code == 403
    assert response.json() == {"detail": "Only the organisation's administrators can edit it."}
    world["b"].refresh_from_db()
    assert world["b"].name_en == "Beta Hospital"


@pytest.mark.django_db
def test_plain_member_cannot_edit_own_org(client, world):
    client.force_login(world["member_a"])

    assert client.get(reverse("organizations:edit", args=[world["a"].pk])).status_code == 403
    response = client.patch(org_api(world["a"]), {"name_en": "Renamed"}, content_type="application/json")
    assert response.status_code == 403
    world["a"].refresh_from_db()
    assert world["a"].name_en == "Alpha Bio"


@pytest.mark.django_db
def test_org_admin_edits_over_html(client, world):
    client.force_login(world["admin_a"])
    edit = reverse("organizations:edit", args=[world["a"].pk])
    assert client.get(edit).status_code == 200

    response = client.post(edit, {
        "name_ko": "알파바이오", "name_en": "Alpha Bio Therapeutics", "kind": "firm", "region": "gyeonggi",
        "country": "KR", "website": "https://www.alpha.example.kr", "founded": "2019", "employees": "42",
        "description": "Cell therapy for solid tumours.",
    }, follow=True)

    assert response.redirect_chain == [(reverse("organizations:detail", args=[world["a"].pk]), 302)]
    assert "The organisation's profile is saved." in messages_of(response)
    org = Organization.objects.get(pk=world["a"].pk)
    # A verified organisation's new name and website domain wait for its cluster managers; the rest applies.
    assert (org.name_en, org.region, org.founded, org.employees) == ("Alpha Bio", "gyeonggi", 2019, 42)
    assert org.website_domain != "alpha.example.kr"
    assert org.status == OrganizationStatus.VERIFIED
    held = OrganizationChange.objects.get(organization=org)
    assert (held.name_en, held.website, held.old_name_en) == ("Alpha Bio Therapeutics", "https://www.alpha.example.kr", "Alpha Bio")


@pytest.mark.django_db
def test_org_admin_edit_over_html_without_any_name_shows_error(client, world):
    client.force_login(world["admin_a"])

    response = client.post(reverse("organizations:edit", args=[world["a"].pk]), {
        "name_ko": "", "name_en": "", "kind": "firm", "region": "seoul", "country": "KR", "description": "x",
    })

    assert response.status_code == 200
    assert response.context["form"].errors
    world["a"].refresh_from_db()
    assert world["a"].name_en == "Alpha Bio"


@pytest.mark.django_db
def test_org_admin_patches_over_api(client, world):
    client.force_login(world["admin_a"])

    response = client.patch(
        org_api(world["a"]), {"name_en": "Alpha Bio Inc.", "employees": 12, "region": "busan"},
        content_type="application/json",
    )

    assert response.status_code == 200
    body = response.json()
    # The answer shows the organisation as saved: the new name waits for review (OrganizationChange).
    assert (body["name_en"], body["employees"], body["region"]) == ("Alpha Bio", 12, "busan")
    world["a"].refresh_from_db()
    assert (world["a"].name_en, world["a"].employees, world["a"].region) == ("Alpha Bio", 12, "busan")
    assert OrganizationChange.objects.get(organization=world["a"]).name_en == "Alpha Bio Inc."


@pytest.mark.django_db
def test_org_admin_cannot_verify_own_pending_org_over_api(client, world):
    client.force_login(world["admin_c"])

    response = client.patch(org_api(world["c"]), {"status": "verified"}, content_type="application/json")

    assert response.status_code == 200
    assert response.json()["status"] == "pending"
    world["c"].refresh_from_db()
    assert world["c"].status == OrganizationStatus.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"name_ko": "", "name_en": " "}, "name_ko", "Give the organisation's name in Korean, English or both."),
        ({"kind": "spaceship"}, "kind", '"spaceship" is not a valid choice.'),
        ({"region": "atlantis"}, "region", '"atlantis" is not a valid choice.'),
        ({"website": "not a url"}, "website", "Enter a valid URL."),
        ({"founded": -3}, "founded", "Ensure this value is greater than or equal to 0."),
    ],
    ids=["no_name", "kind", "region", "website", "founded"],
)
def test_org_admin_patch_validation_errors_are_400_with_messages(client, world, payload, field, message):
    client.force_login(world["admin_a"])

    response = client.patch(org_api(world["a"]), payload, content_type="application/json")

    assert response.status_code == 400
    assert message in response.json()[field]
    world["a"].refresh_from_db()
    assert world["a"].name_en == "Alpha Bio"


@pytest.mark.django_db
def test_org_admin_patch_stage_must_be_a_stage_term(client, world):
    area = Facet.objects.create(kind="therapeutic_area", slug="oncology-x", label_en="Oncology", label_ko="종양")
    stage = Facet.objects.create(kind="stage", slug="preclinical-x", label_en="Preclinical", label_ko="전임상")
    client.force_login(world["admin_a"])

    wrong = client.patch(org_api(world["a"]), {"stage": area.pk}, content_type="application/json")
    right = client.patch(org_api(world["a"]), {"stage": stage.pk}, content_type="application/json")

    assert wrong.status_code == 400
    assert "stage" in wrong.json()
    assert right.status_code == 200
    assert right.json()["stage"] == stage.pk


@pytest.mark.django_db
def test_api_cannot_create_or_delete_orgs(client, world):
    client.force_login(world["admin_a"])

    assert client.delete(org_api(world["a"])).status_code == 405
    assert client.post(ORGS_API, {"name_en": "New"}, content_type="application/json").status_code == 405
    assert Organization.objects.filter(pk=world["a"].pk).exists()


# --- visibility ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_member_of_a_cannot_see_pending_org_c(client, world):
    client.force_login(world["member_a"])

    assert client.get(reverse("organizations:detail", args=[world["c"].pk])).status_code == 404
    assert client.get(reverse("organizations:edit", args=[world["c"].pk])).status_code == 404
    assert client.get(org_api(world["c"])).status_code == 404
    listed = {o["id"] for o in client.get(ORGS_API).json()["results"]}
    assert listed == {world["a"].pk, world["b"].pk}
    members = client.get(MEMBERSHIPS_API, {"organization": world["c"].pk}).json()
    assert members["count"] == 0


@pytest.mark.django_db
def test_member_of_a_sees_verified_orgs(client, world):
    client.force_login(world["member_a"])

    page = client.get(reverse("organizations:detail", args=[world["b"].pk]))
    assert page.status_code == 200
    assert "Beta Hospital" in page.content.decode()
    body = client.get(org_api(world["b"])).json()
    assert (body["id"], body["name_en"], body["status"]) == (world["b"].pk, "Beta Hospital", "verified")
    assert body["clusters"] == [world["cluster"].slug]


@pytest.mark.django_db
def test_pending_org_is_visible_to_its_own_members_and_cluster_managers(client, world):
    ClusterMembershipFactory(organization=world["c"], cluster=world["cluster"], status=ClusterMembershipStatus.REQUESTED)
    for viewer in ("admin_c", "manager"):
        client.force_login(world[viewer])
        assert client.get(reverse("organizations:detail", args=[world["c"].pk])).status_code == 200
        assert client.get(org_api(world["c"])).json()["status"] == "pending"
        assert world["c"].pk in {o["id"] for o in client.get(ORGS_API).json()["results"]}


@pytest.mark.django_db
def test_api_list_filters_by_kind_and_searches(client, world):
    client.force_login(world["member_a"])

    by_kind = client.get(ORGS_API, {"kind": "hospital"}).json()
    by_search = client.get(ORGS_API, {"search": "알파"}).json()

    assert [o["id"] for o in by_kind["results"]] == [world["b"].pk]
    assert [o["id"] for o in by_search["results"]] == [world["a"].pk]


# --- contact details -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_contacts_of_org_b_hidden_from_org_a_members_on_the_page(client, world):
    client.force_login(world["member_a"])

    text = client.get(reverse("organizations:detail", args=[world["b"].pk])).content.decode()

    assert world["admin_b"].full_name in text
    assert world["admin_b"].email not in text
    assert world["admin_b"].phone not in text
    assert world["member_b"].email not in text
    assert "Contact details stay within the organisation." in text


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["member_b", "admin_b", "manager"])
def test_contacts_of_org_b_visible_to_its_members_and_cluster_managers_on_the_page(client, world, viewer):
    client.force_login(world[viewer])

    text = client.get(reverse("organizations:detail", args=[world["b"].pk])).content.decode()

    assert world["admin_b"].email in text
    assert world["admin_b"].phone in text
    assert world["member_b"].email in text


@pytest.mark.django_db
def test_contacts_of_org_b_are_null_in_the_memberships_api_for_org_a_members(client, world):
    client.force_login(world["member_a"])

    body = client.get(MEMBERSHIPS_API, {"organization": world["b"].pk}).json()

    assert body["count"] == 2
    users = {r["user"]["full_name"]: r["user"] for r in body["results"]}
    assert set(users) == {world["admin_b"].full_name, world["member_b"].full_name}
    for person in users.values():
        assert person["email"] is None
        assert person["phone"] is None


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["member_b", "manager"])
def test_contacts_of_org_b_are_shown_in_the_memberships_api_to_b_and_its_managers(client, world, viewer):
    client.force_login(world[viewer])

    body = client.get(MEMBERSHIPS_API, {"organization": world["b"].pk}).json()

    emails = {r["user"]["email"] for r in body["results"]}
    phones = {r["user"]["phone"] for r in body["results"]}
    assert emails == {world["admin_b"].email, world["member_b"].email}
    assert phones == {world["admin_b"].phone, world["member_b"].phone}


@pytest.mark.django_db
def test_memberships_api_mixes_visible_and_hidden_contacts_row_by_row(client, world):
    client.force_login(world["member_a"])

    rows = client.get(MEMBERSHIPS_API).json()["results"]

    by_email_visible = {r["user"]["full_name"]: r["user"]["email"] for r in rows}
    assert by_email_visible[world["admin_a"].full_name] == world["admin_a"].email
    assert by_email_visible[world["member_a"].full_name] == world["member_a"].email
    assert by_email_visible[world["admin_b"].full_name] is None
    assert world["admin_c"].full_name not in by_email_visible


@pytest.mark.django_db
def test_me_endpoint_returns_own_account_and_memberships(client, world):
    client.force_login(world["admin_a"])

    body = client.get(ME_API).json()

    assert body["email"] == "admin_a@example.kr"
    assert body["phone"] == world["admin_a"].phone
    assert body["memberships"] == [
        {"organization": world["a"].pk, "name": "Alpha Bio", "role": "admin", "is_tto": False, "status": "active"}
    ]


@pytest.mark.django_db
def test_me_endpoint_updates_profile_but_not_email(client, world):
    client.force_login(world["admin_a"])

    response = client.patch(ME_API, {"full_name": "New Name", "email": "evil@example.kr"}, content_type="application/json")

    assert response.status_code == 200
    world["admin_a"].refresh_from_db()
    assert world["admin_a"].full_name == "New Name"
    assert world["admin_a"].email == "admin_a@example.kr"


# --- anonymous access, schema, tokens ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", [ORGS_API, MEMBERSHIPS_API, ME_API])
def test_anonymous_api_access_is_refused(client, world, url):
    response = client.get(url)

    assert response.status_code in (401, 403)
    assert response.json() == {"detail": "Authentication credentials were not provided."}


@pytest.mark.django_db
def test_anonymous_cannot_see_org_pages(client, world):
    response = client.get(reverse("organizations:detail", args=[world["b"].pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_schema_is_readable_anonymously(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "ClusterLink API"
    assert {"/api/v1/organizations/", "/api/v1/memberships/", "/api/v1/me/"} <= set(schema["paths"])


@pytest.mark.django_db
def test_api_docs_render_anonymously_without_a_cdn(client):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    text = response.content.decode()
    assert "swagger-ui" in text
    assert "cdn.jsdelivr.net" not in text
    assert "unpkg.com" not in text


@pytest.mark.django_db
def test_token_auth_works(client, world):
    response = client.post("/api/v1/auth/token/", {"username": "ADMIN_A@example.kr", "password": PASSWORD})

    assert response.status_code == 200
    token = response.json()["token"]
    assert ApiToken.objects.get(user=world["admin_a"]).key_hash == tokens.key_hash(token)
    me = client.get(ME_API, HTTP_AUTHORIZATION=f"Token {token}")
    assert me.status_code == 200
    assert me.json()["email"] == "admin_a@example.kr"
    patch = client.patch(
        org_api(world["a"]), {"employees": 7}, content_type="application/json", HTTP_AUTHORIZATION=f"Token {token}"
    )
    assert patch.status_code == 200


@pytest.mark.django_db
def test_token_auth_refuses_a_wrong_password_and_a_bad_token(client, world):
    response = client.post("/api/v1/auth/token/", {"username": "admin_a@example.kr", "password": "wrong-password"})

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Unable to log in with provided credentials."]}
    assert not ApiToken.objects.exists()
    assert client.get(ME_API, HTTP_AUTHORIZATION="Token not-a-real-token").status_code in (401, 403)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("organizations:invite", {"email": "mole@example.kr", "role": "admin"}),
        ("organizations:reapply", {}),
        ("organizations:cluster_join", {"cluster": "any"}),
    ],
    ids=["invite", "reapply", "cluster_join"],
)
def test_member_of_a_cannot_act_for_org_b(client, world, name, data):
    client.force_login(world["admin_a"])

    response = client.post(reverse(name, args=[world["b"].pk]), data)

    assert response.status_code == 403
    assert not world["b"].invitations.exists()


@pytest.mark.django_db
def test_member_of_a_cannot_change_roles_in_org_b(client, world):
    target = world["b"].memberships.get(user=world["member_b"])
    client.force_login(world["admin_a"])

    response = client.post(
        reverse("organizations:membership_edit", args=[world["b"].pk, target.pk]), {"role": "admin", "is_tto": "on"}
    )

    assert response.status_code == 403
    target.refresh_from_db()
    assert (target.role, target.is_tto) == (MembershipRole.MEMBER, False)


@pytest.mark.django_db
def test_org_admin_asks_to_join_another_cluster(client, world):
    other = ClusterMembershipFactory(organization=OrganizationFactory()).cluster
    client.force_login(world["admin_a"])
    url = reverse("organizations:cluster_join", args=[world["a"].pk])

    first = client.post(url, {"cluster": other.slug}, follow=True)
    again = client.post(url, {"cluster": other.slug}, follow=True)

    assert f"Your request to join {other.name_en} was sent to its managers." in messages_of(first)
    assert "This organisation has already asked to join this cluster." in messages_of(again)
    cm = world["a"].cluster_memberships.get(cluster=other)
    assert cm.status == ClusterMembershipStatus.REQUESTED
    world["a"].refresh_from_db()
    assert world["a"].status == OrganizationStatus.VERIFIED


@pytest.mark.django_db
def test_cluster_manager_reads_but_cannot_edit_a_member_org(client, world):
    client.force_login(world["manager"])

    assert client.get(org_api(world["b"])).status_code == 200
    response = client.patch(org_api(world["b"]), {"name_en": "Managed"}, content_type="application/json")
    assert response.status_code == 403
    assert client.get(reverse("organizations:edit", args=[world["b"].pk])).status_code == 403
    world["b"].refresh_from_db()
    assert world["b"].name_en == "Beta Hospital"
