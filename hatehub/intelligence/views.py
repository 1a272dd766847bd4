"""The intelligence pages: the list, a report, drafting and changing it, the review of its
sanitised text and its dissemination.

Which reports a user may read: `selectors.readable_reports`; which parts of one: `access`.
A report that exists but is hidden from the user is answered like a missing one, and logged.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hatehub.accounts.access import staff_view
from hatehub.audit.services import Action, record
from hatehub.core.errors import not_found

from . import access, selectors, services
from . import grading as grading_rules
from .forms import DisseminateForm, ReportForm, ReviewForm, initial_for
from .models import IntelligenceReport

readers = staff_view(access.reads_intelligence)
writers = staff_view(access.writes_intelligence)
reviewers = staff_view(access.reviews_sanitisation)
NAV = "intelligence"


def _readable(request: HttpRequest, reference: str) -> IntelligenceReport | None:
    report = selectors.report_for(request.user, reference)
    if report is None and selectors.report_exists(reference):
        record(
            Action.DENIED,
            "intelligence_report",
            reference.strip().upper(),
            summary=f"Access to intelligence report {reference.strip().upper()[:30]} refused",
            details={"path": request.path},
        )
    return report


def _grading_context(report: IntelligenceReport) -> dict:
    current = selectors.current_grading(report)
    legacy = selectors.legacy_grading(report)
    return {
        "grading": current,
        "grading_words": grading_rules.describe(current) if current else None,
        "grading_errors": grading_rules.validate(current) if current else {},
        "legacy": legacy,
        "legacy_words": grading_rules.describe(legacy) if legacy else None,
        "legacy_notes": grading_rules.legacy_notes(legacy) if legacy else {},
        "nim_words": grading_rules.nim_level_words(report.nim_level),
        "scheme": grading_rules.scheme(grading_rules.CURRENT),
        "legacy_scheme": grading_rules.scheme(grading_rules.LEGACY),
    }


@readers
def report_list(request: HttpRequest) -> HttpResponse:
    reports = list(selectors.report_list(request.user)[:200])
    record(
        Action.VIEW,
        "intelligence_report_list",
        summary=f"Intelligence reports listed: {len(reports)}",
        details={"reports": [report.reference for report in reports]},
    )
    return render(
        request,
        "intelligence/list.html",
        {
            "nav": NAV,
            "reports": reports,
            "writes": access.writes_intelligence(request.user),
            "sees_source_details": access.sees_source_details(request.user),
        },
    )


@readers
def detail(request: HttpRequest, reference: str) -> HttpResponse:
    report = _readable(request, reference)
    if report is None:
        return not_found(request)
    report = selectors.with_links(report)
    user = request.user
    sees_sources = access.sees_source_details(user)
    flags = selectors.sanitisation_flags(report) if sees_sources else []
    record(
        Action.VIEW,
        "intelligence_report",
        report.reference,
        summary=f"Intelligence report {report.reference} viewed"
        + ("" if sees_sources else " (sanitised text only)"),
        details={"source_details_shown": sees_sources},
    )
    context = {
        "nav": NAV,
        "report": report,
        "sees_source_details": sees_sources,
        "sees_entities": access.sees_pole_entities(user),
        "writes": access.writes_intelligence(user),
        "may_edit": access.writes_intelligence(user)
        and report.status in IntelligenceReport.EDITABLE,
        "may_review": access.reviews_sanitisation(user)
        and report.status == IntelligenceReport.Status.AWAITING_REVIEW
        and user.pk not in (report.created_by_id, report.last_edited_by_id),
        "may_disseminate": access.writes_intelligence(user)
        and report.status
        in (IntelligenceReport.Status.REVIEWED, IntelligenceReport.Status.DISSEMINATED),
        "flags": flags,
        "blockers": selectors.blockers(report, recipient_count=1) if sees_sources else [],
        **_grading_context(report),
    }
    return render(request, "intelligence/detail.html", context)


@writers
def create(request: HttpRequest) -> HttpResponse:
    initial = {"case_references": request.GET.get("case", "")[:40]}
    if request.method == "POST" and "refresh" not in request.POST:
        form = ReportForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                report = services.create_report(form.draft(), by=request.user)
            except services.IntelligenceRefused as refused:
                _form_errors(form, refused)
            else:
                messages.success(request, f"Intelligence report {report.reference} drafted")
                return redirect("intelligence:detail", reference=report.reference)
    elif request.method == "POST":  # refresh the account and person lists for the cases named
        form = ReportForm(initial=_refresh_initial(request), user=request.user)
    else:
        form = ReportForm(initial=initial, user=request.user)
    return render(
        request,
        "intelligence/form.html",
        {"nav": NAV, "form": form, "report": None, **_scheme_context()},
    )


@writers
def edit(request: HttpRequest, reference: str) -> HttpResponse:
    report = _readable(request, reference)
    if report is None:
        return not_found(request)
    if report.status not in IntelligenceReport.EDITABLE:
        messages.error(request, "Only a draft or a returned report can be changed")
        return redirect("intelligence:detail", reference=report.reference)
    if request.method == "POST" and "refresh" not in request.POST:
        form = ReportForm(request.POST, user=request.user, report=report)
        if form.is_valid():
            try:
                services.update_report(report, form.draft(), by=request.user)
            except services.IntelligenceRefused as refused:
                _form_errors(form, refused)
            else:
                messages.success(request, f"Intelligence report {report.reference} saved")
                return redirect("intelligence:detail", reference=report.reference)
    elif request.method == "POST":
        form = ReportForm(initial=_refresh_initial(request), user=request.user, report=report)
    else:
        form = ReportForm(initial=initial_for(report), user=request.user, report=report)
    record(
        Action.VIEW,
        "intelligence_report",
        report.reference,
        summary=f"Intelligence report {report.reference} opened for changes",
    )
    return render(
        request,
        "intelligence/form.html",
        {"nav": NAV, "form": form, "report": report, **_scheme_context()},
    )


def _refresh_initial(request: HttpRequest) -> dict:
    initial = request.POST.dict()
    for name in ("accounts", "persons", "forces"):
        initial[name] = request.POST.getlist(name)
    return initial


def _scheme_context() -> dict:
    return {
        "scheme": grading_rules.scheme(grading_rules.CURRENT),
        "legacy_scheme": grading_rules.scheme(grading_rules.LEGACY),
    }


def _form_errors(form, refused: services.IntelligenceRefused) -> None:
    if refused.fields:
        for name, message in refused.fields.items():
            form.add_error(name if name in form.fields else None, message)
    else:
        for problem in refused.problems:
            form.add_error(None, problem)


@writers
@require_POST
def submit(request: HttpRequest, reference: str) -> HttpResponse:
    report = _readable(request, reference)
    if report is None:
        return not_found(request)
    try:
        services.submit_for_review(report, by=request.user)
    except services.IntelligenceRefused as refused:
        for problem in refused.problems:
            messages.error(request, problem)
    else:
        messages.success(request, f"{report.reference} sent for review of its sanitised text")
    return redirect("intelligence:detail", reference=report.reference)


@reviewers
def review(request: HttpRequest, reference: str) -> HttpResponse:
    report = _readable(request, reference)
    if report is None:
        return not_found(request)
    report = selectors.with_links(report)
    if report.status != IntelligenceReport.Status.AWAITING_REVIEW:
        messages.error(request, f"{report.reference} is not awaiting review")
        return redirect("intelligence:detail", reference=report.reference)
    if request.user.pk in (report.created_by_id, report.last_edited_by_id):
        messages.error(request, "You wrote this report: someone else must review it")
        return redirect("intelligence:detail", reference=report.reference)
    flags = selectors.sanitisation_flags(report)
    form = ReviewForm(request.POST or None, flags=flags)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.review(
                report,
                by=request.user,
                approve=approve,
                checked=form.cleaned_data.get("checked") or [],
                note=form.cleaned_data["note"],
            )
        except services.IntelligenceRefused as refused:
            _form_errors(form, refused)
        else:
            done = "approved" if approve else "returned to its author"
            messages.success(request, f"Sanitised text of {report.reference} {done}")
            return redirect("intelligence:detail", reference=report.reference)
    record(
        Action.VIEW,
        "intelligence_report",
        report.reference,
        summary=f"Sanitised text of {report.reference} opened for review ({len(flags)} flags)",
    )
    return render(
        request,
        "intelligence/review.html",
        {"nav": NAV, "report": report, "form": form, "flags": flags, **_grading_context(report)},
    )


@writers
def disseminate(request: HttpRequest, reference: str) -> HttpResponse:
    report = _readable(request, reference)
    if report is None:
        return not_found(request)
    form = DisseminateForm(request.POST or None, report=report)
    if request.method == "POST" and form.is_valid():
        recipients = list(form.cleaned_data["recipients"])
        try:
            services.disseminate(
                report, by=request.user, recipients=recipients, note=form.cleaned_data["note"]
            )
        except services.IntelligenceRefused as refused:
            _form_errors(form, refused)
        else:
            names = ", ".join(recipient.name for recipient in recipients)
            messages.success(request, f"{report.reference} disseminated to {names}")
            return redirect("intelligence:detail", reference=report.reference)
    record(
        Action.VIEW,
        "intelligence_report",
        report.reference,
        summary=f"Intelligence report {report.reference} opened for dissemination",
    )
    return render(
        request,
        "intelligence/disseminate.html",
        {
            "nav": NAV,
            "report": report,
            "form": form,
            "blockers": selectors.blockers(report, recipient_count=1),
            **_grading_context(report),
        },
    )
