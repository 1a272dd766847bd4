"""Handing a stored evidence file to a user's browser, for any app's page that offers one."""

from django.http import FileResponse, HttpRequest, HttpResponse

from hatehub.core.downloads import integrity_checked_download

from .models import EvidenceFile
from .services import EvidenceIntegrityError, open_for_download


def serve_evidence(
    request: HttpRequest, case, evidence: EvidenceFile, *, as_attachment: bool
) -> HttpResponse | FileResponse:
    """Hand out stored bytes only after the store re-hashes them (and logs the export); bytes
    that no longer match their recorded SHA-256 are refused with a page that says so."""
    return integrity_checked_download(
        request,
        lambda: open_for_download(evidence, case_reference=case.reference),
        integrity_error=EvidenceIntegrityError,
        filename=evidence.original_filename,
        media_type=evidence.media_type,
        as_attachment=as_attachment,
        refusal_template="cases/evidence_integrity.html",
        refusal_context={"nav": "queue", "case": case, "evidence": evidence},
    )
