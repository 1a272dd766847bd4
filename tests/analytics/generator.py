"""A seeded generator of report traffic for surge tests: a normal week has a daily and weekly
rhythm and bursts (gamma-Poisson counts), a mix of platforms and characteristics, and posts
that a few people report over some hours; a surge is many reports of one post in minutes."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

PLATFORMS = {
    "x": 0.35,
    "facebook": 0.2,
    "instagram": 0.12,
    "tiktok": 0.12,
    "youtube": 0.08,
    "reddit": 0.05,
    "telegram": 0.04,
    "bluesky": 0.04,
}
STRANDS = {
    "race": 0.5,
    "religion": 0.15,
    "sexual_orientation": 0.15,
    "disability": 0.08,
    "transgender": 0.07,
    "other": 0.05,
}


@dataclass(frozen=True)
class Event:
    at: datetime  # local wall-clock time, naive
    platform: str
    strand: str
    content: int  # the post reported: reports of one post share it (one case)


def hourly_rate(moment: datetime, mean: float) -> float:
    """Quiet at night, busy in the evening, busier at the weekend."""
    hour = moment.hour + 0.5
    daily = 1.0 + 0.8 * math.sin((hour - 10) / 24 * 2 * math.pi)
    weekend = 1.25 if moment.weekday() >= 5 else 1.0
    return mean * daily * weekend


class Traffic:
    def __init__(self, seed: int, mean_per_hour: float = 2.0, burstiness: float = 8.0):
        self.rng = np.random.default_rng(seed)
        self.mean = mean_per_hour
        self.shape = burstiness  # gamma shape: lower is burstier
        self.next_content = 1
        self.live_posts: list[int] = []

    def _choice(self, weights: dict[str, float]) -> str:
        names = list(weights)
        return str(
            self.rng.choice(names, p=np.array(list(weights.values())) / sum(weights.values()))
        )

    def _content(self) -> int:
        # Some reports are of a post others have reported in the last hours; most are new.
        if self.live_posts and self.rng.random() < 0.3:
            return int(self.rng.choice(self.live_posts))
        self.next_content += 1
        self.live_posts = [*self.live_posts[-5:], self.next_content]
        return self.next_content

    def normal(self, start: datetime, hours: int) -> list[Event]:
        events = []
        for h in range(hours):
            hour = start + timedelta(hours=h)
            rate = hourly_rate(hour, self.mean) * self.rng.gamma(self.shape, 1 / self.shape)
            for _ in range(self.rng.poisson(rate)):
                minute = int(self.rng.integers(0, 60))
                events.append(
                    Event(
                        hour + timedelta(minutes=minute),
                        self._choice(PLATFORMS),
                        self._choice(STRANDS),
                        self._content(),
                    )
                )
        return events

    def surge(
        self, start: datetime, reports: int, minutes: int, *, platform: str, strand: str
    ) -> list[Event]:
        """Many people report one post within `minutes` of `start`."""
        self.next_content += 1
        post = self.next_content
        return [
            Event(
                start + timedelta(seconds=int(self.rng.integers(0, minutes * 60))),
                platform,
                strand,
                post,
            )
            for _ in range(reports)
        ]
