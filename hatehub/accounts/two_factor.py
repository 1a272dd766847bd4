"""Second factor views: set up an authenticator app once, then enter its code at each sign-in.

TOTP devices, code checks and throttling of wrong codes are django-otp's; the QR code is drawn
by segno as SVG."""

import base64

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from hatehub.audit.services import Action, record

from .forms import SecondFactorForm

DEVICE_NAME = "Authenticator app"


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/accounts/sign-in/"  # sends a signed-in user on to their landing page


def _verified(request, device: TOTPDevice, summary: str):
    otp_login(request, device)
    record(Action.SIGN_IN, "user", request.user.pk, summary=summary)
    return redirect(_next(request))


def _refused(request, summary: str) -> None:
    record(Action.SIGN_IN_FAILED, "user", request.user.pk, summary=summary)


@login_required
def setup(request):
    """First sign-in: a new secret shown as a QR code and as text; the first right code
    confirms the device."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(f"/accounts/two-factor/?next={_next(request)}")
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": DEVICE_NAME}
    )
    form = SecondFactorForm(request.POST or None, device=device)
    if request.method == "POST":
        if form.is_valid():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            return _verified(request, device, f"{request.user.username} set up a second factor")
        _refused(request, f"Wrong code while {request.user.username} set up a second factor")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "next": _next(request),
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR code"),
            "secret": base64.b32encode(device.bin_key).decode(),
            "issuer": settings.OTP_TOTP_ISSUER,
            "page_has_errors": bool(form.errors),
        },
        status=400 if form.errors else 200,
    )


@login_required
def verify(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect(f"/accounts/two-factor/setup/?next={_next(request)}")
    form = SecondFactorForm(request.POST or None, device=device)
    if request.method == "POST":
        if form.is_valid():
            return _verified(request, device, f"{request.user.username} passed the second factor")
        _refused(request, f"Wrong second-factor code for {request.user.username}")
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": _next(request), "page_has_errors": bool(form.errors)},
        status=400 if form.errors else 200,
    )
