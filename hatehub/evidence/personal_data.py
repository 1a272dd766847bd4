"""Personal data held by the evidence app, for `hatehub.privacy` (erasure and subject access).

Erasure removes the case's evidence rows (originals, thumbnails, captures, their continuity
logs, exhibit references and package files) and deletes the bytes from the content-addressed
store AFTER the transaction commits, and only when no other record still names the same
SHA-256 (the store keeps identical bytes once, so another case's upload may share them)."""

from django.db import transaction

ERASE_ORDER = 20


def _referenced(sha256: str) -> bool:
    """Whether any record still names these bytes: an evidence file, or what another app keeps
    in the same store (its `personal_data.references_blob`, e.g. packages and suspects' response
    attachments; they are above evidence, so evidence asks rather than reads their tables)."""
    from hatehub.core.extensions import app_modules
    from hatehub.evidence.models import EvidenceFile

    return EvidenceFile.objects.filter(sha256=sha256).exists() or any(
        module.references_blob(sha256)
        for module in app_modules("personal_data")
        if hasattr(module, "references_blob")
    )


def delete_blobs_after_commit(candidates: set[str]) -> list[str]:
    """Of `candidates`, the hashes no record names any more: deleted from the store once the
    transaction commits (checked again then, in case an identical upload arrived meanwhile).
    A rollback deletes nothing."""
    from django.core.files.storage import storages

    from hatehub.evidence import store

    unreferenced = sorted(sha for sha in candidates if sha and not _referenced(sha))

    def delete() -> None:
        storage = storages["evidence"]
        for sha in unreferenced:
            if not _referenced(sha) and storage.exists(store.path_for(sha)):
                storage.delete(store.path_for(sha))

    if unreferenced:
        transaction.on_commit(delete)
    return unreferenced


def erase_for_case(case) -> dict[str, int]:
    from hatehub.core.extensions import app_modules
    from hatehub.evidence.models import Capture, ContinuityEntry, EvidenceFile

    files = EvidenceFile.objects.filter(report__case=case)
    hashes = set(files.values_list("sha256", flat=True))
    counts = {
        "evidence_files": files.count(),
        "continuity_entries": ContinuityEntry.objects.filter(evidence__in=files).count(),
    }
    # What other apps made from these files goes first (packages: their exhibits and files):
    # their `personal_data.release_evidence(case, files)` gives counts and the hashes it freed.
    for module in app_modules("personal_data"):
        if hasattr(module, "release_evidence"):
            released, freed = module.release_evidence(case, files)
            counts.update(released)
            hashes |= freed
    files.filter(derived_from__isnull=False).delete()
    files.delete()
    captures = Capture.objects.filter(content_item__report__case=case)
    counts["captures"], _ = captures.delete()
    counts["stored_files_deleted"] = len(delete_blobs_after_commit(hashes))
    return counts


def export_for_complainant(complainant) -> dict:
    """The files the complainant supplied (their bytes go in the bundle beside this list)."""
    from hatehub.evidence.models import EvidenceFile

    files = EvidenceFile.objects.filter(
        report_id=complainant.report_id, kind=EvidenceFile.Kind.ORIGINAL
    )
    return {
        "files_you_supplied": [
            {
                "filename": f.original_filename,
                "media_type": f.media_type,
                "size_bytes": f.size_bytes,
                "sha256": f.sha256,
                "received_at": f.received_at.isoformat(),
            }
            for f in files
        ]
    }
