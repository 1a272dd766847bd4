"""Evidence settings, read from Django settings when set there (tests use the `settings`
fixture), else from the environment, with safe defaults."""

import os

from django.conf import settings


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def capture_enabled() -> bool:
    """HUB_CAPTURE_ENABLED (default on): a deployment with no internet switches capture off and
    officers see "capture unavailable" instead of a capture that can never work."""
    return bool(getattr(settings, "HUB_CAPTURE_ENABLED", _env_bool("HUB_CAPTURE_ENABLED", True)))


def capture_allows_private_addresses() -> bool:
    """HUB_CAPTURE_ALLOW_PRIVATE (default off): capture may reach loopback and private
    addresses. Only tests (pages served on 127.0.0.1) turn it on."""
    return bool(
        getattr(
            settings, "HUB_CAPTURE_ALLOW_PRIVATE", _env_bool("HUB_CAPTURE_ALLOW_PRIVATE", False)
        )
    )


def chromium_path() -> str:
    return str(
        getattr(settings, "HUB_CHROMIUM", os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium"))
    )


def capture_timeout_seconds() -> int:
    return int(
        getattr(
            settings,
            "HUB_CAPTURE_TIMEOUT_SECONDS",
            os.environ.get("HUB_CAPTURE_TIMEOUT_SECONDS", 30),
        )
    )
