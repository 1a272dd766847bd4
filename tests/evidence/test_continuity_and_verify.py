"""Every action on an evidence file is in its continuity log, and `verify_evidence` re-hashes
the whole store and finds a changed byte."""

import hashlib
from pathlib import Path

import pytest
from django.core.management import call_command

from hatehub.audit.models import AuditEvent
from hatehub.evidence import store
from hatehub.evidence.models import ContinuityEntry, EvidenceFile
from hatehub.evidence.services import make_thumbnail
from tests.cases.helpers import case_with_evidence, unique_png

pytestmark = pytest.mark.django_db


def _stored_path(settings, sha256: str) -> Path:
    return Path(settings.STORAGES["evidence"]["OPTIONS"]["location"]) / store.path_for(sha256)


@pytest.fixture
def tamper(settings):
    """Change or remove a stored file; put it back afterwards (the store is shared by every
    test of the run)."""
    kept: dict[Path, bytes] = {}

    def change(sha256: str, new: bytes | None) -> Path:
        path = _stored_path(settings, sha256)
        kept.setdefault(path, path.read_bytes())
        if new is None:
            path.unlink()
        else:
            path.write_bytes(new)
        return path

    yield change
    for path, data in kept.items():
        path.write_bytes(data)


def test_receipt_thumbnail_and_download_are_in_the_continuity_log(
    client, users, make_report, forces
):
    case, original = case_with_evidence(make_report, force=forces["merseyside"])
    thumbnail = original.derivatives.get(kind=EvidenceFile.Kind.THUMBNAIL)

    received = ContinuityEntry.objects.get(evidence=original, action="received")
    audited = AuditEvent.objects.get(
        object_type="evidence", object_id=str(original.pk), action=AuditEvent.Action.CREATE
    )
    assert received.sha256 == original.sha256 and received.actor_label == audited.actor_label
    assert case.reports.get().reference in received.why
    made = ContinuityEntry.objects.get(evidence=thumbnail, action="derived")
    assert str(original.pk) in made.what and made.sha256 == thumbnail.sha256
    assert ContinuityEntry.objects.filter(evidence=original, action="derived").exists()
    make_thumbnail(original)  # a retried task adds nothing
    assert ContinuityEntry.objects.filter(evidence=thumbnail).count() == 1

    client.force_login(users["force_user"])
    response = client.get(f"/hub/cases/{case.reference}/evidence/{original.pk}/")
    b"".join(response.streaming_content)
    downloaded = ContinuityEntry.objects.get(evidence=original, action="downloaded")
    assert downloaded.actor == users["force_user"]
    assert downloaded.why == f"Opened from case {case.reference}"
    client.get(f"/hub/cases/{case.reference}/evidence/{original.pk}/thumbnail")
    assert ContinuityEntry.objects.filter(evidence=thumbnail, action="viewed").count() == 1

    case_page = client.get(f"/hub/cases/{case.reference}/")
    link = f"/hub/cases/{case.reference}/evidence/{original.pk}/continuity/"
    assert link.encode() in case_page.content
    page = client.get(link)
    assert page.status_code == 200
    for text in (b"Received", b"Downloaded", b"Derivative made", original.sha256.encode()):
        assert text in page.content
    assert AuditEvent.objects.filter(
        object_type="evidence", object_id=str(original.pk), summary__startswith="Continuity"
    ).exists()


def test_a_changed_download_is_refused_and_logged(client, users, make_report, settings, tamper):
    case, original = case_with_evidence(make_report, thumbnail=False)
    data = _stored_path(settings, original.sha256).read_bytes()
    tamper(original.sha256, data[:-1] + bytes([data[-1] ^ 0xFF]))
    client.force_login(users["hub_officer"])
    response = client.get(f"/hub/cases/{case.reference}/evidence/{original.pk}/")
    assert response.status_code == 409
    assert ContinuityEntry.objects.filter(evidence=original, action="integrity_failure").exists()
    assert not ContinuityEntry.objects.filter(evidence=original, action="downloaded").exists()


def test_verify_evidence_passes_on_an_intact_store(make_report, capsys, settings, tmp_path):
    # A store of its own: other tests leave deliberately changed files in the shared one.
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {**settings.STORAGES["evidence"], "OPTIONS": {"location": str(tmp_path)}},
    }
    case_with_evidence(make_report)
    call_command("verify_evidence")
    out = capsys.readouterr().out
    assert "Every file matches its SHA-256" in out and "0 problem(s)" in out


def test_verify_evidence_finds_one_changed_byte_of_an_original(
    make_report, settings, capsys, tamper
):
    case, original = case_with_evidence(make_report, png=unique_png("tamper"))
    data = bytearray(_stored_path(settings, original.sha256).read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit of one byte
    tamper(original.sha256, bytes(data))

    with pytest.raises(SystemExit) as exit_info:
        call_command("verify_evidence")
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    found = hashlib.sha256(bytes(data)).hexdigest()
    assert f"MISMATCH {store.path_for(original.sha256)} is changed: now hashes to {found}" in err
    assert f"(evidence {original.pk})" in err
    entry = ContinuityEntry.objects.get(evidence=original, action="integrity_failure")
    assert entry.actor_label == "command:verify_evidence" and found in entry.what
    assert AuditEvent.objects.filter(
        object_type="evidence_store", summary__startswith="INTEGRITY FAILURE"
    ).exists()


def test_verify_evidence_finds_a_missing_file(make_report, capsys, tamper):
    case, original = case_with_evidence(make_report, png=unique_png("missing"), thumbnail=False)
    tamper(original.sha256, None)
    with pytest.raises(SystemExit):
        call_command("verify_evidence")
    assert "is missing from the evidence store" in capsys.readouterr().err


def test_existing_files_are_backfilled_by_the_migration(make_report):
    """The data migration gives files received before the log existed a receipt entry."""
    from importlib import import_module

    from django.apps import apps

    case, original = case_with_evidence(make_report, thumbnail=False)
    ContinuityEntry.objects.all().delete()
    import_module("hatehub.evidence.migrations.0003_backfill_continuity").backfill(apps, None)
    entry = ContinuityEntry.objects.get(evidence=original)
    assert entry.action == "received" and entry.at == original.received_at
    assert entry.details == {"backfilled": True}
