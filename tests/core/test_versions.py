"""core.versions: one round trip of maxima and counts that changes with an edit, an addition and a deletion."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Organization
from clusters.models import ClusterMembership
from core.versions import COUNT, DIGEST, SUM, version
from tests.factories import ClusterMembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_version_changes_with_edits_additions_and_deletions():
    org = OrganizationFactory()
    with CaptureQueriesContext(connection) as queries:
        first = version((Organization, "updated_at"), (Organization, COUNT))
    assert len(queries) == 1
    org.name_en = "Renamed Bio"
    org.save()
    edited = version((Organization, "updated_at"), (Organization, COUNT))
    assert edited[0] > first[0] and edited[1] == first[1]
    other = OrganizationFactory()
    added = version((Organization, "updated_at"), (Organization, COUNT))
    assert added[1] == first[1] + 1
    other.delete()
    assert version((Organization, "updated_at"), (Organization, COUNT))[1] == first[1]


def _one_query(*reads) -> tuple:
    with CaptureQueriesContext(connection) as queries:
        row = version(*reads)
    assert len(queries) == 1, [q["sql"] for q in queries]
    return row


def test_an_empty_table_reads_nothing_in_one_query():
    assert not Organization.objects.exists()
    everyone = Organization.objects.all()
    row = _one_query((Organization, "updated_at"), (Organization, COUNT), (Organization, "id", SUM),
                     (everyone, ("name_en", "name_ko"), DIGEST), (everyone, COUNT))
    assert row == (None, 0, None, None, 0)


def test_a_filtered_queryset_reads_only_its_rows_in_one_query():
    seoul = OrganizationFactory(region="seoul")
    busan = OrganizationFactory(region="busan")
    in_seoul = Organization.objects.filter(region="seoul")

    def read() -> tuple:
        return _one_query((in_seoul, "updated_at"), (in_seoul, COUNT), (in_seoul, "id", SUM),
                          (Organization, COUNT), (Organization.objects.filter(region="busan"), "updated_at"))

    first = read()
    assert first[1:4] == (1, seoul.pk, 2)
    assert first[0] == Organization.objects.get(pk=seoul.pk).updated_at
    busan.description = "Moved its lab."
    busan.save()
    second = read()
    assert second[:4] == first[:4] and second[4] > first[4]  # only the Busan maximum moved
    OrganizationFactory(region="seoul")
    assert read()[1] == 2


def test_a_filter_that_matches_nothing_still_costs_one_query():
    OrganizationFactory()
    nobody = Organization.objects.filter(pk__in=[])
    row = _one_query((nobody, "updated_at"), (nobody, COUNT), (nobody, ("name_en",), DIGEST), (Organization, COUNT))
    assert row == (None, 0, None, 1)


def test_a_digest_changes_with_any_column_and_keeps_rows_with_empty_columns():
    org = OrganizationFactory(name_en="Alpha Bio", name_ko="")
    OrganizationFactory(name_en="Beta Bio")
    everyone = Organization.objects.all()

    def digest() -> str:
        return _one_query((everyone, ("id", "name_en", "name_ko", "website"), DIGEST))[0]

    first = digest()
    assert first and digest() == first  # the same rows give the same digest
    Organization.objects.filter(pk=org.pk).update(name_ko="알파 바이오")  # no updated_at moves
    second = digest()
    assert second != first
    Organization.objects.filter(pk=org.pk).update(name_ko="알파 바이오", name_en="Alpha Biotech")
    assert digest() not in (first, second)


def test_a_field_across_a_relation_reads_the_related_rows():
    member, other = OrganizationFactory(), OrganizationFactory()
    membership = ClusterMembershipFactory(organization=member)
    ClusterMembershipFactory(organization=other, cluster=membership.cluster)
    mine = ClusterMembership.objects.filter(organization=member)
    before = _one_query((mine, "organization__updated_at"), (mine, COUNT))
    assert before == (Organization.objects.get(pk=member.pk).updated_at, 1)
    other.save()  # another organisation's change is not read
    assert _one_query((mine, "organization__updated_at"), (mine, COUNT)) == before
    member.save()
    assert _one_query((mine, "organization__updated_at"), (mine, COUNT))[0] > before[0]


def test_a_count_of_rows_with_given_values_is_read_in_the_same_pass():
    OrganizationFactory(region="seoul", kind="firm")
    OrganizationFactory(region="seoul", kind="hospital")
    OrganizationFactory(region="busan", kind="firm")
    everyone = Organization.objects.all()
    row = _one_query((everyone, COUNT), (everyone, COUNT, {"region": "seoul"}),
                     (everyone, COUNT, {"region": "seoul", "kind": "firm"}), (Organization, COUNT, {"region": "jeju"}))
    assert row == (3, 2, 1, 0)
    Organization.objects.filter(region="busan").update(region="seoul")  # no row added or removed
    assert _one_query((everyone, COUNT, {"region": "seoul"}))[0] == 3
