from django.conf import settings
from django.db import models


class Urgency(models.IntegerChoices):
    URGENT = 1, "Urgent"
    PRIORITY = 2, "Priority"
    ROUTINE = 3, "Routine"


class Case(models.Model):
    """The hub's unit of work: one incident or piece of content, with every report of it."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_ASSESSMENT = "in_assessment", "In assessment"
        ALLOCATED = "allocated", "Allocated to force"
        REFERRED = "referred", "Referred to platform"
        CLOSED = "closed", "Closed"
        MERGED = "merged", "Merged into another case"

    reference = models.CharField(max_length=20, unique=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    urgency = models.PositiveSmallIntegerField(choices=Urgency.choices, default=Urgency.ROUTINE)
    urgency_reason = models.CharField(max_length=300, blank=True)
    opened_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)
    allocated_force = models.ForeignKey(
        "jurisdiction.Force", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="absorbed_cases"
    )

    class Meta:
        ordering = ["urgency", "-opened_at"]
        indexes = [
            models.Index(fields=["urgency", "-opened_at"], name="case_queue_order"),
            models.Index(fields=["status", "urgency", "-opened_at"], name="case_queue_status"),
            models.Index(
                fields=["allocated_force", "urgency", "-opened_at"], name="case_queue_force"
            ),
        ]

    def __str__(self) -> str:
        return self.reference or f"case {self.pk}"


class CaseEvent(models.Model):
    """The case timeline: an append-only account of what happened and who did it, and why."""

    class Kind(models.TextChoices):
        OPENED = "opened", "Case opened"
        REPORT_ADDED = "report_added", "Report added"
        EVIDENCE_RECEIVED = "evidence_received", "Evidence received"
        STATUS_CHANGED = "status_changed", "Status changed"
        ALLOCATED = "allocated", "Allocated"
        MERGED = "merged", "Cases merged"
        SPLIT = "split", "Case split"
        NOTE = "note", "Note"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200)
    summary = models.CharField(max_length=500)
    # Marked for the complainant's eyes (updates) or internal only; most events are internal.
    visible_to_complainant = models.BooleanField(default=False)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.summary}"
