"""Time to removal, per item and per platform. Pure: no Django.

Time to removal runs from when the referral reached the platform (sent) to when the item was
first seen removed or restricted in the UK. The median is the usual middle value (the mean of
the two middle values for an even count); the 90th percentile uses the nearest-rank method (a
value that really occurred, no interpolation); both over taken-down items only. The removal
rate is removed (including UK geo-blocking) over items referred. An item is overdue when it is
still up (not removed, restricted or refused) past the platform's expected service level.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

# Statuses that end an item's wait: the platform acted, or said it would not.
TAKEN_DOWN = frozenset({"removed", "geo_blocked"})
CLOSED = TAKEN_DOWN | {"refused"}


@dataclass(frozen=True)
class ItemTimes:
    platform: str
    status: str
    sent_at: datetime | None
    removed_at: datetime | None
    service_level_hours: int


def hours_to_removal(item: ItemTimes) -> float | None:
    if item.sent_at is None or item.removed_at is None or item.status not in TAKEN_DOWN:
        return None
    return max((item.removed_at - item.sent_at).total_seconds(), 0.0) / 3600


def is_overdue(item: ItemTimes, now: datetime) -> bool:
    if item.sent_at is None or item.status in CLOSED:
        return False
    return now - item.sent_at > timedelta(hours=item.service_level_hours)


def removed_late(item: ItemTimes) -> bool:
    hours = hours_to_removal(item)
    return hours is not None and hours > item.service_level_hours


def nearest_rank(values: list[float], percentile: float) -> float | None:
    """The nearest-rank percentile (0 < percentile <= 100) of the values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(math.ceil(percentile / 100 * len(ordered)), 1)
    return ordered[rank - 1]


def median(values: list[float]) -> float | None:
    """The middle value; for an even count, the mean of the two middle values."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


@dataclass(frozen=True)
class PlatformFigures:
    platform: str
    service_level_hours: int
    referred: int
    acknowledged: int
    removed: int
    geo_blocked: int
    refused: int
    no_response: int
    open: int
    overdue: int
    removed_late: int
    median_hours: float | None
    p90_hours: float | None

    @property
    def removal_rate(self) -> float | None:
        taken_down = self.removed + self.geo_blocked
        return taken_down / self.referred if self.referred else None

    def as_dict(self) -> dict:
        data = dict(self.__dict__)
        data["removal_rate"] = self.removal_rate
        return data


def summarise(items: Iterable[ItemTimes], now: datetime) -> list[PlatformFigures]:
    """Figures per platform for items that have been sent (a draft is not a referral yet)."""
    grouped: dict[str, list[ItemTimes]] = {}
    for item in items:
        if item.sent_at is not None:
            grouped.setdefault(item.platform, []).append(item)
    result = []
    for platform, rows in sorted(grouped.items()):
        hours = [h for h in map(hours_to_removal, rows) if h is not None]
        count = {status: sum(1 for r in rows if r.status == status) for status in _STATUSES}
        result.append(
            PlatformFigures(
                platform=platform,
                service_level_hours=rows[-1].service_level_hours,
                referred=len(rows),
                acknowledged=count["acknowledged"],
                removed=count["removed"],
                geo_blocked=count["geo_blocked"],
                refused=count["refused"],
                no_response=count["no_response"],
                open=sum(1 for r in rows if r.status not in CLOSED),
                overdue=sum(1 for r in rows if is_overdue(r, now)),
                removed_late=sum(1 for r in rows if removed_late(r)),
                median_hours=median(hours),
                p90_hours=nearest_rank(hours, 90),
            )
        )
    return result


_STATUSES = ("acknowledged", "removed", "geo_blocked", "refused", "no_response")
