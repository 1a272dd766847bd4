"""Issue 6's "done when": assess two cases, refer an item of each to a platform with an email
channel (a local SMTP server receives exactly one message with the right URLs and hashes, even
though the first worker dies mid-delivery and another retries), one item comes down by the
platform's callback and one by the liveness check (a local server answers 404), and the time
to removal figures appear."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.outbox import retry
from hatehub.outbox.models import OutboxMessage
from hatehub.outbox.services import deliver_due, deliver_message
from hatehub.platforms import selectors, services
from hatehub.platforms.models import ItemStatus, LivenessCheck, Referral
from tests.local_servers import SMTPServer

from .helpers import decided_case, example_platform, http_server, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    server = SMTPServer()
    server.start()
    settings.HUB_EMAIL_BACKEND = "smtp"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield server
    server.stop()


def test_refer_deliver_once_remove_by_callback_and_by_liveness_then_figures(
    smtp, settings, make_report, users, django_capture_on_commit_callbacks
):
    settings.HUB_LIVENESS_ALLOW_LOOPBACK = True
    officer = users["hub_officer"]
    platform = example_platform()
    with http_server({}) as (base, seen):  # every path answers 404
        first = decided_case(make_report, officer, urls=["https://video.example/watch/7001"])
        second = decided_case(make_report, officer, urls=[f"{base}/watch/7002"])
        ids = [c.reports.get().content_items.get().pk for c in (first, second)]
        hashes = [c.reports.get().evidence.get(kind="original").sha256 for c in (first, second)]

        # The officer drafts one referral for both cases' items, from the first case's page.
        client = Client()
        client.force_login(officer)
        response = client.post(
            f"/hub/platforms/referrals/new/{first.reference}/?cases={second.reference}",
            {"items": ids},
        )
        referral = Referral.objects.get()
        assert response.status_code == 302

        # Sending: recorded in the outbox; its delivery task has not run yet (no commit here).
        assert (
            client.post(f"/hub/platforms/referrals/{referral.reference}/send/").status_code == 302
        )
        client.post(f"/hub/platforms/referrals/{referral.reference}/send/")  # a second click
        message = OutboxMessage.objects.get()
        # A worker claims it and dies before sending.
        OutboxMessage.objects.filter(pk=message.pk).update(
            status="sending", claimed_at=timezone.now(), attempts=1
        )
        assert deliver_message(message.pk) == "sending"  # the claim is live: no second sender
        assert smtp.messages == []
        OutboxMessage.objects.filter(pk=message.pk).update(
            claimed_at=timezone.now() - retry.LEASE - timedelta(seconds=1)
        )
        assert deliver_due() == {"sent": 1}  # the sweep retries after the lease
        assert deliver_due() == {} and deliver_message(message.pk) == "sent"
        services.sending.send_referral(referral, by=officer)  # and the referral itself: still once

        assert len(smtp.messages) == 1
        email = smtp.messages[0]
        text = email.get_body(("plain",)).get_content()
        assert email["To"] == "takedown@video.example.com"
        assert referral.reference in email["Subject"]
        assert (
            "https://video.example/watch/7001" in text
            and f"{base}/watch/7002".split("//")[1] in text
        )
        assert all(digest in text for digest in hashes)
        assert "Public Order Act 1986, section 19" in text and "DOMAIN.md" not in text

        referral.refresh_from_db()
        assert referral.delivery == Referral.Delivery.SENT
        one, two = referral.items.order_by("number")
        assert one.status == two.status == ItemStatus.SENT and one.sent_at is not None

        # The platform calls back: item 1 removed.
        secret = services.directory.issue_callback_secret(platform)
        body, headers = signed(
            secret,
            {
                "event_id": "evt-e2e",
                "referral": referral.reference,
                "items": [{"item": 1, "status": "removed"}],
            },
        )
        answer = Client().post(
            "/api/v1/platforms/example-video/status",
            data=body,
            content_type="application/json",
            **headers,
        )
        assert answer.status_code == 200
        # Bad callbacks meanwhile: refused, audited, and they change nothing.
        assert (
            Client()
            .post(
                "/api/v1/platforms/example-video/status",
                data=body,
                content_type="application/json",
                **headers,
            )
            .status_code
            == 409
        )
        forged = signed(
            "whsec_forged",
            {
                "event_id": "evt-x",
                "referral": referral.reference,
                "items": [{"item": 2, "status": "removed"}],
            },
        )
        assert (
            Client()
            .post(
                "/api/v1/platforms/example-video/status",
                data=forged[0],
                content_type="application/json",
                **forged[1],
            )
            .status_code
            == 401
        )
        assert (
            AuditEvent.objects.filter(
                action=AuditEvent.Action.DENIED, object_type="platform_callback"
            ).count()
            == 2
        )

        # The liveness check finds item 2 gone (the local server answers 404).
        with django_capture_on_commit_callbacks(execute=True):
            call_command("check_liveness", verbosity=0)
        assert [request["path"] for request in seen] == ["/watch/7002"]
        assert "LivenessCheck" in seen[0]["headers"]["User-Agent"]

    one.refresh_from_db()
    two.refresh_from_db()
    assert one.status == ItemStatus.REMOVED and one.changes.last().source == "callback"
    assert two.status == ItemStatus.REMOVED and two.changes.last().source == "liveness"
    check = LivenessCheck.objects.get(item=two)
    assert check.http_status == 404 and len(check.body_sha256) == 64
    assert two.changes.last().evidence["http_status"] == 404

    # Time to removal, per item and per platform.
    (row,) = selectors.removal_figures()
    assert row["platform"] == "example-video" and row["name"] == "Example Video"
    assert (row["referred"], row["removed"], row["removal_rate"], row["overdue"]) == (2, 2, 1.0, 0)
    assert row["median_hours"] is not None and row["p90_hours"] >= row["median_hours"]
    assert selectors.removal_figures(since=timezone.now() + timedelta(days=1)) == []
    page = client.get("/hub/platforms/referrals/")
    assert b"Time to removal" in page.content and b"Example Video" in page.content
    assert b"100%" in page.content
