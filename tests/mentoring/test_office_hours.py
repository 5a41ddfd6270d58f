"""Office hours: a mentor publishes slots (Seoul times), startups book them (capacity, also under
concurrency), either side cancels until the start, a held hour is logged once as a session (one
linkage), emails in the recipient's language, object-level permissions on pages and API, hostile input."""

import threading
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, connections, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import OrganizationKind
from clusters.models import Linkage, LinkageKind
from core.dates import today as local_today
from core.errors import Conflict, DomainError, NotAllowed
from matching.models import ListingVisibility
from mentoring import office_hours, services, sessions
from mentoring.models import BookingStatus, MentoringSession, OfficeHour, OfficeHourBooking
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.mentoring.world import mentor, startup

pytestmark = pytest.mark.urls("tests.mentoring.urls_for_tests")

SEOUL = ZoneInfo("Asia/Seoul")
SECRET = "unpublished-target-KRAS-G12D-7731"
DAY = timedelta(days=1)


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def publish(profile, *, days: int = 3, at: time = time(10, 0), minutes: int = 30, capacity: int = 1,
            location: str = "https://meet.example.kr/abc", topic: str = "") -> OfficeHour:
    return office_hours.slot_publish(user=profile.user, day=local_today() + days * DAY, start=at,
                                     duration_minutes=minutes, location=location, topic=topic, capacity=capacity)


def book(admin, org, slot, message: str = "Our reimbursement strategy.", need=None) -> OfficeHourBooking:
    return office_hours.booking_create(user=admin, slot_id=slot.pk, organization_id=org.pk, message=message,
                                       need_id=need.pk if need else None)


def move_to_past(slot, hours: int = 2) -> None:
    OfficeHour.objects.filter(pk=slot.pk).update(starts_at=timezone.now() - timedelta(hours=hours))


def texts(mailoutbox) -> list[str]:
    return [m.subject for m in mailoutbox] + [m.body for m in mailoutbox] + [
        str(a[0]) for m in mailoutbox for a in getattr(m, "alternatives", [])]


# ---- model and services ------------------------------------------------------------------------


@pytest.mark.django_db
def test_publish_book_cancel_with_emails_in_seoul_time_and_each_recipients_language(
        django_capture_on_commit_callbacks, mailoutbox):
    profile = mentor(name="Dr. Hana Lee")
    profile.user.language = "ko"
    profile.user.save(update_fields=["language"])
    slot = publish(profile, at=time(10, 0), minutes=45)
    # 10:00 in Seoul is 01:00 UTC, on the Seoul day asked for.
    assert slot.starts_at == datetime.combine(local_today() + 3 * DAY, time(10), tzinfo=SEOUL)
    assert slot.starts_at.astimezone(ZoneInfo("UTC")).hour == 1 and slot.capacity == 1 and slot.booked_count == 0
    admin, org = startup(name="Alpha Bio")
    need = org.listings.get()
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(admin, org, slot, need=need)
    assert (booking.status, booking.booked_by, booking.need) == (BookingStatus.BOOKED, admin, need)
    assert OfficeHour.objects.get(pk=slot.pk).booked_count == 1
    (to_mentor,) = mailoutbox
    assert to_mentor.to == [profile.user.email] and "안녕하세요" in to_mentor.body  # the mentor reads Korean
    assert org.name_ko in to_mentor.body and "Our reimbursement strategy." in to_mentor.body
    assert "10:00" in to_mentor.body and "https://meet.example.kr/abc" in to_mentor.body  # Seoul time, the place
    assert need.description in to_mentor.body  # not confidential: the mentor reads it
    assert reverse("mentoring:my_office_hours") in to_mentor.body
    mailoutbox.clear()

    # Full: another startup is refused with a clear message.
    other_admin, other = startup()
    with pytest.raises(Conflict, match="fully booked"):
        book(other_admin, other, slot)
    with pytest.raises(Conflict, match="already booked"):  # and the same startup twice
        book(admin, org, slot)

    # The startup cancels: the place is free again and the mentor is told.
    with django_capture_on_commit_callbacks(execute=True):
        office_hours.booking_cancel(user=admin, booking_id=booking.pk)
    assert OfficeHour.objects.get(pk=slot.pk).booked_count == 0
    assert OfficeHourBooking.objects.get(pk=booking.pk).status == BookingStatus.CANCELLED
    (to_mentor,) = mailoutbox
    assert to_mentor.to == [profile.user.email] and "10:00" in to_mentor.subject + to_mentor.body
    mailoutbox.clear()
    with pytest.raises(Conflict, match="already cancelled"):
        office_hours.booking_cancel(user=admin, booking_id=booking.pk)

    # Another startup books the freed place; the mentor cancels it and the startup hears, in English.
    second = book(other_admin, other, slot)
    with django_capture_on_commit_callbacks(execute=True):
        office_hours.booking_cancel(user=profile.user, booking_id=second.pk)
    (to_startup,) = mailoutbox
    assert to_startup.to == [other_admin.email] and "Hello" in to_startup.body
    assert "Dr. Hana Lee cancelled" in to_startup.body and "10:00" in to_startup.body
    assert OfficeHour.objects.get(pk=slot.pk).booked_count == 0
    # The database keeps the counter within capacity and one live booking per startup, whatever the caller.
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficeHour.objects.filter(pk=slot.pk).update(booked_count=2)
    book(admin, org, slot)
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficeHourBooking.objects.create(slot=slot, startup=org, message="again")


@pytest.mark.django_db
def test_a_slot_for_several_startups_and_a_withdrawn_slot(django_capture_on_commit_callbacks, mailoutbox):
    profile = mentor()
    slot = publish(profile, capacity=2)
    (a_admin, a), (b_admin, b), (c_admin, c) = startup(), startup(), startup()
    book(a_admin, a, slot)
    book(b_admin, b, slot)
    with pytest.raises(Conflict, match="fully booked"):
        book(c_admin, c, slot)
    assert list(office_hours.bookable_slots(mentor=profile)) == []  # full: no longer offered
    with pytest.raises(NotAllowed):  # only its mentor withdraws it
        office_hours.slot_withdraw(user=a_admin, slot_id=slot.pk)
    with django_capture_on_commit_callbacks(execute=True):
        office_hours.slot_withdraw(user=profile.user, slot_id=slot.pk)
    slot.refresh_from_db()
    assert slot.is_withdrawn and slot.booked_count == 0
    assert set(OfficeHourBooking.objects.values_list("status", flat=True)) == {BookingStatus.CANCELLED}
    assert sorted(m.to[0] for m in mailoutbox) == sorted([a_admin.email, b_admin.email])
    with pytest.raises(DomainError, match="no longer offered"):
        book(c_admin, c, slot)


@pytest.mark.django_db
def test_publishing_rules():
    profile = mentor()
    with pytest.raises(DomainError, match="future"):
        publish(profile, days=0, at=time(0, 0))  # midnight today in Seoul has passed
    with pytest.raises(DomainError, match="future"):
        publish(profile, days=-400)
    with pytest.raises(DomainError, match="days ahead"):
        publish(profile, days=office_hours.HORIZON_DAYS + 1)
    for minutes in (5, 121):
        with pytest.raises(DomainError, match="between 15 and 120"):
            publish(profile, minutes=minutes)
    for capacity in (0, 11):
        with pytest.raises(DomainError, match="between 1 and 10"):
            publish(profile, capacity=capacity)
    with pytest.raises(DomainError, match="Null characters"):
        publish(profile, location="Room\x001")
    with pytest.raises(DomainError, match="Say where"):
        publish(profile, location="   ")
    first = publish(profile, at=time(10, 0), minutes=60)
    with pytest.raises(Conflict, match="overlaps"):
        publish(profile, at=time(10, 30))
    assert publish(profile, at=time(11, 0)).starts_at == first.ends_at  # back to back is fine
    with pytest.raises(NotAllowed):
        office_hours.slot_publish(user=UserFactory(), day=local_today() + DAY, start=time(9), duration_minutes=30,
                                  location="Room 1")
    with pytest.raises(NotAllowed, match="verified"):
        publish(mentor(status="pending"))


@pytest.mark.django_db
def test_an_unavailable_mentor_keeps_bookings_but_publishes_and_takes_no_new_ones():
    profile = mentor()
    booked, open_slot = publish(profile, days=2), publish(profile, days=3)
    admin, org = startup()
    booking = book(admin, org, booked)
    services.mentor_set_availability(user=profile.user, available=False)
    assert OfficeHourBooking.objects.get(pk=booking.pk).status == BookingStatus.BOOKED  # kept
    with pytest.raises(Conflict, match="unavailable"):
        publish(profile, days=5)
    other_admin, other = startup()
    with pytest.raises(Conflict, match="not taking new startups"):
        book(other_admin, other, open_slot)
    profile.refresh_from_db()
    assert list(office_hours.bookable_slots(mentor=profile)) == []
    page = logged_in(other_admin).get(reverse("mentoring:mentor", args=[profile.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "their office hours are closed" in page.content.decode()
    # Available again: the open slot is offered again.
    services.mentor_set_availability(user=profile.user, available=True)
    profile.refresh_from_db()
    assert list(office_hours.bookable_slots(mentor=profile)) == [open_slot]


@pytest.mark.django_db
def test_past_slots_cannot_be_booked_nor_bookings_cancelled_after_the_start():
    profile = mentor()
    slot = publish(profile)
    admin, org = startup()
    booking = book(admin, org, slot)
    later = publish(profile, days=4)
    move_to_past(later)
    with pytest.raises(DomainError, match="already started or passed"):
        book(admin, org, later)
    move_to_past(slot, hours=0)
    for user in (admin, profile.user):
        with pytest.raises(DomainError, match="can no longer be cancelled"):
            office_hours.booking_cancel(user=user, booking_id=booking.pk)
    # The page says so after the click, and nothing changes.
    page = logged_in(admin).post(reverse("mentoring:booking_cancel", args=[booking.pk]), follow=True,
                                 HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200 and "can no longer be cancelled" in page.content.decode()
    assert OfficeHourBooking.objects.get(pk=booking.pk).status == BookingStatus.BOOKED
    with pytest.raises(DomainError, match="already started"):
        office_hours.slot_withdraw(user=profile.user, slot_id=slot.pk)


@pytest.mark.django_db
def test_a_held_office_hour_is_logged_once_as_a_session_with_one_linkage():
    profile = mentor(name="Dr. Hana Lee")
    slot = publish(profile, minutes=45)
    admin, org = startup()
    booking = book(admin, org, slot)
    with pytest.raises(DomainError, match="once it has taken place"):
        sessions.booking_session_log(user=admin, booking_id=booking.pk, topics="Too early")
    move_to_past(slot, hours=30)
    with pytest.raises(NotAllowed):
        sessions.booking_session_log(user=startup()[0], booking_id=booking.pk, topics="Not mine")
    session = sessions.booking_session_log(user=profile.user, booking_id=booking.pk, topics="Reimbursement")
    slot.refresh_from_db()
    assert session.office_hour_booking == booking and session.seat_id is None and session.request_id is None
    assert session.held_on == timezone.localdate(slot.starts_at, SEOUL) and session.duration_minutes == 45
    edges = Linkage.objects.filter(kind=LinkageKind.MENTORING)
    assert edges.count() == 1
    profile.refresh_from_db()
    assert {edges.get().org_a_id, edges.get().org_b_id} == {org.pk, profile.organization_id}
    with pytest.raises(Conflict, match="already logged"):
        sessions.booking_session_log(user=admin, booking_id=booking.pk, topics="Again")
    assert edges.count() == 1 and MentoringSession.objects.count() == 1
    # The database keeps "once" and "one owner" too.
    with pytest.raises(IntegrityError), transaction.atomic():
        MentoringSession.objects.create(office_hour_booking=booking, startup=org, mentor=profile,
                                        held_on=local_today(), topics="dup")
    # A cancelled booking is not logged.
    other_admin, other = startup()
    cancelled = book(other_admin, other, publish(profile, days=6))
    office_hours.booking_cancel(user=other_admin, booking_id=cancelled.pk)
    move_to_past(cancelled.slot)
    with pytest.raises(DomainError, match="cancelled booking"):
        sessions.booking_session_log(user=other_admin, booking_id=cancelled.pk, topics="x")


def _race(calls) -> list[str]:
    """Each call at once on its own database connection (thread)."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def attempt(call) -> None:
        try:
            barrier.wait(timeout=10)
            call()
            outcomes.append("booked")
        except Conflict:
            outcomes.append("refused")
        except Exception as exc:  # anything else is a failure the assertion shows
            outcomes.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_bookings_racing_for_the_last_place_keep_the_slot_within_capacity():
    for capacity in (1, 1, 2):
        profile = mentor()
        slot = publish(profile, capacity=capacity)
        firms = [startup() for _ in range(3)]
        calls = [lambda a=a, o=o, s=slot: book(a, o, s) for a, o in firms]
        outcomes = _race(calls)
        assert sorted(outcomes) == ["booked"] * capacity + ["refused"] * (3 - capacity), outcomes
        slot.refresh_from_db()
        assert slot.booked_count == capacity == OfficeHourBooking.objects.filter(slot=slot, status="booked").count()
    # The same startup booking twice at once (a double submit): one booking, one place taken.
    profile = mentor()
    slot = publish(profile, capacity=3)
    admin, org = startup()
    outcomes = _race([lambda: book(admin, org, slot), lambda: book(admin, org, slot)])
    assert sorted(outcomes) == ["booked", "refused"], outcomes
    slot.refresh_from_db()
    assert slot.booked_count == 1 == OfficeHourBooking.objects.filter(slot=slot).count()


# ---- permissions -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_another_startup_cannot_see_or_cancel_a_booking_and_readers_see_times_only():
    profile, other_mentor = mentor(), mentor()
    slot = publish(profile, capacity=2)
    admin, org = startup(name="Alpha Bio")
    booking = book(admin, org, slot)
    other_admin, _other = startup()
    for user in (other_admin, other_mentor.user):
        client, rest = logged_in(user), api(user)
        assert client.post(reverse("mentoring:booking_cancel", args=[booking.pk])).status_code == 404
        assert client.get(reverse("mentoring:booking_session", args=[booking.pk])).status_code == 404
        assert client.post(reverse("mentoring:office_hour_withdraw", args=[slot.pk])).status_code == 404
        assert rest.get(f"/api/v1/mentoring/office-hour-bookings/{booking.pk}/").status_code == 404
        assert rest.post(f"/api/v1/mentoring/office-hour-bookings/{booking.pk}/cancel/").status_code == 404
        assert rest.post(f"/api/v1/mentoring/office-hour-bookings/{booking.pk}/session/",
                         {"topics": "x"}, format="json").status_code == 404
        assert rest.get("/api/v1/mentoring/office-hour-bookings/").json()["results"] == []
        assert rest.post(f"/api/v1/mentoring/office-hours/{slot.pk}/withdraw/").status_code == 404
        # They see the open slot's time and places left, never who booked it nor the meeting link.
        row = rest.get(f"/api/v1/mentoring/office-hours/{slot.pk}/").json()
        assert row["places_left"] == 1 and row["bookings"] is None and row["location"] is None
        page = client.get(reverse("mentoring:mentor", args=[profile.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert f'id="slot-{slot.pk}"' in page and "Alpha Bio" not in page and "meet.example.kr" not in page
        assert "Alpha Bio" not in client.get(reverse("mentoring:office_hour_bookings")).content.decode()
        with pytest.raises(NotAllowed):
            office_hours.booking_cancel(user=user, booking_id=booking.pk)
    assert OfficeHourBooking.objects.get(pk=booking.pk).status == BookingStatus.BOOKED
    # The mentor sees who booked; the startup sees its booking with the place.
    mine = api(profile.user).get(f"/api/v1/mentoring/office-hours/{slot.pk}/").json()
    assert [b["startup_name"] for b in mine["bookings"]] == [org.name] and mine["location"]
    theirs = api(admin).get(f"/api/v1/mentoring/office-hour-bookings/{booking.pk}/").json()
    assert theirs["slot"]["location"] == "https://meet.example.kr/abc" and theirs["status"] == "booked"


@pytest.mark.django_db
def test_a_non_member_cannot_book():
    profile = mentor()
    slot = publish(profile)
    _admin, org = startup()
    stranger = UserFactory()  # belongs to nothing
    hospital = OrganizationFactory(kind=OrganizationKind.HOSPITAL)
    nurse = UserFactory()
    MembershipFactory(user=nurse, organization=hospital)  # a verified organisation, but not a firm
    for user, org_id in ((stranger, org.pk), (nurse, hospital.pk), (nurse, org.pk)):
        with pytest.raises(NotAllowed):
            office_hours.booking_create(user=user, slot_id=slot.pk, organization_id=org_id, message="Hi")
        page = logged_in(user).post(reverse("mentoring:office_hour_book", args=[slot.pk]),
                                    {"organization": org_id, "message": "Hi"})
        assert page.status_code in (302, 404)
        rest = api(user).post("/api/v1/mentoring/office-hour-bookings/",
                              {"slot": slot.pk, "startup": org_id, "message": "Hi"}, format="json")
        assert rest.status_code in (400, 403)
    # The nurse reads the directory (a verified organisation) but is offered no booking form.
    assert "booking-form" not in logged_in(nurse).get(reverse("mentoring:mentor", args=[profile.pk])).content.decode()
    assert not OfficeHourBooking.objects.exists()
    # Nor a mentor their own slot, nor a startup with a conflict of interest.
    with pytest.raises(DomainError, match="your own"):
        MembershipFactory(user=profile.user, organization=startup()[1])
        office_hours.booking_create(user=profile.user, slot_id=slot.pk,
                                    organization_id=profile.user.memberships.get().organization_id, message="Me")
    admin, firm = startup()
    profile.invested_organizations.add(firm)
    with pytest.raises(Conflict, match="conflict of interest"):
        book(admin, firm, slot)


@pytest.mark.django_db
def test_a_confidential_need_description_never_reaches_the_mentor(django_capture_on_commit_callbacks, mailoutbox):
    profile = mentor()
    slot = publish(profile)
    admin, org = startup(name="Gamma Oncology")
    need = org.listings.get()
    need.title, need.description = "KRAS inhibitor lead optimisation", f"Our target is {SECRET}."
    need.visibility = ListingVisibility.CONFIDENTIAL
    need.save()
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(admin, org, slot, need=need)
    seen = texts(mailoutbox)
    seen.append(logged_in(profile.user).get(reverse("mentoring:my_office_hours")).content.decode())
    seen.append(api(profile.user).get(f"/api/v1/mentoring/office-hours/{slot.pk}/").content.decode())
    seen.append(api(profile.user).get(f"/api/v1/mentoring/office-hour-bookings/{booking.pk}/").content.decode())
    assert all(need.title in text for text in seen[-3:])  # the title: yes
    assert all(SECRET not in text for text in seen)
    # The startup's own people read it in full.
    mine = api(admin).get(f"/api/v1/mentoring/office-hour-bookings/{booking.pk}/").json()
    assert mine["need_description"] == need.description


@pytest.mark.django_db
def test_one_startup_holds_at_most_a_few_upcoming_office_hours():
    """One firm cannot take every slot of every mentor: the sixth upcoming booking is refused with a reason."""
    from mentoring.office_hours import MAX_UPCOMING_BOOKINGS_PER_STARTUP

    profile = mentor()
    admin, org = startup()
    slots = [publish(profile, days=2 + n) for n in range(MAX_UPCOMING_BOOKINGS_PER_STARTUP + 1)]
    for slot in slots[:-1]:
        book(admin, org, slot)
    with pytest.raises(Conflict, match="already has 5 office hours booked"):
        book(admin, org, slots[-1])
    assert OfficeHour.objects.get(pk=slots[-1].pk).booked_count == 0  # the place was not taken
