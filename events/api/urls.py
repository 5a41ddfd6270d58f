from rest_framework.routers import DefaultRouter

from .partnering import MeetingRequestViewSet, MeetingViewSet
from .views import EventViewSet, MyRegistrationViewSet

router = DefaultRouter()
# Registered first: "events/registrations/" must not be read as an event id.
router.register("events/registrations", MyRegistrationViewSet, basename="event-registration")
router.register("events/meeting-requests", MeetingRequestViewSet, basename="meeting-request")
router.register("events/meetings", MeetingViewSet, basename="meeting")
router.register("events", EventViewSet, basename="event")

urlpatterns = router.urls
