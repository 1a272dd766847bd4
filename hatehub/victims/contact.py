"""When and how a complainant may be contacted (pure: no Django).

Safe-contact preferences the reporter gives (DOMAIN.md s8 and the issue's "times to avoid"):
windows of the week when the hub must not send anything. The three weekday windows cover the
whole day, so a reporter may avoid any of them but not all of them and the weekend too.
Times are Europe/London civil time, like the Victims' Code clocks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from hatehub.victims.clocks import LONDON

__all__ = ["WINDOWS", "WindowError", "allowed", "check_windows", "next_allowed"]

#: code -> (label, weekday start hour, weekday end hour); "weekends" is every hour of Sat/Sun.
WINDOWS: dict[str, tuple[str, int, int]] = {
    "weekday_mornings": ("Weekday mornings (before 12 noon)", 0, 12),
    "weekday_afternoons": ("Weekday afternoons (12 noon to 5pm)", 12, 17),
    "weekday_evenings": ("Weekday evenings (after 5pm)", 17, 24),
    "weekends": ("Weekends", 0, 24),
}
WINDOW_LABELS_CY = {
    "weekday_mornings": "Boreau yn ystod yr wythnos (cyn 12 canol dydd)",
    "weekday_afternoons": "Prynhawniau yn ystod yr wythnos (12 canol dydd i 5pm)",
    "weekday_evenings": "Nosweithiau yn ystod yr wythnos (ar ôl 5pm)",
    "weekends": "Penwythnosau",
}
WEEKDAY_WINDOWS = ("weekday_mornings", "weekday_afternoons", "weekday_evenings")


class WindowError(ValueError):
    pass


def check_windows(avoid: Iterable[str]) -> frozenset[str]:
    """The windows as a set; refuses unknown codes and a choice that leaves no time at all."""
    chosen = frozenset(avoid)
    unknown = chosen - set(WINDOWS)
    if unknown:
        raise WindowError(f"Unknown contact window(s): {', '.join(sorted(unknown))}")
    if chosen >= set(WEEKDAY_WINDOWS) and "weekends" in chosen:
        raise WindowError("At least one time must be left when we can contact you")
    return chosen


def _local(at: dt.datetime) -> dt.datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise TypeError("Pass an aware datetime")
    return at.astimezone(LONDON)


def _blocked(local: dt.datetime, avoid: frozenset[str]) -> bool:
    if local.weekday() >= 5:
        return "weekends" in avoid
    return any(
        WINDOWS[code][1] <= local.hour < WINDOWS[code][2]
        for code in avoid
        if code in WEEKDAY_WINDOWS
    )


def allowed(at: dt.datetime, avoid: Iterable[str]) -> bool:
    """May the hub send at ``at`` given the windows to avoid?"""
    return not _blocked(_local(at), check_windows(avoid))


def next_allowed(at: dt.datetime, avoid: Iterable[str]) -> dt.datetime:
    """``at`` itself when allowed, otherwise the first whole local hour after it that is (as an
    aware datetime in Europe/London). Hours are the windows' grain, so stepping by the hour
    finds the start of the next open window; a week of hours is always enough."""
    chosen = check_windows(avoid)
    local = _local(at)
    if not _blocked(local, chosen):
        return at
    candidate = local.replace(minute=0, second=0, microsecond=0)
    for _ in range(24 * 8):
        # Step in UTC so the clock changes in spring and autumn neither skip nor repeat hours.
        candidate = (candidate.astimezone(dt.UTC) + dt.timedelta(hours=1)).astimezone(LONDON)
        if not _blocked(candidate, chosen):
            return candidate
    raise WindowError("No time is left when we can contact this person")  # pragma: no cover
