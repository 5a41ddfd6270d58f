"""Specialisation pages, included by the dashboard's URLs (so named ``dashboard:specialisation:<name>``)."""

from django.urls import path

from . import views

app_name = "specialisation"

urlpatterns = [
    path("clusters/<slug:slug>/specialisation/", views.cluster_view, name="cluster"),
    path("clusters/<slug:slug>/specialisation/focus/<int:pk>/endorse/", views.endorse_view, name="endorse"),
    path("clusters/<slug:slug>/specialisation/focus/<int:pk>/publish/", views.decide_view,
         {"status": "published"}, name="publish"),
    path("clusters/<slug:slug>/specialisation/focus/<int:pk>/withdraw/", views.decide_view,
         {"status": "withdrawn"}, name="withdraw"),
    path("alliances/<slug:slug>/specialisation/", views.alliance_view, name="alliance"),
]
