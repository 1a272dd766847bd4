"""The victims app's settings, as typed values. hatehub/settings.py reads them from the
environment, with the defaults documented in docs/victims.md; tests change them with the
`settings` fixture."""

import datetime as dt

from django.conf import settings

from hatehub.victims.calendar import Nation


def _value(name: str) -> str:
    return str(getattr(settings, name))


def _int(name: str) -> int:
    return int(getattr(settings, name))


def enhanced_by_default() -> bool:
    """Hate crime victims have enhanced rights (1 working day) unless configured otherwise."""
    return bool(settings.HUB_VICTIMS_ENHANCED_BY_DEFAULT)


def hub_nation() -> Nation:
    """Whose bank holidays count while the hub (not a force) holds the case."""
    return Nation.parse(_value("HUB_VICTIMS_NATION"))


def extra_closures() -> frozenset[dt.date]:
    raw = _value("HUB_VICTIMS_EXTRA_CLOSURES")
    return frozenset(dt.date.fromisoformat(item.strip()) for item in raw.split(",") if item.strip())


def public_url() -> str:
    """Where the public pages are, for links in messages (no trailing slash)."""
    return _value("HUB_PUBLIC_URL").rstrip("/") or "http://127.0.0.1:8000"


def reply_to() -> str:
    return _value("HUB_VICTIMS_REPLY_TO")


def track_max_failures_per_reference() -> int:
    return _int("HUB_TRACK_MAX_FAILURES_PER_REFERENCE")


def track_max_failures_per_ip() -> int:
    return _int("HUB_TRACK_MAX_FAILURES_PER_IP")


def track_lockout() -> dt.timedelta:
    return dt.timedelta(minutes=_int("HUB_TRACK_LOCKOUT_MINUTES"))


def track_link_days() -> int:
    return _int("HUB_TRACK_LINK_DAYS")


def track_session_minutes() -> int:
    return _int("HUB_TRACK_SESSION_MINUTES")
