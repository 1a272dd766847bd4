from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from hatehub.accounts.access import staff_view
from hatehub.audit.services import Action, record
from hatehub.cases.models import Case
from hatehub.suspects.models import Person

from . import access, conf, selectors, services
from .forms import EraseCaseForm, ExportForm, FindSubjectForm, ReviewDecisionForm
from .models import RetentionReview

retention_viewers = staff_view(access.sees_retention)
retention_managers = staff_view(access.manages_retention)
subject_access_handlers = staff_view(access.handles_subject_access)


@retention_viewers
def reviews(request):
    schedule = conf.load_schedule()
    due = list(selectors.open_reviews())
    decided = list(selectors.decided_reviews())
    rules = {rule.id: rule for rule in schedule.rules}
    for review in due + decided:
        review.rule = rules.get(review.rule_id)
    record(
        Action.VIEW,
        "retention_review",
        summary=f"Retention reviews listed ({len(due)} due)",
        details={"due": len(due)},
    )
    return render(
        request,
        "privacy/reviews.html",
        {
            "nav": "privacy",
            "due": due,
            "decided": decided,
            "schedule": schedule,
            "schedule_rows": selectors.schedule_rows(schedule),
            "can_decide": access.manages_retention(request.user),
        },
    )


@retention_managers
def review(request, pk: int):
    review = get_object_or_404(RetentionReview, pk=pk)
    case = (
        Case.objects.filter(pk=review.record_id).first() if review.record_type == "case" else None
    )
    rule = conf.load_schedule().rule(review.rule_id)
    form = ReviewDecisionForm(request.POST or None)
    if request.method == "POST" and review.status == RetentionReview.Status.DUE and form.is_valid():
        try:
            if form.cleaned_data["decision"] == RetentionReview.Decision.KEEP:
                services.keep(
                    review,
                    by=request.user,
                    until=form.cleaned_data["keep_until"],
                    reason=form.cleaned_data["keep_reason"],
                )
                messages.success(request, f"{review.reference} is kept.")
            else:
                services.erase_reviewed(review, by=request.user)
                messages.success(request, f"The personal data of {review.reference} was erased.")
            return redirect("privacy:reviews")
        except services.PrivacyRefused as refusal:
            form.add_error(None, str(refusal))
    record(
        Action.VIEW,
        "retention_review",
        review.pk,
        summary=f"Retention review of {review.record_type} {review.reference} opened",
    )
    return render(
        request,
        "privacy/review.html",
        {
            "nav": "privacy",
            "review": review,
            "case": case,
            "rule": rule,
            "decision": selectors.latest_decision(case) if case else None,
            "form": form,
        },
    )


@retention_managers
def erase_case(request, reference: str):
    case = Case.objects.filter(reference=reference).first()
    if case is None:
        raise Http404
    form = EraseCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_case(
                case,
                by=request.user,
                why="request",
                basis=form.cleaned_data["basis"],
            )
            messages.success(request, f"The personal data of case {case.reference} was erased.")
            return redirect("privacy:erasures")
        except services.PrivacyRefused as refusal:
            form.add_error(None, str(refusal))
    return render(
        request,
        "privacy/erase_case.html",
        {
            "nav": "privacy",
            "case": case,
            "form": form,
            "erased": selectors.case_is_erased(case),
            "retention": selectors.retention_for_case(case),
        },
    )


@retention_managers
def erasures(request):
    entries = list(selectors.erasure_log())
    record(Action.VIEW, "erasure_log", summary=f"Erasure log listed ({len(entries)} entries)")
    return render(request, "privacy/erasures.html", {"nav": "privacy", "entries": entries})


def _search(request, form):
    """Search results for a valid FindSubjectForm: (complainants, person, found)."""
    data = form.cleaned_data
    if data["kind"] == "person":
        person = Person.objects.filter(reference=data["person_reference"].strip()).first()
        record(
            Action.VIEW,
            "person",
            person.reference if person else "",
            summary="Subject access search for a suspect"
            + (f": {person.reference}" if person else ": not found"),
        )
        return [], person, None
    found = selectors.find_complainants(
        reference=data["reference"],
        email=data["email"],
        phone=data["phone"],
        name=data["name"],
        submitted_from=data["submitted_from"],
        submitted_to=data["submitted_to"],
    )
    record(  # which criteria were used, never their values (they would outlive an erasure)
        Action.VIEW,
        "complainant",
        summary=f"Subject access search: {len(found.complainants)} report(s) found",
        details={
            "criteria": sorted(k for k in ("reference", "email", "phone", "name") if data[k]),
            "found": [c.report.reference for c in found.complainants],
            "scanned": found.scanned,
        },
    )
    return found.complainants, None, found


@subject_access_handlers
def subject_access(request):
    find = FindSubjectForm(request.POST or None)
    context = {"nav": "privacy_sar", "find": find, "searched": False, "export": None}
    if request.method == "POST" and find.is_valid():
        complainants, person, found = _search(request, find)
        ids = [c.pk for c in complainants]
        context.update(
            searched=True,
            complainants=complainants,
            person=person,
            found=found,
            export=ExportForm(
                initial={
                    "complainants": ids,
                    "person_reference": person.reference if person else "",
                },
                complainants=_queryset(ids),
            ),
        )
    return render(request, "privacy/subject_access.html", context)


def _queryset(ids):
    from hatehub.reports.models import Complainant

    return Complainant.objects.filter(pk__in=ids).select_related("report")


@subject_access_handlers
@require_POST
def subject_access_export(request):
    form = ExportForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["complainants"]:
                result = services.export_complainants(
                    list(form.cleaned_data["complainants"].select_related("report")),
                    by=request.user,
                    requester=form.cleaned_data["requester"],
                )
            else:
                person = Person.objects.filter(
                    reference=form.cleaned_data["person_reference"].strip()
                ).first()
                if person is None:
                    raise services.PrivacyRefused("There is no suspect with that reference")
                result = services.export_person(
                    person, by=request.user, requester=form.cleaned_data["requester"]
                )
        except services.PrivacyRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            response = HttpResponse(result.data, content_type="application/zip")
            response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
            return response
    return render(
        request,
        "privacy/subject_access.html",
        {
            "nav": "privacy_sar",
            "find": FindSubjectForm(),
            "searched": True,
            "complainants": [],
            "export": form,
            "export_failed": True,
        },
    )
