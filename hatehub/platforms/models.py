"""The platform directory, takedown referrals and what happened to each referred item.

A `Referral` is one message to one platform; its `ReferralItem`s are the pieces of content it
asks the platform to remove (from one case or several). Each item carries its own status and
history, because platforms act on items one by one and the hub measures time to removal per
item. Callback events and liveness checks are kept as the evidence behind a status.
"""

from django.conf import settings
from django.db import models


class Platform(models.Model):
    """One platform the hub refers content to, editable by a supervisor.

    A platform the URL canonicaliser knows (`matching.platform_rules`) shares its slug and takes
    its domains from there, so the directory and matching can never disagree about which site a
    link belongs to; `extra_domains` are only for platforms the rules do not cover."""

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        API = "api", "HTTPS API (signed webhook)"
        WEB_FORM = "web_form", "Web form (filled in by hand)"

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    extra_domains = models.JSONField(
        default=list, blank=True, help_text="Domains of a platform the URL rules do not cover"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    referral_email = models.EmailField(blank=True)
    referral_endpoint = models.URLField(max_length=500, blank=True)
    web_form_url = models.URLField(max_length=500, blank=True)
    legal_contact = models.CharField(
        max_length=300, blank=True, help_text="Where law enforcement legal requests go"
    )
    service_level_hours = models.PositiveIntegerField(
        default=24, help_text="How long the hub expects removal to take after a referral"
    )
    notes = models.TextField(blank=True)
    active = models.BooleanField(default=True)
    # The callback secret is derived from the server's secret key and this salt (see
    # `signing.py`): the database alone never holds it. Rotating changes the salt.
    callback_secret_salt = models.CharField(max_length=64, blank=True)
    callback_secret_issued_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def domains(self) -> tuple[str, ...]:
        from .directory import domains_of

        return domains_of(self.slug, self.extra_domains)

    @property
    def address(self) -> str:
        """Where a referral goes on this platform's channel."""
        return {
            self.Channel.EMAIL: self.referral_email,
            self.Channel.API: self.referral_endpoint,
            self.Channel.WEB_FORM: self.web_form_url,
        }[self.Channel(self.channel)]


class Referral(models.Model):
    """One takedown referral to one platform: the message, exactly as composed, and its
    delivery. The message is composed once, when the referral is drafted, and kept."""

    class Delivery(models.TextChoices):
        DRAFTED = "drafted", "Drafted, not sent"
        QUEUED = "queued", "Queued in the outbox"
        SENT = "sent", "Sent"
        FAILED = "failed", "Delivery failed"
        SUBMITTED = "submitted", "Submitted by hand (web form)"

    reference = models.CharField(max_length=20, unique=True, blank=True)
    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="referrals")
    channel = models.CharField(max_length=10, choices=Platform.Channel.choices)
    address = models.CharField(max_length=500, blank=True)
    reply_to = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    payload = models.JSONField(default=dict, help_text="The same content as JSON (webhook)")
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.DRAFTED)
    outbox_key = models.CharField(max_length=200, blank=True)
    delivery_error = models.TextField(blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.reference or f"referral {self.pk}"


class ItemStatus(models.TextChoices):
    DRAFTED = "drafted", "Drafted"
    SENT = "sent", "Sent"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    REMOVED = "removed", "Removed"
    GEO_BLOCKED = "geo_blocked", "Geo-blocked in the UK"
    REFUSED = "refused", "Refused"
    NO_RESPONSE = "no_response", "No response"


class StatusSource(models.TextChoices):
    OFFICER = "officer", "Officer"
    CALLBACK = "callback", "Platform callback"
    LIVENESS = "liveness", "Liveness check"
    DELIVERY = "delivery", "Delivery"


class ReferralItem(models.Model):
    """One piece of content in a referral, with its own status and times."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField(help_text="1, 2, 3... within the referral")
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    content_item = models.ForeignKey(
        "reports.ContentItem", on_delete=models.PROTECT, related_name="referral_items"
    )
    assessment = models.ForeignKey(
        "assessment.Assessment", on_delete=models.PROTECT, related_name="+"
    )
    url = models.URLField(max_length=2000, help_text="The address as it was reported")
    canonical_url = models.CharField(max_length=2000)
    offences = models.JSONField(default=list, help_text="As stated in the message")
    evidence_sha256 = models.JSONField(default=list, help_text="As stated in the message")
    status = models.CharField(max_length=15, choices=ItemStatus.choices, default=ItemStatus.DRAFTED)
    status_reason = models.CharField(max_length=500, blank=True)
    status_changed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["referral", "number"]
        constraints = [
            models.UniqueConstraint(fields=["referral", "number"], name="one_item_number"),
            models.UniqueConstraint(
                fields=["referral", "content_item"], name="content_once_per_referral"
            ),
        ]
        indexes = [models.Index(fields=["status", "sent_at"], name="referral_item_status")]

    def __str__(self) -> str:
        return f"{self.referral}/{self.number}"

    @property
    def label(self) -> str:
        return f"{self.referral.reference}/{self.number}"

    @property
    def content_link(self) -> str:
        """The address the platform was sent: one that opens, not matching's key."""
        from .composition import content_address

        return content_address(self.url, self.canonical_url)


class StatusChange(models.Model):
    """The history of an item's status: who or what set it, and the evidence."""

    item = models.ForeignKey(ReferralItem, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField()
    from_status = models.CharField(max_length=15, choices=ItemStatus.choices)
    to_status = models.CharField(max_length=15, choices=ItemStatus.choices)
    source = models.CharField(max_length=10, choices=StatusSource.choices)
    actor_label = models.CharField(max_length=200)
    reason = models.CharField(max_length=500, blank=True)
    evidence = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.from_status} -> {self.to_status}"


class CallbackEvent(models.Model):
    """A platform's accepted status callback. The unique event id refuses replays."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="+")
    event_id = models.CharField(max_length=200)
    received_at = models.DateTimeField()
    body_sha256 = models.CharField(max_length=64)
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="callbacks")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["platform", "event_id"], name="callback_event_once")
        ]

    def __str__(self) -> str:
        return f"{self.platform_id}:{self.event_id}"


class LivenessCheck(models.Model):
    """One fetch of a referred item's address: what came back, and what it meant."""

    class Outcome(models.TextChoices):
        REMOVED = "removed", "Gone (404/410)"
        GEO_BLOCKED = "geo_blocked", "Unavailable for legal reasons (451)"
        LIVE = "live", "Still there"
        INCONCLUSIVE = "inconclusive", "Inconclusive"
        REFUSED = "refused", "Not fetched (address not allowed)"
        ERROR = "error", "Could not fetch"

    item = models.ForeignKey(ReferralItem, on_delete=models.CASCADE, related_name="checks")
    checked_at = models.DateTimeField()
    url = models.CharField(max_length=2000)
    final_url = models.CharField(max_length=2000, blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    body_sha256 = models.CharField(max_length=64, blank=True)
    body_bytes = models.PositiveIntegerField(default=0)
    redirects = models.JSONField(default=list, blank=True)
    outcome = models.CharField(max_length=15, choices=Outcome.choices)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-checked_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.url}: {self.outcome} ({self.http_status})"
