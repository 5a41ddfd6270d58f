"""compute_indicators and export_linkages on the real database: formats, the membership rule, periods."""

import csv
import io
import json
import math

import pytest
from django.core.management import CommandError, call_command

from portal.indicators.periods import parse_period
from portal.indicators.selectors import cluster_scope
from portal.indicators.services import indicators_compute

pytestmark = pytest.mark.django_db

NAMES = ["density", "largest_component_share", "degree_centralization", "ei_index_kind", "cross_region_share",
         "firm_hospital_coverage", "hospital_firm_coverage", "match_acceptance_rate", "show_up_rate"]
HEADER = "org_a,org_b,kind,weight,occurred_at,a_kind,b_kind,a_region,b_region"


def run(name, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(name, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def pairs(world, *names):
    ids = sorted(world.orgs[n].pk for n in names)
    return ids[0], ids[1]


def test_compute_indicators_json_for_one_cluster(event_world):
    out, err = run("compute_indicators", "--cluster", "osong", "--period", "2026-Q3", "--json")
    result = json.loads(out)  # exactly one object: a second line would not parse
    assert set(result) == {"cluster", "period", "indicators", "stage"}
    assert (result["cluster"], result["period"]) == ("osong", "2026-Q3")
    values = result["indicators"]
    assert set(NAMES) <= values.keys()
    assert all(v is None or (isinstance(v, int | float) and math.isfinite(v)) for v in values.values())
    assert "osong 2026-Q3" in err
    # members f1 f2 h1 u1; inside ties f1–h1, f1–f2, f2–h1 (u1 only co-attended): 3 of 6 pairs
    assert values["members"] == 4
    assert values["density"] == pytest.approx(0.5)
    assert values["largest_component_share"] == pytest.approx(0.75)
    # tie pairs with the boundary f1–o1: 3 of 4 across kinds, 3 of 4 across places
    assert values["ei_index_kind"] == pytest.approx(0.5)
    assert values["cross_region_share"] == pytest.approx(0.75)
    assert values["firm_hospital_coverage"] == pytest.approx(0.5)
    assert values["hospital_firm_coverage"] == 1.0
    # 3 registered (walk-in and cancelled left out), 2 checked in
    assert values["show_up_rate"] == pytest.approx(2 / 3)
    assert values["match_acceptance_rate"] == 0.5
    assert values["match_conversion_rate"] == 1.0
    assert values["partnership_lag_days_median"] == pytest.approx(20.0)
    assert values["repeat_participation"] == 0.0
    assert result["stage"]["startup_genome"]["stage"] == "activation"
    assert result["stage"]["scanbalt"]["decided_by"].startswith("co_location.")


def test_compute_indicators_without_cluster_gives_one_line_per_cluster(world):
    out, _err = run("compute_indicators", "--period", "2026-Q3", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["cluster"] for line in lines] == ["daegu", "osong"]
    assert lines[0]["indicators"]["members"] == 1


def test_compute_indicators_table(world):
    out, _err = run("compute_indicators", "--cluster", "osong", "--period", "2026-Q3")
    assert out.startswith("osong  2026-Q3")
    assert "density" in out
    assert "startup_genome: activation" in out


def test_unknown_cluster_and_bad_period_are_errors(world):
    with pytest.raises(CommandError, match="nowhere"):
        run("compute_indicators", "--cluster", "nowhere", "--json")
    with pytest.raises(CommandError, match="2026-Q3"):
        run("export_linkages", "--cluster", "osong", "--period", "Q3-2026")


def test_export_rows_are_the_edges_used(world):
    out, _err = run("export_linkages", "--cluster", "osong", "--period", "2026-Q3")
    assert not out.startswith("\ufeff")
    assert out.splitlines()[0] == HEADER
    rows = list(csv.DictReader(io.StringIO(out)))
    exported = {(int(r["org_a"]), int(r["org_b"]), r["kind"]) for r in rows}
    assert exported == {
        (*pairs(world, "f1", "h1"), "partnership"), (*pairs(world, "f1", "f2"), "meeting"),
        (*pairs(world, "f2", "h1"), "introduction"), (*pairs(world, "f1", "o1"), "introduction"),
        (*pairs(world, "f1", "u1"), "co_attendance"),
    }
    used = indicators_compute(scope=cluster_scope("osong"), period=parse_period("2026-Q3")).edges
    assert [(str(e.org_a), str(e.org_b), e.kind, repr(e.weight), e.occurred_at.isoformat()) for e in used] == [
        (r["org_a"], r["org_b"], r["kind"], r["weight"], r["occurred_at"]) for r in rows]
    outside = next(r for r in rows if int(r["org_b"]) == world.orgs["o1"].pk or int(r["org_a"]) == world.orgs["o1"].pk)
    assert {outside["a_region"], outside["b_region"]} == {"chungbuk", "abroad"}
    co = next(r for r in rows if r["kind"] == "co_attendance")
    assert (co["weight"], co["occurred_at"]) == ("0.5", "2026-08-10T03:00:00+00:00")


def test_period_filter_excludes_older_edges(world):
    q3, _ = run("export_linkages", "--cluster", "osong", "--period", "2026-Q3")
    q1, _ = run("export_linkages", "--cluster", "osong", "--period", "2026-Q1")
    august, _ = run("export_linkages", "--cluster", "osong", "--period", "2026-08")
    july, _ = run("export_linkages", "--cluster", "osong", "--period", "2026-07")
    assert len(q3.splitlines()) == 1 + 5
    assert august == q3
    assert july.splitlines() == [HEADER]
    q1_rows = list(csv.DictReader(io.StringIO(q1)))
    assert [(r["kind"], r["occurred_at"]) for r in q1_rows] == [("meeting", "2026-03-01T03:00:00+00:00")]
    out, _ = run("compute_indicators", "--cluster", "osong", "--period", "2026-Q1", "--json")
    values = json.loads(out)["indicators"]
    assert values["density"] == pytest.approx(1 / 6)  # only f1–u1
    assert values["ei_index_kind"] == 1.0


def test_a_quarter_starts_at_midnight_in_seoul(world):
    from datetime import UTC, datetime

    from clusters.linkages import linkage_record

    # 30 June 2026 16:00 UTC is 1 July 01:00 in Seoul: third quarter
    linkage_record(kind="mentoring", org_a=world.orgs["f2"], org_b=world.orgs["u1"], source=world.source,
                   at=datetime(2026, 6, 30, 16, 0, tzinfo=UTC))
    out, _ = run("export_linkages", "--cluster", "osong", "--period", "2026-Q3")
    assert "mentoring" in out
    out, _ = run("export_linkages", "--cluster", "osong", "--period", "2026-Q2")
    assert "mentoring" not in out


def test_alliance_scope_joins_its_clusters(world):
    from clusters.models import Alliance

    alliance = Alliance.objects.create(slug="bio-belt", name_ko="벨트", name_en="Belt")
    alliance.clusters.add(world.cluster, world.other)
    out, _ = run("export_linkages", "--alliance", "bio-belt", "--period", "2026-Q3")
    kinds = [r["kind"] for r in csv.DictReader(io.StringIO(out))]
    assert len(kinds) == 6  # the five of osong and d1–o1 of daegu
    out, _ = run("compute_indicators", "--alliance", "bio-belt", "--period", "2026-Q3", "--json")
    assert json.loads(out)["indicators"]["members"] == 5
