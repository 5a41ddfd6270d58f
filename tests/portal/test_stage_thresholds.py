"""A cluster's managers set its own lifecycle-stage thresholds on the dashboard: the stage, the snapshots
and compute_indicators follow; nobody else may change them; bad numbers are refused with a message."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from clusters.models import Cluster
from portal.dashboard.thresholds import StageThresholdsForm
from portal.models import IndicatorSnapshot

FIELD = "co_location__min_events_per_month"


def url(world) -> str:
    return reverse("dashboard:cluster_thresholds", args=[world.cluster.slug])


def scanbalt(world, period: str = "2026-08") -> str:
    out = StringIO()
    call_command("compute_indicators", "--cluster", world.cluster.slug, "--period", period, "--json", stdout=out,
                 stderr=StringIO())
    return json.loads(out.getvalue())["stage"]["scanbalt"]


def test_a_manager_lowers_a_threshold_and_the_stage_follows(dash_world, client):
    before = scanbalt(dash_world)
    assert before["stage"] == "scientific_fountain" and before["decided_by"] == "co_location.min_events_per_month"
    client.force_login(dash_world.manager)
    page = client.get(reverse("dashboard:cluster", args=[dash_world.cluster.slug])).content.decode()
    assert 'id="stage-rules"' in page and f'name="{FIELD}"' in page

    response = client.post(url(dash_world), {FIELD: "0.5", "co_location__min_firm_investor_share": "0.2"},
                           follow=True)
    assert response.status_code == 200
    assert "Stage rules saved" in response.content.decode()
    cluster = Cluster.objects.get(pk=dash_world.cluster.pk)
    assert cluster.stage_thresholds == {"co_location.min_events_per_month": 0.5,
                                        "co_location.min_firm_investor_share": 0.2}
    assert scanbalt(dash_world)["stage"] != "scientific_fountain"  # the command uses the cluster's own rules
    assert IndicatorSnapshot.objects.filter(cluster=cluster).exists()  # the current snapshots were recomputed

    # Emptied fields go back to the platform's values.
    client.post(url(dash_world), {FIELD: ""})
    assert Cluster.objects.get(pk=cluster.pk).stage_thresholds == {}
    assert scanbalt(dash_world) == before


def test_a_value_equal_to_the_platform_is_not_stored(dash_world):
    form = StageThresholdsForm({FIELD: "2"}, cluster=dash_world.cluster)
    assert form.is_valid() and form.thresholds() == {}


@pytest.mark.parametrize("value", ["abc", "1\x00", "-1", "inf", "nan", "1e400"])
def test_bad_numbers_are_refused_and_change_nothing(dash_world, client, value):
    client.force_login(dash_world.manager)
    response = client.post(url(dash_world), {FIELD: value}, follow=True)
    assert response.status_code == 200
    assert "The stage rules were not changed" in response.content.decode()
    assert Cluster.objects.get(pk=dash_world.cluster.pk).stage_thresholds == {}


def test_a_share_rule_above_one_is_refused(dash_world):
    form = StageThresholdsForm({"co_location__min_firm_investor_share": "1.5"}, cluster=dash_world.cluster)
    assert not form.is_valid()


def test_only_this_clusters_managers_change_its_rules(dash_world, client):
    for user in (dash_world.other_manager, dash_world.member):
        client.force_login(user)
        assert client.post(url(dash_world), {FIELD: "0.5"}).status_code == 403
        page = client.get(reverse("dashboard:cluster", args=[dash_world.cluster.slug])).content.decode()
        assert 'id="stage-rules"' not in page
    client.logout()
    assert client.post(url(dash_world), {FIELD: "0.5"}).status_code == 302  # to the sign-in page
    assert Cluster.objects.get(pk=dash_world.cluster.pk).stage_thresholds == {}


def test_an_alliance_keeps_the_platform_rules(dash_world, client):
    Cluster.objects.filter(pk=dash_world.cluster.pk).update(stage_thresholds={"co_location.min_events_per_month": 0})
    from portal.indicators.services import stage_thresholds
    from portal.indicators.snapshots import scope_of

    assert stage_thresholds(scope_of(dash_world.alliance)) == {}
    assert stage_thresholds(scope_of(Cluster.objects.get(pk=dash_world.cluster.pk))) == {
        "co_location.min_events_per_month": 0}
