"""Sign-up, sign-in, email verification, password reset, profile and invitations."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.errors import DomainError

from .. import deletion, selectors, services, throttle, tokens
from ..forms import (
    AccountDeleteForm,
    ApiTokenForm,
    InviteeSignupForm,
    LoginForm,
    ProfileForm,
    SignupForm,
    deletion_word,
)
from ..models import Invitation, Organization, User


@throttle.fails_closed
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if throttle.login_blocked(request, email):
            form.add_error(None, _("Too many failed attempts. Wait 15 minutes or reset your password."))
            return render(request, "accounts/login.html", {"form": form}, status=429)
        user = authenticate(request, email=form.cleaned_data["email"], password=form.cleaned_data["password"])
        if user is None:
            throttle.login_failed(request, email)
            form.add_error(None, _("The email address or password is not correct."))
        else:
            throttle.login_succeeded(request, email)
            login(request, user)
            next_url = request.GET.get("next", "")
            # Only a path on this site: browsers read "/\\evil.example" like "//evil.example".
            if next_url.startswith("/") and url_has_allowed_host_and_scheme(
                next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                return redirect(next_url)
            return redirect("home")
    return render(request, "accounts/login.html", {"form": form})


@throttle.fails_closed
def admin_login_view(request: HttpRequest) -> HttpResponse:
    """The admin's sign-in page, under the same failure counter as the login page and the API."""
    from django.contrib import admin

    if request.method != "POST":
        return admin.site.login(request)
    email = request.POST.get("username", "")
    if throttle.login_blocked(request, email):
        return HttpResponse(_("Too many failed attempts. Wait 15 minutes or reset your password."), status=429)
    response = admin.site.login(request)
    if response.status_code == 302:
        throttle.login_succeeded(request, email)
    else:
        throttle.login_failed(request, email)
    return response


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You are signed out."))
    return redirect("home")


# The signup's look-alike offer is a second submission of the whole form. The password is not written
# back into the page (it would sit in the HTML, the browser's cache and any saved copy): the first,
# validated submission leaves only its hash here, bound to the email and name it was checked against.
SIGNUP_KEPT_SESSION_KEY = "accounts.signup_kept_hash"
SIGNUP_KEPT_SECONDS = 30 * 60


def keep_signup_password(request: HttpRequest, form: SignupForm) -> None:
    data = form.cleaned_data
    if data.get("password1"):
        request.session[SIGNUP_KEPT_SESSION_KEY] = {
            "hash": make_password(data["password1"]), "email": data["email"], "full_name": data["full_name"],
            "at": time.time(),
        }
    form.keep_password()


def kept_signup_password(request: HttpRequest) -> dict | None:
    kept = request.session.get(SIGNUP_KEPT_SESSION_KEY)
    if not isinstance(kept, dict) or time.time() - kept.get("at", 0) > SIGNUP_KEPT_SECONDS:
        return None
    return kept


@throttle.fails_closed
def signup_view(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        request.session.pop(SIGNUP_KEPT_SESSION_KEY, None)  # a fresh start forgets an earlier attempt
    form = SignupForm(request.POST or None, kept_password=kept_signup_password(request))
    duplicates = Organization.objects.none()
    if request.method == "POST":
        ip = throttle.client_ip(request)
        if throttle.is_throttled("signup", ip):
            messages.error(request, _("Too many sign-ups from your network. Try again in an hour."))
            return render(request, "accounts/signup.html", {"form": form}, status=429)
        if form.is_valid():
            data = form.cleaned_data
            duplicates = selectors.likely_duplicates(
                name_ko=data["name_ko"], name_en=data["name_en"], website=data.get("website", "")
            )
            join_id = request.POST.get("join_org", "")
            person = services.PersonData(**form.person_data())
            try:
                if join_id.isdigit() and duplicates.filter(pk=join_id).exists():
                    org = duplicates.get(pk=join_id)
                    user = services.signup_join_request(
                        person=person, privacy_consent=data["privacy_consent"], organization=org
                    )
                    throttle.hit("signup", ip)
                    request.session.pop(SIGNUP_KEPT_SESSION_KEY, None)
                    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                    messages.success(request, _("Your request to join %(org)s was sent to its administrators.") % {"org": org})
                    return redirect("accounts:signup_done")
                if not duplicates.exists() or data.get("not_a_duplicate"):
                    user, _org = services.signup_with_organization(
                        person=person, privacy_consent=data["privacy_consent"],
                        org_fields=form.org_fields(), clusters=list(data["clusters"]),
                    )
                    throttle.hit("signup", ip)
                    request.session.pop(SIGNUP_KEPT_SESSION_KEY, None)
                    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                    return redirect("accounts:signup_done")
            except DomainError as exc:
                form.add_error(None, exc.message)
            if duplicates:
                keep_signup_password(request, form)  # the offer re-submits the form without the password
    return render(request, "accounts/signup.html", {"form": form, "duplicates": duplicates})


def signup_done_view(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_done.html")


def verify_email_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user = services.email_verify(token=token)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("home")
    messages.success(request, _("Thank you, your email address %(email)s is verified.") % {"email": user.email})
    return redirect("home")


@login_required
@require_POST
def resend_verification_view(request: HttpRequest) -> HttpResponse:
    services.email_verification_resend(user=request.user)
    messages.info(request, _("We sent a new verification link to %(email)s.") % {"email": request.user.email})
    return redirect("home")


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "emails/password_reset_body.txt"
    subject_template_name = "emails/password_reset_subject.txt"
    success_url = "/accounts/password-reset/sent/"

    @throttle.fails_closed
    def post(self, request, *args, **kwargs):
        ip = throttle.client_ip(request)
        if throttle.is_throttled("password_reset", ip):
            messages.error(request, _("Too many reset requests. Try again in an hour."))
            return self.render_to_response(self.get_context_data(form=self.get_form()), status=429)
        throttle.hit("password_reset", ip)
        return super().post(request, *args, **kwargs)


def _profile_page(request: HttpRequest, *, form: ProfileForm | None = None, token_form: ApiTokenForm | None = None,
                  issued: tokens.IssuedToken | None = None, status: int = 200) -> HttpResponse:
    rows = tokens.tokens_of(request.user)
    context = {
        "form": form or ProfileForm(instance=User.objects.get(pk=request.user.pk)),
        "token_form": token_form or ApiTokenForm(),
        "api_tokens": [(token, tokens.is_expired(token)) for token in rows],
        "api_token_ttl_days": settings.API_TOKEN_TTL_DAYS,
        "api_tokens_cap": settings.API_TOKENS_PER_USER,
        "issued": issued,
    }
    return render(request, "accounts/profile.html", context, status=status)


class TokenEndingPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a new password by the emailed link also ends the API token: whoever had the old password
    may have made one, and it would outlive the reset (sessions end by Django's session hash)."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = "/accounts/reset/done/"

    def form_valid(self, form):
        response = super().form_valid(form)
        tokens.token_revoke_all(user=form.user)
        return response


@login_required
@never_cache  # the page can carry a new API token's key once: never kept by a browser or proxy
def profile_view(request: HttpRequest) -> HttpResponse:
    # Bind a fresh copy: the form writes into its instance while validating, and profile_update
    # compares against request.user to notice a news opt-in change (and record when it happened).
    form = ProfileForm(request.POST or None, instance=User.objects.get(pk=request.user.pk))
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=request.user, **{k: form.cleaned_data[k] for k in form.Meta.fields})
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    return _profile_page(request, form=form)


@login_required
@require_POST
@never_cache
@throttle.fails_closed
def api_token_create_view(request: HttpRequest) -> HttpResponse:
    """Issue one more API token (the others keep working, up to the cap) and show its key this once."""
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _profile_page(request, token_form=form, status=400)
    email = request.user.email
    if throttle.login_blocked(request, email):  # the password check counts like a sign-in
        form.add_error(None, _("Too many failed attempts. Wait 15 minutes or reset your password."))
        return _profile_page(request, token_form=form, status=429)
    if not request.user.check_password(form.cleaned_data["password"]):
        throttle.login_failed(request, email)
        form.add_error("password", _("The password is not correct."))
        return _profile_page(request, token_form=form, status=400)
    throttle.login_succeeded(request, email)
    issued = tokens.token_issue(user=request.user, name=form.cleaned_data["name"])
    return _profile_page(request, issued=issued)


@login_required
@require_POST
def api_token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    """End one of the signed-in person's API tokens; another person's token is a 404 like a missing one."""
    token = tokens.token_revoke(user=request.user, token_id=token_id)
    messages.success(request, _("The API token %(prefix)s… is revoked: programs using it can no longer sign in.")
                     % {"prefix": token.prefix})
    return redirect("accounts:profile")


@login_required
@require_POST
def api_token_revoke_all_view(request: HttpRequest) -> HttpResponse:
    """End every API token of the signed-in person now (only their own: nothing in the request names one)."""
    if tokens.token_revoke_all(user=request.user):
        messages.success(request, _("Your API tokens are revoked: programs using them can no longer sign in."))
    else:
        messages.info(request, _("You have no API token."))
    return redirect("accounts:profile")


@login_required
def account_delete_view(request: HttpRequest) -> HttpResponse:
    """Confirm (password and a typed word), then anonymise the account and sign the person out."""
    form = AccountDeleteForm(request.POST or None)
    blocking = deletion.organizations_blocking_deletion(request.user)
    if request.method == "POST" and form.is_valid():
        try:
            deletion.account_delete(user=request.user, password=form.cleaned_data["password"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            logout(request)
            messages.success(request, _("Your account has been deleted. Thank you for taking part."))
            return redirect("home")
    context = {"form": form, "blocking": blocking, "word": deletion_word()}
    return render(request, "accounts/account_delete.html", context, status=400 if form.errors else 200)


def invitation_view(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("organization"), token=token)
    if not services.invitation_is_open(invitation):
        messages.error(request, _("This invitation has expired or was already used."))
        return redirect("home")
    form = None
    if not request.user.is_authenticated:
        form = InviteeSignupForm(request.POST or None, invitation_email=invitation.email)
    if request.method == "POST":
        try:
            if request.user.is_authenticated:
                services.invitation_accept(invitation=invitation, user=request.user)
            elif form.is_valid():
                user = services.invitation_signup(
                    invitation=invitation,
                    person=services.PersonData(**form.person_data()),
                    privacy_consent=form.cleaned_data["privacy_consent"],
                )
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            else:
                return render(request, "accounts/invitation.html", {"invitation": invitation, "form": form})
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("You joined %(org)s.") % {"org": invitation.organization})
            return redirect("organizations:detail", pk=invitation.organization_id)
    return render(request, "accounts/invitation.html", {"invitation": invitation, "form": form})
