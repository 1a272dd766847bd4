"""Handing a stored file (evidence, a platform's or provider's response attachment) to a user's
browser: only bytes that still match their recorded SHA-256 leave the store, and a file opened
directly can never run script or load anything in the hub's origin."""

from collections.abc import Callable
from typing import IO, Any

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render


def integrity_checked_download(
    request: HttpRequest,
    open_checked: Callable[[], IO[bytes]],
    *,
    integrity_error: type[Exception],
    filename: str,
    media_type: str,
    as_attachment: bool,
    refusal_template: str,
    refusal_context: dict[str, Any],
) -> HttpResponse | FileResponse:
    """`open_checked` re-hashes the stored bytes (and logs the export) and raises
    `integrity_error` when they no longer match: the user then gets `refusal_template`, with
    status 409, saying so."""
    try:
        blob = open_checked()
    except integrity_error:
        return render(request, refusal_template, refusal_context, status=409)
    response = FileResponse(
        blob, as_attachment=as_attachment, filename=filename, content_type=media_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
