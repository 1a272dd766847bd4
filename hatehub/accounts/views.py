from django.contrib.auth import views as auth_views
from django.shortcuts import resolve_url

from . import roles
from .forms import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        """Each role lands where its work is: casework in the queue, volunteers in the report
        journey (they report for others), partners in the API description (API only)."""
        user = self.request.user
        if roles.works_cases(user):
            return resolve_url("cases:queue")
        if roles.reports_as_volunteer(user):
            return resolve_url("intake:start")
        if roles.reads_analytics(user):
            return "/hub/analytics/"
        return resolve_url("api:openapi-view")


class SignOutView(auth_views.LogoutView):
    pass
