from django.urls import path

from . import views, views_office_hours, views_programmes, views_requests

app_name = "mentoring"

urlpatterns = [
    path("", views_programmes.programme_list_view, name="programmes"),
    path("mentors/", views.directory_view, name="directory"),
    path("mentors/<int:pk>/", views.mentor_detail_view, name="mentor"),
    path("me/", views.my_profile_view, name="my_profile"),
    path("me/availability/", views.availability_view, name="availability"),
    path("me/seats/", views.my_seats_view, name="my_seats"),
    path("me/requests/", views_requests.my_requests_view, name="my_requests"),
    path("me/requests/<int:pk>/<str:answer>/", views_requests.answer_view, name="request_answer"),
    path("mentors/<int:pk>/ask/", views_requests.ask_view, name="ask"),
    path("requests/", views_requests.startup_requests_view, name="startup_requests"),
    path("requests/<int:pk>/withdraw/", views_requests.withdraw_view, name="request_withdraw"),
    path("requests/<int:pk>/sessions/", views_requests.request_sessions_view, name="request_sessions"),
    path("me/office-hours/", views_office_hours.my_office_hours_view, name="my_office_hours"),
    path("me/office-hours/<int:pk>/withdraw/", views_office_hours.office_hour_withdraw_view, name="office_hour_withdraw"),
    path("office-hours/", views_office_hours.office_hour_bookings_view, name="office_hour_bookings"),
    path("office-hours/<int:pk>/book/", views_office_hours.office_hour_book_view, name="office_hour_book"),
    path("office-hours/bookings/<int:pk>/cancel/", views_office_hours.booking_cancel_view, name="booking_cancel"),
    path("office-hours/bookings/<int:pk>/session/", views_office_hours.booking_session_view, name="booking_session"),
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
