"""Partner intake API: submitting reports with evidence, idempotent retries, reading them back.

The helpers here (`report_body`, `post_report`, `problem_of`) are shared with test_api_*.py.
"""

import base64
import hashlib
import json
import uuid

import pytest
from django.test import Client, override_settings

from hatehub.accounts.models import Organisation
from hatehub.accounts.services import issue_api_key
from hatehub.audit.models import AuditEvent
from hatehub.demo.synthetic import fake_executable
from hatehub.evidence import store
from hatehub.evidence.models import EvidenceFile
from hatehub.reports.models import Complainant, Report

REPORTS_URL = "/api/v1/reports"
PARTNER = "partner:Example Reporting Centre"


def report_body(synthetic, *, evidence: list[tuple[str, bytes]] = (), **overrides) -> dict:
    """A complete, valid report body built from synthetic (never real) people and posts."""
    post, person = synthetic.post(platform="x", strand="religion"), synthetic.person()
    body = {
        "reporter_role": "victim",
        "description": post.text,
        "occurred_on": "2025-03-14",
        "platform": "x",
        "strands": ["religion"],
        "urls": [post.url],
        "accounts": [f"@{post.handle}"],
        "victim_postcode": "l18jq",
        "contact": {
            "name": person["name"],
            "email": person["email"],
            "phone": person["phone"],
            "contact_method": "email",
        },
        "support_referral_consent": True,
        "partner_reference": "ERC-0042",
        "evidence": [
            {"filename": name, "content_base64": base64.b64encode(data).decode()}
            for name, data in evidence
        ],
    }
    body.update(overrides)
    return body


def post_report(client: Client, key: str | None, body, *, idempotency_key: str | None = None):
    headers = {"User-Agent": "PartnerSync/2.1"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    if idempotency_key is not None:
        headers["Idempotency-Key"] = idempotency_key
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(REPORTS_URL, data=data, content_type="application/json", headers=headers)


def problem_of(response, status: int) -> dict:
    """Assert the response is an RFC 9457 problem with this status, and return its body."""
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    assert problem["title"] and problem["type"]
    return problem


def fields(problem: dict) -> dict[str, str]:
    return {error["field"]: error["message"] for error in problem.get("errors", [])}


def nothing_stored() -> bool:
    return not Report.objects.exists() and not EvidenceFile.objects.exists()


def test_report_with_screenshot_is_stored(client, api_key, organisation, synthetic, png_bytes):
    body = report_body(synthetic, evidence=[("screenshot.png", png_bytes)])

    response = post_report(client, api_key, body, idempotency_key=str(uuid.uuid4()))

    assert response.status_code == 201
    receipt = response.json()
    assert response["Location"] == f"/api/v1/reports/{receipt['reference']}"
    assert receipt["status"] == "received"
    assert "case_reference" not in receipt and "case" not in receipt
    report = Report.objects.get(reference=receipt["reference"])
    assert report.organisation == organisation
    assert report.source == "partner"
    assert report.partner_reference == "ERC-0042"
    assert list(report.strands.values_list("code", flat=True)) == ["religion"]
    assert [item.url for item in report.content_items.all()] == body["urls"]
    complainant = Complainant.objects.get(report=report)
    assert complainant.email == body["contact"]["email"]
    assert complainant.phone == body["contact"]["phone"]
    assert complainant.victim_postcode == "L1 8JQ"
    [evidence] = receipt["evidence"]
    assert evidence == {
        "filename": "screenshot.png",
        "sha256": hashlib.sha256(png_bytes).hexdigest(),
        "size_bytes": len(png_bytes),
        "media_type": "image/png",
    }
    stored = EvidenceFile.objects.get(report=report, kind=EvidenceFile.Kind.ORIGINAL)
    assert stored.sha256 == evidence["sha256"]
    with store.open_blob(evidence["sha256"]) as blob:
        assert hashlib.sha256(blob.read()).hexdigest() == evidence["sha256"]


def test_submission_is_audited_as_the_partner_with_ip_and_user_agent(client, api_key, synthetic):
    response = post_report(client, api_key, report_body(synthetic))

    created = AuditEvent.objects.get(action="create", object_type="report")
    assert created.object_id == response.json()["reference"]
    assert created.actor_label == PARTNER
    assert created.ip_address == "127.0.0.1"
    assert created.user_agent == "PartnerSync/2.1"
    assert created.request_path == REPORTS_URL


def test_retry_with_same_key_returns_the_first_report(client, api_key, synthetic, png_bytes):
    body = report_body(synthetic, evidence=[("screenshot.png", png_bytes)])
    first = post_report(client, api_key, body, idempotency_key="retry-1")

    retry = post_report(client, api_key, body, idempotency_key="retry-1")

    assert first.status_code == 201
    assert retry.status_code == 200
    assert retry["Idempotent-Replayed"] == "true"
    assert retry.json() == first.json()
    assert retry["Location"] == first["Location"]
    assert Report.objects.count() == 1
    assert EvidenceFile.objects.filter(kind=EvidenceFile.Kind.ORIGINAL).count() == 1


def test_same_key_with_a_different_body_is_a_conflict(client, api_key, synthetic):
    first = post_report(client, api_key, report_body(synthetic), idempotency_key="key-a")

    other = post_report(client, api_key, report_body(synthetic), idempotency_key="key-a")

    problem = problem_of(other, 409)
    assert problem["reference"] == first.json()["reference"]
    assert "different body" in problem["detail"]
    assert Report.objects.count() == 1


def test_the_same_key_from_another_organisation_is_a_new_report(client, api_key, synthetic):
    other_key = issue_api_key(
        organisation=Organisation.objects.create(name="Other Centre"), reason="test"
    )
    body = report_body(synthetic)

    ours = post_report(client, api_key, body, idempotency_key="shared")
    theirs = post_report(client, other_key, body, idempotency_key="shared")

    assert (ours.status_code, theirs.status_code) == (201, 201)
    assert ours.json()["reference"] != theirs.json()["reference"]


def test_idempotency_key_over_200_characters_is_refused(client, api_key, synthetic):
    response = post_report(client, api_key, report_body(synthetic), idempotency_key="k" * 201)

    assert "200" in problem_of(response, 400)["detail"]
    assert nothing_stored()


def test_unknown_strand_names_the_bad_value_and_stores_nothing(client, api_key, synthetic):
    body = report_body(synthetic, strands=["religion", "racism"])

    problem = problem_of(post_report(client, api_key, body), 422)

    assert "'racism' is not a strand" in fields(problem)["strands[1]"]
    assert nothing_stored()


def test_exe_renamed_png_is_rejected_and_nothing_stored(client, api_key, synthetic, png_bytes):
    evidence = [("good.png", png_bytes), ("holiday.png", fake_executable())]
    body = report_body(synthetic, evidence=evidence)

    problem = problem_of(post_report(client, api_key, body, idempotency_key="exe"), 422)

    message = fields(problem)["evidence[1]"]
    assert "holiday.png must be a PNG, JPEG or WebP image, or a PDF" in message
    assert "EXE" in message
    assert nothing_stored()


def test_50_mb_evidence_is_refused_before_it_is_read(client, api_key, synthetic):
    fifty_mb_base64 = "A" * (50 * 1024 * 1024 * 4 // 3)
    body = report_body(synthetic)
    body["evidence"] = [{"filename": "huge.png", "content_base64": fifty_mb_base64}]

    problem = problem_of(post_report(client, api_key, body), 413)

    assert "must be smaller than" in problem["detail"]
    assert nothing_stored()


@override_settings(EVIDENCE_MAX_FILE_BYTES=4 * 1024)
def test_evidence_over_the_file_limit_gets_a_specific_error(client, api_key, synthetic, png_bytes):
    body = report_body(synthetic, evidence=[("screenshot.png", png_bytes)])

    problem = problem_of(post_report(client, api_key, body), 422)

    assert "each file must be smaller than 4 KB" in fields(problem)["evidence[0]"]
    assert nothing_stored()


def test_evidence_that_is_not_base64_is_refused(client, api_key, synthetic):
    body = report_body(synthetic)
    body["evidence"] = [{"filename": "a.png", "content_base64": "not base64 at all!"}]

    problem = problem_of(post_report(client, api_key, body), 422)

    assert "not valid base64" in fields(problem)["evidence[0].content_base64"]
    assert nothing_stored()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"strands": ["other"]}, "strand_other", "Say what was targeted"),
        ({"platform": "myspace"}, "platform", "'myspace' is not a platform"),
        ({"occurred_on": "2999-01-01"}, "occurred_on", "today or earlier"),
        ({"urls": ["javascript:alert(1)"]}, "urls[0]", "http:// or https://"),
        ({"contact": {"email": "not-an-email"}}, "contact.email", "email address"),
        ({"contact": {"contact_method": "phone"}}, "contact.phone", "Give a phone number"),
        ({"anonymous": True, "support_referral_consent": False}, "contact", "anonymous"),
        ({"victim_postcode": "ZZZZ 999"}, "victim_postcode", "full UK postcode"),
        ({"victim_postcode": "L1"}, "victim_postcode", "full UK postcode"),
        ({"contact": {"phone": "12345"}}, "contact.phone", "UK phone number"),
        ({"urls": [], "accounts": []}, "urls", "at least one link"),
        ({"poster_identity_known": True}, "poster_identity_details", "who you think"),
        ({"future_event": "yes"}, "future_event_details", "what the event is"),
        ({"future_event": "maybe"}, "future_event", "'maybe' is not a future_event answer"),
        ({"victim_town": "x" * 101}, "victim_town", "at most 100 characters"),
        ({"strand": ["race"]}, "strand", "Not a field of this API"),
        ({"description": "   "}, "description", "at least 1 character"),
    ],
)
def test_invalid_answers_point_at_the_field(client, api_key, synthetic, overrides, field, message):
    problem = problem_of(post_report(client, api_key, report_body(synthetic, **overrides)), 422)

    assert message in fields(problem)[field]
    assert problem["type"] == "urn:hatehub:problem:validation-failed"
    assert nothing_stored()


def test_anonymous_report_without_contact_is_accepted(client, api_key, synthetic):
    body = report_body(synthetic, anonymous=True, contact={}, support_referral_consent=False)

    response = post_report(client, api_key, body)

    assert response.status_code == 201
    report = Report.objects.get(reference=response.json()["reference"])
    assert report.anonymous and report.complainant.email == ""


def test_partner_reads_back_its_report_audited(client, api_key, synthetic, png_bytes):
    body = report_body(synthetic, evidence=[("screenshot.png", png_bytes)])
    receipt = post_report(client, api_key, body).json()

    url = f"{REPORTS_URL}/{receipt['reference']}"
    response = client.get(url, headers={"Authorization": f"Bearer {api_key}"})

    assert response.status_code == 200
    status = response.json()
    assert status["reference"] == receipt["reference"]
    assert status["status"] == "New"
    assert status["evidence"] == receipt["evidence"]
    viewed = AuditEvent.objects.get(action="view", object_type="report")
    assert viewed.object_id == receipt["reference"]
    assert viewed.actor_label == PARTNER


def test_reference_is_read_back_however_the_partner_types_it(client, api_key, synthetic):
    reference = post_report(client, api_key, report_body(synthetic)).json()["reference"]

    typed = reference.replace("-", "").lower()
    response = client.get(f"{REPORTS_URL}/{typed}", headers={"X-API-Key": api_key})

    assert response.json()["reference"] == reference


def test_another_organisation_cannot_read_the_report(client, api_key, synthetic):
    reference = post_report(client, api_key, report_body(synthetic)).json()["reference"]
    other_key = issue_api_key(
        organisation=Organisation.objects.create(name="Other Centre"), reason="test"
    )

    response = client.get(f"{REPORTS_URL}/{reference}", headers={"X-API-Key": other_key})

    problem_of(response, 404)
    refused = AuditEvent.objects.get(action="denied", object_type="report")
    assert refused.actor_label == "partner:Other Centre"
    assert not AuditEvent.objects.filter(action="view").exists()


def test_unknown_reference_is_not_found(client, api_key):
    response = client.get(f"{REPORTS_URL}/AAAA-BBBB-CCCC", headers={"X-API-Key": api_key})

    problem_of(response, 404)
