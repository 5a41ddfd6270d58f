"""In a real browser on a 390 px phone: a mentor publishes an office hour, a startup books it from the
mentor's page, and the mentor sees the booking (startup, message) on their office hours."""

import re
from datetime import timedelta

import pytest

from core.dates import today as local_today
from mentoring.models import OfficeHour, OfficeHourBooking
from tests.e2e.helpers import sign_in
from tests.mentoring.world import mentor, startup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_startup_books_an_office_hour_and_the_mentor_sees_it(page, live_server, artifacts_dir):
    profile = mentor(name="Dr. Hana Lee")
    admin, org = startup(name="Alpha Diagnostics International Holdings")
    base = live_server.url
    page.set_viewport_size(PHONE)
    day = local_today() + timedelta(days=6)

    # The mentor publishes a slot at 14:30 Seoul time.
    sign_in(page, base, profile.user.email)
    page.goto(f"{base}/mentoring/me/office-hours/")
    page.click("#publish-office-hour summary")
    page.fill("#id_day", day.isoformat())
    page.fill("#id_start", "14:30")
    page.select_option("#id_duration_minutes", "30")
    page.fill("#id_location", "https://meet.example.kr/hana-lee-office-hours")
    page.fill("#id_topic", "Regulatory strategy for diagnostics")
    page.click("#publish-office-hour button[type=submit]")
    page.wait_for_url(f"{base}/mentoring/me/office-hours/")
    slot = OfficeHour.objects.get()
    assert slot.starts_at.hour == 5 and slot.starts_at.minute == 30  # 14:30 in Seoul is 05:30 UTC
    assert "14:30–15:00" in page.inner_text("#upcoming-office-hours") and fits(page)

    # The startup books it from the mentor's page.
    page.context.clear_cookies()
    sign_in(page, base, admin.email)
    page.goto(f"{base}/mentoring/mentors/{profile.pk}/")
    slot_row = page.locator(f"#slot-{slot.pk}")
    assert "14:30" in slot_row.inner_text() and "meet.example.kr" not in page.content()  # the link after booking
    slot_row.locator("summary").click()
    page.fill(f"#id_book{slot.pk}_message", "Feedback on our CE-IVD submission plan.")
    assert fits(page)
    page.screenshot(path=str(artifacts_dir / "mentoring-office-hours-book-390.png"), full_page=True)
    slot_row.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/mentoring/office-hours/")
    upcoming = page.inner_text("#upcoming-bookings")
    assert "Dr. Hana Lee" in upcoming and "meet.example.kr/hana-lee-office-hours" in upcoming and fits(page)
    booking = OfficeHourBooking.objects.get()
    assert booking.startup == org and booking.booked_by == admin

    # The mentor sees who booked and what they want to discuss.
    page.context.clear_cookies()
    sign_in(page, base, profile.user.email)
    page.goto(f"{base}/mentoring/me/office-hours/")
    row = page.inner_text(f"#booking-{booking.pk}")
    assert org.name_en in row and "Feedback on our CE-IVD submission plan." in row
    assert re.search(r"1 of 1 booked", page.inner_text("#upcoming-office-hours"))
    assert fits(page)
    page.screenshot(path=str(artifacts_dir / "mentoring-office-hours-mentor-390.png"), full_page=True)
