"""Dashboard pages: /clusters/<slug>/dashboard/ and /alliances/<slug>/dashboard/ (included at the site root)."""

from django.urls import include, path

from . import views

app_name = "dashboard"

urlpatterns = []
for kind, prefix in (("cluster", "clusters"), ("alliance", "alliances")):
    urlpatterns += [
        path(f"{prefix}/<slug:slug>/dashboard/", views.dashboard_view, {"kind": kind}, name=kind),
        path(f"{prefix}/<slug:slug>/dashboard/refresh/", views.refresh_view, {"kind": kind}, name=f"{kind}_refresh"),
        path(f"{prefix}/<slug:slug>/dashboard/export/<slug:table>.<str:fmt>", views.export_view, {"kind": kind},
             name=f"{kind}_export"),
    ]
urlpatterns.append(path("clusters/<slug:slug>/dashboard/stage-rules/", views.thresholds_view, name="cluster_thresholds"))
urlpatterns.append(path("", include("portal.specialisation.urls")))  # .../specialisation/ pages
