from django.conf import settings
from django.db import models

from hatehub.core.encryption import EncryptedTextField
from hatehub.reports.choices import Source
from hatehub.reports.models import Report

from .routing import ROUTINE


class ReceivedReport(models.Model):
    """A report as it was acknowledged: its reference is given to the sender at once, and a task
    then records it (matching, its case, the Victims' Code clock, the audit log). Taking a
    report is one row, so a surge is acknowledged at the speed of the database; recording
    follows as the workers allow. Recording empties `submission` and the sender's address: the
    report and its audit entries hold them, so a recorded receipt keeps no personal data."""

    reference = models.CharField(max_length=14, unique=True)
    received_at = models.DateTimeField()
    source = models.CharField(max_length=20, choices=Source.choices)
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    idempotency_key = models.CharField(max_length=200, null=True, blank=True)
    idempotency_fingerprint = models.CharField(max_length=64, blank=True)
    partner_reference = models.CharField(max_length=100, blank=True)
    # The validated report as JSON (encrypted: it holds the reporter's details) until recorded.
    submission = EncryptedTextField(blank=True)
    tracking_secret_hash = models.CharField(max_length=100, blank=True)
    # Who sent it, from where: the audit entries written when it is recorded carry these.
    actor_label = models.CharField(max_length=200, blank=True)
    ip_address = models.CharField(max_length=64, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    request_path = models.CharField(max_length=300, blank=True)

    report = models.OneToOneField(
        Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="receipt"
    )
    # The first urgency (routing.py), set on receipt so that in a backlog a report about a
    # future event is recorded, and reaches the triage queue, before routine ones.
    urgency = models.PositiveSmallIntegerField(default=ROUTINE)
    recorded_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "idempotency_key"], name="one_receipt_per_idempotency_key"
            )
        ]
        indexes = [
            # The recording workers' queue: the most urgent, then oldest, waiting receipt, read
            # from the index's head however many thousands a surge has left waiting.
            models.Index(
                fields=["urgency", "id"],
                condition=models.Q(recorded_at__isnull=True, attempts=0),
                name="intake_receipt_queue_idx",
            )
        ]

    def __str__(self) -> str:
        return self.reference
