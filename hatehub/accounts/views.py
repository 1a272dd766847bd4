from django.contrib.auth import views as auth_views

from .access import landing_url
from .forms import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return landing_url(self.request.user)


class SignOutView(auth_views.LogoutView):
    pass
