from django.urls import path

from .views import organizations as views

app_name = "organizations"

urlpatterns = [
    path("", views.directory_view, name="directory"),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("<int:pk>/edit/", views.edit_view, name="edit"),
    path("<int:pk>/reapply/", views.reapply_view, name="reapply"),
    path("<int:pk>/changes/<int:change_id>/withdraw/", views.change_withdraw_view, name="change_withdraw"),
    path("<int:pk>/invite/", views.invite_view, name="invite"),
    path("<int:pk>/clusters/join/", views.cluster_join_view, name="cluster_join"),
    path("<int:pk>/members/<int:membership_id>/", views.membership_edit_view, name="membership_edit"),
    path("<int:pk>/join-requests/<int:membership_id>/", views.join_request_decide_view, name="join_request_decide"),
]
