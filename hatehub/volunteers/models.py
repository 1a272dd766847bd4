"""Volunteers: their invitations, and what they send in bulk.

A volunteer is a `User` with the volunteer role in a partner `Organisation`. Each address they
send becomes an ordinary `reports.Report` (so matching, assessment and the case work treat it like
any other); `Submission` ties that report to the volunteer, their organisation and the batch it
came in, and `Batch` keeps the per-row error report of an upload.
"""

from django.conf import settings
from django.db import models


class Invitation(models.Model):
    """A single-use link for a new volunteer to choose a password. Only the token's hash is
    kept: the link is shown once, to the supervisor who made it (and sent by email)."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_invitations"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="volunteer_invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.volunteer}"


class Batch(models.Model):
    """One bulk submission: a form of several addresses or a CSV file."""

    class Method(models.TextChoices):
        FORM = "form", "Form"
        CSV = "csv", "CSV file"

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="volunteer_batches"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="volunteer_batches",
    )
    method = models.CharField(max_length=10, choices=Method.choices)
    filename = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()
    rows = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    joined_existing = models.PositiveIntegerField(default=0)
    # [{"row": 7, "column": "url", "reason": "..."}]: the rows not imported, and why.
    errors = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Batch {self.pk} by {self.volunteer}"


class Submission(models.Model):
    """One address a volunteer sent, and the report it became."""

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="submissions")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="volunteer_submissions"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="volunteer_submissions",
    )
    report = models.OneToOneField(
        "reports.Report", on_delete=models.PROTECT, related_name="volunteer_submission"
    )
    row = models.PositiveIntegerField(help_text="Row of the file or line of the form")
    url = models.URLField(max_length=2000)
    platform = models.CharField(max_length=30)
    notes = models.TextField(blank=True)
    submitted_at = models.DateTimeField()
    # Matching found the case already open when this arrived (it joined that case).
    joined_existing = models.BooleanField(default=False)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["volunteer", "-submitted_at"], name="volunteer_submissions"),
            models.Index(fields=["organisation", "-submitted_at"], name="organisation_submissions"),
        ]

    def __str__(self) -> str:
        return f"{self.url} ({self.report_id})"
