import io
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from PIL import Image

from hatehub.audit.services import Action, record

from . import store
from .models import EvidenceFile
from .validation import check_file

THUMBNAIL_SIZE = (480, 480)


@dataclass(frozen=True)
class ReceivedFile:
    """An upload already checked and stored, waiting to be attached to its report."""

    sha256: str
    size_bytes: int
    media_type: str
    original_filename: str
    received_at: datetime


def receive(stream, *, name: str, size: int, received_at: datetime) -> ReceivedFile:
    """Check by content (raises EvidenceRejected with a message for the uploader), then store."""
    checked = check_file(stream, name=name, size=size, max_bytes=settings.EVIDENCE_MAX_FILE_BYTES)
    sha256, stored_size = store.put(stream)
    return ReceivedFile(
        sha256=sha256,
        size_bytes=stored_size,
        media_type=checked.media_type,
        original_filename=name[:255],
        received_at=received_at,
    )


def attach(report, received: list[ReceivedFile]) -> list[EvidenceFile]:
    """Record the files against the report, in the report's own transaction."""
    files = EvidenceFile.objects.bulk_create(
        EvidenceFile(
            report=report,
            original_filename=item.original_filename,
            media_type=item.media_type,
            size_bytes=item.size_bytes,
            sha256=item.sha256,
            received_at=item.received_at,
        )
        for item in received
    )
    for item in files:
        record(
            Action.CREATE,
            "evidence",
            item.pk,
            summary=f"Evidence {item.original_filename} received with report {report.reference}",
            details={"sha256": item.sha256, "size": item.size_bytes, "report": report.reference},
        )
    if any(item.is_image for item in files):
        from .tasks import make_thumbnails

        transaction.on_commit(lambda: make_thumbnails.enqueue(report.pk))
    return files


def make_thumbnail(original: EvidenceFile) -> EvidenceFile | None:
    """Idempotent: a second run finds the thumbnail already there."""
    if not original.is_image or original.kind != EvidenceFile.Kind.ORIGINAL:
        return None
    existing = original.derivatives.filter(kind=EvidenceFile.Kind.THUMBNAIL).first()
    if existing:
        return existing
    with store.open_blob(original.sha256) as blob, Image.open(blob) as image:
        image.thumbnail(THUMBNAIL_SIZE)
        output = io.BytesIO()
        image.convert("RGB").save(output, format="JPEG", quality=80)
    sha256, size = store.put_bytes(output.getvalue())
    thumbnail, _ = EvidenceFile.objects.get_or_create(
        derived_from=original,
        kind=EvidenceFile.Kind.THUMBNAIL,
        defaults={
            "report": original.report,
            "original_filename": f"thumbnail-{original.original_filename}.jpg",
            "media_type": "image/jpeg",
            "size_bytes": size,
            "sha256": sha256,
            "received_at": original.received_at,
        },
    )
    return thumbnail


def open_for_download(evidence: EvidenceFile, *, case_reference: str):
    """The stored bytes, after checking they still match the hash taken at receipt."""
    try:
        problem = "" if store.sha256_of_stored(evidence.sha256) == evidence.sha256 else "changed"
    except FileNotFoundError:
        problem = "missing from the evidence store"
    if problem:
        record(
            Action.VIEW,
            "evidence",
            evidence.pk,
            summary=f"INTEGRITY FAILURE: {evidence.original_filename} in case {case_reference} "
            f"is {problem}",
            details={"sha256": evidence.sha256},
        )
        raise EvidenceIntegrityError(evidence.original_filename)
    record(
        Action.EXPORT if evidence.kind == EvidenceFile.Kind.ORIGINAL else Action.VIEW,
        "evidence",
        evidence.pk,
        summary=(
            f"{evidence.get_kind_display()} of {evidence.original_filename} "
            f"opened from case {case_reference}"
        ),
        details={"sha256": evidence.sha256},
    )
    return store.open_blob(evidence.sha256)


class EvidenceIntegrityError(RuntimeError):
    pass
