"""What people and partners sent: the receipt of a report as it arrived, the report as recorded,
the reporter's personal data apart from it, the URLs and accounts it names, and the strands it
says were targeted. The records every use case builds on
(intake writes them, matching reads them, a case groups them). The tables keep the names they had
in `intake` (issue 18): the models moved, the rows did not."""

from django.conf import settings
from django.db import models

from hatehub.core.encryption import EncryptedTextField

from .choices import ROUTINE, ContactMethod, ReporterRole, Source, YesNoUnsure


class Strand(models.Model):
    """A characteristic the reporter believes was targeted (seeded by migration)."""

    code = models.SlugField(max_length=30, unique=True)
    label = models.CharField(max_length=60)
    monitored = models.BooleanField(default=False, help_text="One of the five national strands")

    class Meta:
        db_table = "intake_strand"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.label


class Report(models.Model):
    """What one person or partner sent. Personal data about the reporter is in `Complainant`."""

    # Set on a new report or receipt only, to show the reporter once; never stored (the hash is).
    tracking_secret: str
    reference = models.CharField(max_length=14, unique=True)
    source = models.CharField(max_length=20, choices=Source.choices)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(db_index=True)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="reports")

    reporter_role = models.CharField(max_length=20, choices=ReporterRole.choices)
    description = models.TextField()
    quoted_text = models.TextField(
        blank=True, help_text="What the post said, as the reporter copied it"
    )
    occurred_on = models.DateField(null=True, blank=True)
    platform = models.CharField(max_length=30, db_index=True)
    platform_other = models.CharField(max_length=100, blank=True)
    strands = models.ManyToManyField(Strand, related_name="reports")
    strand_other = models.CharField(max_length=200, blank=True)
    poster_identity_known = models.BooleanField(default=False)
    poster_identity_details = models.TextField(blank=True)
    future_event = models.CharField(
        max_length=10, choices=YesNoUnsure.choices, default=YesNoUnsure.NO
    )
    future_event_details = models.TextField(blank=True)
    poster_location = models.CharField(max_length=300, blank=True)
    anonymous = models.BooleanField(default=False)

    # Partner intake: the key a retried request repeats, and the partner's own reference.
    idempotency_key = models.CharField(max_length=200, null=True, blank=True)
    idempotency_fingerprint = models.CharField(max_length=64, blank=True)
    partner_reference = models.CharField(max_length=100, blank=True)
    # Its quoted words are still to be scored for the case's content signal: the batch recorder
    # leaves that to a task run right after the batch commits (`intake.scoring`), so the model's
    # milliseconds a text are not spent inside the recording transaction.
    signal_pending = models.BooleanField(default=False)

    class Meta:
        db_table = "intake_report"
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(
                fields=["id"],
                condition=models.Q(signal_pending=True),
                name="report_signal_pending",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "idempotency_key"], name="one_report_per_idempotency_key"
            )
        ]

    def __str__(self) -> str:
        return self.reference


class Complainant(models.Model):
    """The reporter's and victim's personal data, kept apart so it can be protected, exported
    and erased on its own."""

    # Names, contact details and where the victim lives are encrypted at rest
    # (hatehub.core.encryption): never filter or sort on them in SQL.
    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="complainant")
    name = EncryptedTextField(blank=True)
    email = EncryptedTextField(blank=True)
    phone = EncryptedTextField(blank=True)
    contact_method = models.CharField(max_length=10, choices=ContactMethod.choices, blank=True)
    safe_to_leave_message = models.BooleanField(default=False)
    contact_notes = EncryptedTextField(
        blank=True, help_text="When and how it is safe to make contact"
    )
    victim_postcode = EncryptedTextField(blank=True)
    victim_town = EncryptedTextField(blank=True)
    support_referral_consent = models.BooleanField(default=False)
    # Victims' Code updates (hatehub.victims): the language to write in, times not to make
    # contact (hatehub.victims.contact.WINDOWS) and whether letters may be sent, and where.
    language = models.CharField(
        max_length=2, choices=[("en", "English"), ("cy", "Cymraeg (Welsh)")], default="en"
    )
    avoid_contact_times = models.JSONField(default=list, blank=True)
    post_allowed = models.BooleanField(default=False)
    postal_address = EncryptedTextField(blank=True)

    class Meta:
        db_table = "intake_complainant"

    def __str__(self) -> str:
        return f"Complainant for {self.report}"


class ContentItem(models.Model):
    """A reported URL as given, with what matching read from it: the canonical key every variant
    of the URL shares, the platform, the content id and the account that posted it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="content_items")
    url = models.URLField(max_length=2000)
    canonical_url = models.CharField(max_length=2000, blank=True)
    platform = models.CharField(max_length=30, blank=True)
    content_id = models.CharField(max_length=200, blank=True)
    account = models.ForeignKey(
        "matching.OnlineAccount",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="content_items",
    )

    class Meta:
        db_table = "intake_contentitem"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.url


class AccountMention(models.Model):
    """An account the reporter named, as given, and the `OnlineAccount` it was found to be."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="accounts")
    platform = models.CharField(max_length=30)
    handle = models.CharField(max_length=200)
    platform_user_id = models.CharField(
        max_length=100, blank=True, help_text="The platform's own id, when the reporter knew it"
    )
    account = models.ForeignKey(
        "matching.OnlineAccount",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentions",
    )

    class Meta:
        db_table = "intake_accountmention"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.platform}:{self.handle}"


class ReceivedReport(models.Model):
    """A report as it was acknowledged: its reference is given to the sender at once, and a task
    then records it (matching, its case, the Victims' Code clock, the audit log). Taking a
    report is one row, so a surge is acknowledged at the speed of the database; recording
    follows as the workers allow. Recording empties `submission` and the sender's address: the
    report and its audit entries hold them, so a recorded receipt keeps no personal data."""

    # Set on a new report or receipt only, to show the reporter once; never stored (the hash is).
    tracking_secret: str
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
    # The first urgency (intake/routing.py), set on receipt so that in a backlog a report about a
    # future event is recorded, and reaches the triage queue, before routine ones.
    urgency = models.PositiveSmallIntegerField(default=ROUTINE)
    recorded_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        db_table = "intake_receivedreport"
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
