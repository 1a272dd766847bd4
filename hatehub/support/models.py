"""The directory of support services and the referrals of victims to them (DOMAIN.md s8:
"referral to support services"; "details passed to support services within 2 working days
unless the victim objects")."""

from django.conf import settings
from django.db import models


class SupportService(models.Model):
    """A national or local service a victim of hate crime can be referred or signposted to."""

    class Scope(models.TextChoices):
        NATIONAL = "national", "National (anywhere in the UK)"
        LOCAL = "local", "Local (the force areas or postcode areas it covers)"

    class Method(models.TextChoices):
        EMAIL = "email", "Email (sent by the hub through the outbox)"
        WEB_FORM = "web_form", "Secure web form (filled in by hand)"
        PHONE = "phone", "Phone (the officer calls the service)"
        SELF_REFERRAL = "self_referral", "Self-referral only (give the victim the details)"

    name = models.CharField(max_length=200)
    scope = models.CharField(max_length=10, choices=Scope.choices)
    forces = models.ManyToManyField(
        "jurisdiction.Force", blank=True, related_name="support_services"
    )
    postcode_areas = models.CharField(
        max_length=500,
        blank=True,
        help_text="Postcode areas or districts it covers, separated by commas (e.g. L, CH, WA1)",
    )
    strands = models.ManyToManyField(
        "reports.Strand",
        blank=True,
        related_name="support_services",
        help_text="The characteristics it serves; none means every strand",
    )
    referral_method = models.CharField(max_length=20, choices=Method.choices)
    contact_email = models.EmailField(blank=True)
    contact_url = models.URLField(blank=True, max_length=500)
    contact_phone = models.CharField(max_length=40, blank=True)
    notes = models.TextField(blank=True)
    source = models.CharField(
        max_length=300, blank=True, help_text="Where these details come from and when checked"
    )
    example_contact = models.BooleanField(
        default=False, help_text="The contact details are examples (demo data), not real ones"
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="support_service_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def refers_by_hand(self) -> bool:
        return self.referral_method in (self.Method.WEB_FORM, self.Method.PHONE)

    @property
    def accepts_referrals(self) -> bool:
        return self.active and self.referral_method != self.Method.SELF_REFERRAL


class Referral(models.Model):
    """One victim's details passed (with their consent) to one support service, tracked until
    the service acknowledges it and the referral is closed or declined."""

    class Status(models.TextChoices):
        PENDING = "pending", "Not sent yet"
        SENT = "sent", "Sent"
        FAILED = "failed", "Sending failed"
        ACKNOWLEDGED = "acknowledged", "Acknowledged by the service"
        CLOSED = "closed", "Closed"
        DECLINED = "declined", "Declined"

    LIVE = (Status.PENDING, Status.SENT, Status.FAILED, Status.ACKNOWLEDGED)
    UNSENT = (Status.PENDING, Status.FAILED)

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="referrals")
    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="support_referrals"
    )
    service = models.ForeignKey(SupportService, on_delete=models.PROTECT, related_name="referrals")
    method = models.CharField(max_length=20, choices=SupportService.Method.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    note = models.CharField(max_length=500, blank=True)
    # The Victims' Code clock: the victim's details must reach the service by the end of this day.
    due_on = models.DateField()
    nation = models.CharField(max_length=20)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    outbox_message = models.ForeignKey(
        "outbox.OutboxMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    failure = models.CharField(max_length=500, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_via = models.CharField(max_length=20, blank=True)  # "officer" or "service"
    # SHA-256 of the single-use token in the email's acknowledgement link (never the token).
    acknowledgement_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    finish_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "service"],
                condition=models.Q(status__in=["pending", "sent", "failed", "acknowledged"]),
                name="one_live_referral_per_victim_and_service",
            )
        ]

    def __str__(self) -> str:
        return f"Referral {self.pk} of {self.report} to {self.service}"

    @property
    def is_live(self) -> bool:
        return self.status in self.LIVE
