"""The hub's staff pages: triage queue, case page, evidence downloads, allocation, a force's
answer to an allocation (accept, return, ask for a transfer) and crime outcomes.

Which cases a user may see is decided by `selectors.visible_cases`; which pages a role may open
by the `hatehub.accounts.access` decorators. Every page that shows personal data writes an audit
entry.
"""

from math import ceil

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from hatehub.accounts import roles
from hatehub.accounts.access import allocators, casework, force_users
from hatehub.assessment import selectors as assessment_selectors
from hatehub.audit.services import Action, record
from hatehub.cases import outcomes, selectors, services
from hatehub.cases.access import visible_case
from hatehub.cases.forms import (
    AcceptForm,
    AllocationForm,
    OutcomeForm,
    QueueFilterForm,
    ReturnForm,
    TransferForm,
)
from hatehub.cases.models import Allocation, Case
from hatehub.core.errors import not_found
from hatehub.core.extensions import case_panels
from hatehub.core.pagination import paginate
from hatehub.evidence.downloads import serve_evidence
from hatehub.jurisdiction.services import case_responsibility, force_for
from hatehub.matching import selectors as matching_selectors
from hatehub.reports.selectors import recording_backlog

from .summary import case_summary

QUEUE_PAGE_SIZE = 50


@casework
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET, choose_force=roles.sees_every_case(request.user))
    form.is_valid()  # errors are shown; the filters that are valid still apply
    filters = form.filters()
    sort = selectors.QueueSort.parse(request.GET.get("sort"))
    cases = selectors.queue(request.user, filters, sort)
    page, page_range = paginate(request, cases, QUEUE_PAGE_SIZE)
    rows = selectors.queue_rows(page.object_list)
    record(
        Action.VIEW,
        "case_list",
        summary=f"Triage queue viewed: page {page.number}, {len(rows)} case(s)",
        details={
            "cases": [row.case.reference for row in rows],
            "page": page.number,
            "filters": filters.as_details(),
            "sort": sort,
        },
    )
    force = request.user.force if roles.responds_to_allocations(request.user) else None
    return render(
        request,
        "cases/queue.html",
        {
            "nav": "queue",
            "heading": f"{force.name}: cases allocated to you" if force else "Triage queue",
            "sort": sort,
            "sort_order": selectors.QueueSort.DESCRIPTIONS[sort],
            "sort_caption": selectors.QueueSort.CAPTIONS[sort],
            "sort_links": _sort_links(request),
            "here": request.get_full_path(),
            "form": form,
            "rows": rows,
            "page": page,
            "page_range": page_range,
            "filtered": bool(filters.as_details()),
            "page_has_errors": bool(form.errors),
            "awaiting_count": selectors.awaiting_count(request.user),
            "recording": recording_backlog() if roles.sees_every_case(request.user) else None,
            "force_user": roles.responds_to_allocations(request.user),
        },
    )


def _sort_links(request: HttpRequest) -> dict[str, str]:
    """The queue's address sorted each way, keeping the filters (and going back to page 1)."""
    params = request.GET.copy()
    params.pop("page", None)
    links = {}
    for key in selectors.QueueSort.CHOICES:
        params["sort"] = key
        links[key] = f"?{params.urlencode()}"
    return links


@casework
@require_POST
def assign_to_me(request: HttpRequest, reference: str) -> HttpResponse:
    """The signed-in officer takes the case, from the queue or the case page, and goes back
    there."""
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    try:
        services.assign_to_me(case, officer=request.user)
    except services.AllocationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Case {case.reference} assigned to you")
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("cases:case", reference=case.reference)


def _case_forms(request: HttpRequest, case: Case, offer: Allocation | None, responsibility) -> dict:
    """The forms the case page offers this user, unbound: allocation for supervisors while the
    hub has the case; accept, return and transfer for the force it is offered to."""
    user = request.user
    forms: dict = {}
    if roles.allocates_cases(user) and selectors.may_allocate(case):
        last = selectors.last_allocation(case)
        initial = {}
        if last is not None and last.state == Allocation.State.TRANSFER_REQUESTED:
            initial["force"] = last.transfer_to
        elif responsibility is not None:
            initial["force"] = force_for(responsibility.investigating)
        forms["allocation"] = AllocationForm(initial=initial)
    if offer is not None and roles.works_for_force(user, offer.force_id):
        initial = {"offer": offer.pk}
        forms["accept"] = AcceptForm(prefix="accept", initial=initial)
        forms["return"] = ReturnForm(prefix="return", initial=initial)
        forms["transfer"] = TransferForm(prefix="transfer", initial=initial, own_force=offer.force)
    return forms


def _render_case(
    request: HttpRequest, case: Case, bound: dict | None = None, *, status: int = 200
) -> HttpResponse:
    """The case page. `bound` holds a submitted form with errors, shown in place of the blank
    one (and in the error summary)."""
    show_complainant = selectors.sees_complainant_details(request.user, case)
    selectors.label_reports(case)
    reports_page, reports_page_range = paginate(
        request, range(case.report_count), selectors.REPORTS_PER_PAGE
    )
    offer = selectors.open_offer(case)
    responsibility = case_responsibility(case)
    forms = {**_case_forms(request, case, offer, responsibility), **(bound or {})}
    crimes = selectors.crime_reports(case)
    assessment = assessment_selectors.for_case_page(case, request.user)
    records_outcomes = selectors.records_outcomes(request.user, case) and any(
        crime.recorded_outcome is None for crime in crimes
    )
    summary = case_summary(
        case,
        request.user,
        assessment=assessment["assessment"],
        offer=offer,
        crimes=crimes,
        outcomes_due=records_outcomes,
    )
    record(
        Action.VIEW,
        "case",
        case.reference,
        summary=f"Case {case.reference} viewed",
        details={
            "reports": [report.reference for report in case.report_list],
            "complainant_details_shown": show_complainant,
            "summary": summary.as_details(),
        },
    )
    return render(
        request,
        "cases/case_detail.html",
        {
            "nav": "queue",
            "case": case,
            "matching": matching_selectors.for_case_page(case, request.user),
            "responsible_force": responsibility,
            **assessment,
            "case_summary": summary,
            "page": reports_page,
            "page_range": reports_page_range,
            "show_complainant": show_complainant,
            "allocation_form": forms.get("allocation"),
            "accept_form": forms.get("accept"),
            "return_form": forms.get("return"),
            "transfer_form": forms.get("transfer"),
            "bound_forms": list((bound or {}).values()),
            "page_has_errors": any(form.errors for form in (bound or {}).values()),
            "offer": offer,
            "responsibility": selectors.responsibility(case, offer, responsibility),
            "allocations": selectors.allocation_history(case),
            "crimes": crimes,
            "panels": case_panels(request, case),
            "records_outcomes": records_outcomes,
        },
        status=status,
    )


def _reports_page_number(request: HttpRequest) -> int:
    try:
        return max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        return 1


def _contents(case: Case) -> Case:
    return selectors.with_contents(Case.objects.filter(pk=case.pk)).get()


@casework
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    number = _reports_page_number(request)
    cases = selectors.with_contents(selectors.visible_cases(request.user), reports_page=number)
    case = visible_case(request, reference, cases)
    if case is None:
        return not_found(request)
    last = max(ceil(case.report_count / selectors.REPORTS_PER_PAGE), 1)
    if number > last:  # past the end: show the last page, as the queue does
        case = selectors.with_contents(Case.objects.filter(pk=case.pk), reports_page=last).get()
    return _render_case(request, case)


@allocators
@require_POST
def allocate(request: HttpRequest, reference: str) -> HttpResponse:
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    form = AllocationForm(request.POST)
    if form.is_valid():
        force = form.cleaned_data["force"]
        try:
            services.allocate(
                case, force=force, reason=form.cleaned_data["reason"], by=request.user
            )
        except services.AllocationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, f"Case {case.reference} allocated to {force.name}")
            return redirect("cases:case", reference=case.reference)
    return _render_case(request, _contents(case), {"allocation": form})


# A force's answer to an allocation ------------------------------------------------------------


def _answer_offer(request: HttpRequest, reference: str, name: str, form, act) -> HttpResponse:
    """Check the form, call `act(case, cleaned_data)` (a service) and say what happened; a
    form with errors or a refusal shows the case page again with the problem."""
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    if form.is_valid():
        try:
            done = act(case, form.cleaned_data)
        except services.AllocationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, done)
            if selectors.visible_cases(request.user).filter(pk=case.pk).exists():
                return redirect("cases:case", reference=case.reference)
            return redirect("cases:queue")  # handed back to the hub: no longer this force's
    return _render_case(request, _contents(case), {name: form})


@force_users
@require_POST
def accept(request: HttpRequest, reference: str) -> HttpResponse:
    def act(case: Case, data: dict) -> str:
        services.accept(case, by=request.user, offer_id=data["offer"])
        return f"Case {case.reference} accepted: your force now owns it and its victim care"

    return _answer_offer(
        request, reference, "accept", AcceptForm(request.POST, prefix="accept"), act
    )


@force_users
@require_POST
def return_to_hub(request: HttpRequest, reference: str) -> HttpResponse:
    def act(case: Case, data: dict) -> str:
        services.return_to_hub(case, by=request.user, offer_id=data["offer"], reason=data["reason"])
        return f"Case {case.reference} returned to the hub"

    return _answer_offer(
        request, reference, "return", ReturnForm(request.POST, prefix="return"), act
    )


@force_users
@require_POST
def request_transfer(request: HttpRequest, reference: str) -> HttpResponse:
    def act(case: Case, data: dict) -> str:
        services.request_transfer(
            case,
            by=request.user,
            offer_id=data["offer"],
            to_force=data["force"],
            reason=data["reason"],
        )
        return (
            f"Case {case.reference} returned to the hub with your request to transfer it to "
            f"{data['force'].name}"
        )

    form = TransferForm(request.POST, prefix="transfer", own_force=request.user.force)
    return _answer_offer(request, reference, "transfer", form, act)


@force_users
def record_outcome(request: HttpRequest, reference: str) -> HttpResponse:
    """The owning force records the Home Office outcome of one victim's crime."""
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    if not selectors.records_outcomes(request.user, case):
        messages.error(request, "Your force must accept the case before recording outcomes")
        return redirect("cases:case", reference=case.reference)
    pending = [crime for crime in selectors.crime_reports(case) if crime.recorded_outcome is None]
    if not pending:
        messages.error(request, "Every crime in this case already has an outcome")
        return redirect("cases:case", reference=case.reference)
    if not outcomes.scheme_applies(services.outcome_nation(case)):
        messages.error(request, outcomes.NOT_IN_SCOTLAND)  # no Home Office codes in Scotland
        return redirect("cases:case", reference=case.reference)
    limits = [(crime, services.time_limits(case, crime)) for crime in pending]
    form = OutcomeForm(request.POST or None, crimes=pending)
    if request.method == "POST" and form.is_valid():
        report = next(c for c in pending if c.reference == form.cleaned_data["crime"])
        try:
            outcome = services.record_outcome(
                case,
                report,
                by=request.user,
                outcome=form.proposed(),
                warnings_confirmed=form.cleaned_data["confirm"],
            )
        except services.OutcomeRefused as refusal:
            for problem in refusal.problems:
                form.add_error(problem.field or None, problem.message)
        except services.AllocationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            case.refresh_from_db(fields=["status"])
            closed = " The case is now closed." if case.status == Case.Status.CLOSED else ""
            messages.success(
                request,
                f"Outcome {outcome.code} recorded for the crime in report "
                f"{report.reference}.{closed}",
            )
            return redirect("cases:case", reference=case.reference)
    record(
        Action.VIEW,
        "case",
        case.reference,
        summary=f"Outcome form for case {case.reference} viewed",
        details={"crimes": [crime.reference for crime in pending]},
    )
    return render(
        request,
        "cases/record_outcome.html",
        {
            "nav": "queue",
            "case": case,
            "form": form,
            "time_limits": [(crime, due) for crime, due in limits if due],
            "page_has_errors": bool(form.errors),
        },
    )


@casework
def evidence_download(request: HttpRequest, reference: str, evidence_id: int) -> HttpResponse:
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    evidence = selectors.original_evidence(case, evidence_id)
    if evidence is None:
        raise Http404("No such evidence in this case")
    return serve_evidence(request, case, evidence, as_attachment=True)


@casework
def evidence_thumbnail(request: HttpRequest, reference: str, evidence_id: int) -> HttpResponse:
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    thumbnail = selectors.thumbnail_of(case, evidence_id)
    if thumbnail is None:
        raise Http404("No thumbnail (yet) for this evidence")
    return serve_evidence(request, case, thumbnail, as_attachment=False)
