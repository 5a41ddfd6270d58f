"""In a real browser on a 390 px phone: the partnering page, the participants' needs and offers and
the check-in desk do not scroll sideways; the walk-in organisation search narrows the list as one types."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events import partnering, registration
from matching.models import Listing
from tests.e2e.helpers import sign_in
from tests.factories import EventFactory, OrganizationFactory, cluster_manager, verified_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fair():
    manager, cluster = cluster_manager()
    start = timezone.now() + timedelta(minutes=30)
    event = EventFactory(cluster=cluster, kind="partnering", capacity=None, starts_at=start)
    orgs = [OrganizationFactory(name_en=f"Long Organisation Name Biomedical Research {i}") for i in range(4)]
    people = [verified_member(o) for o in orgs]
    regs = [registration.event_register(user=p, event_id=event.pk, share_listings=True) for p in people]
    for o in orgs:
        Listing.objects.create(organization=o, side="need", title="A fairly long need title " * 4, description="x")
    partnering.partnering_configure(user=manager, event_id=event.pk, first_slot_at=start, slot_minutes=20,
                                    slots=12, tables=20)
    req = partnering.meeting_request_create(user=people[0], event_id=event.pk, recipient_id=regs[1].pk,
                                            message="Why we should meet " * 20, suggested_slots=[0, 1, 2])
    partnering.meeting_request_decide(user=people[1], request_id=req.pk, accept=True)
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    partnering.meeting_request_create(user=people[2], event_id=event.pk, recipient_id=regs[0].pk,
                                      message="Another message " * 10, suggested_slots=[3])
    return manager, event, people


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_partnering_pages_fit_a_phone_and_the_walk_in_search_narrows(page, live_server, artifacts_dir):
    base = live_server.url
    manager, event, people = _fair()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, base, people[0].email)
    page.goto(f"{base}/events/{event.pk}/partnering/")
    assert "Table 1" in page.inner_text("#my-agenda")
    page.click("#attendees summary")  # opens the request form: message and suggested times
    assert page.locator("#attendees textarea[name=message]").is_visible()
    _fits(page)
    page.screenshot(path=str(artifacts_dir / "partnering-390.png"), full_page=True)
    page.goto(f"{base}/events/{event.pk}/participants/")
    _fits(page)
    page.context.clear_cookies()
    sign_in(page, base, manager.email)
    for path in ("partnering/", "checkin/", ""):
        page.goto(f"{base}/events/{event.pk}/{path}")
        _fits(page)
    OrganizationFactory(name_en="Zeta Unique Diagnostics", name_ko="제타진단")
    page.goto(f"{base}/events/{event.pk}/checkin/")
    options = page.locator('#walkin-org-select option:not([value=""])')
    assert options.count() >= 4
    page.fill("#org-q", "제타")
    expect(options).to_have_count(1)  # htmx swapped in the server's narrowed list
    assert "Zeta Unique Diagnostics" in page.inner_text("#walkin-org-select")
    _fits(page)
