"""Handing a stored evidence file to a user's browser, for any app's page that offers one."""

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from .models import EvidenceFile
from .services import EvidenceIntegrityError, open_for_download


def serve_evidence(
    request: HttpRequest, case, evidence: EvidenceFile, *, as_attachment: bool
) -> HttpResponse | FileResponse:
    """Hand out stored bytes only after the store re-hashes them (and logs the export); bytes
    that no longer match their recorded SHA-256 are refused with a page that says so."""
    try:
        blob = open_for_download(evidence, case_reference=case.reference)
    except EvidenceIntegrityError:
        return render(
            request,
            "cases/evidence_integrity.html",
            {"nav": "queue", "case": case, "evidence": evidence},
            status=409,
        )
    response = FileResponse(
        blob,
        as_attachment=as_attachment,
        filename=evidence.original_filename,
        content_type=evidence.media_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Opened directly, a file can never run script or load anything in the hub's origin.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
