from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """One logged act on personal data (Data Protection Act 2018 s62).

    Append-only: entries are chained by hash (see `hatehub.audit.chain`) and checked by the
    `verify_audit` command. Erasure entries keep metadata only.
    """

    class Action(models.TextChoices):
        CREATE = "create", "Created"
        VIEW = "view", "Viewed"
        CHANGE = "change", "Changed"
        EXPORT = "export", "Exported"
        DISCLOSE = "disclose", "Disclosed"
        DELETE = "delete", "Deleted"
        DENIED = "denied", "Access refused"
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"

    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Who, even for people without a user account (public, partner organisations, the worker).
    actor_label = models.CharField(max_length=200)
    action = models.CharField(max_length=20, choices=Action.choices)
    object_type = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64, blank=True)
    summary = models.CharField(max_length=300)
    details = models.JSONField(default=dict, blank=True)
    ip_address = models.CharField(max_length=64, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    request_path = models.CharField(max_length=300, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["-sequence"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["actor", "at"]),
        ]

    def __str__(self) -> str:
        return (
            f"#{self.sequence} {self.actor_label} {self.action} {self.object_type}:{self.object_id}"
        )


class AuditChainHead(models.Model):
    """The single row every writer locks to append: serialises the chain on any database."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"audit chain head at entry {self.last_sequence}"
