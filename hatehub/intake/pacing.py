"""How hard the recording workers may work during a surge (pure: no Django).

Acknowledging a report is one row; recording it (matching, the case, the audit log) costs ten
times as much, much of it in the database, where a worker's lower CPU priority does not reach.
So while reports arrive faster than a surge threshold, a worker records for a set share of its
time and pauses for the rest; the backlog waits, safely stored, until the surge passes."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SurgePacing:
    surge_rate: float  # reports received a second from which recording holds back
    share: float  # of a worker's time that recording may take meanwhile (0 < share <= 1)

    def pause_after(self, recording_seconds: float, arrival_rate: float) -> float:
        """Seconds to pause after a report that took `recording_seconds` to record."""
        if arrival_rate < self.surge_rate or self.share >= 1:
            return 0.0
        return recording_seconds * (1 - self.share) / max(self.share, 0.01)


@dataclass
class ArrivalRate:
    """Reports received a second, from the newest receipt's id read at most once a second
    (ids count receipts, give or take a refused retry)."""

    at: float = 0.0
    newest_id: int | None = None
    per_second: float = 0.0

    def update(self, now: float, newest_id: int) -> float:
        if self.newest_id is not None and now > self.at:
            self.per_second = max(newest_id - self.newest_id, 0) / (now - self.at)
        self.at, self.newest_id = now, newest_id
        return self.per_second

    def due(self, now: float) -> bool:
        return self.newest_id is None or now - self.at >= 1.0
