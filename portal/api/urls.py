from rest_framework.routers import DefaultRouter

from .views import AllianceDashboardViewSet, ClusterDashboardViewSet, FocusAreaViewSet, SavedSearchViewSet

router = DefaultRouter()
router.register("clusters", ClusterDashboardViewSet, basename="cluster")
router.register("alliances", AllianceDashboardViewSet, basename="alliance")
router.register("focus-areas", FocusAreaViewSet, basename="focus-area")
router.register("saved-searches", SavedSearchViewSet, basename="saved-search")

urlpatterns = router.urls
