"""The hub's staff pages: triage queue, case page, evidence downloads and allocation.

Which cases a user may see is decided by `selectors.visible_cases`; which pages a role may open
by the `hatehub.core.access` decorators. Every page that shows personal data writes an audit
entry.
"""

from math import ceil

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hatehub.accounts import roles
from hatehub.audit.services import Action, record
from hatehub.core.access import allocators, casework
from hatehub.core.views import not_found
from hatehub.evidence.models import EvidenceFile
from hatehub.evidence.services import EvidenceIntegrityError, open_for_download
from hatehub.matching import selectors as matching_selectors

from . import selectors, services
from .forms import AllocationForm, QueueFilterForm
from .models import Case

QUEUE_PAGE_SIZE = 50


def paginate(request: HttpRequest, items: QuerySet, per_page: int) -> tuple[Page, list]:
    """The requested page (a bad or out-of-range number gives the nearest real page) and the
    page numbers to show, with ellipses, for the GOV.UK pagination component."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    page_range = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page, page_range


@casework
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET, choose_force=roles.sees_every_case(request.user))
    form.is_valid()  # errors are shown; the filters that are valid still apply
    filters = form.filters()
    page, page_range = paginate(request, selectors.queue(request.user, filters), QUEUE_PAGE_SIZE)
    rows = selectors.queue_rows(page.object_list)
    record(
        Action.VIEW,
        "case_list",
        summary=f"Triage queue viewed: page {page.number}, {len(rows)} case(s)",
        details={
            "cases": [row.case.reference for row in rows],
            "page": page.number,
            "filters": filters.as_details(),
        },
    )
    return render(
        request,
        "cases/queue.html",
        {
            "nav": "queue",
            "form": form,
            "rows": rows,
            "page": page,
            "page_range": page_range,
            "filtered": bool(filters.as_details()),
            "page_has_errors": bool(form.errors),
        },
    )


def _visible_case(request: HttpRequest, reference: str, cases: QuerySet[Case] | None = None):
    """The case if this user may see it, else None. A case that exists but is hidden from the
    user (another force's, or not yet allocated) is answered like a missing one, and the attempt
    is logged."""
    cases = selectors.visible_cases(request.user) if cases is None else cases
    case = cases.filter(reference=reference).first()
    if case is None and selectors.case_exists(reference):
        force = getattr(request.user, "force", None)
        record(
            Action.DENIED,
            "case",
            reference,
            summary=f"Access to case {reference} refused: not allocated to the user's force",
            details={"path": request.path, "user_force": getattr(force, "police_uk_id", None)},
        )
    return case


def _render_case(
    request: HttpRequest, case: Case, allocation_form: AllocationForm | None, *, status: int = 200
) -> HttpResponse:
    show_complainant = selectors.sees_complainant_details(request.user, case)
    selectors.label_reports(case)
    paginator = Paginator(range(case.report_count), selectors.REPORTS_PER_PAGE)
    reports_page = paginator.get_page(request.GET.get("page"))
    record(
        Action.VIEW,
        "case",
        case.reference,
        summary=f"Case {case.reference} viewed",
        details={
            "reports": [report.reference for report in case.report_list],
            "complainant_details_shown": show_complainant,
        },
    )
    return render(
        request,
        "cases/case_detail.html",
        {
            "nav": "queue",
            "case": case,
            "matching": matching_selectors.for_case_page(case, request.user),
            "page": reports_page,
            "page_range": list(
                paginator.get_elided_page_range(reports_page.number, on_each_side=2, on_ends=1)
            ),
            "show_complainant": show_complainant,
            "allocation_form": allocation_form,
            "page_has_errors": bool(allocation_form is not None and allocation_form.errors),
        },
        status=status,
    )


def _reports_page_number(request: HttpRequest) -> int:
    try:
        return max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        return 1


@casework
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    number = _reports_page_number(request)
    cases = selectors.with_contents(selectors.visible_cases(request.user), reports_page=number)
    case = _visible_case(request, reference, cases)
    if case is None:
        return not_found(request)
    last = max(ceil(case.report_count / selectors.REPORTS_PER_PAGE), 1)
    if number > last:  # past the end: show the last page, as the queue does
        case = selectors.with_contents(Case.objects.filter(pk=case.pk), reports_page=last).get()
    form = AllocationForm() if roles.allocates_cases(request.user) else None
    return _render_case(request, case, form)


@allocators
@require_POST
def allocate(request: HttpRequest, reference: str) -> HttpResponse:
    case = _visible_case(request, reference)
    if case is None:
        return not_found(request)
    form = AllocationForm(request.POST)
    if not form.is_valid():
        case = selectors.with_contents(Case.objects.filter(pk=case.pk)).get()
        return _render_case(request, case, form)
    force = form.cleaned_data["force"]
    services.allocate(case, force=force, reason=form.cleaned_data["reason"])
    messages.success(request, f"Case {case.reference} allocated to {force.name}")
    return redirect("cases:case", reference=case.reference)


def _serve(
    request: HttpRequest, case: Case, evidence: EvidenceFile, *, as_attachment: bool
) -> HttpResponse:
    """Hand out stored bytes only after the store re-hashes them (and logs the export)."""
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


@casework
def evidence_download(request: HttpRequest, reference: str, evidence_id: int) -> HttpResponse:
    case = _visible_case(request, reference)
    if case is None:
        return not_found(request)
    evidence = selectors.original_evidence(case, evidence_id)
    if evidence is None:
        raise Http404("No such evidence in this case")
    return _serve(request, case, evidence, as_attachment=True)


@casework
def evidence_thumbnail(request: HttpRequest, reference: str, evidence_id: int) -> HttpResponse:
    case = _visible_case(request, reference)
    if case is None:
        return not_found(request)
    thumbnail = selectors.thumbnail_of(case, evidence_id)
    if thumbnail is None:
        raise Http404("No thumbnail (yet) for this evidence")
    return _serve(request, case, thumbnail, as_attachment=False)
