from django.urls import path

from . import views

urlpatterns = [
    path("", views.browse_view, name="browse"),
    path("new/", views.create_view, name="create"),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("<int:pk>/edit/", views.edit_view, name="edit"),
    path("<int:pk>/close/", views.close_view, name="close"),
]
