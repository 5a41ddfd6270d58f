from django.urls import path

from .views import manage as views

app_name = "manage"

urlpatterns = [
    path("verification/", views.verification_queue_view, name="verification"),
    path("verification/<int:membership_id>/", views.verification_decide_view, name="verification_decide"),
    path("verification/changes/<int:change_id>/", views.organization_change_decide_view, name="organization_change_decide"),
]
