"""The demo world tells the indicators' story: twelve months of snapshots so the trends move, Pangyo
reads as a co-locating cluster and Hongneung as a scientific fountain, and links across the
Seoul–Gyeonggi alliance grow over the year."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from clusters.models import Alliance, ClusterMembership, ClusterMembershipStatus, Linkage
from portal.indicators.periods import parse_period
from portal.indicators.services import indicators_compute
from portal.indicators.snapshots import scope_of
from portal.models import IndicatorSnapshot, PeriodKind


def stage(slug: str) -> str:
    from clusters.models import Cluster

    result = indicators_compute(scope=scope_of(Cluster.objects.get(slug=slug)), period=parse_period(None))
    return result.report.stage["scanbalt"]["stage"]


@pytest.mark.django_db
def test_the_demo_tells_the_indicators_story():
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo indicator snapshots: " in out.getvalue()

    # Trends: every cluster and alliance has its last twelve months snapshotted.
    monthly = IndicatorSnapshot.objects.filter(period_kind=PeriodKind.MONTH)
    per_cluster = monthly.filter(cluster__isnull=False).values("cluster").distinct().count()
    assert per_cluster == 11 and monthly.filter(cluster__slug="pangyo").count() == 12
    assert monthly.filter(alliance__slug="seoul-gyeonggi").count() == 12

    # Lifecycle stages over the default period (the last twelve months).
    assert stage("pangyo") == "co_location"
    assert stage("hongneung") == "scientific_fountain"

    # Links across the alliance: co-attendance edges between members of different alliance clusters,
    # the last four months against the four before them.
    alliance = Alliance.objects.get(slug="seoul-gyeonggi")
    cluster_of = {}
    for org_id, cluster_id in ClusterMembership.objects.filter(
            cluster__in=alliance.clusters.all(), status=ClusterMembershipStatus.APPROVED).values_list(
            "organization_id", "cluster_id"):
        cluster_of.setdefault(org_id, set()).add(cluster_id)
    now = timezone.now()

    def across(months_from: int, months_to: int) -> int:
        window = Q(occurred_at__gte=now - timezone.timedelta(days=30 * months_from),
                   occurred_at__lt=now - timezone.timedelta(days=30 * months_to))
        pairs = Linkage.objects.filter(window).values_list("org_a_id", "org_b_id")
        return sum(1 for a, b in pairs if a in cluster_of and b in cluster_of and not cluster_of[a] & cluster_of[b])

    early, late = across(9, 5), across(4, 0)
    assert late > 2 * early > 0, (early, late)
