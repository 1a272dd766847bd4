"""Hub staff assess a case: start or redo the assessment with their answers, record their
decision beside the recommendation; supervisors review decisions that differ."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from hatehub.accounts import roles
from hatehub.accounts.access import staff_view
from hatehub.cases.models import Case

from . import services
from .decisions import classification_label, decision_of, nation_of
from .forms import AnswersForm, DecisionForm, ReviewForm
from .models import Assessment
from .rules import load_rules

hub_staff = staff_view(roles.sees_every_case)
reviewers = staff_view(roles.allocates_cases)  # supervisors and administrators


def _case(reference: str) -> Case:
    return get_object_or_404(Case, reference=reference)


def _back(case: Case) -> HttpResponse:
    return redirect("cases:case", reference=case.reference)


@hub_staff
def answers(request: HttpRequest, reference: str) -> HttpResponse:
    """The questions that decide the outcome, pre-filled from the last assessment; saving them
    makes a new assessment (the old one stays as history)."""
    case = _case(reference)
    last = case.assessments.order_by("-number").first()
    inferred = last.inferred if last else {}
    if request.method == "POST":
        form = AnswersForm(request.POST, inferred=inferred)
        if form.is_valid():
            services.assess_case(
                case,
                by=request.user,
                reason="Officer's answers" if last else "First assessment",
                confirmed=form.confirmed(),
            )
            messages.success(request, "Assessment updated")
            return _back(case)
    else:
        initial = AnswersForm.initial_from(last.answers) if last else {}
        form = AnswersForm(initial=initial, inferred=inferred)
    return render(
        request,
        "assessment/answers.html",
        {"case": case, "form": form, "page_has_errors": bool(form.errors), "nav": "queue"},
    )


@hub_staff
@require_POST
def start(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case(reference)
    services.assess_case(case, by=request.user, reason="First assessment")
    return _back(case)


def _offence_choices() -> list[tuple[str, str]]:
    return [(o.id, f"{o.name} ({o.act} {o.section})") for o in load_rules().offences]


@hub_staff
def decision(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case(reference)
    assessment = case.assessments.order_by("-number").first()
    if assessment is None:
        messages.error(request, "Assess the case before recording a decision")
        return _back(case)
    rec = assessment.recommendation
    choices = _offence_choices()
    if request.method == "POST":
        form = DecisionForm(request.POST, offence_choices=choices, recommendation=rec)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_decision(
                    assessment,
                    classification=data["classification"],
                    strands=data["strands"],
                    offences=data["offences"],
                    priority=data["priority"],
                    rationale=data["rationale"],
                    by=request.user,
                )
            except services.DecisionRefused as refused:
                form.add_error("rationale", str(refused))
            else:
                messages.success(request, "Decision recorded")
                return _back(case)
    else:
        form = DecisionForm(
            offence_choices=choices,
            recommendation=rec,
            initial={
                "classification": rec["classification"],
                "strands": rec["strands"],
                "offences": [o["id"] for o in rec["offences"]],
                "priority": str(rec["priority"]["grade"]),
            },
        )
    return render(
        request,
        "assessment/decision.html",
        {
            "case": case,
            "assessment": assessment,
            "form": form,
            "page_has_errors": bool(form.errors),
            "nav": "queue",
        },
    )


@hub_staff
@require_POST
def confirm(request: HttpRequest, reference: str) -> HttpResponse:
    """The officer confirms their decision, carried forward after new reports joined."""
    case = _case(reference)
    assessment = case.assessments.order_by("-number").first()
    if assessment is None:
        messages.error(request, "Assess the case before confirming a decision")
        return _back(case)
    try:
        services.confirm_decision(assessment, by=request.user)
    except services.DecisionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, "Decision confirmed")
    return _back(case)


@reviewers
def disagreements(request: HttpRequest) -> HttpResponse:
    pending = (
        Assessment.objects.filter(disagrees=True, reviewed_at__isnull=True)
        .select_related("case", "decided_by")
        .order_by("decided_at")
    )[:200]
    rules = load_rules()
    items = [
        {
            "assessment": assessment,
            "recommended": classification_label(
                assessment.recommendation["classification"],
                nation_of(assessment.recommendation),
                rules,
            ),
            "decision": decision_of(assessment, rules),
        }
        for assessment in pending
    ]
    return render(
        request,
        "assessment/disagreements.html",
        {"pending": items, "form": ReviewForm(), "nav": "disagreements"},
    )


@reviewers
@require_POST
def review(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = get_object_or_404(Assessment, pk=assessment_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter your review note")
        return redirect("assessment:disagreements")
    try:
        services.review_disagreement(assessment, by=request.user, note=form.cleaned_data["note"])
    except services.DecisionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"Review of {assessment.case.reference} recorded")
    return redirect("assessment:disagreements")
