"""The management commands: recipients and keys, and the export to a file (audited)."""

import hashlib
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.intelligence import services
from hatehub.intelligence.models import IntelligenceExport, IntelligenceRecipient, RecipientKey

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_add_a_recipient_issue_and_revoke_a_key(forces):
    run("intelligence_recipient", "add", "Merseyside FIB", "--force", "merseyside")
    recipient = IntelligenceRecipient.objects.get()
    assert recipient.force == forces["merseyside"]
    key, _ = run("intelligence_recipient", "issue-key", "merseyside fib", "--reason", "test")
    key = key.strip()
    assert key.startswith("ohi_") and services.authenticate_key(key).recipient == recipient
    stored = RecipientKey.objects.get()
    assert key.split("_", 2)[2] not in stored.secret_hash  # only the hash is kept
    listing, _ = run("intelligence_recipient", "list")
    assert "Merseyside FIB\tmerseyside\tactive" in listing and stored.prefix in listing
    run("intelligence_recipient", "revoke-key", stored.prefix, "--reason", "test")
    assert services.authenticate_key(key) is None
    actions = AuditEvent.objects.filter(object_type__startswith="intelligence_recipient")
    assert actions.count() == 3
    assert all(entry.actor_label == "command:intelligence_recipient" for entry in actions)


def test_add_refuses_unknown_forces_and_duplicates(forces):
    with pytest.raises(CommandError, match="No force"):
        run("intelligence_recipient", "add", "X", "--force", "atlantis")
    run("intelligence_recipient", "add", "X")
    with pytest.raises(CommandError, match="already exists"):
        run("intelligence_recipient", "add", "x")


def test_export_writes_the_file_prints_its_hash_and_audits(make_disseminated, recipients, tmp_path):
    report = make_disseminated(to=("national",))
    out, _ = run(
        "export_intelligence",
        "--recipient",
        "National Intelligence System (test)",
        "--from",
        timezone.localdate().isoformat(),
        "--out",
        str(tmp_path),
    )
    path, digest = out.split()
    data = open(path, "rb").read()  # noqa: PTH123 (a path the command printed)
    assert hashlib.sha256(data).hexdigest() == digest
    body = json.loads(data)
    assert [item["reference"] for item in body["intelligence_reports"]] == [report.reference]
    export = IntelligenceExport.objects.get()
    assert export.channel == "command" and export.sha256 == digest
    entry = AuditEvent.objects.get(action="disclose", object_type="intelligence_export")
    assert entry.details["recipient"] == "National Intelligence System (test)"
    assert entry.actor_label == "command:export_intelligence"


def test_export_csv_by_report_set(make_disseminated, recipients, tmp_path):
    report = make_disseminated(to=("kent",))
    target = tmp_path / "out.csv"
    out, _ = run(
        "export_intelligence",
        "--recipient",
        "Kent Force Intelligence Bureau",
        "--reports",
        report.reference,
        "--format",
        "csv",
        "--out",
        str(target),
    )
    assert out.split()[0] == str(target)
    assert target.read_text().startswith("intelligence_report,title,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--recipient", "Nobody"], "No active intelligence recipient"),
        (["--recipient", "Kent Force Intelligence Bureau"], "Give --from"),
        (["--recipient", "Kent Force Intelligence Bureau", "--from", "1 Nov"], "is not a date"),
        (
            ["--recipient", "Kent Force Intelligence Bureau", "--reports", "IR-NOPE"],
            "not available to this recipient: IR-NOPE",
        ),
        (
            [
                "--recipient",
                "Kent Force Intelligence Bureau",
                "--from",
                "2026-11-02",
                "--to",
                "2026-11-01",
            ],
            "on or after",
        ),
    ],
)
def test_export_refuses_bad_input(recipients, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        run("export_intelligence", *args, "--out", str(tmp_path))
    assert not IntelligenceExport.objects.exists()
