"""Hub staff see what the hub has sent and what failed, and can send a failed message again."""

import pytest

from hatehub.audit.models import AuditEvent
from hatehub.outbox.models import OutboxMessage
from hatehub.outbox.services import send
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, users):
    client.login(username="officer", password=PASSWORD)
    return client


def _failed_message():
    message = send(
        channel="email",
        to="victim@example.com",
        subject="[SYNTHETIC] Update",
        body="[SYNTHETIC] Your report has been allocated.",
        key="victim-update:9",
        purpose="victim_update",
    )
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.FAILED, attempts=8, last_error="SMTP: connection refused"
    )
    return message


def test_the_outbox_lists_failures_and_the_message_as_recorded(officer):
    message = _failed_message()
    listing = officer.get("/hub/outbox/?status=failed")
    assert listing.status_code == 200
    assert "SMTP: connection refused" in listing.content.decode()
    detail = officer.get(f"/hub/outbox/{message.pk}/").content.decode()
    assert "[SYNTHETIC] Your report has been allocated." in detail
    assert AuditEvent.objects.filter(
        action="view", object_type="outbox_message", object_id=str(message.pk)
    ).exists()


def test_sending_again_needs_a_reason_and_then_queues_it(officer):
    message = _failed_message()
    refused = officer.post(f"/hub/outbox/{message.pk}/retry/", {"reason": ""})
    assert refused.status_code == 400
    assert "Enter why the message should be sent again" in refused.content.decode()
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED

    done = officer.post(f"/hub/outbox/{message.pk}/retry/", {"reason": "Address corrected"})
    assert done.status_code == 302
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.RETRYING and message.attempts == 0


def test_a_message_already_sent_cannot_be_sent_again_by_hand(officer):
    message = _failed_message()
    OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxMessage.Status.SENT)
    response = officer.post(f"/hub/outbox/{message.pk}/retry/", {"reason": "again"})
    assert response.status_code == 400
    assert "Only a failed message can be retried" in response.content.decode()
