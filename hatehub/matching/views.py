"""Officers' matching decisions on a case: merge, split, undo a merge, dismiss a possible match.

Each view checks the form, calls the service and goes back to the case page; a refusal is shown
there as an error, and nothing changes.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from hatehub.accounts import roles
from hatehub.accounts.access import staff_view
from hatehub.cases.models import Case
from hatehub.reports.models import Report

from . import merging
from .forms import MergeForm, SplitForm, UndoForm
from .models import CaseMerge, PossibleMatch

hub_staff = staff_view(roles.sees_every_case)


def _back(case: Case) -> HttpResponse:
    return redirect("cases:case", reference=case.reference)


def _refused(request: HttpRequest, case: Case, form_or_message) -> HttpResponse:
    if isinstance(form_or_message, str):
        messages.error(request, form_or_message)
    else:
        for errors in form_or_message.errors.values():
            for error in errors:
                messages.error(request, error)
    return _back(case)


def _case(reference: str) -> Case:
    return get_object_or_404(Case, reference=reference)


@hub_staff
@require_POST
def merge(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case(reference)
    form = MergeForm(request.POST, case=case, prefix="merge")
    if not form.is_valid():
        return _refused(request, case, form)
    other = form.cleaned_data["other"]
    try:
        done = merging.merge_cases(case, other, by=request.user, reason=form.cleaned_data["reason"])
    except merging.MergeRefused as refused:
        return _refused(request, case, str(refused))
    messages.success(
        request, f"{other.reference} merged into this case ({len(done.report_ids)} report(s))"
    )
    return _back(case)


@hub_staff
@require_POST
def split(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case(reference)
    form = SplitForm(request.POST, case=case, prefix="split")
    if not form.is_valid():
        return _refused(request, case, form)
    reports = list(Report.objects.filter(case=case, reference__in=form.cleaned_data["reports"]))
    try:
        new_case = merging.split_case(
            case, reports, by=request.user, reason=form.cleaned_data["reason"]
        )
    except merging.MergeRefused as refused:
        return _refused(request, case, str(refused))
    messages.success(request, f"{len(reports)} report(s) moved to {new_case.reference}")
    return _back(case)


@hub_staff
@require_POST
def undo_merge(request: HttpRequest, reference: str, merge_id: int) -> HttpResponse:
    case = _case(reference)
    merge = get_object_or_404(CaseMerge, pk=merge_id, survivor=case)
    form = UndoForm(request.POST, prefix=f"undo{merge.pk}")
    if not form.is_valid():
        return _refused(request, case, form)
    try:
        restored = merging.undo_merge(merge, by=request.user, reason=form.cleaned_data["reason"])
    except merging.MergeRefused as refused:
        return _refused(request, case, str(refused))
    messages.success(request, f"Merge undone: {restored.reference} restored")
    return _back(case)


@hub_staff
@require_POST
def dismiss(request: HttpRequest, reference: str, match_id: int) -> HttpResponse:
    case = _case(reference)
    match = get_object_or_404(
        PossibleMatch.objects.select_related("case", "other_case"), pk=match_id
    )
    if case.pk not in (match.case_id, match.other_case_id):
        return _refused(request, case, "That possible match is not about this case")
    merging.dismiss_possible_match(match, by=request.user)
    messages.success(request, "Marked as not the same")
    return _back(case)
