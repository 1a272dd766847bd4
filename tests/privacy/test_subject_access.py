"""Subject access: finding a person, the bundle's content, and the audit of the disclosure."""

import hashlib
import io
import json
import zipfile

import pytest
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.evidence.models import EvidenceFile
from hatehub.intake.services import Contact
from hatehub.matching.models import OnlineAccount
from hatehub.privacy.selectors import find_complainants
from hatehub.suspects.models import Person, PersonAccountLink
from tests.cases.helpers import unique_png
from tests.privacy.test_erasure import person_details

pytestmark = pytest.mark.django_db


def report_by(make_report, details, **overrides):
    return make_report(
        contact=Contact(
            name=details["name"],
            email=details["email"],
            phone=details["phone"],
            contact_method="email",
        ),
        **{
            "evidence_bytes": [unique_png("sar")],
            "description": "[SYNTHETIC] what happened to me",
            **overrides,
        },
    )


def test_find_complainants_by_reference_email_phone_or_name(make_report):
    details = person_details()
    first = report_by(make_report, details)
    second = report_by(make_report, details, description="[SYNTHETIC] a second time")
    make_report(description="[SYNTHETIC] someone else")
    both = {first.pk, second.pk}
    found = find_complainants(email=details["email"].upper())
    assert {c.report_id for c in found.complainants} == both
    phone = "+44 " + details["phone"].replace(" ", "")[1:]
    assert {c.report_id for c in find_complainants(phone=phone).complainants} == both
    name = "  " + details["name"].upper().replace(" ", "  ")
    assert {c.report_id for c in find_complainants(name=name).complainants} == both
    by_ref = find_complainants(reference=first.reference.lower())
    assert [c.report_id for c in by_ref.complainants] == [first.pk]
    # Every criterion given must match.
    assert not find_complainants(reference=first.reference, email="x@example.invalid").complainants
    # The scan is bounded and says so.
    limited = find_complainants(email=details["email"], scan_limit=1)
    assert limited.truncated and limited.scanned == 1
    assert not find_complainants(
        email=details["email"], submitted_to=timezone.localdate().replace(year=2000)
    ).complainants


def test_the_bundle_holds_everything_and_the_disclosure_is_audited(client, users, make_report):
    details = person_details()
    first = report_by(make_report, details)
    second = report_by(make_report, details, description="[SYNTHETIC] a second time")
    client.force_login(users["hub_supervisor"])
    response = client.post(
        "/hub/privacy/subject-access/", {"kind": "complainant", "email": details["email"]}
    )
    page = response.content.decode()
    assert first.reference in page and second.reference in page
    search = AuditEvent.objects.filter(action="view", object_type="complainant").latest("sequence")
    assert details["email"] not in json.dumps(search.details) + search.summary
    assert search.details["criteria"] == ["email"]

    ids = [first.complainant.pk, second.complainant.pk]
    response = client.post(
        "/hub/privacy/subject-access/export/",
        {"complainants": ids, "requester": "The data subject, by email, received 2026-11-20"},
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert {"summary.html", "data.json"} <= set(names)
    html = archive.read("summary.html").decode()
    for text in (
        details["name"],
        details["email"],
        first.reference,
        second.reference,
        "[SYNTHETIC] a second time",
        first.case.reference,
    ):
        assert text in html
    data = json.loads(archive.read("data.json"))
    section = data["sections"][f"report_{first.reference}"]
    assert section["your_details"]["email"] == details["email"]
    assert section["your_report"]["what_happened"] == "[SYNTHETIC] what happened to me"
    # The files they supplied, byte for byte.
    originals = EvidenceFile.objects.filter(report__in=[first, second], kind="original")
    evidence_names = [n for n in names if n.startswith("evidence/")]
    assert len(evidence_names) == originals.count() == 2
    stored = {f.sha256 for f in originals}
    assert {hashlib.sha256(archive.read(n)).hexdigest() for n in evidence_names} == stored
    assert {f["sha256"] for f in data["files"]} == stored
    disclosure = AuditEvent.objects.get(action="disclose", object_type="complainant")
    assert disclosure.details["requester"] == "The data subject, by email, received 2026-11-20"
    assert disclosure.details["reports"] == [first.reference, second.reference]
    assert disclosure.details["bundle_sha256"] == hashlib.sha256(response.content).hexdigest()
    assert disclosure.actor == users["hub_supervisor"]


def test_an_export_without_a_requester_changes_nothing(client, users, make_report):
    report = report_by(make_report, person_details())
    client.force_login(users["hub_supervisor"])
    response = client.post(
        "/hub/privacy/subject-access/export/", {"complainants": [report.complainant.pk]}
    )
    assert response.status_code == 200
    assert "Enter who asked for the information" in response.content.decode()
    assert not AuditEvent.objects.filter(action="disclose").exists()


def test_a_suspects_bundle(client, users, make_report):
    report = make_report(accounts=["@sar_suspect"])
    account = report.accounts.get().account
    suspect = Person.objects.create(
        reference="P-SAR-1",
        full_name="[SYNTHETIC] Mallory Example",
        location_text="[SYNTHETIC] Example Town",
        created_at=timezone.now(),
    )
    PersonAccountLink.objects.create(
        person=suspect,
        account=account,
        source=PersonAccountLink.Source.PLATFORM_DISCLOSURE,
        confidence=PersonAccountLink.Confidence.CONFIRMED,
        linked_at=timezone.now(),
    )
    client.force_login(users["administrator"])
    page = client.post(
        "/hub/privacy/subject-access/", {"kind": "person", "person_reference": "P-SAR-1"}
    ).content.decode()
    assert "Suspect P-SAR-1" in page
    response = client.post(
        "/hub/privacy/subject-access/export/",
        {"person_reference": "P-SAR-1", "requester": "Solicitors acting for the subject"},
    )
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    html = archive.read("summary.html").decode()
    assert "[SYNTHETIC] Mallory Example" in html and "sar_suspect" in html
    assert OnlineAccount.objects.get(pk=account.pk).handle in html
    audit = AuditEvent.objects.get(action="disclose", object_type="person", object_id="P-SAR-1")
    assert audit.details["requester"] == "Solicitors acting for the subject"


@pytest.mark.parametrize("role", ["hub_officer", "analyst", "force_user", "partner"])
def test_only_supervisors_and_administrators_export(client, users, make_report, role):
    report = report_by(make_report, person_details())
    client.force_login(users[role])
    response = client.post(
        "/hub/privacy/subject-access/export/",
        {"complainants": [report.complainant.pk], "requester": "x"},
    )
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action="disclose").exists()
