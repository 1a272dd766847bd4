"""Retention reviews and the erasure log. Neither holds personal data: a review names a record
by type, id and reference; the erasure log keeps what, when, who, why and how many rows and
files went (DPA 2018 s62: erasure logs keep metadata only)."""

from django.conf import settings
from django.db import models


class RetentionReview(models.Model):
    """One record due for review under the retention schedule, and the supervisor's decision:
    keep until a date (with the reason) or erase."""

    class Status(models.TextChoices):
        DUE = "due", "Due for review"
        KEPT = "kept", "Kept"
        ERASED = "erased", "Erased"

    class Decision(models.TextChoices):
        KEEP = "keep", "Keep"
        ERASE = "erase", "Erase"

    record_type = models.CharField(max_length=30)
    record_id = models.PositiveBigIntegerField()
    reference = models.CharField(max_length=30, blank=True)
    rule_id = models.CharField(max_length=100)
    due_on = models.DateField(db_index=True)
    found_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DUE)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    keep_until = models.DateField(null=True, blank=True)
    keep_reason = models.CharField(
        max_length=500, blank=True, help_text="Why it is kept (no personal data)"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["record_type", "record_id"],
                condition=models.Q(status="due"),
                name="one_open_review_per_record",
            )
        ]
        indexes = [models.Index(fields=["record_type", "record_id"], name="review_by_record")]

    def __str__(self) -> str:
        return f"{self.record_type} {self.reference or self.record_id}: {self.status}"


class ErasureLog(models.Model):
    """What was erased, when, by whom and why, with counts: never names, text or contacts."""

    class Why(models.TextChoices):
        SCHEDULE = "schedule", "Retention schedule (automatic)"
        REVIEW = "review", "Retention review decision"
        REQUEST = "request", "Erasure request"
        NCHI = "nchi", "NCHI recorded without the subject's personal data"

    record_type = models.CharField(max_length=30)
    record_id = models.PositiveBigIntegerField()
    reference = models.CharField(max_length=30, blank=True)
    erased_at = models.DateTimeField(db_index=True)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    erased_by_label = models.CharField(max_length=200)
    why = models.CharField(max_length=10, choices=Why.choices)
    rule_id = models.CharField(max_length=100, blank=True)
    # The kind of request or basis (e.g. "DPA 2018 s47 request"): chosen, never free text.
    basis = models.CharField(max_length=100, blank=True)
    counts = models.JSONField(default=dict)

    BASES = {
        "dpa_s47_request": "Request to erase (Data Protection Act 2018 s47)",
        "no_longer_necessary": "No longer necessary for a policing purpose (s39)",
        "recorded_in_error": "Recorded in error",
    }

    class Meta:
        ordering = ["-erased_at", "-pk"]
        indexes = [models.Index(fields=["record_type", "record_id"], name="erasure_by_record")]

    def __str__(self) -> str:
        return f"{self.record_type} {self.reference or self.record_id} erased ({self.why})"

    @property
    def removed(self) -> list[tuple[str, int]]:
        """What was removed, in words ("Match keys", 2), from counts stored by app and kind
        ("matching.match_keys")."""
        return [
            (key.rpartition(".")[2].replace("_", " ").capitalize(), count)
            for key, count in self.counts.items()
            if count
        ]

    @property
    def basis_label(self) -> str:
        """The basis in words, as the officer chose it (the stored value is its code)."""
        return self.BASES.get(self.basis, self.basis)
