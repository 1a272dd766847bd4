"""Drafting, sending and updating referrals through the services and the pages."""

import json

import pytest
from django.test import Client

from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Case
from hatehub.cases.services import allocate
from hatehub.outbox.models import OutboxMessage
from hatehub.platforms import selectors, services
from hatehub.platforms.models import ItemStatus, Platform, Referral, StatusChange

from .helpers import OFFENCE, decided_case, example_platform

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def platform(db):
    return example_platform()


@pytest.fixture
def two_cases(make_report, users):
    officer = users["hub_officer"]
    first = decided_case(
        make_report, officer, urls=["https://video.example/watch/101?utm_source=x"]
    )
    second = decided_case(make_report, officer, urls=["https://video.example/watch/102"])
    return first, second


def items_of(*cases):
    return [
        item.pk
        for case in cases
        for report in case.reports.all()
        for item in report.content_items.all()
    ]


def test_a_referral_batches_two_cases_and_states_what_the_platform_needs(
    platform, two_cases, users
):
    referral = services.drafting.create_referral(
        platform=platform, content_item_ids=items_of(*two_cases), by=users["hub_officer"]
    )
    assert referral.reference.startswith("TR-") and referral.delivery == Referral.Delivery.DRAFTED
    items = list(referral.items.order_by("number"))
    assert [i.case for i in items] == list(two_cases)
    assert {i.status for i in items} == {ItemStatus.DRAFTED}
    assert "https://video.example/watch/101" in referral.body
    assert "Public Order Act 1986, section 19" in referral.body
    for item in items:
        assert len(item.evidence_sha256) == 1 and item.evidence_sha256[0] in referral.body
        assert item.offences[0]["id"] == OFFENCE and item.offences[0]["source"]
    assert f"Item {referral.reference}/2" in referral.body
    created = AuditEvent.objects.get(object_type="referral", action=AuditEvent.Action.CREATE)
    assert created.details["items"] == 2
    assert two_cases[0].events.filter(summary__contains=referral.reference).exists()


def test_no_referral_without_a_crime_decision_or_on_the_wrong_platform(
    platform, make_report, users
):
    officer = users["hub_officer"]
    nchi = decided_case(
        make_report, officer, urls=["https://video.example/watch/201"], classification="nchi"
    )
    with pytest.raises(services.ReferralRefused, match="no officer's decision"):
        services.drafting.create_referral(
            platform=platform, content_item_ids=items_of(nchi), by=officer
        )
    elsewhere = decided_case(make_report, officer, urls=["https://forum.example.org/t/9"])
    with pytest.raises(services.ReferralRefused, match="is not on Example Video"):
        services.drafting.create_referral(
            platform=platform, content_item_ids=items_of(elsewhere), by=officer
        )
    with pytest.raises(services.ReferralRefused, match="at least one"):
        services.drafting.create_referral(platform=platform, content_item_ids=[], by=officer)
    assert not Referral.objects.exists()


def test_an_item_is_not_referred_twice_while_its_referral_is_open(platform, two_cases, users):
    officer = users["hub_officer"]
    first = services.drafting.create_referral(
        platform=platform, content_item_ids=items_of(two_cases[0]), by=officer
    )
    with pytest.raises(services.ReferralRefused, match=f"already in referral {first.reference}/1"):
        services.drafting.create_referral(
            platform=platform, content_item_ids=items_of(two_cases[0]), by=officer
        )


def test_sending_puts_one_message_in_the_outbox_and_delivery_marks_items_sent(
    platform, two_cases, users, settings, django_capture_on_commit_callbacks
):
    settings.HUB_EMAIL_BACKEND = "outbox"  # held: recorded, not sent
    officer = users["hub_officer"]
    referral = services.drafting.create_referral(
        platform=platform, content_item_ids=items_of(*two_cases), by=officer
    )
    services.sending.send_referral(referral, by=officer)
    services.sending.send_referral(referral, by=officer)  # a double click
    message = OutboxMessage.objects.get()
    assert (message.channel, message.recipient, message.purpose) == (
        "email",
        "takedown@video.example.com",
        "takedown_referral",
    )
    assert message.body == referral.body
    referral.refresh_from_db()
    assert referral.delivery == Referral.Delivery.QUEUED
    # The outbox says it went: every drafted item is now sent, with the time.
    from hatehub.outbox.signals import message_sent

    message.status, message.sent_at = "sent", message.created_at
    message_sent.send(sender=OutboxMessage, message=message)
    referral.refresh_from_db()
    assert referral.delivery == Referral.Delivery.SENT
    assert {(i.status, i.sent_at) for i in referral.items.all()} == {("sent", message.sent_at)}
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.DISCLOSE, object_type="referral").count()
        == 1
    )
    # Both cases are now Referred, each with a timeline entry and an audit entry.
    for case in two_cases:
        case.refresh_from_db()
        assert case.status == Case.Status.REFERRED
        assert case.events.filter(
            kind="status_changed", summary__contains=f"{referral.reference} to Example Video"
        ).exists()
        assert AuditEvent.objects.filter(
            object_type="case", object_id=case.reference, summary__contains="referred to platform"
        ).exists()


def test_mark_referred_never_moves_a_case_back(make_report, users, forces):
    from hatehub.cases.services import mark_referred

    officer = users["hub_officer"]
    allocated = allocate(make_report().case, force=forces["merseyside"], reason="Victim's area")
    assert mark_referred(allocated, by=officer, referral="TR-1").status == Case.Status.REFERRED
    assert allocated.events.filter(kind="status_changed").count() == 1
    assert mark_referred(allocated, by=officer, referral="TR-2").status == Case.Status.REFERRED
    assert allocated.events.filter(kind="status_changed").count() == 1  # already referred
    closed = make_report().case
    Case.objects.filter(pk=closed.pk).update(status=Case.Status.CLOSED)
    assert mark_referred(closed, by=officer, referral="TR-3").status == Case.Status.CLOSED
    assert not closed.events.filter(kind="status_changed").exists()


def test_a_failed_delivery_is_visible_and_can_be_sent_again(platform, two_cases, users, settings):
    settings.HUB_EMAIL_BACKEND = "outbox"
    officer = users["hub_officer"]
    referral = services.drafting.create_referral(
        platform=platform, content_item_ids=items_of(two_cases[0]), by=officer
    )
    services.sending.send_referral(referral, by=officer)
    message = OutboxMessage.objects.get()
    message.status, message.last_error = "failed", "550 mailbox unavailable"
    message.save()
    from hatehub.outbox.signals import message_failed

    message_failed.send(sender=OutboxMessage, message=message)
    referral.refresh_from_db()
    assert referral.delivery == Referral.Delivery.FAILED
    page = client_for(officer).get(f"/hub/platforms/referrals/{referral.reference}/")
    assert b"550 mailbox unavailable" in page.content
    response = client_for(officer).post(
        f"/hub/platforms/referrals/{referral.reference}/retry/", {"reason": ""}
    )
    assert response.status_code == 400 and b"Say why you are sending it again" in response.content
    client_for(officer).post(
        f"/hub/platforms/referrals/{referral.reference}/retry/", {"reason": "Address fixed"}
    )
    referral.refresh_from_db()
    message.refresh_from_db()
    assert referral.delivery == Referral.Delivery.QUEUED and message.status == "retrying"


def test_a_web_form_referral_shows_the_text_and_the_officer_records_the_submission(
    two_cases, users
):
    form_platform = example_platform(
        slug="example-forms",
        name="Example Forms",
        extra_domains=["forms.example"],
        channel=Platform.Channel.WEB_FORM,
        web_form_url="https://forms.example/report",
        referral_email="",
    )
    officer = users["hub_officer"]
    case = two_cases[0]
    report = case.reports.first()
    report.content_items.update(
        url="https://forms.example/p/1", canonical_url="forms.example/p/1", platform=""
    )
    referral = services.drafting.create_referral(
        platform=form_platform, content_item_ids=items_of(case), by=officer
    )
    client = client_for(officer)
    page = client.get(f"/hub/platforms/referrals/{referral.reference}/")
    assert b"Paste this text" in page.content and b"forms.example/p/1" in page.content
    with pytest.raises(services.ReferralRefused):
        services.sending.send_referral(referral, by=officer)
    refused = client.post(f"/hub/platforms/referrals/{referral.reference}/submitted/", {})
    assert refused.status_code == 400 and b"Confirm that you submitted" in refused.content
    client.post(
        f"/hub/platforms/referrals/{referral.reference}/submitted/",
        {"confirm": "on", "note": "Ticket 42"},
    )
    referral.refresh_from_db()
    assert referral.delivery == Referral.Delivery.SUBMITTED
    assert referral.items.get().status == ItemStatus.SENT
    assert not OutboxMessage.objects.exists()


def test_the_officer_sets_item_statuses_with_reasons(platform, two_cases, users):
    officer = users["hub_officer"]
    referral = services.drafting.create_referral(
        platform=platform, content_item_ids=items_of(*two_cases), by=officer
    )
    item = referral.items.get(number=1)
    with pytest.raises(services.ReferralRefused, match="Send the referral"):
        services.status.set_status_by_officer(item, status="removed", reason="", by=officer)
    services.sending.mark_sent(referral, at=referral.created_at)
    client = client_for(officer)
    url = f"/hub/platforms/referrals/{referral.reference}/items/1/status/"
    refused = client.post(url, {"status": "refused", "reason": ""})
    assert refused.status_code == 200 and b"Give the platform&#x27;s reason" in refused.content
    item.refresh_from_db()
    assert item.status == ItemStatus.SENT
    client.post(url, {"status": "refused", "reason": "Not against our terms"})
    item.refresh_from_db()
    assert (item.status, item.status_reason) == ("refused", "Not against our terms")
    change = StatusChange.objects.filter(item=item).last()
    assert (change.source, change.from_status, change.to_status) == ("officer", "sent", "refused")
    assert AuditEvent.objects.filter(object_type="referral_item", object_id=item.label).exists()
    # A refused item may be referred again in a new referral.
    again = services.drafting.create_referral(
        platform=platform, content_item_ids=items_of(two_cases[0]), by=officer
    )
    assert again.items.count() == 1


def test_the_referral_pages_from_a_case(platform, two_cases, users):
    officer = users["hub_officer"]
    client = client_for(officer)
    case_page = client.get(f"/hub/cases/{two_cases[0].reference}/")
    assert b"Refer content to a platform" in case_page.content
    new_url = f"/hub/platforms/referrals/new/{two_cases[0].reference}/"
    page = client.get(new_url, {"cases": two_cases[1].reference})
    assert page.status_code == 200 and b"video.example/watch/102" in page.content
    unknown = client.get(new_url, {"cases": "OHH-1999-999999"})
    assert b"No case with reference OHH-1999-999999" in unknown.content
    empty = client.post(new_url, {})
    assert b"Select at least one item to refer" in empty.content
    response = client.post(
        new_url + f"?cases={two_cases[1].reference}", {"items": items_of(*two_cases)}
    )
    referral = Referral.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{referral.reference}/")
    assert referral.items.count() == 2
    listing = client.get("/hub/platforms/referrals/")
    assert referral.reference.encode() in listing.content
    case_page = client.get(f"/hub/cases/{two_cases[0].reference}/")
    assert f"{referral.reference}/1".encode() in case_page.content


def test_a_force_user_sees_only_their_forces_referrals(platform, two_cases, users, forces):
    officer = users["hub_officer"]
    allocate(two_cases[0], force=forces["merseyside"], reason="[SYNTHETIC] victim's force")
    referral = services.drafting.create_referral(
        platform=platform, content_item_ids=items_of(*two_cases), by=officer
    )
    merseyside, kent = client_for(users["force_user"]), client_for(users["other_force_user"])
    page = merseyside.get(f"/hub/platforms/referrals/{referral.reference}/")
    assert page.status_code == 200
    assert f"{referral.reference}/1".encode() in page.content
    assert f"{referral.reference}/2".encode() not in page.content  # the other case's item
    assert b"Referral text" not in page.content  # the message names the other case's content
    assert kent.get(f"/hub/platforms/referrals/{referral.reference}/").status_code == 404
    denied = AuditEvent.objects.filter(action=AuditEvent.Action.DENIED, object_type="referral")
    assert denied.get().actor == users["other_force_user"]
    assert referral.reference.encode() not in kent.get("/hub/platforms/referrals/").content
    assert (
        merseyside.post(f"/hub/platforms/referrals/{referral.reference}/send/").status_code == 403
    )
    assert selectors.visible_items(users["force_user"]).count() == 1


def test_an_api_platform_gets_the_referral_as_a_json_webhook(two_cases, users, settings):
    settings.HUB_WEBHOOK_BACKEND = "outbox"
    settings.HUB_PUBLIC_URL = "https://hub.example.police.uk/"
    api_platform = example_platform(
        channel=Platform.Channel.API,
        referral_email="",
        referral_endpoint="https://api.video.example/referrals",
    )
    officer = users["hub_officer"]
    referral = services.drafting.create_referral(
        platform=api_platform, content_item_ids=items_of(*two_cases), by=officer
    )
    services.sending.send_referral(referral, by=officer)
    message = OutboxMessage.objects.get()
    assert (message.channel, message.recipient) == (
        "webhook",
        "https://api.video.example/referrals",
    )
    data = json.loads(message.body)
    assert data["reference"] == referral.reference
    assert [item["reference"] for item in data["items"]] == [
        f"{referral.reference}/1",
        f"{referral.reference}/2",
    ]
    assert data["callback_url"] == (
        "https://hub.example.police.uk/api/v1/platforms/example-video/status"
    )
    legislation = data["items"][0]["offences"][0]["legislation"]
    assert legislation == "Public Order Act 1986, section 19 (Part 3)"
    assert "DOMAIN.md" not in message.body and OFFENCE not in message.body


def test_a_missed_delivery_signal_is_caught_up(platform, two_cases, users, settings):
    settings.HUB_EMAIL_BACKEND = "outbox"
    officer = users["hub_officer"]
    referral = services.drafting.create_referral(
        platform=platform, content_item_ids=items_of(two_cases[0]), by=officer
    )
    services.sending.send_referral(referral, by=officer)
    OutboxMessage.objects.update(status="sent", sent_at=referral.created_at)  # no signal
    client_for(officer).get(f"/hub/platforms/referrals/{referral.reference}/")
    referral.refresh_from_db()
    assert referral.delivery == Referral.Delivery.SENT
    assert referral.items.get().status == ItemStatus.SENT


def test_a_failing_status_update_never_undoes_the_outboxs_record_of_a_send(
    platform, two_cases, users, settings, monkeypatch
):
    settings.HUB_EMAIL_BACKEND = "outbox"
    officer = users["hub_officer"]
    referral = services.drafting.create_referral(
        platform=platform, content_item_ids=items_of(two_cases[0]), by=officer
    )
    services.sending.send_referral(referral, by=officer)
    message = OutboxMessage.objects.get()

    def broken(*args, **kwargs):
        raise RuntimeError("database hiccup")

    monkeypatch.setattr(services.sending, "mark_sent", broken)
    from hatehub.outbox.signals import message_sent

    message.status, message.sent_at = "sent", referral.created_at
    message_sent.send(sender=OutboxMessage, message=message)  # logs, does not raise
    referral.refresh_from_db()
    assert referral.delivery == Referral.Delivery.QUEUED
