"""Reads of the reports' records that pages of apps above need."""

from dataclasses import dataclass
from datetime import datetime

from django.db import models

from .choices import URGENT
from .models import ReceivedReport


@dataclass(frozen=True)
class RecordingBacklog:
    """Reports acknowledged but not yet recorded: shown on the queue during a surge."""

    waiting: int
    failing: int  # recording failed at least once (the error is kept on the receipt)
    urgent: int  # about a future event: recorded ahead of the rest
    oldest: datetime | None


def recording_backlog() -> RecordingBacklog:
    waiting = ReceivedReport.objects.filter(recorded_at__isnull=True).aggregate(
        waiting=models.Count("pk"),
        failing=models.Count("pk", filter=models.Q(attempts__gt=0)),
        urgent=models.Count("pk", filter=models.Q(urgency=URGENT)),
        oldest=models.Min("received_at"),
    )
    return RecordingBacklog(**waiting)
