"""A platform's answer to an identification request, and its attachments."""

from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

import filetype
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.evidence import store

from ..models import (
    IdentificationRequest,
    PlatformResponse,
    ResponseAttachment,
)
from .errors import AttachmentIntegrityError, RequestRefused
from .steps import Status, locked, require_spoc, require_state, step


@dataclass(frozen=True)
class ReceivedAttachment:
    name: str
    stream: BinaryIO
    size: int


MAX_ATTACHMENT_BYTES_DEFAULT = 50 * 1024 * 1024


def _store_attachment(upload: ReceivedAttachment) -> tuple[str, int, str]:
    """Store the bytes as they are (content-addressed under SHA-256, evidence.store); a
    platform's answer may be a PDF, a spreadsheet or a text export, so it is never opened here,
    only hashed and kept (downloads are served as attachments, sandboxed)."""
    limit = getattr(settings, "EVIDENCE_MAX_FILE_BYTES", MAX_ATTACHMENT_BYTES_DEFAULT)
    if upload.size == 0:
        raise RequestRefused(f"{upload.name} is empty")
    if upload.size > limit:
        raise RequestRefused(f"{upload.name} is too large (the limit is {limit} bytes)")
    upload.stream.seek(0)
    kind = filetype.guess(upload.stream.read(8192))
    upload.stream.seek(0)
    sha256, size = store.put(upload.stream)
    return sha256, size, kind.mime if kind else "application/octet-stream"


@dataclass(frozen=True)
class ResponseDetails:
    outcome: str
    received_at: datetime
    summary: str = ""
    refusal_reason: str = ""


@transaction.atomic
def record_response(
    request: IdentificationRequest,
    details: ResponseDetails,
    attachments: list[ReceivedAttachment],
    *,
    by,
) -> PlatformResponse:
    """The platform's answer, its files stored as evidence and hashed, with who received it and
    when (continuity)."""
    require_spoc(by, "record a platform's response")
    request = locked(request)
    require_state(request, Status.SENT, doing="given a response (it has not been sent)")
    if details.outcome not in PlatformResponse.Outcome.values:
        raise RequestRefused("Choose what the platform answered")
    if details.outcome == PlatformResponse.Outcome.REFUSED and not details.refusal_reason.strip():
        raise RequestRefused("Give the platform's reason for refusing")
    # Times are entered to the minute: an answer in the minute it was sent is possible.
    sent_minute = request.sent_at.replace(second=0, microsecond=0) if request.sent_at else None
    if details.received_at > timezone.now() or (sent_minute and details.received_at < sent_minute):
        raise RequestRefused(
            "The response must arrive after the request was sent, and not later than now"
        )
    now = timezone.now()
    response = PlatformResponse.objects.create(
        request=request,
        outcome=details.outcome,
        received_at=details.received_at,
        received_by=by,
        recorded_at=now,
        summary=details.summary.strip(),
        refusal_reason=details.refusal_reason.strip(),
    )
    stored = []
    for upload in attachments:
        sha256, size, media_type = _store_attachment(upload)
        attachment = ResponseAttachment.objects.create(
            response=response,
            original_filename=upload.name[:255],
            media_type=media_type,
            size_bytes=size,
            sha256=sha256,
            received_at=details.received_at,
            received_by=by,
        )
        stored.append({"file": attachment.original_filename, "sha256": sha256, "size": size})
    to_status = (
        Status.REFUSED
        if details.outcome == PlatformResponse.Outcome.REFUSED
        else Status.RESPONSE_RECEIVED
    )
    step(request, to_status, by=by, comments=details.outcome)
    request.save(update_fields=["status"])
    record(
        Action.CREATE,
        "identification_response",
        request.reference,
        summary=f"Platform response to {request.reference} recorded: {details.outcome}",
        details={
            "outcome": details.outcome,
            "received_at": details.received_at.isoformat(),
            "attachments": stored,
        },
    )
    return response


def open_attachment(attachment: ResponseAttachment, *, request_reference: str) -> BinaryIO:
    """The stored bytes, after re-hashing them against the hash taken at receipt (the store is
    content-addressed, so this is the same check `evidence.services.open_for_download` makes;
    that one takes an EvidenceFile, which belongs to a report)."""
    try:
        intact = store.sha256_of_stored(attachment.sha256) == attachment.sha256
    except FileNotFoundError:
        intact = False
    if not intact:
        record(
            Action.VIEW,
            "identification_response",
            request_reference,
            summary=f"INTEGRITY FAILURE: {attachment.original_filename} of {request_reference}",
            details={"sha256": attachment.sha256},
        )
        raise AttachmentIntegrityError(attachment.original_filename)
    record(
        Action.EXPORT,
        "identification_response",
        request_reference,
        summary=f"Response file {attachment.original_filename} of {request_reference} downloaded",
        details={"sha256": attachment.sha256, "attachment": attachment.pk},
    )
    return store.open_blob(attachment.sha256)
