from django.urls import path
from rest_framework.routers import DefaultRouter

from .views import MembershipViewSet, MeView, OrganizationViewSet

router = DefaultRouter()
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("memberships", MembershipViewSet, basename="membership")

urlpatterns = [path("me/", MeView.as_view(), name="me"), *router.urls]
