from django.contrib.auth import views as auth_views
from django.shortcuts import resolve_url

from . import roles
from .forms import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return landing_url(self.request.user)


def landing_url(user) -> str:
    """Each role lands where its work is: casework in the queue, volunteers on their own page,
    analysts on the figures, partners in the API description (API only)."""
    if roles.works_cases(user):
        return resolve_url("cases:queue")
    if roles.reports_as_volunteer(user):
        return resolve_url("volunteers:home")
    if roles.reads_analytics(user):
        return resolve_url("analytics:dashboard")
    if user is not None and user.is_authenticated:
        return resolve_url("api:openapi-view")
    return resolve_url("accounts:login")


class SignOutView(auth_views.LogoutView):
    pass
