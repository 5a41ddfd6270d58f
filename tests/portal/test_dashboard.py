"""The dashboard for a manager: the figures with their definitions, funnel, mixing, scorecard, network, trends;
CSV and JSON exports; the API; Korean rendering shows words, not codes."""

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from accounts.models import OrganizationKind
from portal.indicators.periods import parse_period
from portal.indicators.snapshots import snapshot
from tests.factories import ClusterMembershipFactory, OrganizationFactory

pytestmark = pytest.mark.urls("tests.portal.urls_for_tests")

Q3 = {"period": "2026-Q3"}


def page_of(client, user, kind="cluster", slug="osong", **params):
    client.force_login(user)
    response = client.get(reverse(f"dashboard:{kind}", args=[slug]), params or Q3)
    assert response.status_code == 200
    return response.content.decode()


def chart_data(page: str) -> dict:
    match = re.search(r'<script id="dashboard-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def export(client, table, fmt, slug="osong", kind="cluster", **params):
    return client.get(reverse(f"dashboard:{kind}_export", args=[slug, table, fmt]), params or Q3)


def test_manager_page_has_the_figures_with_definitions(client, dash_world):
    page = page_of(client, dash_world.manager)
    assert "Osong Bio" in page
    # density 3 of 6 possible ties, with its definition on the number
    assert re.search(r'<dd[^>]*title="Ties between members ÷ possible ties[^"]*">50.0%</dd>', page)
    assert 'title="Registrations checked in ÷ registrations."' in page
    for section in ('id="funnel"', 'id="network-map"', 'id="mixing"', 'id="trends"', 'id="events"', 'id="stage"'):
        assert section in page
    assert "Osong Partnering Day" in page and "66.7%" in page  # 2 of 3 registered came
    assert "Scientific fountain" in page and "Activation" in page
    assert "Decided by the rule: enough member firms (start-ups)." in page
    # no inline script: data in a JSON block, code in static files
    assert re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", page) == []


def test_manager_sees_named_ties_but_never_a_confidential_one(client, dash_world):
    page = page_of(client, dash_world.manager)
    network = chart_data(page)["network"]
    names = {n["id"]: n["label"] for n in network["nodes"]}
    assert set(names.values()) == {"Alpha Firm", "Beta Firm", "Gamma Hospital", "Delta University"}
    drawn = {frozenset((names[e["source"]], names[e["target"]])) for e in network["edges"]}
    assert drawn == {frozenset({"Alpha Firm", "Gamma Hospital"}), frozenset({"Alpha Firm", "Beta Firm"})}
    assert network["hidden"] == 1
    gatekeepers = {names[n["id"]] for n in network["nodes"] if n["gatekeeper"]}
    assert gatekeepers == {"Alpha Firm"}  # the one member tied outside (to O1)
    ties = list(csv.DictReader(io.StringIO(export(client, "network_ties", "csv").content.decode("utf-8-sig"))))
    assert [(r["name_a"], r["name_b"], r["kinds"]) for r in ties] == [
        ("Alpha Firm", "Beta Firm", "meeting"), ("Alpha Firm", "Gamma Hospital", "introduction|partnership")]


def test_funnel_and_mixing_json_exports(client, dash_world):
    client.force_login(dash_world.manager)
    funnel = json.loads(export(client, "funnel", "json").content)
    assert (funnel["scope"], funnel["slug"], funnel["period"], funnel["access"]) == ("cluster", "osong", "2026-Q3", "full")
    assert [(r["source"], r["proposed"], r["accepted"], r["connected"], r["partnership"]) for r in funnel["rows"]] == [
        ("model", 1, 1, 1, 1), ("requested", 1, 1, 1, 0), ("brokered", 1, 0, 0, 0), ("all", 3, 2, 2, 1)]
    assert "20.0" in funnel["note"]  # accepted 1 Aug, partnership confirmed 21 Aug
    kinds = json.loads(export(client, "kind_matrix", "json").content)
    # distinct tie pairs with a member end: F1–H1, F2–U1, F1–F2, F1–O1; each counted both ways
    assert {r["row"]: {k: v for k, v in r.items() if k not in ("row", "label")} for r in kinds["rows"]} == {
        "firm": {"firm": 2, "hospital": 2, "university": 1},
        "hospital": {"firm": 2, "hospital": 0, "university": 0},
        "university": {"firm": 1, "hospital": 0, "university": 0},
    }
    assert "0.50" in kinds["note"]  # E-I = (3 − 1) ÷ 4


def test_event_scorecard_csv_is_utf8_with_bom_and_formula_safe(client, dash_world):
    evil = OrganizationFactory(name_en="=HYPERLINK(\"http://x\")", name_ko="=HYPERLINK(\"http://x\")", kind="service",
                               region="chungbuk")
    ClusterMembershipFactory(organization=evil, cluster=dash_world.cluster)
    client.force_login(dash_world.manager)
    response = export(client, "events", "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="osong-2026-Q3-events.csv"' in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert (row["title"], row["registered"], row["checked_in"], row["meetings"], row["new_ties"]) == (
        "Osong Partnering Day", "3", "2", "1", "1")
    assert float(row["show_up_rate"]) == pytest.approx(2 / 3)
    nodes = export(client, "network_nodes", "csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in nodes and "\n=HYPERLINK" not in nodes and ",=HYPERLINK" not in nodes


def test_unknown_table_or_format_is_404_and_bad_period_400(client, dash_world):
    client.force_login(dash_world.manager)
    assert export(client, "nope", "csv").status_code == 404
    assert export(client, "funnel", "xlsx").status_code == 404
    assert export(client, "funnel", "csv", period="2026-Q9").status_code == 400


def test_trends_on_the_page_come_from_snapshots(client, dash_world):
    snapshot(dash_world.cluster, parse_period("2026-08"))
    client.force_login(dash_world.manager)
    trend = json.loads(export(client, "trend", "json").content)
    rows = {r["month"]: r for r in trend["rows"]}
    if "2026-08" in rows:  # within the last 12 months of today
        assert rows["2026-08"]["density"] == pytest.approx(0.5)
    series = chart_data(page_of(client, dash_world.manager))["trend"]["series"]
    bands = {s["key"]: [b["value"] for b in s["bands"]] for s in series}
    assert bands["largest_component_share"] == [0.5] and bands["cross_region_share"] == [0.5]


def test_region_filter_keeps_that_regions_members_on_the_map(client, dash_world):
    page = page_of(client, dash_world.manager, period="2026-Q3", region="seoul")
    assert [n["label"] for n in chart_data(page)["network"]["nodes"]] == ["Beta Firm"]


def test_alliance_dashboard_for_a_manager_of_one_of_its_clusters(client, dash_world):
    page = page_of(client, dash_world.manager, kind="alliance", slug="central")
    assert "Central Alliance" in page and 'id="network-map"' in page


def test_api_gives_the_same_tables(dash_world):
    api = APIClient()
    api.force_authenticate(dash_world.manager)
    response = api.get("/api/v1/clusters/osong/dashboard/", {"period": "2026-Q3", "table": "funnel"})
    assert response.status_code == 200
    body = response.json()
    assert body["access"] == "full" and [t["key"] for t in body["tables"]] == ["funnel"]
    assert body["tables"][0]["rows"][-1] == {"source": "all", "source_label": "All matches", "proposed": 3,
                                             "accepted": 2, "connected": 2, "partnership": 1}
    every = api.get("/api/v1/clusters/osong/dashboard/", Q3).json()
    assert {"indicators", "stage", "member_mix", "funnel", "kind_matrix", "region_matrix", "trend", "events",
            "network_nodes", "network_ties", "brokers"} <= {t["key"] for t in every["tables"]}
    assert api.get("/api/v1/clusters/osong/dashboard/", {"period": "someday"}).status_code == 400
    assert api.get("/api/v1/clusters/nowhere/dashboard/").status_code == 404
    assert api.get("/api/v1/alliances/central/dashboard/", Q3).json()["scope"] == "alliance"


class _VisibleText(HTMLParser):
    """Text a person sees (and titles they hover), without scripts and styles."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        self.parts += [v for k, v in attrs if k in ("title", "aria-label") and v]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def test_korean_page_shows_no_raw_codes(client, dash_world):
    client.force_login(dash_world.manager)
    response = client.get(reverse("dashboard:cluster", args=["osong"]), Q3, HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 200 and response["Content-Language"] == "ko"
    parser = _VisibleText()
    parser.feed(response.content.decode())
    text = " ".join(parser.parts)
    with translation.override("ko"):
        assert str(OrganizationKind.FIRM.label) in text
    codes = ["activation", "globalization", "scientific_fountain", "co_location", "mode3", "startup_genome", "scanbalt",
             "min_startups", "members_firm", "largest_component_share", "ei_index_kind", "events_per_month",
             "abroad:US", "chungbuk", "co_attendance", "None", "nan"]
    assert [code for code in codes if re.search(rf"(?<![\w/.]){re.escape(code)}(?![\w])", text)] == []


def test_home_page_links_managers_to_their_dashboard(client, dash_world):
    client.force_login(dash_world.manager)
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("dashboard:cluster", args=["osong"])}"' in page
    assert "/clusters/daegu/dashboard/" not in page
    client.force_login(dash_world.member)
    assert "/dashboard/" not in client.get(reverse("home")).content.decode()


def test_a_long_table_shows_its_first_rows_on_the_page_and_every_row_in_its_downloads():
    from django.template.loader import render_to_string

    from portal.dashboard.tables import Column, Table

    table = Table("network_nodes", "Organisations", [Column("org", "Id", machine=True), Column("name", "Name")],
                  [[i, f"Org {i}"] for i in range(120)], page_rows=50)
    assert table.truncated and len(table.display_rows()) == 50 and len(table.as_dicts()) == 120
    html = render_to_string("portal/dashboard/_partials/table.html", {
        "table": table, "export_name": "dashboard:cluster_export", "board": {"subject": {"slug": "hongneung"}}})
    assert "Org 49" in html and "Org 50" not in html and "The first 50 of 120 rows" in html
    short = Table("brokers", "Brokers", table.columns, table.rows[:10], page_rows=50)
    assert not short.truncated and len(short.display_rows()) == 10
