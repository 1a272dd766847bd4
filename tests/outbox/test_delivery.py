"""The outbox sends each message once, through the backend the deployment chose, retries what
failed with backoff, and keeps what it sent."""

import hashlib
import hmac
from datetime import timedelta

import pytest
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.outbox import retry
from hatehub.outbox.backends import message_id
from hatehub.outbox.models import OutboxMessage
from hatehub.outbox.services import Attachment, OutboxError, deliver_due, deliver_message, send
from hatehub.outbox.signals import message_failed, message_sent
from tests.local_servers import free_port

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status


def _email(key="referral:TR-1:1", **overrides):
    values = {
        "channel": "email",
        "to": "abuse@platform.example.com",
        "subject": "[SYNTHETIC] Takedown request TR-1",
        "body": "[SYNTHETIC] Please remove https://x.com/someone/status/1",
        "key": key,
        "purpose": "takedown_referral",
        "about": ("referral", "TR-1"),
    }
    return send(**{**values, **overrides})


def test_by_default_a_message_is_held_in_the_outbox_and_nothing_leaves(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message = _email()
    assert message.status == Status.HELD and message.backend == "outbox"
    assert callbacks == []  # no delivery task
    assert AuditEvent.objects.filter(object_type="outbox_message", action="create").count() == 1


def test_the_same_key_returns_the_first_message(django_capture_on_commit_callbacks):
    first = _email()
    again = _email(body="different words")
    assert again.pk == first.pk and again.body == first.body
    assert OutboxMessage.objects.count() == 1


def test_bad_requests_record_nothing():
    with pytest.raises(OutboxError, match="recipient"):
        _email(to="  ")
    with pytest.raises(OutboxError, match="channel"):
        _email(channel="pigeon")
    with pytest.raises(OutboxError, match="attachments"):
        _email(channel="sms", attachments=[Attachment("a.txt", "text/plain", b"x")])
    assert not OutboxMessage.objects.exists()


def test_smtp_delivers_one_email_with_its_attachment(
    smtp_server, django_capture_on_commit_callbacks
):
    sent = []

    def listener(sender, message, **kwargs):
        sent.append(message.key)

    message_sent.connect(listener)
    pdf = b"%PDF-1.4 synthetic\n%%EOF"
    with django_capture_on_commit_callbacks(execute=True):
        message = _email(
            attachments=[Attachment("evidence.pdf", "application/pdf", pdf)],
            reply_to="hub@example.police.uk",
        )
    message.refresh_from_db()
    assert message.status == Status.SENT and message.attempts == 1 and message.sent_at
    assert len(smtp_server.messages) == 1
    email = smtp_server.messages[0]
    assert email["To"] == "abuse@platform.example.com"
    assert email["Reply-To"] == "hub@example.police.uk"
    assert email["Message-ID"].strip() == message.provider_reference == message_id(message)
    assert "https://x.com/someone/status/1" in email.get_body(("plain",)).get_content()
    (attachment,) = list(email.iter_attachments())
    assert attachment.get_filename() == "evidence.pdf" and attachment.get_content() == pdf
    assert sent == [message.key]

    # Delivering it again (a duplicate task, the sweep) sends nothing more.
    assert deliver_message(message.pk) == Status.SENT
    assert deliver_due() == {}
    assert len(smtp_server.messages) == 1
    message_sent.disconnect(listener)


def test_an_unreachable_server_is_retried_with_backoff_then_delivered_once(
    settings, smtp_server, django_capture_on_commit_callbacks
):
    working_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nothing listens here
    with django_capture_on_commit_callbacks(execute=True):
        message = _email()
    message.refresh_from_db()
    assert message.status == Status.RETRYING and message.attempts == 1
    assert "SMTP" in message.last_error
    assert message.next_attempt_at - timezone.now() > retry.FIRST_DELAY - timedelta(seconds=5)

    assert deliver_message(message.pk) == Status.RETRYING  # not due yet: not even tried
    message.refresh_from_db()
    assert message.attempts == 1

    settings.EMAIL_PORT = working_port
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    assert deliver_due() == {Status.SENT: 1}
    assert len(smtp_server.messages) == 1


def test_a_worker_that_died_mid_delivery_is_replaced_after_its_lease(smtp_server):
    message = _email()  # its task never ran (no commit callbacks here)
    # A worker claimed it and was killed before sending.
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=Status.SENDING, claimed_at=timezone.now(), attempts=1
    )
    assert deliver_due() == {}  # the claim is still live: nobody else sends
    assert deliver_message(message.pk) == Status.SENDING
    OutboxMessage.objects.filter(pk=message.pk).update(
        claimed_at=timezone.now() - retry.LEASE - timedelta(seconds=1)
    )
    assert deliver_due() == {Status.SENT: 1}
    assert deliver_due() == {}
    assert len(smtp_server.messages) == 1


def test_retries_stop_after_the_last_attempt_and_the_failure_is_visible(
    settings, django_capture_on_commit_callbacks
):
    settings.HUB_EMAIL_BACKEND = "smtp"
    settings.EMAIL_PORT = free_port()
    failed = []

    def listener(sender, message, **kwargs):
        failed.append(message.pk)

    message_failed.connect(listener)
    message = _email()
    for _ in range(retry.MAX_ATTEMPTS):
        OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        deliver_message(message.pk)
    message.refresh_from_db()
    assert message.status == Status.FAILED and message.attempts == retry.MAX_ATTEMPTS
    assert failed == [message.pk]
    assert AuditEvent.objects.filter(
        object_type="outbox_message", summary__contains="failed"
    ).exists()
    message_failed.disconnect(listener)


def test_backoff_doubles_up_to_an_hour():
    assert [retry.delay_after(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert retry.delay_after(20) == timedelta(hours=1)
    assert retry.gives_up(1, permanent=True) and not retry.gives_up(1, permanent=False)


# --- Webhooks ----------------------------------------------------------------------------------


@pytest.fixture
def webhooks(settings):
    settings.HUB_WEBHOOK_BACKEND = "http"
    settings.HUB_WEBHOOK_SIGNING_KEY = "test-signing-key"


def _webhook(http_server, key="referral:TR-2:1"):
    return send(
        channel="webhook",
        to=f"{http_server.url}/takedowns",
        body='{"reference": "TR-2", "urls": ["https://x.com/a/status/2"]}',
        key=key,
        purpose="takedown_referral",
    )


def test_a_webhook_is_signed_so_the_platform_can_check_it_came_from_the_hub(
    webhooks, http_server, django_capture_on_commit_callbacks
):
    http_server.responses["/takedowns"] = (202, {"id": "P-77"}, {"X-Request-Id": "P-77"})
    with django_capture_on_commit_callbacks(execute=True):
        message = _webhook(http_server)
    message.refresh_from_db()
    assert message.status == Status.SENT and message.provider_reference == "P-77"
    (request,) = http_server.requests
    assert request.json()["reference"] == "TR-2"
    headers = {name.lower(): value for name, value in request.headers.items()}
    assert headers["idempotency-key"] == "referral:TR-2:1"
    expected = hmac.new(
        b"test-signing-key",
        headers["x-hub-timestamp"].encode() + b"." + request.body,
        hashlib.sha256,
    ).hexdigest()
    assert headers["x-hub-signature-256"] == f"sha256={expected}"


@pytest.mark.parametrize(
    ("status", "outcome"), [(503, Status.RETRYING), (429, Status.RETRYING), (400, Status.FAILED)]
)
def test_a_webhook_refused_for_good_fails_at_once_and_a_busy_one_is_retried(
    webhooks, http_server, django_capture_on_commit_callbacks, status, outcome
):
    http_server.responses["/takedowns"] = (status, b"no", {})
    with django_capture_on_commit_callbacks(execute=True):
        message = _webhook(http_server)
    message.refresh_from_db()
    assert message.status == outcome
    assert f"HTTP {status}" in message.last_error


# --- GOV.UK Notify -----------------------------------------------------------------------------


def test_notify_gets_the_template_personalisation_and_our_reference(
    settings, http_server, django_capture_on_commit_callbacks
):
    settings.HUB_SMS_BACKEND = "notify"
    settings.HUB_NOTIFY_BASE_URL = http_server.url
    # A Notify API key: a name, the service id and the secret (two UUIDs).
    settings.HUB_NOTIFY_API_KEY = (
        "test-11111111-1111-1111-1111-111111111111-22222222-2222-2222-2222-222222222222"
    )
    settings.HUB_NOTIFY_SMS_TEMPLATE_ID = "33333333-3333-3333-3333-333333333333"
    http_server.responses["/v2/notifications/sms"] = (201, {"id": "notify-id-1"}, {})
    with django_capture_on_commit_callbacks(execute=True):
        message = send(
            channel="sms",
            to="07700900123",
            body="[SYNTHETIC] Update on your report",
            key="victim-update:1",
            purpose="victim_update",
        )
    message.refresh_from_db()
    assert message.status == Status.SENT and message.provider_reference == "notify-id-1"
    (request,) = http_server.requests
    assert request.headers["Authorization"].startswith("Bearer ")
    assert request.json() == {
        "phone_number": "07700900123",
        "template_id": "33333333-3333-3333-3333-333333333333",
        "personalisation": {"body": "[SYNTHETIC] Update on your report"},
        "reference": "victim-update:1",
    }


def test_notify_without_a_key_is_retried_with_a_clear_error(settings):
    settings.HUB_EMAIL_BACKEND = "notify"
    settings.HUB_NOTIFY_API_KEY = ""
    message = _email()
    assert deliver_message(message.pk) == Status.RETRYING
    message.refresh_from_db()
    assert "HUB_NOTIFY_API_KEY" in message.last_error
