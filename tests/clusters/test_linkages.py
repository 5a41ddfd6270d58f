"""clusters.linkages, the one writer of the Linkage edge log: ordered pairs, one edge per
(kind, source, pair), no self-edges, and the replace-all recompute."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clusters.linkages import linkage_record, linkages_remove, linkages_replace, ordered_pair
from clusters.models import Linkage, LinkageKind
from tests.factories import ClusterFactory, ClusterMembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

K = LinkageKind


@pytest.fixture
def orgs():
    return sorted((OrganizationFactory() for _ in range(4)), key=lambda o: o.pk)


@pytest.fixture
def source():
    """Any record can be an edge's source; a cluster membership stands in for a match or a meeting."""
    return ClusterMembershipFactory()


def pairs_of(kind: str, source) -> dict[tuple[int, int], float]:
    return {
        (e.org_a_id, e.org_b_id): e.weight
        for e in Linkage.objects.filter(kind=kind, source_type=ContentType.objects.get_for_model(source), source_id=source.pk)
    }


def test_ordered_pair():
    assert ordered_pair(7, 3) == (3, 7)
    assert ordered_pair(3, 7) == (3, 7)
    assert ordered_pair(5, 5) is None
    assert ordered_pair(None, 5) is None
    assert ordered_pair(5, None) is None


def test_record_orders_the_pair_and_fills_the_edge(orgs, source):
    low, high = orgs[0], orgs[1]
    at = timezone.now() - timedelta(days=2)
    edge = linkage_record(kind=K.MEETING, org_a=high, org_b=low.pk, source=source, weight=0.5, at=at,
                          cluster=source.cluster)
    assert (edge.org_a_id, edge.org_b_id) == (low.pk, high.pk)
    assert edge.source == source
    assert (edge.kind, edge.weight, edge.occurred_at, edge.cluster_id) == (K.MEETING, 0.5, at, source.cluster_id)


def test_record_defaults_to_now_weight_one_and_no_cluster(orgs, source):
    before = timezone.now()
    edge = linkage_record(kind=K.PARTNERSHIP, org_a=orgs[0], org_b=orgs[1], source=source)
    assert edge.weight == 1.0 and edge.cluster_id is None
    assert before <= edge.occurred_at <= timezone.now()


def test_record_writes_once_per_kind_source_and_pair(orgs, source):
    a, b = orgs[0], orgs[1]
    first = linkage_record(kind=K.INTRODUCTION, org_a=a, org_b=b, source=source, weight=1.0)
    # Repeating it, either way round and with other values, returns the stored edge unchanged.
    again = linkage_record(kind=K.INTRODUCTION, org_a=b, org_b=a, source=source, weight=9.0,
                           at=timezone.now() + timedelta(days=1))
    assert again.pk == first.pk
    again.refresh_from_db()
    assert (again.weight, again.occurred_at) == (1.0, first.occurred_at)
    assert Linkage.objects.count() == 1
    # Another kind, another source or another pair is another edge.
    linkage_record(kind=K.PARTNERSHIP, org_a=a, org_b=b, source=source)
    linkage_record(kind=K.INTRODUCTION, org_a=a, org_b=b, source=ClusterMembershipFactory())
    linkage_record(kind=K.INTRODUCTION, org_a=a, org_b=orgs[2], source=source)
    assert Linkage.objects.count() == 4


def test_same_id_from_another_model_is_another_source(orgs):
    membership, cluster = ClusterMembershipFactory(), ClusterFactory()
    linkage_record(kind=K.MEETING, org_a=orgs[0], org_b=orgs[1], source=membership)
    linkage_record(kind=K.MEETING, org_a=orgs[0], org_b=orgs[1], source=cluster)
    assert {type(e.source) for e in Linkage.objects.all()} == {type(membership), type(cluster)}


def test_no_edge_for_one_organisation_or_a_missing_side(orgs, source):
    assert linkage_record(kind=K.MEETING, org_a=orgs[0], org_b=orgs[0].pk, source=source) is None
    assert linkage_record(kind=K.MEETING, org_a=None, org_b=orgs[0], source=source) is None
    assert linkage_record(kind=K.MEETING, org_a=orgs[0], org_b=None, source=source) is None
    assert not Linkage.objects.exists()


def test_remove_takes_back_only_that_kind_of_that_source(orgs, source):
    other = ClusterMembershipFactory()
    linkage_record(kind=K.MEETING, org_a=orgs[0], org_b=orgs[1], source=source)
    linkage_record(kind=K.MEETING, org_a=orgs[0], org_b=orgs[2], source=source)
    linkage_record(kind=K.PARTNERSHIP, org_a=orgs[0], org_b=orgs[1], source=source)
    linkage_record(kind=K.MEETING, org_a=orgs[0], org_b=orgs[1], source=other)
    assert linkages_remove(kind=K.MEETING, source=source) == 2
    assert pairs_of(K.MEETING, source) == {}
    assert len(pairs_of(K.PARTNERSHIP, source)) == 1 and len(pairs_of(K.MEETING, other)) == 1
    assert linkages_remove(kind=K.MEETING, source=source) == 0


def test_replace_makes_the_edges_exactly_the_pairs(orgs, source):
    a, b, c, d = (o.pk for o in orgs)
    at = timezone.now()
    assert linkages_replace(kind=K.CO_ATTENDANCE, source=source, pairs=[(b, a), (a, c), (b, c)], weight=0.5, at=at,
                            cluster=source.cluster_id) == 3
    assert pairs_of(K.CO_ATTENDANCE, source) == {(a, b): 0.5, (a, c): 0.5, (b, c): 0.5}
    assert set(Linkage.objects.values_list("occurred_at", "cluster_id")) == {(at, source.cluster_id)}
    # c left, d came: c's edges go, d's come, the kept edge takes the new weight.
    assert linkages_replace(kind=K.CO_ATTENDANCE, source=source, pairs=[(a, b), (a, d), (b, d)], weight=0.25,
                            at=at) == 3
    assert pairs_of(K.CO_ATTENDANCE, source) == {(a, b): 0.25, (a, d): 0.25, (b, d): 0.25}
    assert linkages_replace(kind=K.CO_ATTENDANCE, source=source, pairs=[], weight=0.0, at=at) == 0
    assert pairs_of(K.CO_ATTENDANCE, source) == {}


def test_replace_skips_self_pairs_and_repeats_and_leaves_other_edges_alone(orgs, source):
    a, b, c, _d = (o.pk for o in orgs)
    linkage_record(kind=K.MEETING, org_a=a, org_b=c, source=source)
    other = ClusterMembershipFactory()
    linkages_replace(kind=K.CO_ATTENDANCE, source=other, pairs=[(a, c)], weight=1.0, at=timezone.now())
    assert linkages_replace(kind=K.CO_ATTENDANCE, source=source, pairs=[(a, a), (a, b), (b, a)], weight=1.0,
                            at=timezone.now()) == 1
    assert pairs_of(K.CO_ATTENDANCE, source) == {(a, b): 1.0}
    assert pairs_of(K.MEETING, source) == {(a, c): 1.0}
    assert pairs_of(K.CO_ATTENDANCE, other) == {(a, c): 1.0}


def test_replace_with_the_same_edges_writes_nothing(orgs, source):
    a, b, c, _d = (o.pk for o in orgs)
    at = timezone.now()
    linkages_replace(kind=K.CO_ATTENDANCE, source=source, pairs=[(a, b), (a, c)], weight=0.5, at=at)
    with CaptureQueriesContext(connection) as queries:
        linkages_replace(kind=K.CO_ATTENDANCE, source=source, pairs=[(b, a), (a, c)], weight=0.5, at=at)
    assert [q["sql"].split()[0] for q in queries.captured_queries] == ["SELECT"]
