"""How a message leaves the hub, per channel: held in the outbox (the default: nothing leaves
the machine), SMTP (Django's mail), GOV.UK Notify (its official client) or an HTTPS webhook.

A backend returns the provider's reference on success and raises `DeliveryError` otherwise,
saying whether trying again could help."""

import hashlib
import hmac
import json
import time

import requests
from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from .models import OutboxMessage

Channel = OutboxMessage.Channel


class DeliveryError(Exception):
    def __init__(self, message: str, *, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent


HELD = "outbox"


def backend_for(channel: str) -> str:
    return {
        Channel.EMAIL: settings.HUB_EMAIL_BACKEND,
        Channel.SMS: settings.HUB_SMS_BACKEND,
        Channel.LETTER: settings.HUB_LETTER_BACKEND,
        Channel.WEBHOOK: settings.HUB_WEBHOOK_BACKEND,
    }[channel]


def deliver(message: OutboxMessage) -> str:
    senders = {
        "smtp": _smtp,
        "notify": _notify,
        "http": _webhook,
    }
    if message.backend not in senders:
        raise DeliveryError(f"No backend called {message.backend!r}", permanent=True)
    return senders[message.backend](message)


# --- SMTP -----------------------------------------------------------------------------------


def message_id(message: OutboxMessage) -> str:
    """The same Message-ID on every attempt, so a receiver can drop a repeat."""
    digest = hashlib.sha256(message.key.encode()).hexdigest()[:40]
    return f"<{digest}@{settings.HUB_MESSAGE_ID_DOMAIN}>"


def _smtp(message: OutboxMessage) -> str:
    if message.channel != Channel.EMAIL:
        raise DeliveryError(f"SMTP cannot send a {message.channel}", permanent=True)
    reference = message_id(message)
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient],
        reply_to=[message.reply_to] if message.reply_to else None,
        headers={"Message-ID": reference, "X-Hub-Idempotency-Key": message.key},
        connection=get_connection(
            "django.core.mail.backends.smtp.EmailBackend",
            timeout=settings.HUB_DELIVERY_TIMEOUT_SECONDS,
        ),
    )
    for attachment in message.files.all():
        email.attach(attachment.filename, bytes(attachment.content), attachment.content_type)
    try:
        email.send(fail_silently=False)
    except (OSError, ValueError) as error:  # smtplib's errors are OSErrors
        permanent = getattr(error, "smtp_code", 0) // 100 == 5
        raise DeliveryError(f"SMTP: {error}", permanent=permanent) from error
    return reference


# --- GOV.UK Notify --------------------------------------------------------------------------


def _notify(message: OutboxMessage) -> str:
    from notifications_python_client.errors import HTTPError
    from notifications_python_client.notifications import NotificationsAPIClient

    if not settings.HUB_NOTIFY_API_KEY:
        raise DeliveryError("GOV.UK Notify is chosen but HUB_NOTIFY_API_KEY is not set")
    client = NotificationsAPIClient(
        settings.HUB_NOTIFY_API_KEY,
        base_url=settings.HUB_NOTIFY_BASE_URL,
        timeout=settings.HUB_DELIVERY_TIMEOUT_SECONDS,
    )
    # Notify templates are set up once with ((subject)) and ((body)) placeholders; the hub
    # writes the words, Notify delivers them.
    try:
        if message.channel == Channel.EMAIL:
            response = client.send_email_notification(
                email_address=message.recipient,
                template_id=settings.HUB_NOTIFY_EMAIL_TEMPLATE_ID,
                personalisation={"subject": message.subject, "body": message.body},
                reference=message.key,
            )
        elif message.channel == Channel.SMS:
            response = client.send_sms_notification(
                phone_number=message.recipient,
                template_id=settings.HUB_NOTIFY_SMS_TEMPLATE_ID,
                personalisation={"body": message.body},
                reference=message.key,
            )
        elif message.channel == Channel.LETTER:
            lines = [line for line in message.recipient.splitlines() if line.strip()]
            address = {f"address_line_{i}": line for i, line in enumerate(lines[:7], start=1)}
            response = client.send_letter_notification(
                template_id=settings.HUB_NOTIFY_LETTER_TEMPLATE_ID,
                personalisation={**address, "subject": message.subject, "body": message.body},
                reference=message.key,
            )
        else:
            raise DeliveryError(f"Notify cannot send a {message.channel}", permanent=True)
    except HTTPError as error:
        status = getattr(error, "status_code", 0) or 0
        raise DeliveryError(
            f"GOV.UK Notify {status}: {error.message}", permanent=400 <= status < 500
        ) from error
    except requests.RequestException as error:
        raise DeliveryError(f"GOV.UK Notify unreachable: {error}") from error
    return str(response.get("id", ""))


# --- Webhooks -------------------------------------------------------------------------------


def signature(body: bytes, timestamp: str, key: str | None = None) -> str:
    """HMAC-SHA256 over `timestamp.body` with the hub's signing key, as `sha256=<hex>`."""
    secret = (key or settings.HUB_WEBHOOK_SIGNING_KEY).encode()
    return (
        "sha256=" + hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    )


def _webhook(message: OutboxMessage) -> str:
    if message.channel != Channel.WEBHOOK:
        raise DeliveryError(f"A webhook cannot send a {message.channel}", permanent=True)
    if not settings.HUB_WEBHOOK_SIGNING_KEY:
        raise DeliveryError("HUB_WEBHOOK_SIGNING_KEY is not set")
    body = message.body.encode()
    json.loads(body)  # composed by the hub: a programming error if it is not JSON
    timestamp = str(int(time.time()))
    try:
        response = requests.post(
            message.recipient,
            data=body,
            headers={
                "Content-Type": "application/json",
                "User-Agent": settings.HUB_USER_AGENT,
                "Idempotency-Key": message.key,
                "X-Hub-Timestamp": timestamp,
                "X-Hub-Signature-256": signature(body, timestamp),
            },
            timeout=settings.HUB_DELIVERY_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
    except requests.RequestException as error:
        raise DeliveryError(f"Webhook unreachable: {error}") from error
    if 200 <= response.status_code < 300:
        return response.headers.get("X-Request-Id", "") or f"HTTP {response.status_code}"
    retry = response.status_code in (408, 425, 429) or response.status_code >= 500
    raise DeliveryError(
        f"Webhook answered HTTP {response.status_code}: {response.text[:200]}", permanent=not retry
    )
