"""Deployment checks (`manage.py check --deploy`): settings a force's deployment must not keep
from the demo."""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

LOCAL_NAMES = {"localhost", "localhost.localdomain"}


@checks.register(checks.Tags.security, deploy=True)
def check_public_url(app_configs=None, **kwargs):
    """Every link that leaves the hub (Track my report links sent to victims, support
    services' acknowledgement links, the status callback address in takedown referrals) is
    built on HUB_PUBLIC_URL: left at the demo's address, each of them is broken for everyone
    but this machine."""
    url = settings.HUB_PUBLIC_URL
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    hint = "Set HUB_PUBLIC_URL to the hub's public address, e.g. https://hub.example.police.uk"
    if not parts.scheme or not host:
        return [checks.Error(f"HUB_PUBLIC_URL ({url!r}) is not an absolute address.", hint=hint,
                             id="core.E001")]  # fmt: skip
    found = []
    if host in LOCAL_NAMES or host.endswith(".localhost") or _is_loopback(host):
        found.append(
            checks.Warning(
                f"HUB_PUBLIC_URL ({url}) is this machine's own address: links sent to victims, "
                "support services and platforms will not open for anyone else.",
                hint=hint,
                id="core.W001",
            )
        )
    elif parts.scheme != "https":
        found.append(
            checks.Warning(
                f"HUB_PUBLIC_URL ({url}) is not HTTPS: links sent to victims would carry their "
                "Track my report codes unencrypted.",
                hint=hint,
                id="core.W002",
            )
        )
    return found


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
