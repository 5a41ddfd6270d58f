from rest_framework.routers import DefaultRouter

from .views import AllianceDashboardViewSet, ClusterDashboardViewSet

router = DefaultRouter()
router.register("clusters", ClusterDashboardViewSet, basename="cluster")
router.register("alliances", AllianceDashboardViewSet, basename="alliance")

urlpatterns = router.urls
