from django.urls import path

from . import views, views_import, views_proposals

app_name = "listings"

urlpatterns = [
    path("", views.browse_view, name="browse"),
    path("new/", views.create_view, name="create"),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("<int:pk>/edit/", views.edit_view, name="edit"),
    path("<int:pk>/close/", views.close_view, name="close"),
    path("proposals/", views_proposals.proposals_view, name="proposals"),
    path("proposals/<int:pk>/dismiss/", views_proposals.proposal_dismiss_view, name="proposal_dismiss"),
    path("match-runs/", views_proposals.match_runs_view, name="match_runs"),
    path("match-runs/start/", views_proposals.match_run_start_view, name="match_run_start"),
    path("import/", views_import.import_view, name="import_orgs"),
    path("match-runs/<int:pk>/progress/", views_proposals.match_run_progress_view, name="match_run_progress"),
]
