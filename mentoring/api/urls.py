from rest_framework.routers import DefaultRouter

from .office_hours import OfficeHourBookingViewSet, OfficeHourViewSet
from .views import MentoringRequestViewSet, MentorViewSet, ProgrammeViewSet, SeatViewSet, SessionViewSet

router = DefaultRouter()
router.register("mentoring/mentors", MentorViewSet, basename="mentoring-mentor")
router.register("mentoring/programmes", ProgrammeViewSet, basename="mentoring-programme")
router.register("mentoring/seats", SeatViewSet, basename="mentoring-seat")
router.register("mentoring/sessions", SessionViewSet, basename="mentoring-session")
router.register("mentoring/requests", MentoringRequestViewSet, basename="mentoring-request")
router.register("mentoring/office-hours", OfficeHourViewSet, basename="mentoring-office-hour")
router.register("mentoring/office-hour-bookings", OfficeHourBookingViewSet, basename="mentoring-office-hour-booking")

urlpatterns = router.urls
