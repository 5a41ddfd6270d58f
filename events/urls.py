from django.urls import path

from . import views, views_manage, views_marketplace, views_partnering

app_name = "events"

urlpatterns = [
    path("", views.event_list_view, name="list"),
    path("mine/", views.my_registrations_view, name="mine"),
    path("feed/reset/", views.feed_reset_view, name="feed_reset"),
    path("feed/<str:token>.ics", views.feed_view, name="feed"),
    path("qr/<str:token>.svg", views.qr_view, name="qr"),
    path("new/", views_manage.event_create_view, name="create"),
    path("<int:pk>/", views.event_detail_view, name="detail"),
    path("<int:pk>/event.ics", views.event_ics_view, name="ics"),
    path("<int:pk>/register/", views.register_view, name="register"),
    path("<int:pk>/edit/", views_manage.event_edit_view, name="edit"),
    path("<int:pk>/checkin/", views_manage.checkin_view, name="checkin"),
    path("<int:pk>/checkin/<int:registration_id>/undo/", views_manage.checkin_undo_view, name="checkin_undo"),
    path("<int:pk>/attendance.csv", views_manage.attendance_csv_view, name="attendance_csv"),
    path("<int:pk>/participants/", views_marketplace.marketplace_view, name="marketplace"),
    path("<int:pk>/partnering/", views_partnering.partnering_view, name="partnering"),
    path("<int:pk>/agenda.csv", views_partnering.agenda_csv_view, name="agenda_csv"),
    path("<int:pk>/<str:action>/", views_manage.event_action_view, name="action"),
    path("registrations/<int:pk>/cancel/", views.registration_cancel_view, name="registration_cancel"),
    path("registrations/<int:pk>/accept/", views.offer_accept_view, name="offer_accept"),
]
