"""The platforms' status callback: authenticated, fresh, never replayed, always audited."""

import json
import time

import pytest
from django.test import Client

from hatehub.audit.models import AuditEvent
from hatehub.platforms import services
from hatehub.platforms.models import CallbackEvent, ItemStatus

from .helpers import decided_case, example_platform, signed

pytestmark = pytest.mark.django_db
URL = "/api/v1/platforms/example-video/status"


@pytest.fixture
def sent_referral(make_report, users):
    platform = example_platform()
    officer = users["hub_officer"]
    case = decided_case(
        make_report, officer, urls=["https://video.example/w/1", "https://video.example/w/2"]
    )
    ids = [item.pk for item in case.reports.get().content_items.all()]
    referral = services.drafting.create_referral(
        platform=platform, content_item_ids=ids, by=officer
    )
    services.sending.mark_sent(referral, at=referral.created_at)
    secret = services.directory.issue_callback_secret(platform)
    return referral, secret


def post(body: bytes, headers: dict):
    return Client().post(URL, data=body, content_type="application/json", **headers)


def denied():
    return list(
        AuditEvent.objects.filter(
            action=AuditEvent.Action.DENIED, object_type="platform_callback"
        ).order_by("sequence")
    )


def payload(referral, event="evt-1", items=None):
    return {
        "event_id": event,
        "referral": referral.reference,
        "items": items or [{"item": 1, "status": "removed"}],
    }


def test_a_signed_callback_updates_the_items(sent_referral):
    referral, secret = sent_referral
    body, headers = signed(
        secret,
        payload(
            referral,
            items=[
                {"item": 1, "status": "removed"},
                {"item": 2, "status": "refused", "reason": "Within our terms"},
            ],
        ),
    )
    response = post(body, headers)
    assert response.status_code == 200, response.content
    assert response.json()["items"] == [
        {"item": 1, "status": "removed"},
        {"item": 2, "status": "refused"},
    ]
    one, two = referral.items.order_by("number")
    assert one.status == ItemStatus.REMOVED and one.removed_at is not None
    assert (two.status, two.status_reason) == ("refused", "Within our terms")
    assert one.changes.last().source == "callback"
    accepted = AuditEvent.objects.filter(object_type="referral", summary__contains="callback")
    assert accepted.get().actor_label == "platform:example-video"
    assert not denied()


def test_an_acknowledgement_after_removal_changes_nothing(sent_referral):
    referral, secret = sent_referral
    post(*signed(secret, payload(referral, "e1")))
    post(*signed(secret, payload(referral, "e2", [{"item": 1, "status": "acknowledged"}])))
    assert referral.items.get(number=1).status == ItemStatus.REMOVED


def test_a_wrong_signature_is_refused_and_audited(sent_referral):
    referral, secret = sent_referral
    body, headers = signed("whsec_not-the-key", payload(referral))
    response = post(body, headers)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"].endswith("callback-unauthenticated")
    assert referral.items.get(number=1).status == ItemStatus.SENT
    (entry,) = denied()
    assert entry.object_id == "example-video" and "does not match" in entry.summary
    # A body changed after signing is refused the same way.
    body, headers = signed(secret, payload(referral))
    assert post(body.replace(b"removed", b"refused"), headers).status_code == 401
    # And no signature at all.
    assert post(body, {}).status_code == 401
    assert len(denied()) == 3


def test_a_stale_timestamp_is_refused(sent_referral):
    referral, secret = sent_referral
    response = post(*signed(secret, payload(referral), timestamp=int(time.time()) - 3600))
    assert response.status_code == 401 and "seconds" in response.json()["detail"]
    assert len(denied()) == 1


def test_a_replayed_event_is_refused_and_audited(sent_referral):
    referral, secret = sent_referral
    body, headers = signed(secret, payload(referral))
    assert post(body, headers).status_code == 200
    replay = post(body, headers)
    assert replay.status_code == 409 and replay.json()["type"].endswith("callback-replay")
    # Even re-signed with a fresh timestamp, the same event id is a replay.
    assert (
        post(
            *signed(secret, payload(referral, items=[{"item": 2, "status": "removed"}]))
        ).status_code
        == 409
    )
    assert referral.items.get(number=2).status == ItemStatus.SENT
    assert CallbackEvent.objects.count() == 1
    assert [e.details["problem"] for e in denied()] == ["callback-replay", "callback-replay"]


def test_an_unknown_referral_or_item_is_refused_and_audited(sent_referral):
    referral, secret = sent_referral
    unknown = {**payload(referral), "referral": "TR-1999-999999"}
    response = post(*signed(secret, unknown))
    assert response.status_code == 404 and response.json()["type"].endswith("unknown-referral")
    no_item = post(*signed(secret, payload(referral, "e9", [{"item": 7, "status": "removed"}])))
    assert no_item.status_code == 422
    assert not CallbackEvent.objects.exists()  # nothing was applied, so nothing was consumed
    no_reason = post(*signed(secret, payload(referral, "e10", [{"item": 1, "status": "refused"}])))
    assert no_reason.status_code == 422
    assert [e.details["status"] for e in denied()] == [404, 422, 422]


def test_another_platforms_referral_is_unknown_to_it(sent_referral, make_report, users):
    referral, _ = sent_referral
    other = example_platform(slug="other-video", name="Other", extra_domains=["other.example"])
    secret = services.directory.issue_callback_secret(other)
    body, headers = signed(secret, payload(referral))
    response = Client().post(
        "/api/v1/platforms/other-video/status",
        data=body,
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404


def test_bad_bodies_unknown_platforms_and_rotated_keys(sent_referral):
    referral, secret = sent_referral
    body, headers = signed(
        secret,
        {
            "event_id": "e",
            "referral": referral.reference,
            "items": [{"item": 1, "status": "gone"}],
            "extra": 1,
        },
    )
    invalid = post(body, headers)
    assert invalid.status_code == 422
    fields = {error["field"] for error in invalid.json()["errors"]}
    assert fields == {"items[0].status", "extra"}
    not_json = b"{not json"
    _, headers = signed(secret, {})
    import hashlib
    import hmac

    stamp = headers["HTTP_X_HUB_TIMESTAMP"]
    mac = hmac.new(secret.encode(), stamp.encode() + b"." + not_json, hashlib.sha256).hexdigest()
    headers["HTTP_X_HUB_SIGNATURE_256"] = f"sha256={mac}"
    assert post(not_json, headers).status_code == 400
    unknown = Client().post(
        "/api/v1/platforms/nobody/status", data=json.dumps({}), content_type="application/json"
    )
    assert unknown.status_code == 401
    platform = referral.platform
    services.directory.issue_callback_secret(platform)  # rotation: the old key stops working
    assert post(*signed(secret, payload(referral, "e-new"))).status_code == 401
    assert len(denied()) == 4


def test_a_draft_is_unknown_to_the_platform(make_report, users):
    platform = example_platform()
    officer = users["hub_officer"]
    case = decided_case(make_report, officer, urls=["https://video.example/d/1"])
    ids = [item.pk for item in case.reports.get().content_items.all()]
    referral = services.drafting.create_referral(
        platform=platform, content_item_ids=ids, by=officer
    )
    secret = services.directory.issue_callback_secret(platform)
    assert post(*signed(secret, payload(referral))).status_code == 404
    assert referral.items.get().status == ItemStatus.DRAFTED
