from django.db import models


class OutboxMessage(models.Model):
    """One message the hub sends, recorded before it goes and kept exactly as sent.

    The idempotency `key` is unique: asking to send the same thing twice returns the first
    message, and a message that has been sent is never sent again."""

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        SMS = "sms", "Text message"
        LETTER = "letter", "Letter"
        WEBHOOK = "webhook", "Webhook"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        RETRYING = "retrying", "Waiting to retry"
        FAILED = "failed", "Failed"
        HELD = "held", "Held in the outbox (not sent)"

    key = models.CharField(max_length=200, unique=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    recipient = models.TextField()
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    reply_to = models.CharField(max_length=254, blank=True)
    purpose = models.CharField(max_length=100)
    about_type = models.CharField(max_length=50, blank=True)
    about_id = models.CharField(max_length=64, blank=True)
    backend = models.CharField(max_length=20)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    created_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    provider_reference = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["about_type", "about_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} to {self.recipient[:40]} ({self.status})"


class OutboxAttachment(models.Model):
    """A file sent with an email, stored with the message so it is kept exactly as sent."""

    message = models.ForeignKey(OutboxMessage, on_delete=models.CASCADE, related_name="files")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.filename
