"""When the demo's reports arrive: several weeks of history with the shape real reporting has
(pure: no Django), so the analytics show trends and the surge check finds what it would have
found, not one spike of every report in the hour the demo was made.

- **Daily shape**: few reports overnight, more through the day, most in the evening, when
  people are on their phones (`HOUR_WEIGHTS`); weekends busier than weekdays
  (`WEEKDAY_WEIGHTS`). These are illustrative, not measured: the hub's own figures replace
  them in production, since the surge check learns each hour of the week from the history.
- **Shared posts**: a post that is shared widely is reported by many people over the next day
  or two, most in the first hours (an exponential decay, thinned by the daily shape).
- **A match day**: one Saturday, abuse of a player after the final whistle brings a burst of
  reports of one post in the hour after the match and a tail over the evening. That is the
  one surge the demo's history holds.

Times are naive local wall-clock times; the caller makes them aware.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

# Relative report volume by hour of the day (0 = midnight to 1am). Illustrative.
HOUR_WEIGHTS = (
    0.5, 0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 0.7, 0.9, 1.0, 1.0, 1.1,
    1.2, 1.2, 1.2, 1.3, 1.4, 1.6, 1.9, 2.2, 2.4, 2.3, 1.8, 1.0,
)  # fmt: skip
# Monday to Sunday. Illustrative.
WEEKDAY_WEIGHTS = (1.0, 0.95, 0.95, 1.0, 1.1, 1.35, 1.3)

BACKGROUND, SHARED, MATCH = "background", "shared", "match"


@dataclass(frozen=True)
class Arrival:
    at: datetime
    kind: str  # BACKGROUND (a post of its own), SHARED (one of the shared posts) or MATCH
    post: int = -1  # which shared post (SHARED); -1 otherwise


@dataclass(frozen=True)
class Plan:
    start: datetime
    end: datetime
    match_final_whistle: datetime
    arrivals: list[Arrival]


def _weight(moment: datetime) -> float:
    return HOUR_WEIGHTS[moment.hour] * WEEKDAY_WEIGHTS[moment.weekday()]


_MAX_WEIGHT = max(HOUR_WEIGHTS) * max(WEEKDAY_WEIGHTS)


def _background_time(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """A moment between start and end, drawn with the daily and weekly shape (rejection)."""
    span = (end - start).total_seconds()
    while True:
        moment = start + timedelta(seconds=rng.random() * span)
        if rng.random() * _MAX_WEIGHT < _weight(moment):
            return moment


def _after(
    rng: random.Random, posted: datetime, end: datetime, *, mean_hours: float
) -> datetime | None:
    """A report of a post: an exponential delay after it was posted, thinned by the daily
    shape (people report less at night). None if it would fall after `end`."""
    for _ in range(1000):
        moment = posted + timedelta(hours=rng.expovariate(1 / mean_hours))
        if moment >= end:
            return None
        if rng.random() * max(HOUR_WEIGHTS) < HOUR_WEIGHTS[moment.hour]:
            return moment
    return None


def match_day(after: datetime) -> datetime:
    """The final whistle (16:55) of the first Saturday after `after`'s day."""
    day = after.date() + timedelta(days=1)
    while day.weekday() != 5:
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, 16, 55)


def plan(
    count: int,
    *,
    end: datetime,
    seed: int,
    weeks: int = 6,
    shared_posts: int = 6,
    shared_share: float = 0.3,
    match_reports: int = 22,
    baseline_weeks: int = 4,
) -> Plan:
    """`count` arrivals over the `weeks` weeks before `end`, sorted by time. With fewer than
    about 100 reports the match day is left out (it would be most of the history). The match
    is on the first Saturday after `baseline_weeks` of history (HUB_SURGE_WEEKS' default), so the
    surge check has its baseline before it, whatever day and hour the demo is made."""
    rng = random.Random(seed)
    start = end - timedelta(weeks=weeks)
    whistle = match_day(start + timedelta(weeks=baseline_weeks))
    arrivals: list[Arrival] = []
    if count >= 100:
        # Most in the hour after the whistle, the rest through the evening.
        first_hour = round(match_reports * 0.7)
        for index in range(match_reports):
            if index < first_hour:
                moment = whistle + timedelta(minutes=5 + rng.random() * 60)
            else:
                moment = whistle + timedelta(minutes=65 + rng.expovariate(1 / 120))
            arrivals.append(Arrival(min(moment, end - timedelta(minutes=1)), MATCH))
    remaining = count - len(arrivals)
    shared_total = round(remaining * shared_share) if shared_posts else 0
    # Each shared post appears at an ordinary (shaped) time, in the first weeks or the last;
    # its reports follow it.
    posted = [_background_time(rng, start, end - timedelta(hours=6)) for _ in range(shared_posts)]
    made = 0
    while made < shared_total:
        post = made % shared_posts
        moment = _after(rng, posted[post], end, mean_hours=14)
        if moment is not None:
            arrivals.append(Arrival(moment, SHARED, post))
            made += 1
    while len(arrivals) < count:
        arrivals.append(Arrival(_background_time(rng, start, end), BACKGROUND))
    arrivals.sort(key=lambda arrival: arrival.at)
    return Plan(start=start, end=end, match_final_whistle=whistle, arrivals=arrivals)
