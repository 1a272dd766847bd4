"""Surge detection: is this hour's report count far above what is normal for that hour of the
week? A pure module (no Django): the caller gives hourly counts, it answers with surges.

The model, per series (all reports, a strand, a platform, a force, one piece of content):

- **Expected level**: the mean count in the same hour of the week over the previous `weeks`
  weeks, taking the hour either side too (so a surge that starts at 14:55 last week does not
  make 15:00 look quiet), shrunk (with the weight of `shape_weight` hours) towards a smoother
  shape: the same hour of the day over every day of those weeks, scaled by how busy that day
  of the week is, itself shrunk towards the series' overall hourly mean. A thin series (a
  platform with a report every few hours) has too few same-hour-of-the-week samples to stand
  alone; shrinking keeps it from expecting exactly 0, when any report at all would be
  "infinitely" surprising. It is never below `min_expected`.
- **Spread**: report counts are burstier than a Poisson process (one post is shared, many
  people report it). The dispersion `phi` is estimated from the history (Pearson's chi-squared
  of each hour against its hour-of-week mean, per degree of freedom; quasi-Poisson), and the
  tail is read from a negative binomial with that mean and variance `phi * mean`; when `phi`
  is 1 (or the history is too short to say) it is the Poisson tail.
- **Alert** when P(X >= count) < `p_value` and the count reaches `min_count`. A hub with a few
  dozen series tested every hour runs thousands of tests a week, so the threshold is small:
  at 1e-6, 8,000 tests a week would raise a false alarm about once in two years if the model
  were exact. On 30 seeded synthetic normal weeks (tests/analytics/generator.py) the smallest
  p-value was 1e-5; a surge of a few dozen reports of one post in an hour scores below 1e-20.

It predicts volumes only. Nothing here scores a person.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from scipy.stats import nbinom, poisson

HOUR = timedelta(hours=1)
HOURS_PER_WEEK = 168


@dataclass(frozen=True)
class Settings:
    weeks: int = 4  # how many previous weeks the baseline reads
    p_value: float = 1e-6  # alert below this upper-tail probability (see the module doc)
    min_count: int = 5  # ...and only from this many reports in the hour
    min_expected: float = 0.2  # the expected level is never below this (reports per hour)
    prior_hours: float = 3.0  # weight, in hours, of the series' overall mean in its shape
    shape_weight: float = 12.0  # weight, in hours, of the daily shape against the weekly one
    neighbour_hours: int = 1  # hours either side of the same hour of the week
    max_dispersion: float = 20.0


@dataclass(frozen=True)
class Series:
    """What is counted: `kind` is all, strand, platform, force or content (one case)."""

    kind: str
    key: str
    label: str


@dataclass(frozen=True)
class Expected:
    level: float  # reports expected in the hour
    dispersion: float  # variance / mean, 1 for Poisson


@dataclass(frozen=True)
class Surge:
    series: Series
    window_start: datetime
    count: int
    expected: float
    dispersion: float
    p_value: float


@dataclass
class History:
    """Hourly counts of one series, keyed by the start of the hour in local wall-clock time
    (naive datetimes, so "the same hour a week ago" is the same clock time across a change to
    or from summer time). Hours not present had no reports."""

    counts: dict[datetime, int] = field(default_factory=dict)

    def add(self, hour: datetime, n: int = 1) -> None:
        self.counts[hour] = self.counts.get(hour, 0) + n

    def at(self, hour: datetime) -> int:
        return self.counts.get(hour, 0)


def hour_start(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def expected_level(history: History, window_start: datetime, settings: Settings) -> Expected:
    """The expected count for the hour starting `window_start`, from the `settings.weeks` weeks
    before it (the window itself is never part of its own baseline)."""
    baseline_start = window_start - timedelta(weeks=settings.weeks)
    baseline = [
        (hour, n) for hour, n in history.counts.items() if baseline_start <= hour < window_start
    ]
    overall = sum(n for _hour, n in baseline) / (settings.weeks * HOURS_PER_WEEK)
    offsets = range(-settings.neighbour_hours, settings.neighbour_hours + 1)

    # The same hour of the week: few samples, but the right ones.
    same_hour = [
        history.at(window_start - timedelta(weeks=week) + offset * HOUR)
        for week in range(1, settings.weeks + 1)
        for offset in offsets
    ]
    # A smoother shape for thin series: the same hour of the day on every day, scaled by how
    # busy this day of the week is.
    hour_of_day = [
        history.at(window_start - timedelta(days=day) + offset * HOUR)
        for day in range(1, settings.weeks * 7 + 1)
        for offset in offsets
    ]
    weekday_total = sum(n for hour, n in baseline if hour.weekday() == window_start.weekday())
    weekday_factor = weekday_total / (overall * 24 * settings.weeks) if overall else 1.0
    smooth = sum(hour_of_day) / len(hour_of_day) * weekday_factor

    # Shrink the hour-of-week mean towards the smooth shape, and that towards the overall mean.
    prior = (smooth * len(hour_of_day) + overall * settings.prior_hours) / (
        len(hour_of_day) + settings.prior_hours
    )
    weight = settings.shape_weight
    level = (sum(same_hour) + weight * prior) / (len(same_hour) + weight)
    return Expected(
        level=max(level, settings.min_expected),
        dispersion=dispersion(history, baseline_start, settings),
    )


def dispersion(history: History, baseline_start: datetime, settings: Settings) -> float:
    """Quasi-Poisson dispersion of the baseline weeks around their hour-of-week means:
    Pearson's chi-squared per degree of freedom, at least 1 (never narrower than Poisson)."""
    if settings.weeks < 2:
        return 1.0
    chi_squared = 0.0
    cells = 0
    for slot in range(HOURS_PER_WEEK):
        values = [
            history.at(baseline_start + (week * HOURS_PER_WEEK + slot) * HOUR)
            for week in range(settings.weeks)
        ]
        mean = sum(values) / len(values)
        if mean <= 0:
            continue
        chi_squared += sum((value - mean) ** 2 for value in values) / mean
        cells += 1
    degrees = cells * (settings.weeks - 1)
    if degrees == 0:
        return 1.0
    return min(max(chi_squared / degrees, 1.0), settings.max_dispersion)


def upper_tail(count: int, expected: Expected) -> float:
    """P(X >= count) for X with the expected level and spread."""
    if count <= 0:
        return 1.0
    mean, phi = expected.level, expected.dispersion
    if phi <= 1.0 + 1e-9:
        return float(poisson.sf(count - 1, mean))
    # Negative binomial with mean mu and variance phi * mu: n = mu / (phi - 1), p = 1 / phi.
    return float(nbinom.sf(count - 1, mean / (phi - 1.0), 1.0 / phi))


def check_hour(
    series: Series, history: History, window_start: datetime, settings: Settings
) -> Surge | None:
    """A surge in the hour starting `window_start`, or None."""
    count = history.at(window_start)
    if count < settings.min_count:
        return None
    expected = expected_level(history, window_start, settings)
    if count <= expected.level:
        return None
    p = upper_tail(count, expected)
    if p >= settings.p_value:
        return None
    return Surge(series, window_start, count, expected.level, expected.dispersion, p)


def detect(
    histories: Mapping[Series, History],
    windows: Iterable[datetime],
    settings: Settings | None = None,
    *,
    min_counts: Mapping[str, int] | None = None,
) -> list[Surge]:
    """Every surge in the given hours, across every series. `min_counts` may raise the minimum
    count for a kind of series (one piece of content is judged on its own volume)."""
    settings = settings or Settings()
    per_kind = {
        kind: replace(settings, min_count=minimum) for kind, minimum in (min_counts or {}).items()
    }
    hours = sorted({hour_start(window) for window in windows})
    found = []
    for series, history in histories.items():
        kind_settings = per_kind.get(series.kind, settings)
        for hour in hours:
            if history.counts.get(hour, 0) < kind_settings.min_count:
                continue  # most series, most hours: nothing to test
            surge = check_hour(series, history, hour, kind_settings)
            if surge is not None:
                found.append(surge)
    found.sort(key=lambda surge: (surge.window_start, surge.series.kind, surge.series.key))
    return found


def significance(p: float) -> str:
    """A p-value as a reader-friendly "1 in N" chance."""
    if p < 1e-15:
        return "less than 1 in a thousand million million"
    if p >= 1:
        return "certain"
    return f"1 in {math.floor(1 / p):,}"
