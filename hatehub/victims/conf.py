"""The victims app's settings: read from Django settings when the project defines them, else
from the environment, with the defaults documented in docs/victims.md."""

import datetime as dt
import os

from django.conf import settings

from hatehub.victims.calendar import Nation
from hatehub.victims.clocks import HATE_CRIME_ENHANCED_BY_DEFAULT


def _value(name: str, default: str) -> str:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, default)
    return str(value)


def _bool(name: str, default: bool) -> bool:
    value = getattr(settings, name, None)
    if isinstance(value, bool):
        return value
    if value is None:
        value = os.environ.get(name)
    if value is None:
        return default
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    return int(_value(name, str(default)))


def enhanced_by_default() -> bool:
    """Hate crime victims have enhanced rights (1 working day) unless configured otherwise."""
    return _bool("HUB_VICTIMS_ENHANCED_BY_DEFAULT", HATE_CRIME_ENHANCED_BY_DEFAULT)


def hub_nation() -> Nation:
    """Whose bank holidays count while the hub (not a force) holds the case."""
    return Nation.parse(_value("HUB_VICTIMS_NATION", Nation.ENGLAND_AND_WALES.value))


def extra_closures() -> frozenset[dt.date]:
    raw = _value("HUB_VICTIMS_EXTRA_CLOSURES", "")
    return frozenset(dt.date.fromisoformat(item.strip()) for item in raw.split(",") if item.strip())


def public_url() -> str:
    """Where the public pages are, for links in messages (no trailing slash)."""
    return _value("HUB_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/") or "http://127.0.0.1:8000"


def reply_to() -> str:
    return _value("HUB_VICTIMS_REPLY_TO", "")


def track_max_failures_per_reference() -> int:
    return _int("HUB_TRACK_MAX_FAILURES_PER_REFERENCE", 5)


def track_max_failures_per_ip() -> int:
    return _int("HUB_TRACK_MAX_FAILURES_PER_IP", 20)


def track_lockout() -> dt.timedelta:
    return dt.timedelta(minutes=_int("HUB_TRACK_LOCKOUT_MINUTES", 15))


def track_link_days() -> int:
    return _int("HUB_TRACK_LINK_DAYS", 28)


def track_session_minutes() -> int:
    return _int("HUB_TRACK_SESSION_MINUTES", 30)
