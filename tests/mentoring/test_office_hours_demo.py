"""The demo stage's office hours: the demo mentors publish slots in the coming weeks, the startup
login has one booking, a re-run writes nothing, and delete_mentoring removes them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from demo import mentoring as stage
from mentoring.models import BookingStatus, OfficeHour, OfficeHourBooking
from tests.demo.test_mentoring_stage import world


@pytest.mark.django_db
def test_the_demo_mentors_publish_office_hours_and_the_startup_login_booked_one():
    w = world()
    stage.load(w)
    slots = OfficeHour.objects.filter(mentor__user__email__endswith=stage.DEMO_DOMAIN)
    assert slots.count() >= 6
    assert slots.filter(mentor__user__email=stage.mentor_email("mentor")).count() >= 2
    now = timezone.now()
    assert all(now < s.starts_at < now + timedelta(weeks=5) for s in slots)
    (booking,) = OfficeHourBooking.objects.filter(booked_by__email=stage.STARTUP_LOGIN)
    assert booking.status == BookingStatus.BOOKED and booking.slot.booked_count == 1
    assert booking.slot.mentor.user.email == stage.mentor_email("mentor")  # the login mentor sees it
    # A re-run publishes nothing more; deleting the stage removes them.
    stage.load(w)
    assert OfficeHour.objects.count() == slots.count() and OfficeHourBooking.objects.count() == 1
    stage.delete_mentoring()
    assert not OfficeHour.objects.exists() and not OfficeHourBooking.objects.exists()
