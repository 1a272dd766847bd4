"""Keeping people out: a second factor for every staff sign-in, lock-out after repeated
failures, idle sessions ending, strong password hashing and the browser security headers."""

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from hatehub.audit.models import AuditEvent
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


@pytest.fixture
def second_factor(settings):
    settings.HUB_REQUIRE_2FA = True


def _sign_in(client: Client, username: str, password: str = PASSWORD, next_url: str = ""):
    data = {"username": username, "password": password}
    url = "/accounts/sign-in/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data)


def test_first_sign_in_sets_up_an_authenticator_before_any_staff_page(second_factor, users):
    client = Client()
    _sign_in(client, "officer")
    response = client.get("/hub/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/setup/?next=/hub/")

    setup = client.get(response["Location"])
    assert setup.status_code == 200
    page = setup.content.decode()
    assert "<svg" in page and "Key:" in page
    device = TOTPDevice.objects.get(user=users["hub_officer"], confirmed=False)

    wrong = client.post("/accounts/two-factor/setup/", {"code": "000000", "next": "/hub/"})
    assert wrong.status_code == 400
    assert "The code is not right" in wrong.content.decode()
    assert client.get("/hub/").status_code == 302  # still not through

    device.refresh_from_db()
    device.throttle_reset()  # wrong codes slow the next try down: as if the user waited
    right = client.post("/accounts/two-factor/setup/", {"code": _code(device), "next": "/hub/"})
    assert right.status_code == 302 and right["Location"] == "/hub/"
    assert client.get("/hub/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_later_sign_ins_ask_for_a_code_and_wrong_codes_are_logged(second_factor, users):
    device = TOTPDevice.objects.create(user=users["hub_supervisor"], name="app", confirmed=True)
    client = Client()
    _sign_in(client, "supervisor")
    response = client.get("/hub/audit/")
    assert response["Location"].startswith("/accounts/two-factor/?next=/hub/audit/")

    bad = client.post("/accounts/two-factor/", {"code": "12345x", "next": "/hub/audit/"})
    assert "Enter the code as 6 digits" in bad.content.decode()
    wrong = client.post("/accounts/two-factor/", {"code": "000000", "next": "/hub/audit/"})
    assert wrong.status_code == 400
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.SIGN_IN_FAILED, summary__contains="second-factor"
    ).exists()

    device.refresh_from_db()
    device.throttle_reset()
    ok = client.post("/accounts/two-factor/", {"code": _code(device), "next": "/hub/audit/"})
    assert ok.status_code == 302 and ok["Location"] == "/hub/audit/"
    assert client.get("/hub/audit/").status_code == 200


def test_an_unsafe_next_address_is_not_followed(second_factor, users):
    device = TOTPDevice.objects.create(user=users["hub_officer"], name="app", confirmed=True)
    client = Client()
    _sign_in(client, "officer")
    response = client.post(
        "/accounts/two-factor/", {"code": _code(device), "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")


def test_public_pages_and_the_api_never_ask_for_a_second_factor(second_factor, users):
    client = Client()
    _sign_in(client, "officer")
    assert client.get("/report/").status_code == 200
    assert client.get("/api/v1/openapi.json").status_code == 200


@pytest.fixture
def lockout(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]


def test_repeated_wrong_passwords_lock_the_account_out_even_with_the_right_one(lockout, users):
    client = Client()
    for _ in range(2):
        assert _sign_in(client, "officer", "wrong-password").status_code == 200
    assert _sign_in(client, "officer", "wrong-password").status_code == 429  # the third
    locked = _sign_in(client, "officer")  # the right password, too late
    assert locked.status_code == 429
    assert "Sign-in is locked" in locked.content.decode()
    assert client.get("/hub/").status_code == 302  # not signed in
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SIGN_IN_FAILED).count() >= 3


def test_a_session_ends_after_the_idle_time_and_each_request_restarts_the_clock(
    client, users, settings
):
    client.force_login(users["hub_officer"])
    response = client.get("/hub/")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE == 30 * 60


def test_production_hashes_passwords_with_argon2(settings, users):
    from hatehub import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = users["hub_officer"]
    user.set_password("a-long-synthetic-passphrase")
    user.save()
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password("a-long-synthetic-passphrase")


def test_pages_carry_a_content_security_policy_and_security_headers(client):
    response = client.get("/report/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_behind_a_proxy_the_visitor_address_is_the_one_the_proxy_saw(rf, settings):
    from hatehub.audit.middleware import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "10.0.0.2"  # no proxy configured: the header is not trusted
    settings.HUB_TRUSTED_PROXIES = 1
    assert client_ip(request) == "203.0.113.9"  # the spoofed first entry is ignored
