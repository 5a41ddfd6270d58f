"""Office-hour pages and API: both languages, the flows end to end through the forms, the API's
object-level views, and hostile values over every field, URL and filter (never a 500)."""

from datetime import datetime, time, timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from clusters.models import Linkage, LinkageKind
from core.dates import today as local_today
from mentoring import office_hours
from mentoring.models import BookingStatus, MentoringSession, OfficeHour, OfficeHourBooking
from tests.factories import UserFactory
from tests.mentoring.test_office_hours import SEOUL, api, book, logged_in, move_to_past, publish
from tests.mentoring.world import mentor, startup

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.mentoring.urls_for_tests")]

HOSTILE = {
    "nul": "a\x00b", "nul_only": "\x00", "year_0": "0000-01-01", "year_1": "0001-01-01",
    "year_99999": "99999-12-31", "huge_id": str(2**70), "huge_negative": str(-(2**70)), "zero": "0",
    "long_text": "x" * 100_000, "bad_time": "25:61",
}
HUGE = 2**70


@pytest.fixture
def world():
    profile = mentor(name="Dr. Hana Lee")
    admin, org = startup(name="Alpha Diagnostics")
    slot = publish(profile, capacity=2, topic="Regulatory strategy")
    booking = book(admin, org, slot)
    held = publish(profile, days=5)
    held_booking = book(admin, org, held)
    move_to_past(held)
    return {"mentor": profile, "admin": admin, "org": org, "slot": slot, "booking": booking,
            "held_booking": held_booking}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_office_hour_pages_render_in_both_languages(world, lang):
    profile, admin, org = world["mentor"], world["admin"], world["org"]
    other_admin, _other = startup()
    pages = [
        (other_admin, reverse("mentoring:mentor", args=[profile.pk]), f'id="slot-{world["slot"].pk}"'),
        (other_admin, reverse("mentoring:mentor", args=[profile.pk]), "booking-form"),
        (admin, reverse("mentoring:mentor", args=[profile.pk]), f'id="my-booking-{world["slot"].pk}"'),
        (admin, reverse("mentoring:office_hour_bookings"), "Dr. Hana Lee"),
        (admin, reverse("mentoring:booking_session", args=[world["held_booking"].pk]), 'name="topics"'),
        (profile.user, reverse("mentoring:my_office_hours"), org.name_ko if lang == "ko" else org.name_en),
        (profile.user, reverse("mentoring:my_office_hours"), "publish-office-hour"),
        (profile.user, reverse("mentoring:booking_session", args=[world["held_booking"].pk]), 'name="topics"'),
    ]
    for user, url, marker in pages:
        page = logged_in(user).get(url, HTTP_ACCEPT_LANGUAGE=lang)
        html = page.content.decode()
        assert page.status_code == 200 and marker in html, (url, marker)
        assert f'<html lang="{lang}">' in html and ("로그아웃" in html) == (lang == "ko")
        assert 'name="viewport"' in html
    # Times are Seoul's: the slot published at 10:00 Seoul shows 10:00 (it is 01:00 UTC).
    assert "10:00–10:30" in logged_in(other_admin).get(reverse("mentoring:mentor", args=[profile.pk])).content.decode()


def test_publish_book_cancel_and_log_through_the_pages(client):
    profile = mentor(name="Dr. Hana Lee")
    client.force_login(profile.user)
    day = local_today() + timedelta(days=7)
    done = client.post(reverse("mentoring:my_office_hours"), {
        "day": day.isoformat(), "start": "14:30", "duration_minutes": "20", "location": "Osong C&V Centre, room 2",
        "topic": "IND strategy", "capacity": "1"})
    assert done.status_code == 302
    slot = OfficeHour.objects.get()
    assert timezone.localtime(slot.starts_at, office_hours.seoul()).time() == time(14, 30)
    assert (slot.duration_minutes, slot.location, slot.topic, slot.capacity) == (20, "Osong C&V Centre, room 2",
                                                                               "IND strategy", 1)
    # An overlapping one is a form error, not a 500, and nothing is stored.
    again = client.post(reverse("mentoring:my_office_hours"), {
        "day": day.isoformat(), "start": "14:40", "duration_minutes": "20", "location": "x", "capacity": "1"},
        HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 400 and "overlaps" in again.content.decode() and OfficeHour.objects.count() == 1

    admin, org = startup()
    need = org.listings.get()
    startup_client = logged_in(admin)
    booked = startup_client.post(reverse("mentoring:office_hour_book", args=[slot.pk]),
                                 {"organization": org.pk, "need": need.pk, "message": "Our IND package"})
    assert booked.status_code == 302 and booked.url == reverse("mentoring:office_hour_bookings")
    booking = OfficeHourBooking.objects.get()
    assert (booking.startup, booking.need, booking.message, booking.booked_by) == (org, need, "Our IND package", admin)
    listing = startup_client.get(reverse("mentoring:office_hour_bookings")).content.decode()
    assert "Dr. Hana Lee" in listing and "Osong C&amp;V Centre, room 2" in listing
    # The mentor sees it on their page; the slot (full) is no longer offered on the mentor page.
    mine = client.get(reverse("mentoring:my_office_hours")).content.decode()
    assert org.name_en in mine and "Our IND package" in mine
    assert f'id="slot-{slot.pk}"' not in startup_client.get(reverse("mentoring:mentor", args=[profile.pk])).content.decode()
    # A second booking of a full slot: a clear message.
    other_admin, other = startup()
    full = logged_in(other_admin).post(reverse("mentoring:office_hour_book", args=[slot.pk]),
                                       {"organization": other.pk, "message": "Hi"}, follow=True,
                                       HTTP_ACCEPT_LANGUAGE="en")
    assert full.status_code == 200 and "fully booked" in full.content.decode()
    # The mentor cancels it; the startup's page lists it as cancelled.
    cancelled = client.post(reverse("mentoring:booking_cancel", args=[booking.pk]))
    assert cancelled.status_code == 302 and cancelled.url == reverse("mentoring:my_office_hours")
    assert OfficeHourBooking.objects.get().status == BookingStatus.CANCELLED
    # Booked again, held, logged as a session from the startup's side: one linkage.
    again = book(admin, org, slot)
    move_to_past(slot)
    logged = startup_client.post(reverse("mentoring:booking_session", args=[again.pk]),
                                 {"duration_minutes": "25", "topics": "IND package review"})
    assert logged.status_code == 302
    session = MentoringSession.objects.get()
    assert session.office_hour_booking == again and session.duration_minutes == 25
    assert Linkage.objects.filter(kind=LinkageKind.MENTORING).count() == 1
    twice = startup_client.post(reverse("mentoring:booking_session", args=[again.pk]),
                                {"duration_minutes": "25", "topics": "Again"})
    assert twice.status_code == 400 and 'id="logged"' in twice.content.decode()  # the page shows it logged
    assert MentoringSession.objects.count() == 1
    # A slot withdrawn from the page.
    later = publish(profile, days=9)
    assert client.post(reverse("mentoring:office_hour_withdraw", args=[later.pk])).status_code == 302
    assert OfficeHour.objects.get(pk=later.pk).is_withdrawn


def test_my_office_hours_reads_in_a_constant_number_of_queries(world, django_assert_max_num_queries):
    client = logged_in(world["mentor"].user)
    client.get(reverse("mentoring:my_office_hours"))
    for days in range(10, 16):
        book(*startup(), publish(world["mentor"], days=days))
    with django_assert_max_num_queries(25):
        assert client.get(reverse("mentoring:my_office_hours")).status_code == 200


# ---- API ---------------------------------------------------------------------------------------


def test_the_api_publishes_lists_books_cancels_and_logs(world):
    profile = world["mentor"]
    rest = api(profile.user)
    day = local_today() + timedelta(days=20)
    made = rest.post("/api/v1/mentoring/office-hours/", {"day": day.isoformat(), "start": "09:00",
                                                        "duration_minutes": 60, "location": "Zoom", "capacity": 1},
                     format="json")
    assert made.status_code == 201, made.content
    slot_id = made.json()["id"]
    assert datetime.fromisoformat(made.json()["starts_at"]) == datetime.combine(day, time(9), tzinfo=SEOUL)
    assert made.json()["location"] == "Zoom" and made.json()["bookings"] == []
    # Overlap and unavailability are 409s; a bad date a 400.
    assert rest.post("/api/v1/mentoring/office-hours/", {"day": day.isoformat(), "start": "09:30",
                                                        "location": "Zoom"}, format="json").status_code == 409
    assert rest.post("/api/v1/mentoring/office-hours/", {"day": "99999-01-01", "start": "09:30",
                                                        "location": "Zoom"}, format="json").status_code == 400
    # A startup lists open slots (the mentor's filter) and books one.
    other_admin, other = startup()
    theirs = api(other_admin)
    listed = theirs.get("/api/v1/mentoring/office-hours/", {"mentor": profile.pk}).json()["results"]
    assert slot_id in [r["id"] for r in listed] and all(r["bookings"] is None for r in listed)
    booked = theirs.post("/api/v1/mentoring/office-hour-bookings/", {"slot": slot_id, "startup": other.pk,
                                                                    "message": "Pricing"}, format="json")
    assert booked.status_code == 201 and booked.json()["slot"]["location"] == "Zoom"
    booking_id = booked.json()["id"]
    assert theirs.post("/api/v1/mentoring/office-hour-bookings/", {"slot": slot_id, "startup": other.pk,
                                                                  "message": "Again"}, format="json").status_code == 409
    assert slot_id not in [r["id"] for r in theirs.get("/api/v1/mentoring/office-hours/").json()["results"]]  # full
    # The mentor sees it, cancels it; a cancelled booking cannot be cancelled again (409).
    assert [b["id"] for b in rest.get(f"/api/v1/mentoring/office-hours/{slot_id}/").json()["bookings"]] == [booking_id]
    cancelled = rest.post(f"/api/v1/mentoring/office-hour-bookings/{booking_id}/cancel/").json()
    assert cancelled["status"] == "cancelled" and cancelled["slot"]["location"] == ""  # no meeting link once cancelled
    assert theirs.get(f"/api/v1/mentoring/office-hour-bookings/{booking_id}/").json()["slot"]["location"] == ""
    assert rest.post(f"/api/v1/mentoring/office-hour-bookings/{booking_id}/cancel/").status_code == 409
    # A past slot: 400 with the reason; a held booking logged once through the API.
    held = world["held_booking"]
    assert theirs.post("/api/v1/mentoring/office-hour-bookings/", {"slot": held.slot_id, "startup": other.pk,
                                                                  "message": "Late"}, format="json").status_code == 400
    logged = api(world["admin"]).post(f"/api/v1/mentoring/office-hour-bookings/{held.pk}/session/",
                                      {"topics": "Reimbursement"}, format="json")
    assert logged.status_code == 201 and logged.json()["office_hour_booking"] == held.pk
    assert api(world["admin"]).post(f"/api/v1/mentoring/office-hour-bookings/{held.pk}/session/",
                                    {"topics": "Again"}, format="json").status_code == 409
    # Withdrawn by its mentor through the API.
    assert rest.post(f"/api/v1/mentoring/office-hours/{slot_id}/withdraw/").json()["withdrawn"] is True
    # Signed out: 401/403 everywhere.
    from rest_framework.test import APIClient

    assert APIClient().get("/api/v1/mentoring/office-hours/").status_code in (401, 403)
    assert APIClient().get("/api/v1/mentoring/office-hour-bookings/").status_code in (401, 403)


# ---- hostile input -----------------------------------------------------------------------------


def _sweep(client, url: str, valid: dict, *, expect_no_write) -> None:
    for field in valid:
        for name, value in HOSTILE.items():
            with transaction.atomic():
                sid = transaction.savepoint()
                response = client.post(url, {**valid, field: value})
                assert response.status_code < 500, (url, field, name)
                if name.startswith("nul"):
                    assert expect_no_write(), (url, field, name)
                transaction.savepoint_rollback(sid)


def test_hostile_values_over_every_office_hour_form_are_never_a_500(world):
    profile, admin = world["mentor"], world["admin"]
    day = (local_today() + timedelta(days=30)).isoformat()
    before = OfficeHour.objects.count()
    _sweep(logged_in(profile.user), reverse("mentoring:my_office_hours"),
           {"day": day, "start": "10:00", "duration_minutes": "30", "location": "Room 1", "topic": "", "capacity": "1"},
           expect_no_write=lambda: OfficeHour.objects.count() == before)
    other_admin, other = startup()
    slot = publish(profile, days=12)
    _sweep(logged_in(other_admin), reverse("mentoring:office_hour_book", args=[slot.pk]),
           {"organization": str(other.pk), "need": "", "message": "Hi"},
           expect_no_write=lambda: not OfficeHourBooking.objects.filter(slot=slot).exists())
    held = world["held_booking"]
    _sweep(logged_in(admin), reverse("mentoring:booking_session", args=[held.pk]),
           {"duration_minutes": "30", "topics": "Topics", "follow_ups": ""},
           expect_no_write=lambda: not MentoringSession.objects.exists())
    # The service refuses NULs too, for callers that skip the form.
    with pytest.raises(Exception, match="Null characters"):
        book(other_admin, other, slot, message="a\x00b")


def test_hostile_ids_in_urls_and_api_are_404_or_400_never_500(world):
    profile, admin = world["mentor"], world["admin"]
    client, rest = logged_in(admin), api(admin)
    for url in (f"/mentoring/office-hours/{HUGE}/book/", f"/mentoring/office-hours/bookings/{HUGE}/cancel/",
                f"/mentoring/me/office-hours/{HUGE}/withdraw/"):
        assert client.post(url, {"organization": "1", "message": "x"}).status_code == 404, url
    assert client.get(f"/mentoring/office-hours/bookings/{HUGE}/session/").status_code == 404
    for url in (f"/api/v1/mentoring/office-hours/{HUGE}/", f"/api/v1/mentoring/office-hour-bookings/{HUGE}/"):
        assert rest.get(url).status_code == 404, url
    assert rest.post(f"/api/v1/mentoring/office-hour-bookings/{HUGE}/cancel/").status_code == 404
    assert rest.post(f"/api/v1/mentoring/office-hours/{HUGE}/withdraw/").status_code == 404
    for params in ({"mentor": str(HUGE)}, {"mentor": "\x00"}, {"mentor": "-1"}):
        assert rest.get("/api/v1/mentoring/office-hours/", params).status_code in (200, 400), params
    for params in ({"startup": str(HUGE)}, {"status": "\x00"}, {"status": "x" * 100_000}):
        assert rest.get("/api/v1/mentoring/office-hour-bookings/", params).status_code in (200, 400), params
    for body in ({"slot": HUGE, "startup": 1, "message": "x"}, {"slot": world["slot"].pk, "startup": HUGE,
                                                                "message": "x"},
                 {"slot": world["slot"].pk, "startup": world["org"].pk, "message": "a\x00b"},
                 {"slot": world["slot"].pk, "startup": world["org"].pk, "need": HUGE, "message": "x"},
                 {"slot": "\x00", "startup": "x", "message": "x" * 100_000}):
        assert rest.post("/api/v1/mentoring/office-hour-bookings/", body, format="json").status_code in (400, 403, 409)
    mrest = api(profile.user)
    for body in ({"day": "0000-01-01", "start": "10:00", "location": "x"},
                 {"day": "99999-12-31", "start": "10:00", "location": "x"},
                 {"day": "0001-01-01", "start": "10:00", "location": "x"},
                 {"day": (local_today() + timedelta(days=3)).isoformat(), "start": "10:00", "location": "a\x00b"},
                 {"day": (local_today() + timedelta(days=3)).isoformat(), "start": "10:00", "location": "x",
                  "capacity": HUGE, "duration_minutes": HUGE}):
        assert mrest.post("/api/v1/mentoring/office-hours/", body, format="json").status_code == 400, body
    assert OfficeHour.objects.count() == 2  # the fixture's two, nothing else
    # A non-mentor publishing: 403.
    assert api(UserFactory()).post("/api/v1/mentoring/office-hours/", {
        "day": (local_today() + timedelta(days=3)).isoformat(), "start": "10:00", "location": "x"},
        format="json").status_code == 403


def test_admin_lists_and_opens_office_hours_and_bookings(client, world):
    from accounts.models import User

    client.force_login(User.objects.create_superuser("root@example.kr", "Root-Password-991", full_name="Root"))
    for model, row in (("officehour", world["slot"]), ("officehourbooking", world["booking"])):
        changelist = reverse(f"admin:mentoring_{model}_changelist")
        assert client.get(changelist).status_code == 200 and client.get(changelist, {"q": "Hana"}).status_code == 200
        page = client.get(reverse(f"admin:mentoring_{model}_change", args=[row.pk]))
        assert page.status_code == 200, model
    assert client.get(reverse("admin:mentoring_officehour_add")).status_code == 200
    # The counter, the booking's status, slot and startup move only through the services (no booking is added here;
    # a booked slot's capacity is fixed).
    assert client.get(reverse("admin:mentoring_officehourbooking_add")).status_code == 403
    booking_page = client.get(reverse("admin:mentoring_officehourbooking_change", args=[world["booking"].pk]))
    assert 'name="slot"' not in booking_page.content.decode()
    assert 'name="capacity"' not in client.get(
        reverse("admin:mentoring_officehour_change", args=[world["slot"].pk])).content.decode()
    assert 'name="booked_count"' not in client.get(
        reverse("admin:mentoring_officehour_change", args=[world["slot"].pk])).content.decode()
    assert 'name="status"' not in client.get(
        reverse("admin:mentoring_officehourbooking_change", args=[world["booking"].pk])).content.decode()


def test_the_mentor_page_with_a_dozen_open_slots_stays_within_a_query_budget(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    profile = world["mentor"]
    other_admin, _other = startup()
    client = logged_in(other_admin)
    url = reverse("mentoring:mentor", args=[profile.pk])
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for days in range(10, 21):
        publish(profile, days=days)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url)
    assert page.content.decode().count('class="mt-2 booking-form"') == 12
    # The firms and needs the forms list are read once for the page: nothing grows with the slots.
    assert len(many) == len(one), (len(one), len(many))
    print(f"mentor page queries: 1 slot {len(one)}, 12 slots {len(many)}")
