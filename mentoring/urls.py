from django.urls import path

from . import views, views_programmes

app_name = "mentoring"

urlpatterns = [
    path("", views_programmes.programme_list_view, name="programmes"),
    path("mentors/", views.directory_view, name="directory"),
    path("mentors/<int:pk>/", views.mentor_detail_view, name="mentor"),
    path("me/", views.my_profile_view, name="my_profile"),
    path("me/availability/", views.availability_view, name="availability"),
    path("me/seats/", views.my_seats_view, name="my_seats"),
    path("panels/", views.my_panels_view, name="my_panels"),
    path("invitation/<uuid:token>/", views.invitation_view, name="invitation"),
    path("seats/<int:pk>/sessions/", views.log_session_view, name="log_session"),
    path("seats/<int:pk>/<str:answer>/", views.seat_answer_view, name="seat_answer"),
    path("sessions/<int:pk>/feedback/", views.session_feedback_view, name="session_feedback"),
    path("programmes/new/", views_programmes.programme_edit_view, name="programme_create"),
    path("programmes/<int:pk>/", views_programmes.programme_detail_view, name="programme"),
    path("programmes/<int:pk>/apply/", views_programmes.apply_view, name="apply"),
    path("programmes/<int:pk>/edit/", views_programmes.programme_edit_view, name="programme_edit"),
    path("programmes/<int:pk>/manage/", views_programmes.manage_programme_view, name="manage_programme"),
    path("programmes/<int:pk>/<str:action>/", views_programmes.programme_action_view, name="programme_action"),
    path("manage/mentors/", views_programmes.manage_mentors_view, name="manage_mentors"),
    path("manage/mentors/<int:pk>/<str:action>/", views_programmes.mentor_action_view, name="mentor_action"),
]
