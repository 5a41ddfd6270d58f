"""In a real browser: a manager publishes a meetup, a startup registers, the manager checks them in."""

import re
from datetime import timedelta

import pytest

from core.dates import today as local_today
from events.models import Event, Registration
from tests.e2e.helpers import sign_in
from tests.factories import ClusterFactory, OrganizationFactory, cluster_manager, verified_member

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_pass, pytest.mark.django_db(transaction=True)]



def test_manager_publishes_startup_registers_manager_checks_in(page, live_server, artifacts_dir, settings):
    settings.EVENT_CHECKIN_OPENS_MINUTES = 30 * 24 * 60  # the event is days ahead; the door opens now
    base = live_server.url
    manager, cluster = cluster_manager(ClusterFactory(slug="osong", name_en="Osong Medical Innovation", name_ko="오송첨단의료산업진흥재단"))
    founder = verified_member(OrganizationFactory(name_en="NeuroBridge", name_ko="뉴로브릿지"))
    day = local_today() + timedelta(days=10)

    # The manager creates the meetup (times typed in Seoul time) and publishes it.
    sign_in(page, base, manager.email)
    page.goto(f"{base}/events/new/")
    page.select_option("#id_cluster", str(cluster.pk))
    page.select_option("#id_kind", "meetup")
    page.fill("#id_title_en", "Digital health founders meetup")
    page.fill("#id_title_ko", "디지털 헬스 창업자 밋업")
    page.fill("#id_starts_at", f"{day:%Y-%m-%d}T19:00")
    page.fill("#id_ends_at", f"{day:%Y-%m-%d}T21:00")
    page.fill("#id_venue", "Osong C&V Centre, room 2")
    page.fill("#id_capacity", "30")
    page.click("button:has-text('Save')")
    page.wait_for_url(re.compile(r".*/events/\d+/$"))
    page.click("button:has-text('Publish')")
    assert "The event is published." in page.content()
    event = Event.objects.get(title_en="Digital health founders meetup")
    assert event.status == "published" and event.starts_at.hour == 10  # 19:00 in Seoul is 10:00 UTC

    # The startup finds it on the calendar and registers.
    other = page.context.browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    fpage = other.new_page()
    sign_in(fpage, base, founder.email)
    fpage.goto(f"{base}/events/?view=month&month={day:%Y-%m}")
    fpage.screenshot(path=str(artifacts_dir / "events-calendar.png"), full_page=True)
    fpage.click("a:has-text('Digital health founders meetup')")
    fpage.click("form button:has-text('Register')")
    assert "You are registered." in fpage.content()
    code = fpage.inner_text("[data-testid=checkin-code]").strip()
    assert fpage.locator(".cl-qr svg").count() == 1
    fpage.screenshot(path=str(artifacts_dir / "events-event-page.png"), full_page=True)
    registration = Registration.objects.get(event=event, user=founder)
    assert code == registration.code

    # At the door the manager types the code from under the QR code.
    page.goto(f"{base}/events/{event.pk}/checkin/")
    page.fill("#code", code)
    page.click("#code-form button[type=submit]")
    assert "is checked in." in page.content()
    assert "1 of 1 arrived" in page.inner_text("[data-testid=arrived]")
    page.screenshot(path=str(artifacts_dir / "events-checkin.png"), full_page=True)
    registration.refresh_from_db()
    assert registration.checked_in_by == manager
    other.close()
