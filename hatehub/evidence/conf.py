"""Evidence settings, as typed values. hatehub/settings.py reads them from the environment;
tests change them with the `settings` fixture."""

from django.conf import settings


def capture_enabled() -> bool:
    """HUB_CAPTURE_ENABLED (default on): a deployment with no internet switches capture off and
    officers see "capture unavailable" instead of a capture that can never work."""
    return bool(settings.HUB_CAPTURE_ENABLED)


def capture_allows_private_addresses() -> bool:
    """HUB_CAPTURE_ALLOW_PRIVATE (default off): capture may reach loopback and private
    addresses. Only tests (pages served on 127.0.0.1) turn it on."""
    return bool(settings.HUB_CAPTURE_ALLOW_PRIVATE)


def chromium_path() -> str:
    return str(settings.HUB_CHROMIUM)


def capture_timeout_seconds() -> int:
    return int(settings.HUB_CAPTURE_TIMEOUT_SECONDS)
