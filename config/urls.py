from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts.views.auth import admin_login_view
from portal.views import home_view, privacy_view

from .api_urls import ApiNotFound
from .health import healthz

urlpatterns = [
    path("", home_view, name="home"),
    path("healthz", healthz, name="healthz"),
    path("privacy/", privacy_view, name="privacy"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accounts.urls")),
    path("organizations/", include("accounts.urls_organizations")),
    path("manage/", include("accounts.urls_manage")),
    path("listings/", include("matching.urls")),
    path("matches/", include("matching.review.urls")),
    path("events/", include("events.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("", include("portal.dashboard.urls")),  # /clusters/<slug>/dashboard/, /alliances/<slug>/dashboard/
    path("", include("portal.urls")),  # /organizations/<pk>/listings/, /saved-searches/
    # Before the admin's own URLs: its sign-in counts failures like the login page does.
    path("admin/login/", admin_login_view, name="admin-login"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema", template_name="api/swagger_ui.html"), name="api-docs"),
    # Last of the API: any other address under /api/ is a JSON 404. Only paths ending in "/", so a
    # missing slash is still redirected (APPEND_SLASH) to the address that exists.
    re_path(r"^api/.*/$", ApiNotFound.as_view(), name="api-not-found"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
