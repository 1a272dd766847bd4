import io
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from PIL import Image

from hatehub.audit.services import Action, acting_as, record

from . import conf, signals, store
from .capture import CaptureRefused, CaptureUnavailable, capture_page, check_scheme, collection_log
from .continuity import Action as Continuity
from .continuity import log, log_many
from .models import Capture, EvidenceFile
from .validation import check_file

logger = logging.getLogger(__name__)

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
    log_many(
        (
            item,
            Continuity.RECEIVED,
            f"{item.original_filename} ({item.media_type}, {item.size_bytes} bytes) received and "
            "stored under its SHA-256",
            f"Sent with report {report.reference} ({report.get_source_display()})",
            {"report": report.reference},
        )
        for item in files
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
    thumbnail, created = EvidenceFile.objects.get_or_create(
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
    if created:
        log_many(
            [
                (
                    thumbnail,
                    Continuity.DERIVED,
                    f"Thumbnail made from original {original.pk} (SHA-256 {original.sha256})",
                    "A small preview, so officers need not open the original to recognise it",
                    {"original": original.pk},
                ),
                (
                    original,
                    Continuity.DERIVED,
                    f"Read to make thumbnail {thumbnail.pk} (SHA-256 {sha256}); not changed",
                    "A small preview, so officers need not open the original to recognise it",
                    {"derivative": thumbnail.pk},
                ),
            ]
        )
    return thumbnail


def _stored_problem(sha256: str) -> str:
    try:
        return "" if store.sha256_of_stored(sha256) == sha256 else "changed"
    except FileNotFoundError:
        return "missing from the evidence store"


def open_for_download(evidence: EvidenceFile, *, case_reference: str):
    """The stored bytes, after checking they still match the hash taken at receipt."""
    problem = _stored_problem(evidence.sha256)
    if problem:
        log(
            evidence,
            Continuity.INTEGRITY_FAILURE,
            what=f"Refused to hand out: the stored file is {problem}",
            why=f"Opened from case {case_reference}",
        )
        record(
            Action.VIEW,
            "evidence",
            evidence.pk,
            summary=f"INTEGRITY FAILURE: {evidence.original_filename} in case {case_reference} "
            f"is {problem}",
            details={"sha256": evidence.sha256},
        )
        raise EvidenceIntegrityError(evidence.original_filename)
    primary = evidence.is_primary
    log(
        evidence,
        Continuity.DOWNLOADED if primary else Continuity.VIEWED,
        what=(
            "Downloaded after its SHA-256 was checked"
            if primary
            else "Shown as a preview after its SHA-256 was checked"
        ),
        why=f"Opened from case {case_reference}",
    )
    record(
        Action.EXPORT if primary else Action.VIEW,
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


# Checking the whole store -----------------------------------------------------------------------


@dataclass
class StoreProblem:
    sha256: str  # the name the file is stored under (or the hash a record expects)
    problem: str  # "changed", "missing from the evidence store", "misnamed"
    found: str = ""  # the hash of what is there now
    evidence_ids: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        files = f" (evidence {', '.join(map(str, self.evidence_ids))})" if self.evidence_ids else ""
        found = f": now hashes to {self.found}" if self.found else ""
        return f"{store.path_for(self.sha256)} is {self.problem}{found}{files}"


@dataclass
class VerifyResult:
    checked_files: int = 0
    checked_records: int = 0
    problems: list[StoreProblem] = field(default_factory=list)


def verify_store() -> VerifyResult:
    """Re-hash every file in the store (its name must be its SHA-256) and check every evidence
    record's file is there. Each failure is logged on the files it affects and audited."""
    result = VerifyResult()
    expected: dict[str, list[int]] = {}
    for pk, sha256 in EvidenceFile.objects.order_by("pk").values_list("pk", "sha256").iterator():
        expected.setdefault(sha256, []).append(pk)
        result.checked_records += 1
    seen: set[str] = set()
    for path in store.stored_paths():
        name = path.rsplit("/", 1)[-1]
        result.checked_files += 1
        actual = store.sha256_of_path(path)
        if path != store.path_for(name):
            result.problems.append(StoreProblem(name, f"misplaced (at {path})", actual))
            continue
        seen.add(name)
        if actual != name:
            result.problems.append(StoreProblem(name, "changed", actual, expected.get(name, [])))
    for sha256, ids in expected.items():
        if sha256 not in seen:
            result.problems.append(StoreProblem(sha256, "missing from the evidence store", "", ids))
    for problem in result.problems:
        affected = list(EvidenceFile.objects.filter(pk__in=problem.evidence_ids))
        with transaction.atomic():
            log_many(
                (
                    item,
                    Continuity.INTEGRITY_FAILURE,
                    f"verify_evidence: the stored file is {problem.problem}"
                    + (f" (now hashes to {problem.found})" if problem.found else ""),
                    "Scheduled re-hash of the whole evidence store",
                    {"found": problem.found},
                )
                for item in affected
            )
            record(
                Action.VIEW,
                "evidence_store",
                problem.sha256,
                summary=f"INTEGRITY FAILURE: stored file {problem.sha256[:16]}... is "
                f"{problem.problem}",
                details={"found": problem.found, "evidence": problem.evidence_ids},
            )
    return result


# Capture of online content ----------------------------------------------------------------------


class CaptureNotAllowed(ValueError):
    """Written for the officer who asked."""


def request_capture(item, *, by, reason: str) -> Capture:
    """Start a capture of a reported URL (the work runs in a task after commit)."""
    try:
        check_scheme(item.url)
    except CaptureRefused as refusal:
        raise CaptureNotAllowed(str(refusal)) from refusal
    case_reference = item.report.case.reference
    capture = Capture.objects.create(
        content_item=item,
        url=item.url,
        reason=reason[:500],
        requested_by=by,
        requested_at=timezone.now(),
    )
    record(
        Action.CREATE,
        "capture",
        capture.pk,
        summary=f"Capture of {item.url[:150]} requested in case {case_reference}",
        details={"url": item.url, "report": item.report.reference, "reason": reason},
    )
    from .tasks import capture_content

    transaction.on_commit(lambda: capture_content.enqueue(capture.pk))
    return capture


def _finish(capture: Capture, status: str, detail: str = "") -> Capture:
    capture.status = status
    capture.status_detail = detail[:500]
    capture.finished_at = timezone.now()
    capture.save(update_fields=["status", "status_detail", "finished_at"])
    record(
        Action.CHANGE,
        "capture",
        capture.pk,
        summary=f"Capture of {capture.url[:150]}: {capture.shown_status}"[:300],
        details={"status": status, "detail": detail},
    )
    return capture


def run_capture(capture_id: int) -> Capture | None:
    """The task's work: capture the page, store every file under its hash as evidence of the
    report, with continuity entries in the name of the officer who asked. Safe to retry: a
    finished capture is left as it is."""
    capture = (
        Capture.objects.select_related("content_item__report__case", "requested_by")
        .filter(pk=capture_id)
        .first()
    )
    if capture is None or capture.finished:
        return capture
    user = capture.requested_by
    label = f"user:{user.username}" if user else "system"
    with acting_as(label, user=user):
        if not conf.capture_enabled():
            return _finish(
                capture,
                Capture.Status.UNAVAILABLE,
                "capture is switched off in this deployment (HUB_CAPTURE_ENABLED); "
                "take a screenshot on an approved device instead",
            )
        capture.status = Capture.Status.RUNNING
        capture.started_at = timezone.now()
        capture.save(update_fields=["status", "started_at"])
        try:
            result = capture_page(
                capture.url,
                chromium=conf.chromium_path(),
                allow_private=conf.capture_allows_private_addresses(),
                timeout_seconds=conf.capture_timeout_seconds(),
            )
        except CaptureRefused as refusal:
            return _finish(capture, Capture.Status.REFUSED, str(refusal))
        except CaptureUnavailable as reason:
            return _finish(capture, Capture.Status.UNAVAILABLE, str(reason))
        except Exception as error:  # the browser broke: say so, keep the worker alive
            logger.exception("Capture %s failed", capture.pk)
            return _finish(capture, Capture.Status.FAILED, f"{type(error).__name__}: {error}")
        return _store_capture(capture, result)


def _store_capture(capture: Capture, result) -> Capture:
    report = capture.content_item.report
    case_reference = report.case.reference
    hashes: dict[str, str] = {}
    stored: list[tuple[str, str, int, str]] = []
    for item in result.files:
        sha256, size = store.put_bytes(item.data)
        hashes[item.name] = sha256
        stored.append((item.name, item.media_type, size, sha256))
    requested_by = capture.requested_by
    log_bytes = collection_log(
        result,
        hashes=hashes,
        extra={
            "capture_id": capture.pk,
            "case": case_reference,
            "report": report.reference,
            "requested_by": requested_by.username if requested_by else "",
            "requested_at_utc": capture.requested_at.astimezone(UTC).isoformat(),
            "reason": capture.reason,
        },
    )
    sha256, size = store.put_bytes(log_bytes)
    stored.append(("collection-log.json", "application/json", size, sha256))
    with transaction.atomic():
        files = [
            EvidenceFile.objects.create(
                report=report,
                kind=EvidenceFile.Kind.CAPTURE,
                capture=capture,
                original_filename=f"capture-{capture.pk}-{name}",
                media_type=media_type,
                size_bytes=size,
                sha256=sha256,
                received_at=result.captured_at,
            )
            for name, media_type, size, sha256 in stored
        ]
        capture.captured_at = result.captured_at
        capture.final_url = result.final_url[:2000]
        capture.http_status = result.http_status
        capture.method = result.method
        capture.save(update_fields=["captured_at", "final_url", "http_status", "method"])
        log_many(
            (
                item,
                Continuity.CAPTURED,
                f"{item.original_filename} captured from {capture.url[:200]} at "
                f"{result.captured_at.isoformat()} by Chromium {result.browser_version}",
                capture.reason or f"Capture requested in case {case_reference}",
                {"capture": capture.pk, "url": capture.url},
            )
            for item in files
        )
        for item in files:
            record(
                Action.CREATE,
                "evidence",
                item.pk,
                summary=f"Captured {item.original_filename} for report {report.reference}",
                details={"sha256": item.sha256, "capture": capture.pk, "url": capture.url},
            )
        signals.page_captured.send(  # the case's timeline (hatehub.cases.receivers)
            sender=Capture,
            report=report,
            capture=capture,
            files=files,
            screenshot_sha256=hashes["screenshot.png"],
        )
        _finish(capture, Capture.Status.CAPTURED)
    return capture
