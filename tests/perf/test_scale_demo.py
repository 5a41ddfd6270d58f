"""`scale_demo`: tops the database up to the asked totals, with unique believable names, the same data for the
same seed, proposals for the reviewers' queues, and a clean replacement on a re-run."""

import io

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Membership, Organization, OrganizationKind, User
from clusters.models import ClusterMembership
from demo import scale
from demo.institutions import CLUSTER_FIRM_WEIGHT
from matching.models import Listing, Match
from tests.factories import ClusterFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_clusters():
    clusters = [ClusterFactory(slug=slug) for slug in CLUSTER_FIRM_WEIGHT]
    hospital = OrganizationFactory(kind=OrganizationKind.HOSPITAL, source="demo", external_id="hospital-x")
    cap = Listing.objects.create(organization=hospital, side="capability", title="Phase 1 unit",
                                 description="Trials.", status="open")
    return clusters, hospital, cap


def _snapshot() -> list[tuple]:
    return list(Organization.objects.filter(source=scale.SCALE_SOURCE).order_by("external_id")
                .values_list("external_id", "name_ko", "name_en", "kind", "region"))


def test_tops_up_to_the_totals_with_people_listings_and_proposals(demo_clusters):
    _clusters, hospital, _cap = demo_clusters
    out = io.StringIO()
    call_command("scale_demo", "--organizations", "60", "--listings", "400", stdout=out)
    assert Organization.objects.count() == 60
    assert Listing.objects.count() == 400
    generated = Organization.objects.filter(source=scale.SCALE_SOURCE)
    names = list(generated.values_list("name_en", flat=True))
    assert len(names) == len(set(names)) == 59 and all(n.strip() for n in names)
    assert all(generated.values_list("name_ko", flat=True))
    # Every generated organisation is in one of the demo's clusters and has an admin.
    assert ClusterMembership.objects.filter(organization__in=generated).count() == 59
    assert Membership.objects.filter(organization__in=generated, role="admin").count() == 59
    # Open needs are proposed to the demo's hospital, each with its capability as supporting listing.
    proposals = Match.objects.filter(counterpart=hospital)
    assert proposals.exists() and all(m.supporting_listings.count() == 1 for m in proposals[:20])
    assert "59 organisations" in out.getvalue()


def test_same_seed_same_data_and_a_rerun_replaces_it(demo_clusters):
    call_command("scale_demo", "--organizations", "40", "--listings", "150", stdout=io.StringIO())
    first = _snapshot()
    call_command("scale_demo", "--organizations", "40", "--listings", "150", stdout=io.StringIO())
    assert _snapshot() == first
    assert Organization.objects.count() == 40 and Listing.objects.count() == 150
    call_command("scale_demo", "--organizations", "40", "--listings", "150", "--seed", "7", stdout=io.StringIO())
    assert _snapshot() != first
    call_command("scale_demo", "--remove", stdout=io.StringIO())
    assert not Organization.objects.filter(source=scale.SCALE_SOURCE).exists()
    assert not User.objects.filter(email__endswith=f"@{scale.SCALE_EMAIL_DOMAIN}").exists()
    assert Organization.objects.count() == 1  # the demo's own organisation stays


def test_refuses_without_the_demo_and_negative_sizes():
    with pytest.raises(CommandError, match="load_demo"):
        call_command("scale_demo", "--organizations", "10", "--listings", "10", stdout=io.StringIO())
    with pytest.raises(CommandError, match="zero or more"):
        call_command("scale_demo", "--organizations", "-1", stdout=io.StringIO())
