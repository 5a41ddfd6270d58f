from django.urls import path

from . import views

urlpatterns = [
    path("proposals/", views.proposals_view, name="proposals"),
    path("proposals/<int:pk>/dismiss/", views.proposal_dismiss_view, name="proposal_dismiss"),
    path("match-runs/", views.match_runs_view, name="match_runs"),
    path("match-runs/start/", views.match_run_start_view, name="match_run_start"),
    path("match-runs/<int:pk>/progress/", views.match_run_progress_view, name="match_run_progress"),
]
