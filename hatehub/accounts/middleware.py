"""A signed-in user must also pass the second factor before any staff page.

django-otp's middleware marks `request.user.is_verified()` once a TOTP code has been accepted
in this session. Until then every page except the second-factor pages themselves and sign-out
sends them to set up an authenticator (first time) or enter a code."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

# Public and machine-facing parts never need a staff session.
OPEN_PREFIXES = ("/report/", "/track/", "/api/", "/static/", "/healthz", "/about/", "/admin/login")


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._needs_second_factor(request):
            target = "accounts:two_factor_verify"
            if not _has_device(request.user):
                target = "accounts:two_factor_setup"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)

    def _needs_second_factor(self, request) -> bool:
        user = getattr(request, "user", None)
        if not settings.HUB_REQUIRE_2FA or user is None or not user.is_authenticated:
            return False
        if user.is_verified():
            return False
        path = request.path
        own_pages = (reverse("accounts:logout"), "/accounts/two-factor/")
        return not path.startswith(OPEN_PREFIXES + own_pages)


def _has_device(user) -> bool:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()
