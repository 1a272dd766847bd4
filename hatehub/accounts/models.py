from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models


class Role(models.TextChoices):
    HUB_OFFICER = "hub_officer", "Hub officer"
    HUB_SUPERVISOR = "hub_supervisor", "Hub supervisor"
    FORCE_USER = "force_user", "Local force user"
    PARTNER = "partner", "Partner organisation"
    VOLUNTEER = "volunteer", "Volunteer"
    ADMINISTRATOR = "administrator", "Administrator"
    # Sees aggregate figures (analytics, surges, campaigns), never a case's personal details.
    ANALYST = "analyst", "Intelligence analyst"


class Organisation(models.Model):
    """A partner that reports to the hub: a third-party reporting centre, charity or feed."""

    name = models.CharField(max_length=200, unique=True)
    contact_email = models.EmailField(blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices)
    force = models.ForeignKey(
        "jurisdiction.Force", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    # An accredited communications data single point of contact (SPoC): a hub officer or
    # supervisor who may review identification requests (Investigatory Powers Act 2016 Part 3).
    spoc_accredited = models.BooleanField(
        "Accredited single point of contact (SPoC)", default=False
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="force_user") | models.Q(force__isnull=False),
                name="force_user_has_force",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="partner") | models.Q(organisation__isnull=False),
                name="partner_user_has_organisation",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        if self.role == Role.FORCE_USER and not self.force_id:
            raise ValidationError({"force": "A local force user must belong to a force."})
        if self.role == Role.PARTNER and not self.organisation_id:
            raise ValidationError(
                {"organisation": "A partner user must belong to an organisation."}
            )


class ApiKey(models.Model):
    """A partner organisation's API key. Only the secret's hash is stored; the key is shown once."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_keys"
    )
    prefix = models.CharField(max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the key is rotated away (after a grace period) or revoked outright.
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} key {self.prefix}"
