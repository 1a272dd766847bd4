"""Generating and downloading a case's evidence package: hub staff, and the force the case is
allocated to (a case of another force answers 404, and the attempt is logged)."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from hatehub.accounts.access import casework
from hatehub.cases.access import visible_case
from hatehub.core.errors import not_found

from . import selectors, services


@casework
@require_POST
def generate(request: HttpRequest, reference: str) -> HttpResponse:
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    try:
        built = services.generate(case, by=request.user)
    except services.PackageError as error:
        messages.error(request, str(error))
    else:
        version = built.version
        if built.new:
            messages.success(
                request, f"Evidence package version {version.number} generated for {case.reference}"
            )
        else:
            messages.success(
                request,
                f"Nothing has changed since version {version.number}: it was generated again "
                "and is byte for byte the same",
            )
    return redirect(f"/hub/cases/{case.reference}/#evidence-packages")


def _download(request: HttpRequest, reference: str, number: int, what: str) -> HttpResponse:
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    version = selectors.version(case, number)
    if version is None:
        raise Http404("No such package version")
    try:
        blob, name = services.open_for_download(version, user=request.user, what=what)
    except services.PackageError as error:
        messages.error(request, str(error))
        return redirect(f"/hub/cases/{case.reference}/#evidence-packages")
    response = FileResponse(
        blob,
        as_attachment=True,
        filename=name,
        content_type="application/zip" if what == "zip" else "application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@casework
def download_zip(request: HttpRequest, reference: str, number: int) -> HttpResponse:
    return _download(request, reference, number, "zip")


@casework
def download_pdf(request: HttpRequest, reference: str, number: int) -> HttpResponse:
    return _download(request, reference, number, "pdf")
