from django.urls import path

from . import views as v
from . import views_attachments as va

app_name = "matches"

urlpatterns = [
    path("", v.inbox_view, name="inbox"),
    path("review/", v.queue_view, name="queue"),
    path("review/bulk/", v.bulk_view, name="bulk"),
    path("request/", v.request_view, name="request"),
    path("manage/", v.manage_view, name="manage"),
    path("manage/matches.csv", v.manage_export_view, name="manage_export"),
    path("settings/digest/", v.digest_view, name="digest"),
    path("notifications/read/", v.notifications_read_view, name="notifications_read"),
    path("<int:pk>/", v.detail_view, name="detail"),
    path("<int:pk>/read/", v.read_view, name="read"),
    path("<int:pk>/transition/", v.transition_view, name="transition"),
    path("<int:pk>/messages/", v.message_view, name="message"),
    path("<int:pk>/notes/", v.note_view, name="note"),
    path("<int:pk>/assign/", v.assign_view, name="assign"),
    path("<int:pk>/contact/", v.contact_view, name="contact"),
    path("<int:pk>/met/", v.met_view, name="met"),
    path("<int:pk>/messages/files/", va.message_send_view, name="message_files"),
    path("<int:pk>/attachments/<int:attachment_id>/", va.attachment_view, name="attachment"),
]
