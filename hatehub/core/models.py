from django.db import models


class ScheduledRun(models.Model):
    """When a periodic job was last enqueued: shared by every scheduler process, so two of
    them never enqueue the same run."""

    name = models.CharField(max_length=100, unique=True)
    last_enqueued_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.name
