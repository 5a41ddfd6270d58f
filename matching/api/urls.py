from rest_framework.routers import DefaultRouter

from .matches import MatchRunViewSet, MatchViewSet
from .views import ListingViewSet

router = DefaultRouter()
router.register("listings", ListingViewSet, basename="listing")
router.register("matches", MatchViewSet, basename="match")
router.register("match-runs", MatchRunViewSet, basename="match-run")

urlpatterns = router.urls
