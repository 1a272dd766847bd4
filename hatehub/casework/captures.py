"""Evidence pages: capture a reported page, download what a capture made, and read a file's
continuity log. Hub staff, and the force the case is allocated to (as the case page)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from hatehub.accounts.access import casework
from hatehub.audit.services import Action, record
from hatehub.cases.access import visible_case
from hatehub.core.errors import not_found
from hatehub.evidence import selectors, services
from hatehub.evidence.downloads import serve_evidence
from hatehub.evidence.forms import CaptureForm


@casework
def capture(request: HttpRequest, reference: str) -> HttpResponse:
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    items = selectors.content_items(case, limit=None)
    initial = {}
    if request.GET.get("item", "").isdigit():
        initial["item"] = int(request.GET["item"])
    form = CaptureForm(request.POST or None, items=items, initial=initial)
    if request.method == "POST" and form.is_valid():
        item = next(item for item in items if item.pk == form.cleaned_data["item"])
        try:
            started = services.request_capture(
                item, by=request.user, reason=form.cleaned_data["reason"]
            )
        except services.CaptureNotAllowed as refusal:
            form.add_error("item", f"This page cannot be captured: {refusal}")
        else:
            messages.success(
                request,
                f"Capture of {started.url} started. Its files appear in the Online captures "
                "section when it finishes.",
            )
            return redirect(f"/hub/cases/{case.reference}/#online-captures")
    record(
        Action.VIEW,
        "case",
        case.reference,
        summary=f"Capture form for case {case.reference} viewed",
        details={"content_items": [item.pk for item in items]},
    )
    return render(
        request,
        "evidence/capture.html",
        {"nav": "queue", "case": case, "form": form, "page_has_errors": bool(form.errors)},
        status=400 if form.errors else 200,
    )


@casework
def capture_file(request: HttpRequest, reference: str, evidence_id: int) -> HttpResponse:
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    evidence = selectors.capture_file(case, evidence_id)
    if evidence is None:
        raise Http404("No such capture file in this case")
    return serve_evidence(request, case, evidence, as_attachment=True)


@casework
def continuity(request: HttpRequest, reference: str, evidence_id: int) -> HttpResponse:
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    evidence = selectors.evidence_in_case(case, evidence_id)
    if evidence is None:
        raise Http404("No such evidence in this case")
    entries = selectors.continuity(evidence)
    record(
        Action.VIEW,
        "evidence",
        evidence.pk,
        summary=f"Continuity log of {evidence.original_filename} in case {case.reference} viewed",
        details={"entries": len(entries)},
    )
    return render(
        request,
        "evidence/continuity.html",
        {"nav": "queue", "case": case, "evidence": evidence, "entries": entries},
    )
