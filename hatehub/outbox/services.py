"""Sending messages: recorded first, delivered after commit by a task, at most once.

`send` writes the message in the caller's transaction, so a rolled-back change sends nothing,
and enqueues delivery when it commits. `deliver_message` claims the message (a row lock and a
lease), sends it and records the outcome; a crash before the send leaves the claim to expire and
the sweep (`deliver_due`) tries again; a sent message is never sent again. Between the provider
accepting a message and the hub recording it there is a short window a crash could hit: the
retry then repeats the same Message-ID / Idempotency-Key / Notify reference, so the receiver can
drop the copy.

Tests: the fixtures `smtp_server` (a real aiosmtpd server; sets HUB_EMAIL_BACKEND=smtp; read
`smtp_server.messages`) and `http_server` (a local HTTP server: `http_server.responses[path] =
(status, body, headers)`, `http_server.requests`, `http_server.url`) are in tests/conftest.py.
Under the test settings tasks run inline at commit: wrap the call in
`django_capture_on_commit_callbacks(execute=True)` (or use a transactional test) to deliver.
Periodic work: an app's `schedule.py` lists `JOBS = [Periodic(name, task, every)]`
(`hatehub.core.scheduling`); the scheduler enqueues them.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.audit.services import record

from . import backends, retry
from .models import OutboxAttachment, OutboxMessage
from .signals import message_failed, message_sent

Status = OutboxMessage.Status
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    content: bytes


class OutboxError(ValueError):
    """The message cannot be sent as asked (nothing was recorded)."""


def send(
    *,
    channel: str,
    to: str,
    body: str,
    key: str,
    purpose: str,
    subject: str = "",
    about: tuple[str, str] | None = None,
    attachments: list[Attachment] | tuple = (),
    reply_to: str = "",
) -> OutboxMessage:
    """Record a message and deliver it after commit. The same `key` returns the message already
    recorded (whatever its content), so a retried caller never sends twice."""
    if channel not in OutboxMessage.Channel.values:
        raise OutboxError(f"Unknown channel {channel!r}")
    if not to.strip():
        raise OutboxError("A message needs a recipient")
    if attachments and channel != OutboxMessage.Channel.EMAIL:
        raise OutboxError("Only emails carry attachments")
    about_type, about_id = about or ("", "")
    with transaction.atomic():
        message, created = OutboxMessage.objects.get_or_create(
            key=key,
            defaults={
                "channel": channel,
                "recipient": to.strip(),
                "subject": subject,
                "body": body,
                "reply_to": reply_to,
                "purpose": purpose,
                "about_type": about_type,
                "about_id": str(about_id),
                "backend": backends.backend_for(channel),
                "created_at": timezone.now(),
            },
        )
        if not created:
            return message
        for attachment in attachments:
            OutboxAttachment.objects.create(
                message=message,
                filename=attachment.filename,
                content_type=attachment.content_type,
                content=attachment.content,
                sha256=hashlib.sha256(attachment.content).hexdigest(),
            )
        if message.backend == backends.HELD:
            message.status = Status.HELD
            message.save(update_fields=["status"])
        else:
            transaction.on_commit(lambda: _enqueue(message.pk))
        record(
            AuditEvent.Action.CREATE,
            "outbox_message",
            message.pk,
            summary=f"{message.get_channel_display()} for {purpose} recorded in the outbox",
            details={"key": key, "backend": message.backend, "about": [about_type, about_id]},
        )
    return message


def _enqueue(message_id: int, *, after: timedelta | None = None) -> None:
    from .tasks import deliver

    run_after = timezone.now() + after if after else None
    if run_after is not None:
        try:
            deliver.using(run_after=run_after).enqueue(message_id)
        except Exception:  # noqa: BLE001 a backend without deferral: the sweep will retry
            log.info("Outbox message %s waits for the sweep to retry", message_id)
        return
    deliver.enqueue(message_id)


def _claim(message_id: int) -> OutboxMessage | None:
    """Take the message for this worker, or None if it is done, held, not due, or another
    worker holds a live claim."""
    now = timezone.now()
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status in (Status.SENT, Status.FAILED, Status.HELD):
            return None
        claimed_at, next_attempt_at = message.claimed_at, message.next_attempt_at
        if message.status == Status.SENDING and claimed_at and claimed_at > now - retry.LEASE:
            return None
        if message.status == Status.RETRYING and next_attempt_at and next_attempt_at > now:
            return None
        message.status = Status.SENDING
        message.claimed_at = now
        message.attempts += 1
        message.save(update_fields=["status", "claimed_at", "attempts"])
    return message


def deliver_message(message_id: int) -> str:
    """Send one message if it is due. Returns its status afterwards."""
    message = _claim(message_id)
    if message is None:
        status = OutboxMessage.objects.filter(pk=message_id).values_list("status", flat=True)
        return status.first() or "missing"
    try:
        reference = backends.deliver(message)
    except backends.DeliveryError as error:
        return _failed(message, str(error), permanent=error.permanent)
    with transaction.atomic():
        message.status = Status.SENT
        message.sent_at = timezone.now()
        message.provider_reference = reference[:200]
        message.last_error = ""
        message.save(update_fields=["status", "sent_at", "provider_reference", "last_error"])
        record(
            AuditEvent.Action.DISCLOSE,
            "outbox_message",
            message.pk,
            summary=f"{message.get_channel_display()} for {message.purpose} sent",
            details={"attempt": message.attempts, "provider_reference": message.provider_reference},
        )
        message_sent.send(sender=OutboxMessage, message=message)
    return message.status


def _failed(message: OutboxMessage, error: str, *, permanent: bool) -> str:
    gives_up = retry.gives_up(message.attempts, permanent=permanent)
    delay = retry.delay_after(message.attempts)
    with transaction.atomic():
        message.last_error = error[:2000]
        if gives_up:
            message.status = Status.FAILED
            message.next_attempt_at = None
        else:
            message.status = Status.RETRYING
            message.next_attempt_at = timezone.now() + delay
        message.save(update_fields=["status", "last_error", "next_attempt_at"])
        if gives_up:
            record(
                AuditEvent.Action.CHANGE,
                "outbox_message",
                message.pk,
                summary=f"{message.get_channel_display()} for {message.purpose} failed",
                details={"attempts": message.attempts, "error": message.last_error[:300]},
            )
            message_failed.send(sender=OutboxMessage, message=message)
        else:
            transaction.on_commit(lambda: _enqueue(message.pk, after=delay))
    log.warning("Outbox message %s attempt %s failed: %s", message.pk, message.attempts, error)
    return message.status


def due_messages():
    """Messages a worker should try now: queued ones whose task may have been lost, retries
    that are due, and claims whose worker died."""
    now = timezone.now()
    from django.db.models import Q

    return OutboxMessage.objects.filter(
        Q(status=Status.QUEUED, created_at__lte=now - timedelta(minutes=1))
        | Q(status=Status.RETRYING, next_attempt_at__lte=now)
        | Q(status=Status.SENDING, claimed_at__lte=now - retry.LEASE)
    ).order_by("created_at")


def deliver_due(limit: int = 500) -> dict[str, int]:
    outcomes: dict[str, int] = {}
    for message_id in due_messages().values_list("pk", flat=True)[:limit]:
        status = deliver_message(message_id)
        outcomes[status] = outcomes.get(status, 0) + 1
    return outcomes


def retry_now(message: OutboxMessage, *, reason: str) -> OutboxMessage:
    """A person sends a failed message again (after fixing an address or a provider outage)."""
    if message.status != Status.FAILED:
        raise OutboxError("Only a failed message can be retried by hand")
    with transaction.atomic():
        message.status = Status.RETRYING
        message.next_attempt_at = timezone.now()
        message.attempts = 0
        message.save(update_fields=["status", "next_attempt_at", "attempts"])
        record(
            AuditEvent.Action.CHANGE,
            "outbox_message",
            message.pk,
            summary="Failed message queued again by hand",
            details={"reason": reason},
        )
        transaction.on_commit(lambda: _enqueue(message.pk))
    return message
