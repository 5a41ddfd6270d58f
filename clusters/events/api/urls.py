from rest_framework.routers import DefaultRouter

from .views import EventViewSet, MyRegistrationViewSet

router = DefaultRouter()
# Registered first: "events/registrations/" must not be read as an event id.
router.register("events/registrations", MyRegistrationViewSet, basename="event-registration")
router.register("events", EventViewSet, basename="event")

urlpatterns = router.urls
