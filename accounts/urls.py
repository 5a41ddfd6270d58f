from django.contrib.auth import views as auth_views
from django.urls import path

from .views import auth

app_name = "accounts"

urlpatterns = [
    path("login/", auth.login_view, name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("signup/", auth.signup_view, name="signup"),
    path("signup/done/", auth.signup_done_view, name="signup_done"),
    path("verify/<str:token>/", auth.verify_email_view, name="verify_email"),
    path("verify-resend/", auth.resend_verification_view, name="resend_verification"),
    path("profile/", auth.profile_view, name="profile"),
    path("profile/delete/", auth.account_delete_view, name="account_delete"),
    path("profile/api-token/", auth.api_token_create_view, name="api_token_create"),
    path("profile/api-token/revoke/", auth.api_token_revoke_all_view, name="api_token_revoke"),  # all of them
    path("profile/api-token/<int:token_id>/revoke/", auth.api_token_revoke_view, name="api_token_revoke_one"),
    path("invitation/<uuid:token>/", auth.invitation_view, name="invitation"),
    path("password-reset/", auth.ThrottledPasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth.TokenEndingPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
