"""Surge alerts: an hour in which one series of reports ran far above its expected level.

An alert is about a volume (all reports, a strand, a platform, a force, one piece of content),
never about a person. It keeps the figures it was raised on and the reports behind it.
"""

from django.conf import settings
from django.db import models


class Alert(models.Model):
    class Kind(models.TextChoices):
        ALL = "all", "All reports"
        STRAND = "strand", "Targeted characteristic"
        PLATFORM = "platform", "Platform"
        FORCE = "force", "Allocated force"
        CONTENT = "content", "One piece of content (a case)"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=100, help_text="Strand or platform code, force or case id")
    label = models.CharField(max_length=200)
    # Set for a force's series and for content (its case), so a force user sees their own.
    force = models.ForeignKey(
        "jurisdiction.Force", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    window_start = models.DateTimeField()
    window_end = models.DateTimeField()
    count = models.PositiveIntegerField()
    expected = models.FloatField(help_text="Reports expected in the hour")
    dispersion = models.FloatField(default=1.0, help_text="Variance over mean of the baseline")
    p_value = models.FloatField(help_text="Chance of at least this many at the expected level")
    baseline_weeks = models.PositiveSmallIntegerField()
    detected_at = models.DateTimeField()
    reports = models.ManyToManyField("reports.Report", related_name="+")
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledgement_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-window_start", "-count"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "window_start"], name="one_alert_per_series_hour"
            )
        ]
        indexes = [models.Index(fields=["-window_start"], name="alert_recent")]

    def __str__(self) -> str:
        return f"{self.label}: {self.count} reports from {self.window_start:%Y-%m-%d %H:%M}"

    @property
    def ratio(self) -> float:
        return self.count / self.expected if self.expected else float("inf")
