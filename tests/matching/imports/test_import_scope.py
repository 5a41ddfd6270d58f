"""The import as a cluster manager: it creates organisations for the manager's own clusters and
changes only rows of those clusters; another cluster's rows (even under the same source and id)
are row errors that reveal nothing, in the dry run as in the commit. Platform admins are not limited."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Organization
from clusters.models import ClusterMembership, ClusterMembershipStatus, Linkage
from matching.imports import NOT_YOURS, import_text
from matching.models import KnownLink, Listing, ListingVisibility
from tests.factories import ClusterFactory, ClusterMembershipFactory, OrganizationFactory, UserFactory, cluster_manager

pytestmark = pytest.mark.django_db

SECRET = "Biobank of 312 early-onset pancreatic cancer patients with matched organoids."


def jsonl(*records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def org_row(rid: str, **over) -> dict:
    return {"type": "organization", "id": rid, "kind": "hospital", "name": f"Hospital {rid}", "region": "seoul",
            "description": "Tertiary hospital.", **over}


def listing_row(rid: str, org: str, **over) -> dict:
    return {"type": "listing", "id": rid, "org": org, "side": "capability", "title": "Cohort access",
            "description": "Cohort data.", **over}


@pytest.fixture
def other_cluster():
    """Cluster B with an imported hospital, one open and one confidential listing (source 'demo')."""
    cluster = ClusterFactory(slug="daegu")
    hospital = OrganizationFactory(kind="hospital", name_en="Daegu Hospital", name_ko="대구병원", source="demo",
                                   external_id="h-daegu", description="Daegu's hospital.")
    ClusterMembershipFactory(organization=hospital, cluster=cluster)
    secret = Listing.objects.create(organization=hospital, side="capability", title="Organoid biobank",
                                    description=SECRET, visibility=ListingVisibility.CONFIDENTIAL, language="en",
                                    source="demo", external_id="l-secret")
    Listing.objects.create(organization=hospital, side="need", title="Trial partner", description="Open need.",
                           language="en", source="demo", external_id="l-open")
    return cluster, hospital, secret


def snapshot() -> tuple:
    return (
        sorted(Organization.objects.values_list("pk", "kind", "name_en", "name_ko", "description", "updated_at")),
        sorted(Listing.objects.values_list("pk", "organization_id", "title", "description", "updated_at")),
        KnownLink.objects.count(), Linkage.objects.count(), ClusterMembership.objects.count(),
    )


def upload(client, text: str, *, cluster, source: str = "demo", name: str = "orgs.jsonl"):
    return client.post(reverse("listings:import_orgs"),
                       {"file": SimpleUploadedFile(name, text.encode()), "source": source, "cluster": cluster.pk})


# --- through the upload page ----------------------------------------------------------------------


def test_manager_cannot_rewrite_another_clusters_organisation(client, settings, tmp_path, other_cluster):
    settings.MEDIA_ROOT = tmp_path
    manager, own = cluster_manager()
    client.force_login(manager)
    before = snapshot()
    resp = upload(client, jsonl(org_row("h-daegu", kind="firm", name="Hijacked", description="Ours now.")), cluster=own)
    assert resp.status_code == 200
    report = resp.context["report"]
    assert report.errors == [(1, str(NOT_YOURS))]
    assert "token" not in resp.context and "unchanged" not in resp.text
    assert snapshot() == before
    assert Organization.objects.get(external_id="h-daegu").kind == "hospital"


def test_manager_cannot_move_another_clusters_confidential_listing(client, settings, tmp_path, other_cluster):
    settings.MEDIA_ROOT = tmp_path
    manager, own = cluster_manager()
    client.force_login(manager)
    before = snapshot()
    exact = jsonl(org_row("mine"), listing_row("l-secret", "mine", title="Organoid biobank", description=SECRET,
                                               lang="en"))
    resp = upload(client, exact, cluster=own)
    assert resp.context["report"].errors == [(2, str(NOT_YOURS))]
    assert "unchanged" not in resp.text and SECRET not in resp.text and "token" not in resp.context
    assert snapshot() == before
    # A wrong guess reads exactly the same: the report confirms nothing about the description.
    wrong = upload(client, exact.replace("312", "313"), cluster=own)
    assert wrong.context["report"].errors == resp.context["report"].errors
    assert wrong.context["report"].counts == resp.context["report"].counts


def test_manager_cannot_add_listings_or_links_to_another_clusters_organisation(client, settings, tmp_path,
                                                                                other_cluster):
    settings.MEDIA_ROOT = tmp_path
    manager, own = cluster_manager()
    client.force_login(manager)
    before = snapshot()
    text = jsonl(org_row("mine"), listing_row("l-new", "h-daegu"),
                 {"type": "link", "a": "mine", "b": "h-daegu", "kind": "partnership"})
    errors = upload(client, text, cluster=own).context["report"].errors
    assert [n for n, _m in errors] == [2, 3]
    assert snapshot() == before
    # Naming an organisation that does not exist at all reads the same: existence is not revealed.
    unknown = upload(client, text.replace("h-daegu", "h-nowhere"), cluster=own).context["report"].errors
    assert [m.replace("h-nowhere", "h-daegu") for _n, m in unknown] == [m for _n, m in errors]


def test_platform_admin_may_update_any_cluster(client, settings, tmp_path, other_cluster):
    settings.MEDIA_ROOT = tmp_path
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    resp = client.post(reverse("listings:import_orgs"), {
        "file": SimpleUploadedFile("fix.jsonl", jsonl(org_row("h-daegu", name="Daegu Central Hospital")).encode()),
        "source": "demo", "cluster": ""})
    assert resp.context["report"].ok and "token" in resp.context
    client.post(reverse("listings:import_orgs"), {"token": resp.context["token"]})
    assert Organization.objects.get(external_id="h-daegu").name_en == "Daegu Central Hospital"


def test_created_organisations_join_the_chosen_cluster_and_reimport_updates_them(client, settings, tmp_path,
                                                                                  other_cluster):
    settings.MEDIA_ROOT = tmp_path
    manager, first = cluster_manager()
    second = ClusterFactory()
    second.managers.add(manager)
    client.force_login(manager)
    form = client.get(reverse("listings:import_orgs")).context["form"]
    assert set(form.fields["cluster"].queryset) == {first, second}  # never the other cluster
    text = jsonl(org_row("mine"), listing_row("l-mine", "mine"), org_row("mine2"),
                 {"type": "link", "a": "mine", "b": "mine2"})
    resp = upload(client, text, cluster=second, source="pangyo")
    assert resp.context["report"].ok, resp.context["report"].errors
    client.post(reverse("listings:import_orgs"), {"token": resp.context["token"]})
    mine = Organization.objects.get(source="pangyo", external_id="mine")
    membership = ClusterMembership.objects.get(organization=mine)
    assert (membership.cluster, membership.status, membership.decided_by) == (second, "approved", manager)
    assert KnownLink.objects.count() == 1
    # The same manager changes its own rows fine.
    resp = upload(client, text.replace("Cohort data.", "Cohort data, updated."), cluster=first, source="pangyo")
    report = resp.context["report"]
    assert report.ok and report.counts["listings updated"] == 1 and report.counts["organisations unchanged"] == 2
    client.post(reverse("listings:import_orgs"), {"token": resp.context["token"]})
    assert Listing.objects.get(external_id="l-mine").description == "Cohort data, updated."
    assert ClusterMembership.objects.filter(organization=mine).count() == 1  # not joined again elsewhere


def test_a_cluster_the_user_does_not_manage_is_refused(client, settings, tmp_path, other_cluster):
    settings.MEDIA_ROOT = tmp_path
    manager, _own = cluster_manager()
    client.force_login(manager)
    resp = upload(client, jsonl(org_row("mine")), cluster=other_cluster[0])
    assert resp.status_code == 200 and "cluster" in resp.context["form"].errors
    assert not Organization.objects.filter(external_id="mine").exists()


# --- through the function -------------------------------------------------------------------------


def test_function_scope_keeps_clusters_apart(other_cluster):
    cluster_b, _hospital, _secret = other_cluster
    cluster_a = ClusterFactory()
    text = jsonl(org_row("a1"), listing_row("la1", "a1"))
    assert import_text(text, source="demo", clusters={cluster_a.pk}, join=cluster_a).committed
    # B's manager may not touch what A's import created, nor A's manager B's rows.
    before = snapshot()
    report = import_text(text.replace("Hospital a1", "Taken"), source="demo", clusters={cluster_b.pk}, join=cluster_b)
    assert report.errors == [(1, str(NOT_YOURS)), (2, str(NOT_YOURS))] and not report.committed
    report = import_text(jsonl(org_row("h-daegu", kind="firm")), source="demo", clusters={cluster_a.pk},
                         join=cluster_a, dry_run=True)
    assert report.errors == [(1, str(NOT_YOURS))] and "organisations unchanged" not in report.counts
    assert snapshot() == before
    # Without a scope (platform admin, the command line) everything may change, as before.
    report = import_text(jsonl(org_row("h-daegu", kind="firm")), source="demo")
    assert report.committed and Organization.objects.get(external_id="h-daegu").kind == "firm"


def test_a_pending_membership_is_not_scope(other_cluster):
    _cluster_b, hospital, _secret = other_cluster
    cluster_a = ClusterFactory()
    ClusterMembershipFactory(organization=hospital, cluster=cluster_a, status=ClusterMembershipStatus.REQUESTED)
    report = import_text(jsonl(org_row("h-daegu")), source="demo", clusters={cluster_a.pk}, join=cluster_a)
    assert report.errors == [(1, str(NOT_YOURS))]


def test_confidential_listing_of_an_own_organisation_is_not_changed_by_a_manager(other_cluster):
    cluster_b, _hospital, _secret = other_cluster
    text = jsonl(org_row("h-daegu", name="Daegu Hospital"),
                 listing_row("l-secret", "h-daegu", title="Organoid biobank", description=SECRET, lang="en"))
    report = import_text(text, source="demo", clusters={cluster_b.pk}, join=cluster_b, dry_run=True)
    assert report.errors == [(2, str(NOT_YOURS))]  # the manager may not read it, so nothing is confirmed


def test_command_runs_as_platform_admin(tmp_path, other_cluster):
    from django.core.management import call_command

    path = tmp_path / "fix.jsonl"
    path.write_text(jsonl(org_row("h-daegu", name="Daegu Hospital East")), encoding="utf-8")
    call_command("import_orgs", str(path), "--source", "demo", stdout=StringIO())
    assert Organization.objects.get(external_id="h-daegu").name_en == "Daegu Hospital East"
