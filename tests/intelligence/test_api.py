"""The export API: recipient keys only, POLE JSON and CSV by date range or report set,
problem+json for bad input, and every export audited as a disclosure with its recipient."""

import csv
import hashlib
import io
import json

import pytest
from django.test import Client
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.intelligence import services
from hatehub.intelligence.models import IntelligenceExport
from hatehub.reports.models import Complainant

from .conftest import CONDITIONS

JSON_URL = "/api/v1/intelligence/export.json"
CSV_URL = "/api/v1/intelligence/export.csv"
pytestmark = pytest.mark.django_db


def get(url, key=None, header="bearer", **params):
    headers = {}
    if key and header == "bearer":
        headers["Authorization"] = f"Bearer {key}"
    elif key:
        headers["X-API-Key"] = key
    return Client().get(url, params, headers=headers)


def today() -> str:
    return timezone.localdate().isoformat()


def disclosures():
    return AuditEvent.objects.filter(
        action=AuditEvent.Action.DISCLOSE, object_type="intelligence_export"
    )


def test_no_key_a_partner_key_or_a_revoked_key_is_refused(recipient_keys, api_key):
    for key in (None, api_key, "ohi_nothing_here", "rubbish"):
        response = get(JSON_URL, key, **{"from": today()})
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
    prefix = recipient_keys["kent"].split("_")[1]
    services.revoke_key(prefix, reason="test")
    assert get(JSON_URL, recipient_keys["kent"], **{"from": today()}).status_code == 401
    assert not disclosures().exists()


def test_the_json_export_is_pole_shaped_and_audited_with_its_recipient(
    make_disseminated, recipient_keys, recipients, person, account, case
):
    report = make_disseminated(to=("merseyside",))
    response = get(JSON_URL, recipient_keys["merseyside"], **{"from": today(), "to": today()})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["recipient"] == "Merseyside Force Intelligence Bureau"
    assert set(body) >= {"generated_at", "recipient", "entities", "relationships"}
    ids = {entity["id"]: entity["type"] for entity in body["entities"]}
    assert ids[f"person:{person.reference}"] == "person"
    assert ids[f"object:online-account:{account.pk}"] == "object"
    assert ids[f"event:case:{case.reference}"] == "event"
    assert ids["location:force:merseyside"] == "location"
    assert {
        "from": f"person:{person.reference}",
        "to": f"object:online-account:{account.pk}",
        "type": "uses_account",
        "confidence": "probable",
        "source": "platform_disclosure",
    } in body["relationships"]
    (item,) = body["intelligence_reports"]
    assert item["reference"] == report.reference
    assert item["grading"]["code"] == "2B P"
    text = json.dumps(body)
    assert "draft_text" not in text and report.draft_text not in text
    for complainant in Complainant.objects.filter(report__case=case):
        assert complainant.name not in text and complainant.email not in text

    export = IntelligenceExport.objects.get()
    assert export.recipient == recipients["merseyside"] and export.channel == "api"
    assert response["X-Export-SHA256"] == hashlib.sha256(response.content).hexdigest()
    assert export.sha256 == response["X-Export-SHA256"]
    entry = disclosures().get()
    assert entry.details["recipient"] == "Merseyside Force Intelligence Bureau"
    assert entry.details["reports"] == [report.reference]
    assert "Merseyside Force Intelligence Bureau" in entry.summary
    assert entry.actor_label == "intelligence-recipient:Merseyside Force Intelligence Bureau"


def test_handling_code_c_goes_only_to_its_recipients_and_carries_its_conditions(
    make_disseminated, recipient_keys
):
    coded_c = make_disseminated(
        to=("merseyside",), handling_code="C", handling_conditions=CONDITIONS
    )
    coded_p = make_disseminated(to=("merseyside",))
    params = {"from": today()}

    mine = json.loads(get(JSON_URL, recipient_keys["merseyside"], **params).content)
    by_reference = {item["reference"]: item for item in mine["intelligence_reports"]}
    assert set(by_reference) == {coded_c.reference, coded_p.reference}
    assert by_reference[coded_c.reference]["handling"]["conditions"] == CONDITIONS
    assert by_reference[coded_p.reference]["handling"]["conditions"] is None

    # Kent was not named: it gets the P-coded report (lawful sharing permitted), not the C one.
    theirs = json.loads(get(JSON_URL, recipient_keys["kent"], **params).content)
    assert [item["reference"] for item in theirs["intelligence_reports"]] == [coded_p.reference]
    refused = get(JSON_URL, recipient_keys["kent"], reports=coded_c.reference)
    assert refused.status_code == 422
    assert refused.json()["type"] == "urn:hatehub:problem:unknown-intelligence-reports"


def test_drafts_are_never_exported(make_draft, make_disseminated, recipient_keys):
    draft = make_draft()
    response = get(JSON_URL, recipient_keys["national"], reports=draft.reference)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "reports", "message": f"{draft.reference}: unknown or not available to you"}
    ]
    assert not disclosures().exists()


def test_by_report_set(make_disseminated, recipient_keys):
    first, second = make_disseminated(), make_disseminated()
    response = get(JSON_URL, recipient_keys["national"], reports=f"{second.reference}")
    body = response.json()
    assert [item["reference"] for item in body["intelligence_reports"]] == [second.reference]
    assert body["criteria"] == {"reports": [second.reference]}
    both_references = f"{first.reference},{second.reference}"
    both = get(JSON_URL, recipient_keys["national"], reports=both_references)
    assert len(both.json()["intelligence_reports"]) == 2


def test_the_csv_export_carries_the_handling_code_on_every_row(make_disseminated, recipient_keys):
    report = make_disseminated(to=("kent",), handling_code="C", handling_conditions=CONDITIONS)
    response = get(CSV_URL, recipient_keys["kent"], header="x-api-key", **{"from": today()})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="intelligence-' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows and {row["intelligence_report"] for row in rows} == {report.reference}
    assert {row["handling_conditions"] for row in rows} == {CONDITIONS}
    assert {row["entity_type"] for row in rows} == {"person", "object", "location", "event"}
    entry = disclosures().get()
    assert entry.details["format"] == "csv" and entry.details["recipient"] == (
        "Kent Force Intelligence Bureau"
    )


def test_a_date_range_outside_dissemination_finds_nothing(make_disseminated, recipient_keys):
    make_disseminated()
    body = get(
        JSON_URL, recipient_keys["national"], **{"from": "2020-01-01", "to": "2020-12-31"}
    ).json()
    assert body["intelligence_reports"] == [] and body["entities"] == []
    assert disclosures().count() == 1  # an empty export is still recorded


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({}, "from", "Give the first day"),
        ({"from": "01/11/2026"}, "from", "is not a date"),
        ({"from": "2026-11-02", "to": "2026-11-01"}, "to", "on or after the first day"),
        ({"from": "2026-11-01", "to": "yesterday"}, "to", "is not a date"),
        ({"from": "2026-11-01", "reports": "IR-X"}, "reports", "not both"),
        ({"reports": " , "}, "reports", "Give the references"),
    ],
)
def test_bad_input_is_a_problem_naming_the_parameter(recipient_keys, params, field, message):
    response = get(JSON_URL, recipient_keys["national"], **params)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:hatehub:problem:validation-failed"
    assert any(e["field"] == field and message in e["message"] for e in problem["errors"])
    assert not disclosures().exists() and not IntelligenceExport.objects.exists()


def test_the_api_is_described_in_openapi():
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/intelligence/export.json" in schema["paths"]
    assert "/api/v1/intelligence/export.csv" in schema["paths"]
