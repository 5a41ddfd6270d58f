"""In a real browser: a cluster manager opens the indicators dashboard; the charts and the network map are
drawn, and on a 390 px phone screen the page does not scroll sideways."""

import pytest

from tests.e2e.helpers import sign_in
from tests.portal.dashboard_world import build_dash_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.urls("tests.portal.urls_for_tests")]


def _drawn(page) -> None:
    page.wait_for_function("document.documentElement.dataset.dashboardReady === 'true'")
    page.wait_for_function("document.getElementById('network-map').dataset.rendered === 'true'")


def test_manager_dashboard_draws_charts_and_map_and_fits_a_phone(page, live_server, artifacts_dir):
    base = live_server.url
    world = build_dash_world()
    sign_in(page, base, world.manager.email)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{base}/clusters/osong/dashboard/?period=2026-Q3")
    _drawn(page)
    # Chart.js draws on canvases; every chart box got its chart (mix, funnel, 5 trends, events).
    assert page.locator("[data-chart] canvas").count() == 8
    assert page.evaluate("Array.from(document.querySelectorAll('[data-chart] canvas')).every(c => c.width > 0 && c.height > 0)")
    assert page.evaluate("Array.from(document.querySelectorAll('[data-chart] canvas')).every(c => Chart.getChart(c))")
    # Cytoscape draws the map on its own canvases inside the container, one node per member.
    assert page.locator("#network-map canvas").count() >= 1
    assert page.evaluate("document.querySelectorAll('#network-legend li').length") == 3
    page.screenshot(path=str(artifacts_dir / "dashboard-desktop.png"), full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    _drawn(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate("document.querySelector('[data-chart=\"funnel\"] canvas').getBoundingClientRect().width") <= 390
    page.screenshot(path=str(artifacts_dir / "dashboard-390.png"), full_page=True)

    # The printable board hides the filters and buttons.
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden()
    assert page.locator("#update-now").is_hidden()
    assert errors == []
