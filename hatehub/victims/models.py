"""Victims' Code clocks, the messages sent to complainants, and Track my report's credentials
and attempts. Complainant contact preferences live on `intake.Complainant`."""

from django.conf import settings
from django.db import models

CHANNEL_LABELS = {"email": "Email", "sms": "Text message", "letter": "Letter"}


class VictimUpdateDue(models.Model):
    """One Victims' Code duty for one complainant: started by a notifiable event, due by the end
    of `due` (a UK local date), met when the update goes out (or is given another way)."""

    class Status(models.TextChoices):
        OPEN = "open", "Due"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Not needed"

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="victim_updates")
    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="victim_updates"
    )
    event = models.CharField(max_length=40)
    event_at = models.DateTimeField()
    nation = models.CharField(max_length=20)
    enhanced = models.BooleanField()
    working_days = models.PositiveSmallIntegerField()
    due = models.DateField(db_index=True)
    rule = models.CharField(max_length=500)
    details = models.JSONField(default=dict, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who made the decision that started the clock, and so owns the update",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_how = models.CharField(max_length=200, blank=True)
    delivery_failed = models.BooleanField(default=False)

    class Meta:
        ordering = ["due", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "event", "event_at"], name="one_victim_clock_per_event"
            )
        ]
        indexes = [models.Index(fields=["status", "due"], name="victim_update_open_due")]

    def __str__(self) -> str:
        return f"{self.report}: {self.event} due {self.due}"


class VictimMessage(models.Model):
    """A message to a complainant, kept exactly as sent (subject and body with the real link)."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Waiting for a time the complainant allows"
        QUEUED = "queued", "Sending"
        SENT = "sent", "Sent"
        HELD = "held", "Held in the outbox (not sent)"
        FAILED = "failed", "Failed"

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="victim_messages")
    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="victim_messages"
    )
    update = models.ForeignKey(
        VictimUpdateDue, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    key = models.CharField(max_length=200, unique=True)
    event = models.CharField(max_length=40)
    outcome_code = models.PositiveSmallIntegerField(null=True, blank=True)
    nfa_reason = models.CharField(max_length=30, blank=True)
    language = models.CharField(max_length=2)
    channel = models.CharField(max_length=10)
    recipient = models.TextField()
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(help_text="The update as the complainant reads it (Track my report)")
    sent_text = models.TextField(
        help_text="Exactly what went out on the channel: the body, or the text message"
    )
    edited = models.BooleanField(default=False, help_text="The officer changed the drafted text")
    status = models.CharField(max_length=10, choices=Status.choices)
    send_after = models.DateTimeField(null=True, blank=True)
    outbox_message = models.ForeignKey(
        "outbox.OutboxMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    handed_over_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "send_after"], name="victim_message_due")]

    def __str__(self) -> str:
        return f"{self.event} to {self.report} ({self.status})"

    @property
    def channel_label(self) -> str:
        return CHANNEL_LABELS.get(self.channel, self.channel)


class TrackingCredential(models.Model):
    """The secret code given to the reporter at confirmation, stored only as a password hash."""

    report = models.OneToOneField(
        "reports.Report", on_delete=models.CASCADE, related_name="tracking_credential"
    )
    secret_hash = models.CharField(max_length=200)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Track my report code for {self.report}"


class TrackingLink(models.Model):
    """A single-use Track my report link, as the SHA-256 of its random token."""

    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="tracking_links"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Track my report link for {self.report} ({'used' if self.used_at else 'unused'})"


class TrackingAttempt(models.Model):
    """Every attempt to open Track my report, kept in the database so lock-outs hold across
    processes and restarts."""

    class Result(models.TextChoices):
        SUCCESS = "success", "Opened"
        FAILED = "failed", "Wrong reference, code or link"
        LOCKED = "locked", "Refused: locked out"

    at = models.DateTimeField(db_index=True)
    ip_address = models.CharField(max_length=45, blank=True)
    reference = models.CharField(max_length=20, blank=True)
    method = models.CharField(max_length=10)  # "secret" or "link"
    result = models.CharField(max_length=10, choices=Result.choices)
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [
            models.Index(fields=["ip_address", "at"], name="track_attempt_ip"),
            models.Index(fields=["reference", "at"], name="track_attempt_reference"),
        ]

    def __str__(self) -> str:
        return f"{self.method} attempt for {self.reference or 'a link'}: {self.result}"
