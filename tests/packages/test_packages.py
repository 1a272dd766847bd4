"""Evidence packages: the PDF and ZIP a local force receives, reproducible byte for byte,
versioned with what changed, and every generation and download audited."""

import hashlib
import io
import json
import shutil
import subprocess
import zipfile

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from hatehub.assessment.services import assess_case
from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Case
from hatehub.evidence.models import ContinuityEntry
from hatehub.packages import services
from hatehub.packages.bundle import changes
from hatehub.packages.models import Exhibit, PackageVersion
from tests.cases.helpers import case_with_evidence, unique_png

pytestmark = pytest.mark.django_db


def _files(zip_bytes: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.fixture
def case(make_report, forces):
    case, _ = case_with_evidence(
        make_report,
        force=forces["merseyside"],
        quoted_text="[SYNTHETIC] You lot should go back where you came from",
        urls=["https://x.com/synthetic_poster/status/42"],
    )
    assess_case(case, reason="First assessment")
    return Case.objects.get(pk=case.pk)


def test_the_zip_holds_the_pdf_every_original_a_manifest_and_checksums_that_verify(
    case, users, tmp_path
):
    built = services.generate(case, by=users["hub_officer"])
    files = _files(built.zip_bytes)
    root = f"{case.reference}-evidence-package-v1/"
    assert all(name.startswith(root) for name in files)
    names = {name.removeprefix(root) for name in files}
    assert {"package.pdf", "manifest.json", "SHA256SUMS"} <= names
    exhibits = [name for name in names if name.startswith("exhibits/")]
    original = case.reports.get().evidence.get(kind="original")
    assert len(exhibits) == 1 and files[root + exhibits[0]] == original_bytes(original)

    # SHA256SUMS lists every other file and verifies with the standard tool.
    sums = files[root + "SHA256SUMS"].decode().splitlines()
    assert sorted(line.split("  ", 1)[1] for line in sums) == sorted(names - {"SHA256SUMS"})
    with zipfile.ZipFile(io.BytesIO(built.zip_bytes)) as archive:
        archive.extractall(tmp_path)
    checked = subprocess.run(  # noqa: S603 (a fixed command on files the test wrote)
        [shutil.which("sha256sum") or "/usr/bin/sha256sum", "-c", "SHA256SUMS"],
        cwd=tmp_path / root,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr

    manifest = json.loads(files[root + "manifest.json"])
    assert manifest["case"] == case.reference and manifest["version"] == 1
    assert manifest["recipient_force"] == case.allocated_force.name
    (exhibit,) = manifest["exhibits"]
    assert exhibit["reference"] == "OF/1"  # the officer's initials (from "officer") and a number
    assert exhibit["sha256"] == original.sha256


def original_sha256(case) -> str:
    return case.reports.get().evidence.get(kind="original").sha256


def original_bytes(evidence) -> bytes:
    from hatehub.evidence import store

    with store.open_blob(evidence.sha256) as blob:
        return blob.read()


def test_the_pdf_has_the_mg_sections_the_hashes_and_its_own_recorded_dates(case, users):
    users["hub_officer"].first_name, users["hub_officer"].last_name = "Jo", "Smith"
    users["hub_officer"].save()
    built = services.generate(case, by=users["hub_officer"])
    reader = PdfReader(io.BytesIO(built.pdf_bytes))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert original_sha256(case) in "".join(text.split())  # a hash may wrap across lines
    for expected in (
        case.reference,
        "Case summary",
        "Exhibit list",
        "JS/1",
        "Draft witness statement",
        "NOT SIGNED",
        "Assessment and legal basis",
        "Timeline",
        "Continuity log",
        "[SYNTHETIC] You lot should go back",
    ):
        assert expected in flat, expected
    stamp = built.version.generated_at.strftime("%Y%m%d%H%M%S")
    assert reader.metadata["/CreationDate"].startswith(f"D:{stamp}")
    assert reader.metadata["/ModDate"].startswith(f"D:{stamp}")
    assert case.reference in reader.metadata["/Title"]


def test_generating_again_with_nothing_changed_gives_the_same_bytes_and_no_new_version(
    case, users, tmp_path
):
    first = services.generate(case, by=users["hub_officer"])
    second = services.generate(case, by=users["hub_supervisor"])
    assert not second.new and second.version == first.version
    assert second.zip_bytes == first.zip_bytes and second.pdf_bytes == first.pdf_bytes
    assert services.build(first.version)[0] == first.zip_bytes  # a rebuild of the stored version
    assert PackageVersion.objects.filter(case=case).count() == 1

    # The command writes the same ZIP and prints its path and SHA-256.
    out = io.StringIO()
    call_command("evidence_package", case.reference, "--out", str(tmp_path), stdout=out)
    path, digest = out.getvalue().split()
    assert open(path, "rb").read() == first.zip_bytes
    assert digest == hashlib.sha256(first.zip_bytes).hexdigest() == first.version.zip_sha256


def test_a_later_version_lists_the_new_report_and_exhibit_and_keeps_exhibit_references(
    case, users, make_report
):
    first = services.generate(case, by=users["hub_officer"])
    report = make_report(
        evidence_bytes=[unique_png("second")], urls=["https://x.com/synthetic_poster/status/42"]
    )
    assert report.case_id == case.pk  # the same post: matched into the case
    second = services.generate(case, by=users["hub_officer"])
    assert second.new and second.version.number == 2
    assert second.zip_bytes != first.zip_bytes
    listed = " ".join(second.version.changes)
    assert f"New reports: {report.reference}" in listed and "New exhibits:" in listed
    manifest = json.loads(
        _files(second.zip_bytes)[f"{case.reference}-evidence-package-v2/manifest.json"]
    )
    assert [e["reference"] for e in manifest["exhibits"]] == ["OF/1", "OF/2"]
    assert manifest["previous_version"]["zip_sha256"] == first.version.zip_sha256
    # Version 1 is still rebuilt exactly as it was, without the new report.
    assert services.build(PackageVersion.objects.get(case=case, number=1))[0] == first.zip_bytes


def test_changes_list_assessment_and_force_changes():
    before = {
        "reports": ["A"],
        "evidence": [[1, "aa", "a.png"]],
        "assessment": {"number": 1, "classification": "Crime", "offences": [], "decision": None},
        "recipient_force": "Kent Police",
        "status": "Allocated to force",
        "timeline": 3,
    }
    after = {
        **before,
        "assessment": {
            "number": 2,
            "classification": "Non-crime hate incident",
            "offences": [],
            "decision": "Crime, grade 3",
        },
        "recipient_force": "Merseyside Police",
        "timeline": 5,
    }
    assert changes(before, after) == [
        "Assessment 2 replaces assessment 1.",
        "Recommended classification: Non-crime hate incident (was Crime).",
        "Officer's decision: Crime, grade 3 (was none).",
        "Prepared for Merseyside Police (previous version: Kent Police).",
        "2 new timeline event(s).",
    ]
    assert changes(None, after) == ["First version of the evidence package for this case."]


def test_generation_writes_continuity_and_an_export_with_the_recipient_force(case, users):
    services.generate(case, by=users["hub_officer"])
    original = case.reports.get().evidence.get(kind="original")
    entry = ContinuityEntry.objects.get(evidence=original, action="packaged")
    assert entry.actor == users["hub_officer"] and "exhibit OF/1" in entry.what
    assert "Merseyside" in entry.why
    event = AuditEvent.objects.filter(object_type="evidence_package").latest("sequence")
    assert event.action == AuditEvent.Action.EXPORT
    assert event.details["recipient_force"] == "merseyside"


def test_a_tampered_original_stops_the_package(case, users, settings):
    from hatehub.evidence import store

    original = case.reports.get().evidence.get(kind="original")
    path = (
        settings.STORAGES["evidence"]["OPTIONS"]["location"] + "/" + store.path_for(original.sha256)
    )
    kept = open(path, "rb").read()
    data = bytearray(kept)
    data[-20] ^= 0xFF
    open(path, "wb").write(bytes(data))
    try:
        with pytest.raises(services.PackageError, match="no longer matches"):
            services.generate(case, by=users["hub_officer"])
    finally:
        open(path, "wb").write(kept)  # the store is shared by every test of the run
    assert not PackageVersion.objects.exists() and not Exhibit.objects.exists()


# Pages -----------------------------------------------------------------------------------------


def test_the_force_downloads_its_package_and_the_disclosure_is_logged(client, case, users):
    client.force_login(users["hub_officer"])
    response = client.post(f"/hub/cases/{case.reference}/packages/")
    assert response.status_code == 302
    page = client.get(f"/hub/cases/{case.reference}/")
    assert b"Generate evidence package" in page.content and b"packages/1/zip" in page.content
    version = PackageVersion.objects.get(case=case)

    client.force_login(users["force_user"])
    response = client.get(f"/hub/cases/{case.reference}/packages/1/zip")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == version.zip_sha256
    event = AuditEvent.objects.filter(object_type="evidence_package").latest("sequence")
    assert event.action == AuditEvent.Action.DISCLOSE and event.actor == users["force_user"]
    assert event.details["recipient_force"] == "merseyside"
    original = case.reports.get().evidence.get(kind="original")
    assert ContinuityEntry.objects.filter(evidence=original, action="package_downloaded").exists()

    pdf = client.get(f"/hub/cases/{case.reference}/packages/1/pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert hashlib.sha256(b"".join(pdf.streaming_content)).hexdigest() == version.pdf_sha256


def test_another_forces_user_cannot_generate_or_download(client, case, users):
    services.generate(case, by=users["hub_officer"])
    client.force_login(users["other_force_user"])
    assert client.post(f"/hub/cases/{case.reference}/packages/").status_code == 404
    assert client.get(f"/hub/cases/{case.reference}/packages/1/zip").status_code == 404
    assert PackageVersion.objects.count() == 1
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DENIED).count() == 2
